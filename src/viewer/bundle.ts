/**
 * Builds the viewer's files in memory: the browser app bundled by esbuild from
 * src/viewer/app (code-split so the 2D fallback loads without MapLibre), its CSS, and
 * MapLibre's CSS and worker from node_modules. Each file is kept raw and gzipped.
 */
import { readdir, readFile } from 'node:fs/promises';
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

async function bundleApp(appDir: string, minify: boolean): Promise<{ name: string; text: Uint8Array }[]> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { viewer: join(appDir, 'main.ts'), sw: join(appDir, 'sw.ts') },
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

/** Where `npm run build` writes the bundled viewer files (next to dist/viewer/bundle.js). */
const PREBUILT_DIR = join(dirname(fileURLToPath(import.meta.url)), 'assets');

/**
 * Bundles the viewer's files (raw bytes by name) with esbuild from the TypeScript sources.
 * Used by `npm run build` (scripts/build-viewer.mjs) and, in a checkout without a build, at
 * run time; an installed package reads the prebuilt files instead and needs no esbuild.
 */
export async function bundleViewerFiles(options: BuildViewerOptions = {}, appDir = APP_DIR): Promise<Map<string, Buffer>> {
  const require = createRequire(import.meta.url);
  const maplibreDir = join(dirname(require.resolve('maplibre-gl/package.json')), 'dist');
  const [files, appCss, mlCss, mlWorker] = await Promise.all([
    bundleApp(appDir, options.minify ?? true),
    readFile(join(appDir, 'viewer.css')),
    readFile(join(maplibreDir, 'maplibre-gl.css')),
    readFile(join(maplibreDir, 'maplibre-gl-worker.mjs')),
  ]);
  const out = new Map<string, Buffer>();
  for (const f of files) out.set(f.name, Buffer.from(f.text));
  out.set('viewer.css', appCss);
  out.set('maplibre-gl.css', mlCss);
  out.set('maplibre-gl-worker.mjs', mlWorker);
  return out;
}

async function prebuiltViewerFiles(): Promise<Map<string, Buffer> | undefined> {
  let names: string[];
  try {
    names = await readdir(PREBUILT_DIR);
  } catch {
    return undefined;
  }
  const out = new Map<string, Buffer>();
  for (const name of names) out.set(name, await readFile(join(PREBUILT_DIR, name)));
  return out;
}

/**
 * Builds every viewer file in memory: the prebuilt files of an installed package, or a fresh
 * esbuild bundle in a checkout.
 * @throws AgrisimError `VIEWER_BUILD` when esbuild or a MapLibre file fails.
 * @example
 * const assets = await buildViewerAssets();
 * assets.get('viewer.js')!.gzip.length; // bytes sent to a gzip-capable browser
 */
export async function buildViewerAssets(options: BuildViewerOptions = {}): Promise<ViewerAssets> {
  try {
    const files = (await prebuiltViewerFiles()) ?? (await bundleViewerFiles(options));
    const assets: ViewerAssets = new Map();
    assets.set('index.html', asset('index.html', indexHtml('viewer.js', options.defaultLang)));
    for (const [name, body] of files) assets.set(name, asset(name, body));
    return assets;
  } catch (e) {
    throw new ViewerError('VIEWER_BUILD', `the viewer could not be built: ${e instanceof Error ? e.message : String(e)}`);
  }
}
