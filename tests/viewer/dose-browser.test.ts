/**
 * The dose map in a real browser (Debian chromium via playwright-core): a drone spreads a
 * two-zone prescription (50 and 110 kg/ha) on paddy-40x120, served by the real telemetry server
 * with the real viewer. The page draws the zones by prescribed rate, colours each strip by the
 * rate the machine delivered, and shows a legend in kg/ha — in English and wholly in Vietnamese.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDoseInput } from '../../src/cli/prescription-input.js';
import { loadScenario } from '../../src/scenario/index.js';
import { startTelemetryServer } from '../../src/telemetry/index.js';
import { createViewerHandler } from '../../src/viewer/index.js';
import { launchChromium } from './stack.js';

const SHOTS = 'screenshots';
type DoseDebug = { scale?: { unit: string; minPerHa: number; maxPerHa: number }; stripRates: number[] };
type PaneDebug = { fieldRendered: boolean; dose: DoseDebug };
const pane = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { __agrisim: { panes(): PaneDebug[] } }).__agrisim.panes()))[0];

let browser: Browser | undefined;
let close: (() => void) | undefined;
let url = '';

describe('viewer: the dose map of a variable-rate run', () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launchChromium({ webgl: false });
    if (!browser) return;
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-dose-'));
    const scenarioPath = join(dir, 'paddy-drone.json');
    writeFileSync(
      scenarioPath,
      JSON.stringify({
        id: 'paddy-drone',
        name: 'paddy-40x120: two-zone urea',
        field: resolve('fields/paddy-40x120.geojson'),
        vehicles: [{ profile: 'drone', guidance: 'rtk' }],
        seed: 7,
        tickMs: 100,
        cellM: 0.5,
        faults: false,
      }),
    );
    const dose = await readDoseInput({ prescription: 'fields/prescriptions/paddy-40x120-zones.geojson' });
    const sim = await loadScenario(scenarioPath, { dose: dose.doseFor });
    const viewer = createViewerHandler();
    await viewer.ready;
    const srv = await startTelemetryServer({
      port: 0,
      host: '127.0.0.1',
      simulations: [sim],
      staticHandler: viewer,
      speedup: 60,
      loop: true,
    });
    url = `http://127.0.0.1:${srv.port}/`;
    close = () => srv.close();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    close?.();
  });

  it('draws the zones, colours the strips by the rate applied and explains the colours in kg/ha', async (ctx) => {
    if (!browser) return ctx.skip();
    const page = await browser.newPage({ viewport: { width: 400, height: 760 }, isMobile: true, hasTouch: true });
    await page.goto(`${url}?lang=en`);
    await page.waitForFunction(
      () => (window as unknown as { __agrisim?: { panes(): PaneDebug[] } }).__agrisim?.panes()[0]?.fieldRendered,
      undefined,
      { timeout: 15_000 },
    );
    expect((await pane(page)).dose.scale).toMatchObject({ unit: 'kg/ha', minPerHa: 50, maxPerHa: 110 });
    const legend = page.locator('[data-testid="dose-legend"]');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.innerText()).toMatch(/^Rate \(kg\/ha\)\n40\n80\n132\nzones: prescribed · strips: applied$/);
    // the drone crosses both zones: strips settle at each zone's rate (within the ±7 % the run keeps per zone)
    const near = (rates: number[], target: number) => rates.filter((r) => Math.abs(r - target) <= 0.07 * target).length;
    await expect
      .poll(
        async () => {
          const rates = (await pane(page)).dose.stripRates;
          return near(rates, 50) > 0 && near(rates, 110) > 0;
        },
        { timeout: 30_000 },
      )
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}/viewer-dose.png` });
    // a phone that joins now gets the strips done so far from the snapshot, each with its rate
    const late = await browser.newPage({ viewport: { width: 400, height: 760 }, isMobile: true, hasTouch: true });
    await late.goto(`${url}?lang=en`);
    await late.waitForFunction(
      () => (window as unknown as { __agrisim?: { panes(): PaneDebug[] } }).__agrisim?.panes()[0]?.fieldRendered,
      undefined,
      { timeout: 15_000 },
    );
    const joined = (await pane(late)).dose.stripRates;
    expect(near(joined, 50)).toBeGreaterThan(0);
    expect(near(joined, 110)).toBeGreaterThan(0);
    await late.close();
    // wholly Vietnamese after the switch, numbers as a farmer reads them
    await page.click('[data-testid="lang-vi"]');
    expect(await legend.innerText()).toMatch(/^Lượng bón \(kg\/ha\)\n40\n80\n132\nnền vùng: cần bón · vệt: đã bón$/);
    await page.close();
  }, 60_000);
});
