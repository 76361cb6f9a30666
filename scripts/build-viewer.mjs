// `npm run build`, second step: bundles the browser viewer into dist/viewer/assets so the
// installed package serves it with plain node (no esbuild at run time). Runs after tsc.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { bundleViewerFiles } from '../dist/viewer/bundle.js';

const outDir = fileURLToPath(new URL('../dist/viewer/assets/', import.meta.url));
await rm(outDir, { recursive: true, force: true });
const appDir = fileURLToPath(new URL('../src/viewer/app/', import.meta.url));
const files = await bundleViewerFiles({ minify: true }, appDir);
await mkdir(outDir, { recursive: true });
for (const [name, body] of files) await writeFile(outDir + name, body);
console.log(`build-viewer: ${files.size} files in dist/viewer/assets`);
