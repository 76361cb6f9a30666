/**
 * Joining the demo from a phone: which address to bind (every interface unless `--host`),
 * the URLs a phone on the same Wi-Fi can open (one per LAN address, from
 * os.networkInterfaces), and a QR code of the first one for the terminal (npm `qrcode`,
 * generated here, no network).
 */
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import QRCode from 'qrcode';

/** Every interface, IPv6 and IPv4 (Node's `::` is dual-stack unless IPv6 is off). */
export const ANY_HOST = '::';
/** Every IPv4 interface: the fallback when the machine has no IPv6. */
export const ANY_HOST_V4 = '0.0.0.0';

/** True for the "all interfaces" addresses. */
export function isAnyHost(host: string): boolean {
  return host === ANY_HOST || host === ANY_HOST_V4;
}

/** `http://host:port/`, IPv6 in brackets (a zone id `%eth0` percent-encoded per RFC 6874). */
export function httpUrlOf(host: string, port: number): string {
  const h = host.includes(':') ? `[${host.replace('%', '%25')}]` : host;
  return `http://${h}:${port}/`;
}

/** Where this machine itself opens the page (always loopback, so tests and the laptop never leave it). */
export function loopbackUrl(host: string, port: number): string {
  if (host === ANY_HOST || host === ANY_HOST_V4) return httpUrlOf('127.0.0.1', port);
  return httpUrlOf(host, port);
}

type Interfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/**
 * The page's URLs for other machines on the LAN: one per non-internal address when bound to
 * every interface (IPv4 first, then global IPv6 when bound to `::`; link-local IPv6 is left
 * out — phones cannot use it without a zone), or the bound address itself when it is not
 * loopback. Empty when only loopback is reachable.
 * @param interfaces - os.networkInterfaces() (a table in tests)
 * @example
 * lanUrls('::', 8080, { wlan0: [{ address: '192.168.1.20', family: 'IPv4', internal: false, … }] });
 * // ['http://192.168.1.20:8080/']
 */
export function lanUrls(host: string, port: number, interfaces: Interfaces = networkInterfaces()): string[] {
  if (!isAnyHost(host)) return /^(127\.|::1$|localhost$)/.test(host) ? [] : [httpUrlOf(host, port)];
  const all = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((a) => !a.internal);
  const v4 = all.filter((a) => a.family === 'IPv4').map((a) => a.address);
  const v6 = host === ANY_HOST ? all.filter((a) => a.family === 'IPv6' && !/^fe80:/i.test(a.address)).map((a) => a.address) : [];
  return [...new Set([...v4, ...v6])].map((a) => httpUrlOf(a, port));
}

/** The URL to put in the QR code: the first LAN URL, else the loopback one. */
export function joinUrlOf(host: string, port: number, interfaces?: Interfaces): string {
  return lanUrls(host, port, interfaces)[0] ?? loopbackUrl(host, port);
}

/** A QR code of `url` drawn with half-block characters for a terminal (about 29 columns). */
export function terminalQr(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'terminal', small: true, errorCorrectionLevel: 'M' });
}

/** True when listening failed because the machine has no IPv6 (then `0.0.0.0` is tried). */
export function isNoIpv6(e: unknown): boolean {
  const cause = (e as { details?: { cause?: unknown } }).details?.cause;
  return cause === 'EAFNOSUPPORT' || cause === 'EADDRNOTAVAIL';
}
