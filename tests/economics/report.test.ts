/**
 * The HTML report in real Chromium (playwright-core, /usr/bin/chromium): printed to A4 it is
 * exactly one page, in Vietnamese and English, with the map of a planned field, and even with
 * every assumption overridden (the longest sources); the text a reader needs is there.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeSavings, savingsReportHtml, ASSUMPTIONS, type Operation, type PlanGeoJsonLike } from '../../src/economics/index.js';
import { formatVnd } from '../../src/units/index.js';
import { readFieldFile } from '../../src/field/index.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { planField } from '../../src/plan/index.js';
import { planToGeoJson } from '../../src/plan/export/index.js';
import { systemProgram } from '../helpers/system.js';

const exe = systemProgram('chromium');
let browser: Browser | undefined;

beforeAll(async () => {
  if (exe) browser = await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

/** Prints `html` to A4 and returns the page count (from the PDF's page objects) and the page's text. */
async function print(html: string): Promise<{ pages: number; text: string; pdfBytes: number }> {
  const page = await browser!.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    return { pages, text: await page.innerText('body'), pdfBytes: pdf.length };
  } finally {
    await page.close();
  }
}

async function planOf(path: string, vehicle: string): Promise<PlanGeoJsonLike> {
  const [field] = await readFieldFile(path);
  return planToGeoJson(planField(field, getVehicle(vehicle)));
}

describe.skipIf(!exe)('savings report in Chromium', () => {
  it.each([
    ['transplanting', 'vi', 'fields/paddy-with-tomb.geojson', 'transplanter'],
    ['fertilizing', 'en', 'fields/thai-binh-block.geojson', 'drone'],
    ['spraying', 'vi', 'fields/l-shaped-paddy.geojson', 'drone'],
  ] as const)('%s (%s) with the field map: one A4 page, text present', async (operation, lang, fieldPath, vehicle) => {
    const plan = await planOf(fieldPath, vehicle);
    const report = computeSavings({ operation: operation as Operation, areaHa: 1.35 });
    const html = savingsReportHtml(report, { lang, planGeoJson: plan, subtitle: fieldPath });
    expect(html).not.toMatch(/(src|href)="https?:/); // self-contained
    expect(html).toMatch(/<path d="M[^"]+" fill="none" stroke="#2f7d32"/); // swaths drawn
    const out = await print(html);
    expect(out.pages).toBe(1);
    expect(out.pdfBytes).toBeGreaterThan(10_000);
    expect(out.text).toContain(lang === 'vi' ? 'Tiết kiệm so với làm tay' : 'Savings against manual work');
    expect(out.text).toContain(formatVnd(report.savings.vnd, lang));
    expect(out.text).toContain(formatVnd(report.perSao.manualVnd, lang));
    expect(out.text).toContain('ECONOMICS.md');
  }, 60_000);

  it('manual transplanting 1 ha reads 9.000.000 ₫ and 324.000 ₫ per sào', async () => {
    const out = await print(savingsReportHtml(computeSavings({ operation: 'transplanting', areaHa: 1 }), { lang: 'vi' }));
    expect(out.pages).toBe(1);
    expect(out.text).toContain('9.000.000 ₫');
    expect(out.text).toContain('324.000 ₫');
  }, 30_000);

  it('stays one page with a guided and a manual run and overrides (vi, long run sources)', async () => {
    const m = (guidance: string, cap: number, overlapPct: number, gapPct: number) => ({
      guidance, fieldAreaHa: 1.35, areaCoveredHa: 1.34, fieldCapacityHaPerH: cap, overlapPct, gapPct,
      timeS: { working: 13_759.4, turning: 785.9, transit: 3128.2, refill: 1800, total: 19_473.5 }, energy: { fuelL: 5.523 },
    });
    const report = computeSavings({
      operation: 'transplanting', areaHa: 1.35, overrides: { wageVndPerDay: 280_000, 'transplanter.priceVnd': 300e6 },
      run: { label: 'thai-binh-transplanter', vehicleKind: 'transplanter', guided: m('rtk', 0.248, 2.6, 0.74), manual: m('manual', 0.149, 12.4, 10.51) },
    });
    expect(report.assumptions.filter((a) => a.fromRun)).toHaveLength(7);
    const plan = await planOf('fields/thai-binh-block.geojson', 'transplanter');
    const out = await print(savingsReportHtml(report, { lang: 'vi', planGeoJson: plan, subtitle: 'run: thai-binh-transplanter' }));
    expect(out.pages).toBe(1);
    expect(out.text).toContain('simulated run thai-binh-transplanter (manual)');
  }, 60_000);

  it('stays one page with every assumption overridden (longest source texts)', async () => {
    const overrides = Object.fromEntries(ASSUMPTIONS.filter((a) => a.ops.includes('transplanting')).map((a) => [a.key, a.value * 1.1]));
    delete overrides.salvagePct;
    const report = computeSavings({ operation: 'transplanting', areaHa: 12.5, overrides });
    const plan = await planOf('fields/paddy-with-tomb.geojson', 'transplanter');
    const out = await print(savingsReportHtml(report, { lang: 'en', planGeoJson: plan }));
    expect(out.pages).toBe(1);
    expect(out.text).toContain('set by the user');
  }, 60_000);
});
