/**
 * What every HTTP answer of the telemetry server carries, and who may open its WebSocket:
 * security headers on every response (the viewer's files, 404s, 405s), and the Origin check.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Characters a Host header may hold (host name, IPv4, [IPv6], port); anything else is not echoed into a header. */
const HOST_RE = /^[A-Za-z0-9.:[\]-]{1,255}$/;

/**
 * The default Content-Security-Policy: scripts, styles, images and workers from the page's
 * own origin only (MapLibre may start its worker from a `blob:` URL, and draws from `data:` and
 * `blob:` images), inline style attributes (not elements), and connections to this origin and
 * its WebSocket. No inline script, no framing; checked in Chromium by tests/telemetry/csp-browser.test.ts. Map tiles (the viewer's optional online background) may come from any https host or a local http one.
 */
/** A tile server on this machine (a local tile cache) may be http. */
const LOCAL_TILES = 'http://127.0.0.1:* http://localhost:* http://[::1]:*';
/** The page may reach the socket through a relay on this machine (`?ws=ws://127.0.0.1:N/ws`). */
const LOCAL_SOCKETS = 'ws://127.0.0.1:* ws://localhost:* ws://[::1]:*';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function defaultCsp(host: string | undefined): string {
  const self = host && HOST_RE.test(host) ? ` ws://${host} wss://${host}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    // Map tiles from the tile server a user sets in the page (OSM, satellite: https), or one on
    // this machine (a local tile cache); scripts stay the page's own, so this opens images and
    // tile requests, not code.
    `img-src 'self' data: blob: https: ${LOCAL_TILES}`,
    "style-src 'self'",
    // The viewer positions a few elements with style="…" attributes; no <style> element may be injected.
    "style-src-attr 'unsafe-inline'",
    `connect-src 'self'${self} https: ${LOCAL_TILES} ${LOCAL_SOCKETS}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Sets the security headers on a response before anyone writes it (writeHead merges them in).
 * @param csp - a fixed policy, or undefined for {@link defaultCsp} of the request's host
 */
export function setSecurityHeaders(req: IncomingMessage, res: ServerResponse, csp?: string): void {
  res.setHeader('content-security-policy', csp ?? defaultCsp(req.headers.host));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-frame-options', 'DENY');
}

/** Methods the server itself answers (other handlers, e.g. a phone's planning endpoint, may take more). */
export const ALLOWED_METHODS = 'GET, HEAD';

/**
 * Answers a request nobody else took: 404 for GET/HEAD, 405 with `Allow` for any other method.
 */
export function answerUnhandled(req: IncomingMessage, res: ServerResponse): void {
  const getLike = req.method === 'GET' || req.method === 'HEAD';
  const body = getLike
    ? 'agrisim telemetry: connect a WebSocket to /ws\n'
    : `method ${String(req.method).slice(0, 16)} not allowed: use ${ALLOWED_METHODS}\n`;
  const headers: Record<string, string | number> = {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  };
  if (!getLike) headers.allow = ALLOWED_METHODS;
  res.writeHead(getLike ? 404 : 405, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** True for interfaces only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Who may open the WebSocket from a browser: `any`, `same-host` (the Origin's host:port is the
 * Host the browser asked for, i.e. the page came from this server, whatever its address), or a list.
 */
export type OriginPolicy = 'any' | 'same-host' | string[];

/** True when a browser's upgrade request may proceed. Requests without Origin (non-browsers) always pass. */
export function originAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || policy === 'any') return true;
  if (Array.isArray(policy)) return policy.includes(origin);
  const host = req.headers.host;
  if (!host) return false;
  try {
    // Both through URL, so a default port written out (`:80` in Host) compares equal to none.
    const page = new URL(origin);
    // A page served from this machine's loopback (only a program here can serve one) may open
    // the socket through a local relay or port forward; DNS-rebinding pages have other names.
    if (LOOPBACK_HOSTS.has(page.hostname)) return true;
    return page.host === new URL(`${page.protocol}//${host}`).host;
  } catch {
    return false; // `null` (a file:// page, a sandboxed frame) and garbage
  }
}
