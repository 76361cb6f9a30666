/**
 * The HTTP side of the viewer: a request handler that serves the in-memory files under a
 * base path and says whether it answered, so a server can fall through to its own routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAgrisimError, ViewerError } from '../errors.js';
import { buildViewerAssets, type BuildViewerOptions, type ViewerAsset, type ViewerAssets } from './bundle.js';
import { joinAsset } from './join.js';

export interface ViewerHandlerOptions extends BuildViewerOptions {
  /** URL path the viewer lives under, starting and ending with `/` (default `/`). */
  basePath?: string;
  /** Send brotli or gzip to browsers that accept it (default true). */
  gzip?: boolean;
  /** URL other phones should open (the page's QR code, `join.json`); default: the URL the request came by. */
  joinUrl?: string;
}

/** Answers a request when it is for a viewer file; returns false to let the server go on. */
export type ViewerHandler = ((req: IncomingMessage, res: ServerResponse) => boolean) & {
  /** Resolves once the files are built (rejects with `VIEWER_BUILD`). */
  ready: Promise<void>;
  /** Sets the URL in the page's QR code (the CLI calls it once it knows the LAN address). */
  setJoinUrl(url: string): void;
};

function checkBase(basePath: string): string {
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(basePath)) {
    throw new ViewerError(
      'VIEWER_INVALID_OPTION',
      `basePath must start and end with "/" and hold only URL-safe path segments, got "${basePath}"`,
      { basePath },
    );
  }
  return basePath;
}

/** The asset name a request path asks for, or undefined when it is not the viewer's. */
export function assetName(pathname: string, basePath: string): string | undefined {
  if (pathname === basePath || pathname === basePath.slice(0, -1) || pathname === `${basePath}index.html`) return 'index.html';
  if (!pathname.startsWith(basePath)) return undefined;
  const rest = pathname.slice(basePath.length);
  return FIXED_NAMES.has(rest) || /^chunk-[A-Za-z0-9_-]+\.js$/.test(rest) ? rest : undefined;
}

/** Files the viewer always has; code-split chunks are `chunk-<hash>.js`. Other paths fall through. */
const FIXED_NAMES = new Set(['index.html', 'viewer.js', 'viewer.css', 'maplibre-gl.css', 'maplibre-gl-worker.mjs', 'sw.js', 'join.json']);

/** The encoding to send: brotli when accepted, else gzip, else none. */
export function pickEncoding(acceptEncoding: string, compress: boolean): 'br' | 'gzip' | undefined {
  if (!compress) return undefined;
  if (/\bbr\b/.test(acceptEncoding)) return 'br';
  return /\bgzip\b/.test(acceptEncoding) ? 'gzip' : undefined;
}

function send(req: IncomingMessage, res: ServerResponse, a: ViewerAsset, gzip: boolean): void {
  const encoding = pickEncoding(String(req.headers['accept-encoding'] ?? ''), gzip);
  const body = encoding === 'br' ? a.br : encoding === 'gzip' ? a.gzip : a.body;
  const headers: Record<string, string | number> = {
    'content-type': a.contentType,
    'content-length': body.length,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    vary: 'accept-encoding',
  };
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Creates the viewer's request handler. The page, its bundled JavaScript (built by esbuild
 * from src/viewer/app when the handler is created), its CSS and MapLibre's CSS and worker
 * are served from memory: no CDN, no tile server, works offline.
 * @param options - basePath (default `/`), gzip (default true), minify (default true)
 * @returns a handler `(req, res) => boolean` with a `ready` promise
 * @throws ViewerError `VIEWER_INVALID_OPTION` for a bad basePath
 * @example
 * import { createServer } from 'node:http';
 * import { createViewerHandler } from 'agrisim/viewer';
 * const viewer = createViewerHandler();
 * createServer((req, res) => { if (!viewer(req, res)) { res.writeHead(404); res.end(); } }).listen(8080, '127.0.0.1');
 */
export function createViewerHandler(options: ViewerHandlerOptions = {}): ViewerHandler {
  const basePath = checkBase(options.basePath ?? '/');
  const gzip = options.gzip ?? true;
  let joinUrl = options.joinUrl;
  let assets: ViewerAssets | undefined;
  let failure: Error | undefined;
  const ready = buildViewerAssets(options).then(
    (a) => {
      assets = a;
    },
    (e: Error) => {
      failure = e;
      throw e;
    },
  );
  ready.catch(() => undefined); // reported per request and to whoever awaits `ready`

  const handler = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      return false;
    }
    const name = assetName(pathname, basePath);
    if (!name) return false;
    const answer = () => {
      const a = name === 'join.json' ? assets && joinAsset(joinUrl, req.headers.host, basePath) : assets?.get(name);
      if (a) send(req, res, a, gzip);
      else if (failure) {
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(isAgrisimError(failure) ? `${failure.code}: ${failure.message}\n` : String(failure));
      } else {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('not found\n');
      }
    };
    if (assets || failure) answer();
    else ready.then(answer, answer);
    return true;
  };
  return Object.assign(handler, { ready, setJoinUrl: (url: string) => void (joinUrl = url) });
}
