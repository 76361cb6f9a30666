/**
 * `join.json`: the URL another phone should open and its QR code as SVG, made on the server
 * (npm `qrcode`, no network) so the page's bundle stays small. Cached per URL.
 */
import QRCode from 'qrcode';
import { asset, type ViewerAsset } from './bundle.js';

const cache = new Map<string, ViewerAsset>();
/** Host headers we echo into a QR code: a name or address and a port, nothing else. */
const SAFE_HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The `join.json` file for `joinUrl`, else for the URL the request came by (its Host header),
 * or undefined when neither is usable (then the handler answers 404).
 */
export function joinAsset(joinUrl: string | undefined, hostHeader: string | undefined, basePath: string): ViewerAsset | undefined {
  const url = joinUrl ?? (hostHeader && SAFE_HOST.test(hostHeader) ? `http://${hostHeader}${basePath}` : undefined);
  if (!url) return undefined;
  let a = cache.get(url);
  if (!a) {
    // toString with a callback is synchronous for SVG (qrcode's svg renderer needs no canvas).
    let svg = '';
    QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#1d2a16', light: '#ffffff' } }, (e, s) => {
      if (!e) svg = s;
    });
    a = asset('join.json', JSON.stringify({ url, svg }));
    if (cache.size > 16) cache.clear();
    cache.set(url, a);
  }
  return a;
}
