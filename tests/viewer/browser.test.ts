/**
 * The viewer in a real browser (Debian chromium via playwright-core) against the real
 * telemetry server running real scenarios. Screenshots go to screenshots/ (git-ignored);
 * docs/images/viewer.png is a copy of screenshots/viewer-projector.png.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, startStack, type Stack } from './stack.js';

const SHOTS = 'screenshots';
const SCENARIOS = ['sims/thai-binh-drone.json', 'sims/thai-binh-transplanter.json#rtk,manual'];
const DRONE = 'thai-binh-drone';
const GUIDED = 'thai-binh-transplanter-rtk';
const MANUAL = 'thai-binh-transplanter-manual';
const SPEEDUP = 20;
const TOKEN = 'viewer-test-token';

type PaneDebug = {
  simId: string;
  renderer?: string;
  fieldRendered: boolean;
  fieldFeatures: number;
  coveragePasses: number;
  coverageFeatures: number;
  connection: string;
  paused: boolean;
  speedup?: number;
  vehicles: { lon: number; lat: number; pose?: { lon: number; lat: number } }[];
};

const panes = (page: Page) => page.evaluate(() => (window as unknown as { __agrisim: { panes(): PaneDebug[] } }).__agrisim.panes());
const stat = (page: Page, testid: string) => page.locator(`[data-testid="${testid}"]`).first();
/** The first pane's value of a stat, as a number (vi `1.234,5` and en `1,234.5` both read). */
async function statNumber(page: Page, testid: string, lang: 'vi' | 'en' = 'en'): Promise<number> {
  const text = await stat(page, testid).innerText();
  const n = lang === 'vi' ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
  return Number.parseFloat(n.replace(/[^0-9.-]/g, ''));
}
/** The first pane's elapsed time, s (the stat reads m:ss or h:mm:ss). */
async function elapsedS(page: Page): Promise<number> {
  const text = await stat(page, 'elapsed').innerText();
  return text.split(':').reduce((acc, part) => acc * 60 + Number(part), 0);
}
const waitFieldRendered = (page: Page, count = 1) =>
  page.waitForFunction(
    (n) => {
      const p = (window as unknown as { __agrisim?: { panes(): PaneDebug[] } }).__agrisim?.panes() ?? [];
      return p.length >= n && p.slice(0, n).every((x) => x.fieldRendered && x.vehicles.length > 0);
    },
    count,
    { timeout: 45_000 },
  );
const waitRise = (page: Page, testid: string, from: number, lang: 'vi' | 'en' = 'en') =>
  expect.poll(() => statNumber(page, testid, lang), { timeout: 8000, interval: 150 }).toBeGreaterThan(from);
const noHorizontalScroll = async (page: Page) => {
  const [scrollW, innerW] = await page.evaluate(() => [document.scrollingElement!.scrollWidth, innerWidth]);
  expect(scrollW).toBeLessThanOrEqual(innerW);
};

const browser: { b?: Browser } = {};
let stack: Stack;

describe('viewer in Chromium', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser.b = await launchChromium();
    if (browser.b) stack = await startStack({ scenarios: SCENARIOS, speedup: SPEEDUP, token: TOKEN });
  }, 30_000);
  afterAll(async () => {
    await browser.b?.close();
    await stack?.close();
  });

  it('draws the field with MapLibre (WebGL), paints coverage that rises, moves the machine, switches simulation', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const page = await browser.b.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${stack.httpUrl}?lang=en&renderer=maplibre&sim=${DRONE}`);
    await waitFieldRendered(page);
    const [p0] = await panes(page);
    expect(p0.simId).toBe(DRONE);
    expect(p0.renderer).toBe('maplibre');
    expect(p0.fieldFeatures).toBeGreaterThan(0);
    await expect.poll(() => stat(page, 'connection').getAttribute('data-state')).toBe('connected');
    const pct0 = await statNumber(page, 'coverage-pct');
    const ha0 = await statNumber(page, 'covered-ha');
    const pos0 = p0.vehicles[0];
    await waitRise(page, 'coverage-pct', pct0);
    await waitRise(page, 'covered-ha', ha0);
    await expect
      .poll(
        async () => {
          const v = (await panes(page))[0].vehicles[0];
          return Math.abs(v.lon - pos0.lon) + Math.abs(v.lat - pos0.lat);
        },
        { timeout: 5000 },
      )
      .toBeGreaterThan(1e-6);
    expect(await stat(page, 'savings-vnd').innerText()).toMatch(/^[−-]?[\d,]+ VND$/);
    expect(await stat(page, 'elapsed').innerText()).toMatch(/^\d+:\d\d(:\d\d)?$/);
    // The strips are on screen (MapLibre finds them), and stay there once finished passes move to their own layer (every 2 s).
    await expect.poll(async () => (await panes(page))[0].coverageFeatures, { timeout: 5000 }).toBeGreaterThan(0);
    await page.waitForTimeout(2100);
    expect((await panes(page))[0].coverageFeatures).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/viewer-desktop.png` });
    // The chooser switches to another simulation: its field, its machine, its figures.
    await page.selectOption('[data-testid="sim-select"]', MANUAL);
    await expect.poll(async () => (await panes(page))[0].simId).toBe(MANUAL);
    await waitFieldRendered(page);
    await expect.poll(() => stat(page, 'guidance').innerText()).toBe('manual driving');
    expect(await page.locator('[data-testid="trays"]').count()).toBe(1);
    await page.close();
  }, 90_000); // MapLibre on software WebGL: ~15 s alone, far more beside the phone tests on 2 shared cores

  it('speaks Vietnamese when the browser prefers it and switches to English (labels and number formats)', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const page = await browser.b.newPage({ viewport: { width: 1280, height: 800 }, locale: 'vi-VN' });
    await page.goto(`${stack.httpUrl}?sim=${DRONE}`);
    await waitFieldRendered(page);
    await waitRise(page, 'covered-ha', 0, 'vi');
    const label = page.locator('[data-i18n="covered"]').first();
    expect(await label.innerText()).toBe('Đã phủ');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    expect(await stat(page, 'coverage-pct').innerText()).toMatch(/^\d+,\d %$/);
    expect(await stat(page, 'savings-vnd').innerText()).toMatch(/^[−-]?\d{1,3}(\.\d{3})* ₫$/);
    expect(await stat(page, 'covered-ha').innerText()).toMatch(/^\d+,\d\d ha · \d+(\.\d{3})*,\d sào$/);
    expect(await stat(page, 'connection').innerText()).toBe('đã kết nối');
    await page.click('[data-testid="lang-en"]');
    expect(await label.innerText()).toBe('Covered');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await stat(page, 'coverage-pct').innerText()).toMatch(/^\d+\.\d%$/);
    expect(await stat(page, 'savings-vnd').innerText()).toMatch(/^[−-]?\d{1,3}(,\d{3})* VND$/);
    expect(await stat(page, 'connection').innerText()).toBe('connected');
    await page.close();
  }, 30_000);

  it('fits a 360×740 phone without horizontal scroll', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const page = await browser.b.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    await page.goto(`${stack.httpUrl}?sim=${GUIDED}`);
    await waitFieldRendered(page);
    await noHorizontalScroll(page);
    // Map on top, the figures right under it within the first screen.
    const map = (await page.locator('[data-testid="map"]').first().boundingBox())!;
    const pct = (await stat(page, 'coverage-pct').boundingBox())!;
    expect(map.width).toBeGreaterThan(340);
    expect(pct.y).toBeGreaterThan(map.y + map.height - 1);
    expect(pct.y + pct.height).toBeLessThan(740);
    await page.screenshot({ path: `${SHOTS}/viewer-phone.png`, fullPage: true });
    await page.close();
  }, 30_000);

  it('without WebGL draws the field, strips and machines on a 2D canvas and still shows the figures', async (ctx) => {
    const noGl = browser.b && (await launchChromium({ webgl: false }));
    if (!noGl) return ctx.skip();
    try {
      const page = await noGl.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
      await page.goto(`${stack.httpUrl}?lang=en&renderer=maplibre&sim=${DRONE}`);
      await waitFieldRendered(page);
      expect((await panes(page))[0].renderer).toBe('canvas');
      expect(await page.locator('[data-testid="map-note"]').first().innerText()).toMatch(/WebGL unavailable/);
      // Share of the canvas that is not plain background: the field was drawn.
      const drawn = await page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>('canvas.field-canvas')!;
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (!(d[i] === 0xdf && d[i + 1] === 0xe8 && d[i + 2] === 0xd5)) n++;
        return n / (d.length / 4);
      });
      expect(drawn).toBeGreaterThan(0.1);
      await waitRise(page, 'coverage-pct', await statNumber(page, 'coverage-pct'));
      expect(await stat(page, 'savings-vnd').innerText()).toMatch(/VND/);
      await noHorizontalScroll(page);
      await page.screenshot({ path: `${SHOTS}/viewer-no-webgl.png`, fullPage: true });
      await page.close();
    } finally {
      await noGl.close();
    }
  }, 30_000);

  it('shows pause / resume / speed only with the token, and they work', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const page = await browser.b.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${stack.httpUrl}?lang=en&sim=${DRONE}`);
    await waitFieldRendered(page);
    expect(await stat(page, 'controls').isVisible()).toBe(false);
    expect(await page.locator('[data-testid="pause"]').count()).toBe(0);
    const useToken = async (token: string) => {
      await page.fill('[data-testid="token-input"]', token);
      await page.click('details.token button[type="submit"]');
    };
    await page.click('details.token summary');
    // A wrong token shows the buttons, but the server refuses and the page says why.
    await useToken('not-the-token');
    expect(await stat(page, 'pause').isVisible()).toBe(true);
    await page.click('[data-testid="pause"]');
    await expect.poll(() => stat(page, 'message').innerText()).toBe('Wrong control token (TELEMETRY_UNAUTHORIZED)');
    expect(await stat(page, 'paused').isVisible()).toBe(false);
    await useToken(TOKEN);
    await page.click('[data-testid="pause"]');
    await expect.poll(() => stat(page, 'paused').isVisible()).toBe(true);
    await page.waitForTimeout(300); // the panel repaints on the next animation frame
    const frozen = await elapsedS(page);
    await page.waitForTimeout(600); // 12 simulated seconds at ×20 if it were still running
    expect(await elapsedS(page)).toBe(frozen);
    await page.click('[data-testid="resume"]');
    await expect.poll(() => stat(page, 'paused').isVisible()).toBe(false);
    await expect.poll(() => elapsedS(page), { timeout: 5000 }).toBeGreaterThan(frozen);
    // The token in the URL shows them straight away.
    await page.goto(`${stack.httpUrl}?lang=en&token=${TOKEN}`);
    expect(await stat(page, 'resume').isVisible()).toBe(true);
    await page.close();
  }, 30_000);

  it('shows guided and manual transplanting side by side on a 1920×1080 projector', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const page = await browser.b.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(`${stack.httpUrl}?lang=vi&renderer=maplibre&sim=${GUIDED}&compare=${MANUAL}&token=${TOKEN}`);
    await waitFieldRendered(page, 2);
    expect((await panes(page)).map((p) => p.simId)).toEqual([GUIDED, MANUAL]);
    // Speed both runs up (the menu shows the server's ×20 until then), so the picture has a few passes.
    const speed = page.locator('[data-testid="speed-select"]');
    expect(await speed.nth(0).inputValue()).toBe(String(SPEEDUP));
    for (const i of [0, 1]) await speed.nth(i).selectOption('100');
    await expect.poll(async () => (await panes(page)).map((p) => p.speedup)).toEqual([100, 100]);
    await noHorizontalScroll(page);
    const boxes = await page.locator('section.pane').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(2);
    expect(boxes[0].width).toBeGreaterThan(900);
    expect(Math.abs(boxes[0].y - boxes[1].y)).toBeLessThan(1); // side by side, not stacked
    expect(await page.locator('[data-testid="guidance"]').allInnerTexts()).toEqual(['dẫn hướng RTK', 'lái tay']);
    await expect.poll(() => statNumber(page, 'coverage-pct', 'vi'), { timeout: 10_000, interval: 250 }).toBeGreaterThan(4);
    await page.screenshot({ path: `${SHOTS}/viewer-projector.png` });
    await page.close();
  }, 30_000);

  it('survives a server restart on the same port: disconnected, then connected, numbers rising', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const page = await browser.b.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${stack.httpUrl}?lang=en&sim=${DRONE}`);
    await waitFieldRendered(page);
    const conn = stat(page, 'connection');
    await expect.poll(() => conn.getAttribute('data-state')).toBe('connected');
    await expect.poll(() => elapsedS(page), { timeout: 8000 }).toBeGreaterThan(10);
    const before = await elapsedS(page);
    const port = stack.port;
    await stack.close();
    await expect.poll(() => conn.getAttribute('data-state'), { timeout: 5000 }).toBe('disconnected');
    expect(await conn.innerText()).toMatch(/disconnected/);
    await page.screenshot({ path: `${SHOTS}/viewer-disconnected.png` });
    stack = await startStack({ scenarios: SCENARIOS, speedup: SPEEDUP, token: TOKEN, port });
    await expect.poll(() => conn.getAttribute('data-state'), { timeout: 8000 }).toBe('connected');
    // The new server runs a fresh simulation: the page resyncs to it, then keeps counting.
    await expect.poll(() => elapsedS(page), { timeout: 8000 }).toBeLessThan(before);
    const t0 = await elapsedS(page);
    await expect.poll(() => elapsedS(page), { timeout: 8000, interval: 150 }).toBeGreaterThan(t0);
    expect((await panes(page))[0].fieldRendered).toBe(true);
    await page.close();
  }, 30_000);
});
