/**
 * The demo on a phone, in real Chromium with mobile emulation (touch, 360×640 and 390×844),
 * against the demo's server started by the CLI's own code and opened by the loopback URL it
 * prints: first load size, Vietnamese and English throughout, no horizontal overflow, 44 px
 * tap targets, drawing a paddy by pointer events and seeing its plan and savings, uploading a
 * My Maps KML with a pin, and reconnecting after the socket drops while the page sleeps.
 */
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN } from '../../src/viewer/app/lang/en.js';
import { VI } from '../../src/viewer/app/lang/vi.js';
import { launchChromium } from './stack.js';
import { layoutProblems, phoneContext, startDemo, startProxy, visibleTexts, wordsOf, type Demo } from './phone-helpers.js';

const SHOTS = 'screenshots';
const SCENARIOS = ['sims/thai-binh-drone.json#rtk,manual', 'sims/thai-binh-transplanter.json#rtk,manual'];
const SIZES = [
  [360, 640],
  [390, 844],
] as const;
const MY_MAPS = 'tests/fixtures/field/my-maps-export.kml';

/** Words only one language uses: each dictionary's words minus the other's (shared: RTK, GNSS, drone, ha, kg…). */
const enWords = wordsOf([...Object.values(EN), 'VND']);
const viWords = wordsOf(Object.values(VI));
const FOREIGN = {
  vi: new Set([...enWords].filter((w) => !viWords.has(w))),
  en: new Set([...viWords].filter((w) => !enWords.has(w))),
};

type PaneDebug = { renderer?: string; fieldRendered: boolean; connection: string; telemetryCount: number; progress?: { elapsedS: number } };
const panes = (page: Page) => page.evaluate(() => (window as unknown as { __agrisim: { panes(): PaneDebug[] } }).__agrisim.panes());
const waitLive = (page: Page) =>
  page.waitForFunction(
    () => {
      const p = (window as unknown as { __agrisim?: { panes(): PaneDebug[] } }).__agrisim?.panes()[0];
      return p?.fieldRendered && p.connection === 'connected' && p.telemetryCount > 2;
    },
    undefined,
    { timeout: 20_000 },
  );

async function expectOneLanguage(page: Page, lang: 'vi' | 'en', where: string): Promise<void> {
  const texts = await visibleTexts(page);
  const foreign = [...wordsOf(texts)].filter((w) => FOREIGN[lang].has(w));
  expect(foreign, `${where}: words of the other language in ${JSON.stringify(texts)}`).toEqual([]);
}

async function expectFits(page: Page, where: string): Promise<void> {
  const p = await layoutProblems(page);
  expect(p.scrollWidth, `${where}: horizontal scroll`).toBeLessThanOrEqual(p.innerWidth);
  expect(p.overflow, `${where}: out of the screen`).toEqual([]);
  expect(p.small, `${where}: tap targets under 44 px`).toEqual([]);
}

const browser: { b?: Browser } = {};
let demo: Demo;

describe('the demo on a phone (Chromium, mobile emulation)', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser.b = await launchChromium();
    if (browser.b) demo = await startDemo(SCENARIOS, 20);
  }, 60_000);
  afterAll(async () => {
    await browser.b?.close();
    await demo?.stop();
  });

  it('joins by the printed loopback URL: Vietnamese, light 2D drawing, first load ≤ 100 KB, no MapLibre', async (ctx) => {
    if (!browser.b) return ctx.skip();
    expect(demo.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const context = await phoneContext(browser.b, 360, 640);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const bytes = new Map<string, number>();
    const urls = new Map<string, string>();
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => bytes.set(e.requestId, e.encodedDataLength));
    await page.goto(demo.url);
    await waitLive(page);
    const [p0] = await panes(page);
    expect(p0.renderer).toBe('canvas');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
    const loaded = [...urls.entries()].filter(([, u]) => u.startsWith('http'));
    expect(loaded.some(([, u]) => /maplibre/.test(u))).toBe(false);
    const total = loaded.filter(([, u]) => !/\/(ws|join\.json)$/.test(u)).reduce((a, [id]) => a + (bytes.get(id) ?? 0), 0);
    console.log(`first load on the phone: ${total} B on the wire (${loaded.length} responses)`);
    expect(total).toBeGreaterThan(5_000);
    expect(total).toBeLessThan(100_000);
    // The detailed map is downloaded only when asked for.
    await page.getByTestId('map-toggle').tap();
    await page.waitForFunction(
      () => (window as unknown as { __agrisim: { panes(): PaneDebug[] } }).__agrisim.panes()[0].renderer === 'maplibre',
      undefined,
      { timeout: 20_000 },
    );
    expect([...urls.values()].some((u) => /chunk-/.test(u))).toBe(true);
    await context.close();
  }, 60_000);

  for (const [w, h] of SIZES) {
    it(`${w}×${h}: every visible word is Vietnamese (vi) or English (en); nothing overflows; tap targets ≥ 44 px`, async (ctx) => {
      if (!browser.b) return ctx.skip();
      const context = await phoneContext(browser.b, w, h);
      const page = await context.newPage();
      await page.goto(demo.url);
      await waitLive(page);
      for (const lang of ['vi', 'en'] as const) {
        await page.getByTestId(`lang-${lang}`).tap();
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await page.waitForTimeout(300); // a panel refresh in the new language (next animation frames)
        await expectOneLanguage(page, lang, `${lang} live ${w}×${h}`);
        const savings = await page.getByTestId('savings-vnd').first().innerText();
        expect(savings).toMatch(lang === 'vi' ? /^[−-]?\d{1,3}(\.\d{3})* ₫$/ : /^[−-]?\d{1,3}(,\d{3})* VND$/);
        const pct = await page.getByTestId('coverage-pct').first().innerText();
        expect(pct).toMatch(lang === 'vi' ? /^\d+,\d %$/ : /^\d+\.\d%$/);
        await expectFits(page, `${lang} live ${w}×${h}`);
        await page.screenshot({ path: `${SHOTS}/phone-${w}x${h}-${lang}.png` });
        // the my-paddy page and the invite dialog, in the same language
        await page.getByTestId('my-paddy').tap();
        await expect.poll(() => page.getByTestId('paddy-canvas').isVisible()).toBe(true);
        await expectOneLanguage(page, lang, `${lang} paddy ${w}×${h}`);
        await expectFits(page, `${lang} paddy ${w}×${h}`);
        await page.getByTestId('paddy-back').tap();
        await page.getByTestId('invite').tap();
        await expect.poll(() => page.getByTestId('invite-url').innerText()).toBe(demo.joinUrl);
        expect(await page.locator('[data-testid="invite-qr"] svg').count()).toBe(1);
        await expectOneLanguage(page, lang, `${lang} invite ${w}×${h}`);
        await page.locator('dialog.invite button.close').tap();
      }
      await context.close();
    }, 90_000);
  }

  it('draws a paddy with pointer taps and shows its plan, a simulated run and the savings in sào and ₫', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const context = await phoneContext(browser.b, 360, 640);
    const page = await context.newPage();
    await page.goto(demo.url);
    await page.getByTestId('my-paddy').tap();
    const canvas = page.getByTestId('paddy-canvas');
    await expect.poll(() => canvas.isVisible()).toBe(true);
    const box = (await canvas.boundingBox())!;
    // 160 m across the board: a 40 × 80 m paddy around the centre (3200 m² ≈ 8,9 sào).
    const pxPerM = box.width / 160;
    const cx = box.x + box.width / 2,
      cy = box.y + box.height / 2;
    for (const [x, y] of [
      [-20, -40],
      [20, -40],
      [20, 40],
      [-20, 40],
    ])
      await page.touchscreen.tap(cx + x * pxPerM, cy - y * pxPerM);
    await expect.poll(() => page.getByTestId('draw-corners').innerText()).toBe('4');
    const sao = Number((await page.getByTestId('draw-area').innerText()).replace(' sào', '').replace(',', '.'));
    expect(sao).toBeGreaterThan(8.5);
    expect(sao).toBeLessThan(9.3);
    await page.getByTestId('paddy-machine').selectOption('transplanter');
    const t0 = Date.now();
    await page.getByTestId('paddy-plan').tap();
    await expect.poll(() => page.getByTestId('paddy-savings').isVisible(), { timeout: 30_000 }).toBe(true);
    console.log(`paddy planned, simulated and priced in ${Date.now() - t0} ms (2-core VM, shared)`);
    expect(await page.getByTestId('paddy-area').innerText()).toMatch(/^0,3\d ha · [89],\d sào$/);
    expect(await page.getByTestId('paddy-savings').innerText()).toMatch(/^\d{1,3}(\.\d{3})* ₫ \(\d+,\d %\)$/);
    expect(await page.getByTestId('paddy-per-sao').innerText()).toMatch(/^\d{1,3}(\.\d{3})* ₫$/);
    expect(Number(await page.getByTestId('paddy-swaths').innerText())).toBeGreaterThan(10);
    // the replay moves on and paints strips
    await expect
      .poll(
        () =>
          page.evaluate(
            () => (window as unknown as { __agrisimPaddy: { debug(): { replayProgress: number } } }).__agrisimPaddy.debug().replayProgress,
          ),
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0.3);
    await expectOneLanguage(page, 'vi', 'vi paddy result');
    await expectFits(page, 'vi paddy result');
    await page.screenshot({ path: `${SHOTS}/phone-paddy-result.png`, fullPage: true });
    await context.close();
  }, 60_000);

  it('uploads a My Maps KML with a pin: plans the first paddy and says, in Vietnamese, what it ignored', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const context = await phoneContext(browser.b, 390, 844);
    const page = await context.newPage();
    await page.goto(demo.url);
    await page.getByTestId('my-paddy').tap();
    await page.getByTestId('paddy-file').setInputFiles(MY_MAPS);
    await expect.poll(() => page.getByTestId('paddy-savings').isVisible(), { timeout: 30_000 }).toBe(true);
    const notes = await page.getByTestId('paddy-notes').innerText();
    expect(notes).toContain('Cống nước');
    expect(notes).toContain('Đã bỏ qua điểm ghim');
    expect(await page.getByTestId('paddy-area').innerText()).toMatch(/^0,50 ha · 13,9 sào$/); // Thửa 1: ≈ 5001 m²
    // a crossed drawing is refused with the field stage's code, in Vietnamese
    await page.getByTestId('paddy-clear').tap();
    const box = (await page.getByTestId('paddy-canvas').boundingBox())!;
    const cx = box.x + box.width / 2,
      cy = box.y + box.height / 2;
    for (const [x, y] of [
      [-60, -60],
      [60, 60],
      [60, -60],
      [-60, 60],
    ])
      await page.touchscreen.tap(cx + x, cy + y);
    await page.getByTestId('paddy-plan').tap();
    await expect.poll(() => page.getByTestId('paddy-message').innerText(), { timeout: 15_000 }).toMatch(/tự cắt nhau/);
    // the language switch re-words the refusal and the notes without a new request
    await page.getByTestId('lang-en').tap();
    await expect.poll(() => page.getByTestId('paddy-message').innerText()).toMatch(/^The boundary crosses itself/);
    await context.close();
  }, 60_000);

  it('reconnects and resyncs after the socket drops while the phone sleeps (page frozen)', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const proxy = await startProxy(demo.port);
    const context = await phoneContext(browser.b, 360, 640);
    const page = await context.newPage();
    try {
      await page.goto(`${demo.url}?ws=${encodeURIComponent(`ws://127.0.0.1:${proxy.port}/ws`)}`);
      await waitLive(page);
      const cdp = await context.newCDPSession(page);
      // 1. The phone sleeps: the page is frozen, and its socket dies meanwhile.
      await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
      expect(proxy.dropAll()).toBeGreaterThan(0);
      await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      await expect.poll(async () => (await panes(page))[0].connection, { timeout: 15_000 }).toBe('connected');
      const before = (await panes(page))[0];
      await expect.poll(async () => (await panes(page))[0].telemetryCount, { timeout: 15_000 }).toBeGreaterThan(before.telemetryCount + 3);
      // 2. The socket drops while awake: red badge, then back and counting.
      proxy.dropAll();
      await expect
        .poll(async () => page.getByTestId('connection').first().getAttribute('data-state'), { timeout: 10_000 })
        .not.toBe('connected');
      await expect.poll(async () => (await panes(page))[0].connection, { timeout: 15_000 }).toBe('connected');
      const elapsed = (await panes(page))[0].progress?.elapsedS ?? 0;
      await expect.poll(async () => (await panes(page))[0].progress?.elapsedS ?? 0, { timeout: 15_000 }).toBeGreaterThan(elapsed);
    } finally {
      await context.close();
      await proxy.close();
    }
  }, 60_000);

  it('optional online map: a tile URL the user sets, its credit shown, tiles and page kept by the service worker for offline', async (ctx) => {
    if (!browser.b) return ctx.skip();
    const tiles = await startTileServer();
    const context = await phoneContext(browser.b, 390, 844);
    const page = await context.newPage();
    try {
      await page.goto(demo.url);
      await waitLive(page);
      expect(await page.getByTestId('attribution').first().isVisible()).toBe(false); // plain offline background by default
      await page.locator('details.tiles summary').tap();
      await page.getByTestId('tiles-url').fill(`http://127.0.0.1:${tiles.port}/{z}/{x}/{y}.png`);
      await page.getByTestId('tiles-attribution').fill('© Bản đồ thử nghiệm');
      await page.locator('details.tiles button[type="submit"]').tap();
      await expect.poll(async () => (await panes(page))[0].renderer, { timeout: 20_000 }).toBe('maplibre');
      await expect.poll(() => page.getByTestId('attribution').first().innerText()).toBe('© Bản đồ thử nghiệm');
      await expect.poll(() => tiles.requests.length, { timeout: 20_000 }).toBeGreaterThan(0);
      // The service worker (127.0.0.1 is a secure context) keeps the tiles it saw.
      const cached = () => page.evaluate(async () => (await (await caches.open('agrisim-tiles-v1')).keys()).map((r) => r.url));
      await expect.poll(async () => (await cached()).length, { timeout: 20_000 }).toBeGreaterThan(0);
      const one = (await cached())[0];
      await tiles.close(); // the field has no signal now
      const status = await page.evaluate(async (u) => (await fetch(u, { mode: 'cors' })).status, one);
      expect(status).toBe(200);
      // No network at all (Wi-Fi gone): the page reloads from the service worker's copy of its shell.
      await context.setOffline(true);
      await page.reload();
      await expect.poll(() => page.locator('header.top h1').innerText(), { timeout: 15_000 }).toBe('agrisim trực tiếp');
      expect(await page.getByTestId('connection').first().getAttribute('data-state')).not.toBe('connected');
    } finally {
      await context.close();
      await tiles.close();
    }
  }, 60_000);
});

/** A 1×1 green PNG: enough for a raster tile. */
function tinyPng(): Buffer {
  const crc = (buf: Buffer) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const c = Buffer.alloc(4);
    c.writeUInt32BE(crc(td));
    return Buffer.concat([len, td, c]);
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 0x6d, 0x8f, 0x3a]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A loopback tile server (CORS open, as OSM's is) that counts its requests. */
async function startTileServer(): Promise<{ port: number; requests: string[]; close(): Promise<void> }> {
  const png = tinyPng();
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*', 'content-length': png.length });
    res.end(png);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  let closed = false;
  return {
    port: (server.address() as { port: number }).port,
    requests,
    close: () => {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      });
    },
  };
}
