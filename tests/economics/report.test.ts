/**
 * The HTML report in real Chromium (playwright-core, /usr/bin/chromium): printed to PDF on A4
 * it is one page per operation, in Vietnamese and English, with the map of a planned field,
 * and even with every assumption overridden; each language's page holds none of the other
 * language's words, the sources it cites are named inside the repository, and nothing points
 * outside it.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  computeSavings,
  savingsReportHtml,
  savingsReportPagesHtml,
  ASSUMPTIONS,
  OPERATIONS,
  type Operation,
  type PlanGeoJsonLike,
} from '../../src/economics/index.js';
import { formatRoughVnd, formatVnd } from '../../src/units/index.js';
import { readFieldFile } from '../../src/field/index.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { planField } from '../../src/plan/index.js';
import { planToGeoJson } from '../../src/plan/export/index.js';
import { systemProgram } from '../helpers/system.js';
import { foreignWords } from './word-lists.js';

const exe = systemProgram('chromium');
let browser: Browser | undefined;

beforeAll(async () => {
  if (exe) browser = await chromium.launch({ executablePath: exe, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}, 30_000);
afterAll(async () => {
  await browser?.close();
});

/** Prints `html` to A4 PDF and returns the page count (from the PDF's page objects) and the page's text. */
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

const FIELDS: Record<Operation, [string, string]> = {
  transplanting: ['fields/paddy-with-tomb.geojson', 'transplanter'],
  fertilizing: ['fields/thai-binh-block.geojson', 'drone'],
  spraying: ['fields/l-shaped-paddy.geojson', 'drone'],
};

describe('the word lists', () => {
  it('catch a word of the other language, whole words only', () => {
    expect(foreignWords('Tiết kiệm per sào (Lao Động)', 'vi')).toEqual(['per']);
    expect(foreignWords('Savings per sào: ≈ 126 nghìn ₫', 'en')).toEqual(['nghìn', '₫']);
    expect(foreignWords('Diện tích hoà vốn; ASABE EP496; wageVndPerDay', 'vi')).toEqual([]);
  });
});

describe.skipIf(!exe)('savings report printed in Chromium', () => {
  const cases = OPERATIONS.flatMap((op) =>
    (['vi', 'en'] as const).flatMap((lang) => (['own', 'hire'] as const).map((own) => [op, lang, own] as const)),
  );
  it.each(cases)(
    '%s (%s, %s): one A4 page, wholly in its language, sources named, nothing outside',
    async (operation, lang, ownership) => {
      const [fieldPath, vehicle] = FIELDS[operation];
      const plan = await planOf(fieldPath, vehicle);
      const report = computeSavings({ operation, areaHa: 1.35, ownership, lang });
      const html = savingsReportHtml(report, { planGeoJson: plan });
      expect(html).not.toMatch(/(src|href)="https?:/); // self-contained
      expect(html).not.toMatch(/\.\.\/|shared\/|ECONOMICS\.md/);
      expect(html).toMatch(/<path d="M[^"]+" fill="none" stroke="#2f7d32"/); // swaths drawn
      const out = await print(html);
      expect(out.pages).toBe(1);
      expect(out.pdfBytes).toBeGreaterThan(10_000);
      expect(out.text).toContain(lang === 'vi' ? 'Tiết kiệm so với làm tay' : 'Savings against manual work');
      expect(out.text).toContain(formatVnd(report.savings.vnd, lang));
      expect(out.text).toContain(formatRoughVnd(report.perSao.savingsVnd, lang));
      expect(out.text).toContain(report.verdict.text);
      expect(out.text).toContain('docs/economics.md');
      for (const s of report.sources) expect(out.text).toContain(s.name);
      expect(foreignWords(out.text, lang)).toEqual([]);
    },
    60_000,
  );

  it('the break-even is one correct sentence in each language', async () => {
    const vi = await print(savingsReportHtml(computeSavings({ operation: 'transplanting', areaHa: 1, lang: 'vi' })));
    expect(vi.text).toMatch(/Tự mua máy rẻ hơn thuê dịch vụ khi máy làm từ 18,9 ha\/năm, và rẻ hơn làm tay khi máy làm từ 9 ha\/năm\./);
    const en = await print(savingsReportHtml(computeSavings({ operation: 'fertilizing', areaHa: 1, lang: 'en' })));
    expect(en.text).toMatch(
      /Owning the machine costs less than doing the work by hand from [\d,.]+ ha\/year, but never less than hiring the service: even worked 100,000 ha a year, it costs ≈ \d+ thousand VND per ha a season \([^)]+\), more than ≈ \d+ thousand VND per ha\./,
    );
    expect(en.text).toMatch(/^Saves nothing/m);
  }, 30_000);

  it('manual transplanting 1 ha reads 12.250.000 ₫ and 441.000 ₫ per sào', async () => {
    const out = await print(savingsReportHtml(computeSavings({ operation: 'transplanting', areaHa: 1, lang: 'vi' })));
    expect(out.pages).toBe(1);
    expect(out.text).toContain('12.250.000 ₫');
    expect(out.text).toContain('441.000 ₫');
  }, 30_000);

  it('stays one page with a guided and a manual run and overrides (vi, long run sources)', async () => {
    const m = (guidance: string, cap: number, overlapPct: number, gapPct: number) => ({
      guidance,
      fieldAreaHa: 1.35,
      areaCoveredHa: 1.34,
      fieldCapacityHaPerH: cap,
      overlapPct,
      gapPct,
      timeS: { working: 13_759.4, turning: 785.9, transit: 3128.2, refill: 1800, total: 19_473.5 },
      energy: { fuelL: 5.523 },
    });
    const report = computeSavings({
      operation: 'transplanting',
      areaHa: 1.35,
      lang: 'vi',
      overrides: { wageVndPerDay: 380_000, 'transplanter.priceVnd': 300e6 },
      run: {
        label: 'thai-binh-transplanter',
        vehicleKind: 'transplanter',
        guided: m('rtk', 0.248, 2.6, 0.74),
        manual: m('manual', 0.149, 12.4, 10.51),
      },
    });
    expect(report.assumptions.filter((a) => a.fromRun)).toHaveLength(7);
    const plan = await planOf('fields/thai-binh-block.geojson', 'transplanter');
    const out = await print(savingsReportHtml(report, { planGeoJson: plan, subtitle: 'thai-binh-transplanter' }));
    expect(out.pages).toBe(1);
    expect(out.text).toContain('lần mô phỏng thai-binh-transplanter (lái bằng mắt)');
    expect(foreignWords(out.text, 'vi')).toEqual([]);
  }, 60_000);

  it('stays one page with every assumption overridden (longest source texts)', async () => {
    const overrides = Object.fromEntries(
      ASSUMPTIONS.filter((a) => a.ops.includes('transplanting') && a.value > 0 && a.valid.max === undefined).map((a) => [
        a.key,
        a.value * 1.1,
      ]),
    );
    delete overrides.salvagePct;
    const report = computeSavings({ operation: 'transplanting', areaHa: 12.5, overrides, lang: 'en' });
    const plan = await planOf('fields/paddy-with-tomb.geojson', 'transplanter');
    const out = await print(savingsReportHtml(report, { planGeoJson: plan }));
    expect(out.pages).toBe(1);
    expect(out.text).toContain('set by the user');
  }, 60_000);
});

describe.skipIf(!exe)('every operation in one document', () => {
  it.each(['vi', 'en'] as const)(
    '%s: printed to PDF, one A4 page per operation, wholly in its language',
    async (lang) => {
      const reports = OPERATIONS.map((operation) => computeSavings({ operation, areaHa: 0.432, ownership: 'hire', lang }));
      const out = await print(savingsReportPagesHtml(reports));
      expect(out.pages).toBe(3);
      for (const r of reports) expect(out.text).toContain(r.verdict.text);
      expect(foreignWords(out.text, lang)).toEqual([]);
    },
    60_000,
  );

  it('refuses reports in two languages, and printing a report in a language it was not computed in', () => {
    const vi = computeSavings({ areaHa: 1, lang: 'vi' });
    const en = computeSavings({ areaHa: 1, lang: 'en' });
    expect(() => savingsReportPagesHtml([vi, en])).toThrow(/one language/);
    expect(() => savingsReportHtml(vi, { lang: 'en' })).toThrow(/computed in vi/);
  });
});
