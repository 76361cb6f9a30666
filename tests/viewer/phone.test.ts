/**
 * The viewer on a phone, measured on the handler: first load ≤ 100 KB compressed (brotli and
 * gzip), MapLibre not part of it, the QR code file for the next phone, the service worker.
 */
import { createServer, request, type Server } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewerHandler } from '../../src/viewer/index.js';
import { pickEncoding } from '../../src/viewer/handler.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Static imports of an ES module (`import … from "./x.js"`, `import "./x.js"`), not `import()`. */
function staticImports(js: string): string[] {
  return [...js.matchAll(/import\s*(?:[^"'()]*?from\s*)?["']\.\/([^"']+)["']/g)].map((m) => m[1]);
}

/** Every file the page loads before any tap: html, css, entry and its static import closure. */
async function firstLoad(port: number, encoding: string): Promise<{ files: string[]; bytes: number }> {
  const files = ['index.html', 'viewer.css', 'viewer.js'];
  let bytes = 0;
  for (let i = 0; i < files.length; i++) {
    const r = await get(port, `/${files[i]}`, { 'accept-encoding': encoding });
    expect(r.status).toBe(200);
    bytes += r.body.length;
    if (files[i].endsWith('.js')) {
      const enc = r.headers['content-encoding'];
      const text = (enc === 'br' ? brotliDecompressSync(r.body) : enc === 'gzip' ? gunzipSync(r.body) : r.body).toString();
      for (const f of staticImports(text)) if (!files.includes(f)) files.push(f);
    }
  }
  return { files, bytes };
}

describe('viewer on a phone (handler)', () => {
  const handler = createViewerHandler({ defaultLang: 'vi' });
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    await handler.ready;
    server = createServer((req, res) => {
      if (!handler(req, res)) {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
  }, 60_000);
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('first load is under 100 KB compressed with brotli and with gzip, without MapLibre', async () => {
    const br = await firstLoad(port, 'gzip, deflate, br');
    const gz = await firstLoad(port, 'gzip');
    expect(br.files.length).toBeGreaterThanOrEqual(3);
    // MapLibre's chunk is ~1 MB raw; none of the first-load files is anywhere near that.
    for (const f of br.files) expect((await get(port, `/${f}`)).body.length).toBeLessThan(200_000);
    expect(br.bytes).toBeLessThan(100_000);
    expect(gz.bytes).toBeLessThan(100_000);
    expect(br.bytes).toBeLessThan(gz.bytes);
    console.log(`first load: ${br.files.length} files, ${br.bytes} B brotli, ${gz.bytes} B gzip`);
  });

  it('prefers brotli, then gzip, then none', () => {
    expect(pickEncoding('gzip, deflate, br', true)).toBe('br');
    expect(pickEncoding('gzip', true)).toBe('gzip');
    expect(pickEncoding('identity', true)).toBeUndefined();
    expect(pickEncoding('br', false)).toBeUndefined();
  });

  it('sends the page in Vietnamese by default for the demo', async () => {
    const html = (await get(port, '/')).body.toString();
    expect(html).toContain('<html lang="vi" data-default-lang="vi">');
  });

  it('join.json: the URL of the request (or the one set) and its QR code as SVG', async () => {
    const a = JSON.parse((await get(port, '/join.json')).body.toString()) as { url: string; svg: string };
    expect(a.url).toBe(`http://127.0.0.1:${port}/`);
    expect(a.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    handler.setJoinUrl('http://192.168.1.20:8080/');
    const b = JSON.parse((await get(port, '/join.json')).body.toString()) as { url: string; svg: string };
    expect(b.url).toBe('http://192.168.1.20:8080/');
    expect(b.svg).not.toBe(a.svg);
  });

  it('serves the service worker as JavaScript', async () => {
    const r = await get(port, '/sw.js');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/javascript/);
    expect(r.body.toString()).toContain('agrisim-tiles');
  });
});
