/**
 * What held when issue 20 was probed, kept as guards: a 500-connection storm dropped at once
 * leaves the server answering the next client; 50 clients that stop reading cannot grow its
 * memory (their backlog is capped, the rest coalesced); path-traversal tries get nothing but
 * the viewer's own files. Wall-clock figures (hello in < 200 ms, < 50 MB over 60 s) are
 * measured by bench "reliability"; these tests assert what does not depend on the machine's speed.
 */
import { connect as tcpConnect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createManualFeed } from '../../src/telemetry/index.js';
import { createViewerHandler } from '../../src/viewer/index.js';
import { client, description, progress, vehicle, type TestClient } from './helpers.js';
import { useTelemetryServers } from '../helpers/telemetry-servers.js';

const { serve } = useTelemetryServers();

describe('guards', () => {
  it('after 500 connections dropped at once, a new client gets hello and the server has forgotten them all', async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], maxConnections: 1000 });
    const storm: WebSocket[] = [];
    for (let i = 0; i < 500; i += 50) {
      await Promise.all(
        Array.from(
          { length: 50 },
          () =>
            new Promise<void>((resolve, reject) => {
              const ws = new WebSocket(srv.url);
              storm.push(ws);
              ws.once('message', () => resolve()); // hello
              ws.once('error', reject);
            }),
        ),
      );
    }
    expect(srv.clientCount()).toBe(500);
    for (const ws of storm) ws.terminate();
    const t0 = performance.now();
    const c = await client(srv.url);
    await c.next((m) => m.type === 'hello');
    const helloMs = performance.now() - t0;
    c.close();
    // Generous: the bench measures the 200 ms goal; this catches a server stuck on the storm.
    expect(helloMs).toBeLessThan(5000);
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (srv.clientCount() <= 1) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
  }, 60_000);

  it("50 clients that stop reading hold at most their capped backlog; the server's memory stays flat", async () => {
    const highWaterBytes = 65_536;
    const feed = createManualFeed(description('m', 40));
    const srv = await serve({ feeds: [feed], highWaterBytes, maxBroadcastHz: 1000 });
    const paused: TestClient[] = [];
    for (let i = 0; i < 50; i++) {
      const c = await client(srv.url);
      c.send({ type: 'subscribe', sim: 'm' });
      await c.next((m) => m.type === 'snapshot');
      (c.ws as unknown as { _socket: Socket })._socket.pause(); // the phone went to sleep
      paused.push(c);
    }
    // One client that keeps reading, counting frames without keeping them (this process's memory is measured).
    const reader = new WebSocket(srv.url);
    let lastT = '';
    reader.on('message', (d) => {
      const s = String(d);
      if (s.startsWith('{"type":"hello"')) reader.send('{"type":"subscribe","sim":"m"}');
      if (s.startsWith('{"type":"telemetry"')) lastT = /"t":(\d+)/.exec(s)![1];
    });
    await new Promise<void>((r) => reader.once('open', () => r()));
    const rss0 = process.memoryUsage().rss;
    // 2,000 frames of 40 machines (~13 kB each): 26 MB per client, 1.3 GB for 50, if it were all queued.
    const vehicles = Array.from({ length: 40 }, (_, i) => vehicle(`v${i}`, 0));
    for (let k = 1; k <= 2000; k++) {
      feed.push({ kind: 'telemetry', t: k * 100, vehicles, progress: progress(k * 100) });
      if (k % 100 === 0) await new Promise((r) => setImmediate(r)); // let sockets write
    }
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (lastT === '200000') {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    const stats = srv.stats();
    expect(stats.framesSkipped).toBeGreaterThan(50 * 1000); // the sleepers were coalesced…
    const rssGrowthMB = (process.memoryUsage().rss - rss0) / 2 ** 20;
    // …so memory did not follow the 1.3 GB. The 50 MB goal is measured by bench "reliability" on a server
    // process of its own (6.9 MB); this process also holds the reader's garbage, and on a busy machine V8's
    // starved concurrent GC lets its heap grow (67 MB seen at load 19 on 2 cores): the bound is generous.
    expect(rssGrowthMB).toBeLessThan(200);
    for (const c of paused) c.ws.terminate();
    reader.terminate();
  }, 120_000);

  it("traversal tries get 404 and never a file outside the viewer's own assets", async () => {
    const srv = await serve({ feeds: [createManualFeed(description('m'))], staticHandler: createViewerHandler() });
    const tries = [
      '/../package.json',
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..\\..\\etc\\passwd',
      '/....//....//etc/passwd',
      '/viewer.js/../../src/index.ts',
      '/%252e%252e/etc/passwd',
      '/etc/passwd',
      '//etc/passwd',
      '/./../../../etc/passwd',
      '/index.html%00.js',
      '/chunk-../../x.js',
      '/maplibre-gl.css/..',
      '/src/cli/main.ts',
      '/node_modules/ws/package.json',
      '/.git/config',
      '/.env',
      '/%c0%ae%c0%ae/etc/passwd',
      '/chunk-x.js?../../etc/passwd',
      '/ws/../package.json',
    ];
    const raw = (path: string) =>
      new Promise<string>((resolve, reject) => {
        // A raw socket: no client library normalises the path first.
        const s = tcpConnect(srv.port, '127.0.0.1', () => s.end(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`));
        let out = '';
        s.on('data', (d) => (out += d));
        s.on('end', () => resolve(out));
        s.on('error', reject);
      });
    for (const path of tries) {
      const answer = await raw(path);
      const status = Number(answer.split(' ')[1]);
      expect([200, 400, 404], path).toContain(status);
      // A path that normalises to one of the viewer's files (`/maplibre-gl.css/..` is `/`) may get it; nothing else.
      if (status === 200) expect(answer, path).toMatch(/content-type: (text\/html|text\/css|text\/javascript|application\/javascript)/i);
      expect(answer, path).not.toMatch(/root:x:0|"name": "agrisim"|\[core\]|"name": "ws"/);
      if (status === 404) expect(answer, path).toMatch(/x-content-type-options: nosniff/i);
    }
  }, 60_000);
});
