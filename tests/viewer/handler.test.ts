import { createServer, request, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createViewerHandler } from '../../src/viewer/index.js';
import { assetName } from '../../src/viewer/handler.js';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

function get(port: number, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function serve(handler: ReturnType<typeof createViewerHandler>): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(418, { 'content-type': 'text/plain' });
      res.end('fell through');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, port: (server.address() as { port: number }).port };
}

describe('createViewerHandler', () => {
  const handler = createViewerHandler();
  let port = 0;
  let server: Server;
  beforeAll(async () => {
    ({ server, port } = await serve(handler));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('serves the page with its bundle, CSS and MapLibre worker from memory', async () => {
    const page = await get(port, '/?lang=en');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const html = page.body.toString();
    for (const ref of ['viewer.js', 'viewer.css']) expect(html).toContain(ref);
    expect(html).not.toContain('maplibre-gl.css'); // linked by the app with the map, not on first load
    expect((await get(port, '/maplibre-gl.css')).status).toBe(200);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//); // nothing from a CDN
    const js = await get(port, '/viewer.js');
    expect(js.headers['content-type']).toMatch(/javascript/);
    const chunks = [...js.body.toString().matchAll(/chunk-[A-Za-z0-9_-]+\.js/g)].map((m) => m[0]);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of new Set(chunks)) expect((await get(port, `/${c}`)).status).toBe(200);
    const worker = await get(port, '/maplibre-gl-worker.mjs');
    expect(worker.status).toBe(200);
    expect(worker.body.length).toBeGreaterThan(100_000);
  });

  it('bundles no Node module into the browser code', async () => {
    const js = (await get(port, '/viewer.js')).body.toString();
    expect(js).not.toMatch(/from\s*["']node:|require\(["'](fs|http|path|ws)["']\)/);
  });

  it('sends gzip to browsers that accept it, and answers HEAD without a body', async () => {
    const plain = await get(port, '/viewer.css');
    const gz = await get(port, '/viewer.css', { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    expect(gz.body.length).toBeLessThan(plain.body.length);
    const head = await get(port, '/viewer.css', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    expect(Number(head.headers['content-length'])).toBe(plain.body.length);
  });

  it('lets every other request fall through to the server', async () => {
    expect((await get(port, '/ws')).status).toBe(418);
    expect((await get(port, '/api/sims')).status).toBe(418);
    expect((await get(port, '/viewer.js', {}, 'POST')).status).toBe(418);
    expect((await get(port, '/../package.json')).status).toBe(418);
  });
});

describe('viewer options', () => {
  it('mounts under a base path', async () => {
    const handler = createViewerHandler({ basePath: '/live/', gzip: false });
    await handler.ready;
    const { server, port } = await serve(handler);
    try {
      expect((await get(port, '/live/')).status).toBe(200);
      expect((await get(port, '/live/viewer.js')).status).toBe(200);
      expect((await get(port, '/viewer.js')).status).toBe(418);
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
  it('refuses a bad base path with VIEWER_INVALID_OPTION', () => {
    for (const basePath of ['live', '/live', '/a b/', '//']) {
      expect(() => createViewerHandler({ basePath })).toThrowError(expect.objectContaining({ code: 'VIEWER_INVALID_OPTION' }));
    }
  });
  it('maps request paths to asset names', () => {
    expect(assetName('/', '/')).toBe('index.html');
    expect(assetName('/index.html', '/')).toBe('index.html');
    expect(assetName('/live', '/live/')).toBe('index.html');
    expect(assetName('/chunk-AB12.js', '/')).toBe('chunk-AB12.js');
    expect(assetName('/chunk-AB12.js/x', '/')).toBeUndefined();
    expect(assetName('/secret.txt', '/')).toBeUndefined();
  });
});
