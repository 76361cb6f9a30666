/**
 * A block run in a real browser (Debian chromium via playwright-core): the real telemetry
 * server streams one fleet simulation (three drones on a six-paddy block, one depot crew);
 * the viewer outlines the paddies with their households, moves each machine with its trail,
 * and shows per-paddy progress rising, the depot queue and the makespan, in vi and en.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFleetSimulation } from '../../src/sim/index.js';
import { startTelemetryServer } from '../../src/telemetry/index.js';
import { createViewerHandler } from '../../src/viewer/index.js';
import { gridBlockPlan } from '../helpers/grid-block-plan.js';
import { launchChromium } from './stack.js';

const SHOTS = 'screenshots';
type BlockDebug = {
  paddies: { id: string; owner: string; coveredPct: number }[];
  depotQueue: number[];
  makespanS?: number;
  trails: number[];
};
type PaneDebug = { simId: string; fieldRendered: boolean; vehicles: { id: string; lon: number; lat: number }[]; block?: BlockDebug };
const panes = (page: Page) => page.evaluate(() => (window as unknown as { __agrisim: { panes(): PaneDebug[] } }).__agrisim.panes());

const browser: { b?: Browser } = {};
let close: (() => void) | undefined;
let url = '';

describe('viewer: a block worked by a fleet', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser.b = await launchChromium();
    if (!browser.b) return;
    const plan = gridBlockPlan({ cols: 3, rows: 2, kind: 'drone', machines: 3, capacityKg: 10 });
    const factory = {
      id: 'block-drones',
      name: 'Grid block: 3 drones',
      create: () => createFleetSimulation({ plan, seed: 2, raster: { cellM: 0.5 } }),
    };
    const viewer = createViewerHandler();
    await viewer.ready;
    const srv = await startTelemetryServer({
      port: 0,
      host: '127.0.0.1',
      simulations: [factory],
      staticHandler: viewer,
      speedup: 40,
      loop: true,
    });
    url = `http://127.0.0.1:${srv.port}/`;
    close = () => srv.close();
  }, 30_000);
  afterAll(async () => {
    await browser.b?.close();
    close?.();
  });

  it('outlines the paddies with their households, moves every machine with a trail, and paddy progress rises', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const page = await browser.b.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}?lang=en&sim=block-drones`);
    await page.waitForFunction(
      () => {
        const p = (window as unknown as { __agrisim?: { panes(): PaneDebug[] } }).__agrisim?.panes()[0];
        return !!p && p.fieldRendered && p.vehicles.length === 3 && !!p.block;
      },
      undefined,
      { timeout: 15_000 },
    );
    const [p0] = await panes(page);
    expect(p0.block!.paddies.map((p) => p.owner)).toEqual(['Hộ A', 'Hộ B', 'Hộ C', 'Hộ D', 'Hộ E', 'Hộ A']);
    expect(await page.locator('[data-testid="block-layer"]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid="block-panel"]').isVisible()).toBe(true);
    // one row per paddy, named with its household
    const rows = page.locator('.paddy-row');
    expect(await rows.count()).toBe(6);
    expect(await rows.first().locator('.paddy-name').innerText()).toBe('Ô 1 · Hộ A');
    // all three machines move, each leaving its own trail
    const start = p0.vehicles.map((v) => [v.lon, v.lat]);
    await expect
      .poll(
        async () => {
          const p = (await panes(page))[0];
          return p.vehicles.filter((v, i) => Math.abs(v.lon - start[i][0]) + Math.abs(v.lat - start[i][1]) > 1e-6).length;
        },
        { timeout: 10_000 },
      )
      .toBe(3);
    await expect.poll(async () => Math.min(...(await panes(page))[0].block!.trails), { timeout: 10_000 }).toBeGreaterThan(3);
    // paddy progress rises, in several paddies at once (the drones work different paddies), on screen too
    const pct = async () => (await panes(page))[0].block!.paddies.map((p) => p.coveredPct);
    const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
    const before = sum(await pct());
    await expect.poll(async () => sum(await pct()), { timeout: 15_000 }).toBeGreaterThan(before + 5);
    await expect.poll(async () => (await pct()).filter((x) => x > 0).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(3);
    await expect
      .poll(async () => Number.parseFloat(await rows.first().locator('[data-testid="paddy-pct"]').innerText()), { timeout: 5000 })
      .toBeGreaterThan(0);
    expect(await page.locator('[data-testid="block-makespan"]').innerText()).toMatch(/^\d+:\d\d(:\d\d)? \(remaining \d+:\d\d(:\d\d)?\)$/);
    expect(await page.locator('[data-testid="block-queue"]').innerText()).toMatch(/^\d machines$/);
    await page.screenshot({ path: `${SHOTS}/viewer-block.png` });
    // wholly Vietnamese after the switch
    await page.click('[data-testid="lang-vi"]');
    expect(await page.locator('.block-panel [data-i18n="depotQueue"]').innerText()).toBe('Đang chờ ở điểm nạp');
    expect(await page.locator('[data-testid="block-queue"]').innerText()).toMatch(/^\d máy$/);
    expect(await page.locator('[data-testid="block-makespan"]').innerText()).toMatch(/còn lại/);
    await page.close();
  }, 60_000);

  it('draws the block on the 2D canvas fallback too', async (ctx) => {
    const noGl = browser.b && (await launchChromium({ webgl: false }));
    if (!noGl) return ctx.skip();
    try {
      const page = await noGl.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
      await page.goto(`${url}?sim=block-drones`);
      await page.waitForFunction(
        () => {
          const p = (window as unknown as { __agrisim?: { panes(): PaneDebug[] } }).__agrisim?.panes()[0];
          return !!p && p.fieldRendered && !!p.block && p.block.trails.every((n) => n > 2);
        },
        undefined,
        { timeout: 15_000 },
      );
      // the overlay has drawn something: some pixel of it is not transparent
      const painted = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('canvas.block-layer')!;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
        return n;
      });
      expect(painted).toBeGreaterThan(1000);
      const [scrollW, innerW] = await page.evaluate(() => [document.scrollingElement!.scrollWidth, innerWidth]);
      expect(scrollW).toBeLessThanOrEqual(innerW);
      await page.screenshot({ path: `${SHOTS}/viewer-block-phone.png`, fullPage: true });
    } finally {
      await noGl.close();
    }
  }, 60_000);
});
