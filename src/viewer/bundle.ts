/**
 * Builds the viewer's files in memory: the browser app bundled by esbuild from
 * src/viewer/app (code-split so the 2D fallback loads without MapLibre), its CSS, and
 * MapLibre's CSS and worker from node_modules. Each file is kept raw and gzipped.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { ViewerError } from '../errors.js';
import { indexHtml } from './html.js';

/** One file the viewer serves. */
export interface ViewerAsset {
  body: Buffer;
  gzip: Buffer;
  /** Brotli, compressed once at build: ~10–20 % smaller than gzip for JS. */
  br: Buffer;
  contentType: string;
}

/** Files by URL path relative to the viewer's base (`index.html`, `viewer.js`, …). */
export type ViewerAssets = Map<string, ViewerAsset>;

export interface BuildViewerOptions {
  /** Minify the app bundle (default true). */
  minify?: boolean;
  /** Language when neither `?lang=` nor a stored choice says (the demo: `vi`); default: the browser's. */
  defaultLang?: 'vi' | 'en';
}

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), 'app');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** Files up to this size get brotli's best (slow) quality. */
const BROTLI_MAX_Q11_BYTES = 128 * 1024;

/** One served file, kept raw, gzipped and brotli-compressed. */
export function asset(name: string, body: Buffer | string): ViewerAsset {
  const buf = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  const ext = name.slice(name.lastIndexOf('.'));
  // Quality 11 for the small first-load files; 5 for MapLibre's megabyte (q11 there takes seconds at start-up).
  const quality = buf.length <= BROTLI_MAX_Q11_BYTES ? 11 : 5;
  const br = brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: quality, [zlib.BROTLI_PARAM_SIZE_HINT]: buf.length } });
  return { body: buf, gzip: gzipSync(buf, { level: 6 }), br, contentType: TYPES[ext] ?? 'application/octet-stream' };
}

async function bundleApp(minify: boolean): Promise<{ name: string; text: Uint8Array }[]> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { viewer: join(APP_DIR, 'main.ts'), sw: join(APP_DIR, 'sw.ts') },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: ['es2020'],
    outdir: '/agrisim-viewer',
    entryNames: '[name]',
    chunkNames: 'chunk-[hash]',
    write: false,
    minify,
    legalComments: 'eof',
    logLevel: 'silent',
  });
  return result.outputFiles.map((f) => ({ name: basename(f.path), text: f.contents }));
}

/**
 * Builds every viewer file in memory.
 * @throws AgrisimError `VIEWER_BUILD` when esbuild or a MapLibre file fails.
 * @example
 * const assets = await buildViewerAssets();
 * assets.get('viewer.js')!.gzip.length; // bytes sent to a gzip-capable browser
 */
export async function buildViewerAssets(options: BuildViewerOptions = {}): Promise<ViewerAssets> {
  try {
    const require = createRequire(import.meta.url);
    const maplibreDir = join(dirname(require.resolve('maplibre-gl/package.json')), 'dist');
    const [files, appCss, mlCss, mlWorker] = await Promise.all([
      bundleApp(options.minify ?? true),
      readFile(join(APP_DIR, 'viewer.css')),
      readFile(join(maplibreDir, 'maplibre-gl.css')),
      readFile(join(maplibreDir, 'maplibre-gl-worker.mjs')),
    ]);
    const assets: ViewerAssets = new Map();
    assets.set('index.html', asset('index.html', indexHtml('viewer.js', options.defaultLang)));
    for (const f of files) assets.set(f.name, asset(f.name, Buffer.from(f.text)));
    assets.set('viewer.css', asset('viewer.css', appCss));
    assets.set('maplibre-gl.css', asset('maplibre-gl.css', mlCss));
    assets.set('maplibre-gl-worker.mjs', asset('maplibre-gl-worker.mjs', mlWorker));
    return assets;
  } catch (e) {
    throw new ViewerError('VIEWER_BUILD', `the viewer could not be built: ${e instanceof Error ? e.message : String(e)}`);
  }
}
