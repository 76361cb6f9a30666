/**
 * The client library in a real browser (Debian chromium): bundled by esbuild for the browser
 * platform (so any Node import would fail the build), served on the telemetry port, it
 * connects with the browser's WebSocket, subscribes, and reconnects after the server drops it.
 */
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { createManualFeed, startTelemetryServer, type TelemetryServer } from '../../src/telemetry/index.js';
import { chromium } from 'playwright-core';
import { systemProgram } from '../helpers/system.js';
import { description, progress, vehicle } from './helpers.js';

const servers: TelemetryServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});

describe('connectTelemetry in Chromium', () => {
  it('bundles for the browser, streams typed messages and reconnects', async () => {
    const exe = systemProgram('chromium');
    if (!exe) return;
    const browser = await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    try {
      const bundle = await build({
        stdin: {
          contents:
            "import { connectTelemetry } from './src/telemetry/client/index.ts'; (globalThis as any).connectTelemetry = connectTelemetry;",
          resolveDir: process.cwd(),
          loader: 'ts',
        },
        bundle: true,
        platform: 'browser',
        format: 'iife',
        write: false,
        logLevel: 'silent',
      });
      const js = bundle.outputFiles[0].text;
      expect(js).not.toContain('require("ws")');
      const feed = createManualFeed(description('m'));
      // The bundle is its own file: the server's Content-Security-Policy allows no inline script.
      const page0 = '<!doctype html><meta charset="utf-8"><script src="/client.js"></script>';
      const srv = await startTelemetryServer({
        feeds: [feed],
        // the page comes from the same port, as the viewer does
        staticHandler: (req, res) => {
          if (req.url === '/client.js') {
            res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
            res.end(js);
            return true;
          }
          if (req.url !== '/') return false;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(page0);
          return true;
        },
      });
      servers.push(srv);
      const page = await browser.newPage();
      await page.goto(srv.httpUrl);
      await page.evaluate((url) => {
        const w = window as unknown as {
          connectTelemetry: (
            u: string,
            o: object,
          ) => {
            telemetry$: { subscribe(f: (m: { t: number }) => void): void };
            snapshots$: { subscribe(f: (m: { t: number }) => void): void };
            opens: number;
          };
          seen: number[];
          snaps: number[];
          conn: unknown;
        };
        w.seen = [];
        w.snaps = [];
        const conn = w.connectTelemetry(url, { subscribe: ['m'], minDelayMs: 20, maxDelayMs: 100 });
        conn.telemetry$.subscribe((m) => w.seen.push(m.t));
        conn.snapshots$.subscribe((m) => w.snaps.push(m.t));
        w.conn = conn;
      }, srv.url);
      await page.waitForFunction(() => (window as unknown as { snaps: number[] }).snaps.length === 1);
      for (const t of [100, 200, 300]) feed.push({ kind: 'telemetry', t, vehicles: [vehicle('v0', t)], progress: progress(t) });
      await page.waitForFunction(() => (window as unknown as { seen: number[] }).seen.length === 3);
      // the server goes away and comes back on the same port: the page reconnects and resubscribes, resuming from a snapshot
      await srv.close();
      const feed2 = createManualFeed(description('m'));
      feed2.push({ kind: 'telemetry', t: 300, vehicles: [vehicle('v0', 300)], progress: progress(300) });
      servers.push(await startTelemetryServer({ feeds: [feed2], port: srv.port }));
      await page.waitForFunction(() => (window as unknown as { snaps: number[] }).snaps.length === 2, undefined, { timeout: 10_000 });
      const state = await page.evaluate(() => {
        const w = window as unknown as { seen: number[]; snaps: number[]; conn: { opens: number; state: string } };
        return { seen: w.seen, snaps: w.snaps, opens: w.conn.opens, state: w.conn.state };
      });
      expect(state).toEqual({ seen: [100, 200, 300], snaps: [0, 300], opens: 2, state: 'open' });
    } finally {
      await browser.close();
    }
  });
});
