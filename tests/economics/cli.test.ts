/**
 * `agrisim savings` end to end (in-process): JSON shape, areas in ha and sào, runs from
 * `simulate` (JSON and NDJSON recordings), and coded errors with their exit codes.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFieldFile } from '../../src/field/index.js';
import { planField } from '../../src/plan/index.js';
import { planToGeoJson } from '../../src/plan/export/index.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { headAndTailLines } from '../../src/cli/savings-input.js';
import { runCli } from '../helpers/cli.js';
import { foreignWords } from './word-lists.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-savings-'));
const agrisim = runCli;

const compareJson = join(dir, 'compare.json');
const recording = join(dir, 'run.ndjson');

beforeAll(async () => {
  // A small drone run: guided vs manual as JSON, and the guided one recorded as NDJSON.
  const c = await agrisim('simulate', 'fields/paddy-40x120.geojson', '--compare', '--cell', '1', '--json');
  expect(c.status).toBe(0);
  writeFileSync(compareJson, c.stdout);
  const r = await agrisim('simulate', 'fields/paddy-40x120.geojson', '--cell', '1', '--record', recording, '--json');
  expect(r.status).toBe(0);
}, 60_000);

describe('agrisim savings', () => {
  it('--json has the documented shape; manual transplanting of 1 ha = 11,250,000 VND labour, 441,000 VND per sào', async () => {
    const r = await agrisim('savings', '--operation', 'transplanting', '--area-ha', '1', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(
      expect.arrayContaining([
        'operation',
        'areaHa',
        'manual',
        'mechanized',
        'savings',
        'perSao',
        'breakEvenHaPerYear',
        'sensitivity',
        'assumptions',
      ]),
    );
    expect(j.operation).toBe('transplanting');
    expect(j.areaHa).toBe(1);
    for (const b of [j.manual, j.mechanized])
      expect(Object.keys(b)).toEqual(expect.arrayContaining(['personDays', 'hours', 'laborVnd', 'machineVnd', 'inputVnd', 'totalVnd']));
    expect(j.manual.laborVnd).toBe(11_250_000);
    expect(Object.keys(j.savings).sort()).toEqual(['pct', 'personDays', 'vnd']);
    expect(j.perSao.manualVnd).toBe(441_000);
    expect(Object.keys(j.perSao).sort()).toEqual(['manualVnd', 'mechanizedVnd', 'savingsVnd']);
    expect(j.breakEvenHaPerYear.ownVsManual).toBeGreaterThan(0);
    expect(Object.keys(j.breakEvenHaPerYear).sort()).toEqual(['ownVsHire', 'ownVsManual', 'reason', 'sentence']);
    expect(j.breakEvenHaPerYear.ownVsHire).toBeGreaterThan(0);
    expect(j.breakEvenSupport.with.ownVsHire).toBeLessThan(j.breakEvenSupport.without.ownVsHire);
    expect(j.sensitivity.map((s: { factor: string }) => s.factor)).toEqual(['wage', 'machinePrice', 'areaPerYear', 'inputPrice']);
    for (const a of j.assumptions)
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['key', 'value', 'unit', 'range', 'source', 'fromRun']));
    expect(j.assumptions.every((a: { fromRun: boolean }) => a.fromRun === false)).toBe(true);
  });

  it('prints a Vietnamese table by default, with --set and sào', async () => {
    const r = await agrisim('savings', '--operation', 'transplanting', '--area-sao', '100', '--set', 'wageVndPerDay=250000');
    expect(r.status).toBe(0);
    // 100 sào = 3.6 ha; 30 person-days/ha × 3.6 ha × 250,000 VND = 27,000,000 VND
    expect(r.stdout).toContain('27.000.000 ₫');
    expect(r.stdout).toContain('Cấy tay');
    expect(r.stdout).toMatch(/\+ Tiền công lao động = 250\.000 ₫\/công \[wageVndPerDay\]; người dùng đặt \(mặc định 375\.000 ₫\/công\)/);
    expect(r.stdout).toContain('Tự mua máy rẻ hơn thuê dịch vụ khi máy làm từ');
    expect(r.stdout).not.toMatch(/\bbase\b|\.\.\/shared|ECONOMICS\.md/);
  });

  it('--operation all: one report per operation (a JSON array; the HTML has a page each); a household of 12 sào hiring', async () => {
    const html = join(dir, 'all.html');
    const r = await agrisim(
      'savings',
      '--operation',
      'all',
      '--area-sao',
      '12',
      '--ownership',
      'hire',
      '--json',
      '--report',
      html,
      '--lang',
      'en',
    );
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.map((x: { operation: string }) => x.operation)).toEqual(['fertilizing', 'transplanting', 'spraying']);
    // 12 sào: by hand 5,292,000 VND, the hired package with gap filling 3,520,500 VND
    expect(j[1].manual.totalVnd).toBe(5_292_000);
    expect(j[1].mechanized.totalVnd).toBe(3_520_500);
    expect(j[0].verdict.kind).toBe('little');
    expect(readFileSync(html, 'utf8').match(/<section class="page">/g)).toHaveLength(3);
    const bad = await agrisim('savings', '--operation', 'all', '--run', compareJson, '--json');
    expect(bad.status).toBe(2);
  });

  it.each(['own', 'hire'] as const)(
    'the Vietnamese table of every operation (%s) is wholly Vietnamese; the English one wholly English',
    async (ownership) => {
      for (const lang of ['vi', 'en'] as const) {
        const r = await agrisim('savings', '--operation', 'all', '--area-sao', '12', '--ownership', ownership, '--lang', lang);
        expect(r.status).toBe(0);
        // assumption keys in brackets are what --set takes, not words
        expect(foreignWords(r.stdout.replace(/\[[\w.]+\]/g, ''), lang)).toEqual([]);
      }
    },
  );

  it('--block: each household of the Thái Bình block, its savings and the day it is done; the labour peak against the fleet', async () => {
    const r = await agrisim('savings', '--block', 'fields/thai-binh-block.geojson', '--machines', '2', '--json');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ operation: 'transplanting', ownership: 'hire', machines: 2 });
    expect(j.households).toHaveLength(4);
    for (const h of j.households) {
      // by hand 12,250,000 VND/ha; the hired package 290,000 VND/sào + gap filling 93,750 VND/ha
      expect(h.manualVnd).toBe(Math.round(h.areaHa * 12_250_000));
      expect(Math.abs(h.mechanizedVnd - (h.areaSao * 290_000 + h.areaHa * 93_750))).toBeLessThanOrEqual(1);
      expect(Number.isInteger(h.mechanizedDays)).toBe(true);
    }
    const area = j.households.reduce((a: number, h: { areaHa: number }) => a + h.areaHa, 0);
    expect(j.labourPeak.areaHa).toBeCloseTo(area, 3);
    // 30 person-days/ha by hand within the 12-day window
    expect(j.labourPeak.manualPersonsPerDay).toBeCloseTo((30 * area) / 12, 1);
    expect(j.labourPeak.fleetCrewPersons).toBe(4);
    const text = await agrisim('savings', '--block', 'fields/thai-binh-block.geojson', '--lang', 'vi');
    expect(text.stdout).toMatch(/^Cánh đồng: 4 hộ/);
    expect(foreignWords(text.stdout, 'vi')).toEqual([]);
    expect((await agrisim('savings', '--block', 'fields/thai-binh-block.geojson', '--machines', '0', '--json')).status).toBe(2);
    const bad = await agrisim('savings', '--block', 'package.json', '--json');
    expect(bad.status).toBe(3);
    expect((await agrisim('savings', '--block', 'fields/thai-binh-block.geojson', '--area-ha', '1', '--json')).status).toBe(2);
  }, 60_000);

  it('reads simulate --compare --json: measured capacity and overlap, marked fromRun', async () => {
    const sim = JSON.parse(readFileSync(compareJson, 'utf8'));
    const r = await agrisim('savings', '--run', compareJson, '--json', '--lang', 'en');
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.areaHa).toBeCloseTo(sim.guided.fieldAreaHa, 4);
    const cap = j.assumptions.find((a: { key: string }) => a.key === 'drone.capacityHaPerH');
    expect(cap.fromRun).toBe(true);
    expect(cap.value).toBeCloseTo(sim.guided.fieldCapacityHaPerH, 3);
    expect(j.assumptions.find((a: { key: string }) => a.key === 'drone.overlapPct').value).toBeCloseTo(sim.guided.overlapPct, 3);
    expect(j.run.guided.guidance).toBe('rtk');
    expect(j.run.manual.guidance).toBe('manual');
  });

  it('reads an NDJSON recording and draws its plan in the report', async () => {
    const html = join(dir, 'rec.html');
    const r = await agrisim('savings', '--run', recording, '--operation', 'spraying', '--report', html, '--json');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).assumptions.filter((a: { fromRun: boolean }) => a.fromRun).length).toBeGreaterThanOrEqual(2);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<svg[^>]*aria-label="Thửa ruộng và kế hoạch"/);
    expect(page).not.toMatch(/(src|href)="https?:/);
  });

  it('--field: plans and simulates guided and manual; a plan file of the same field gives the same figures', async () => {
    const planFile = join(dir, 'plan.geojson');
    const [field] = await readFieldFile('fields/paddy-40x120.geojson');
    writeFileSync(planFile, JSON.stringify(planToGeoJson(planField(field, getVehicle('transplanter')))));
    const a = await agrisim('savings', '--operation', 'transplanting', '--field', 'fields/paddy-40x120.geojson', '--json');
    const b = await agrisim('savings', '--operation', 'transplanting', '--field', planFile, '--json');
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    const ja = JSON.parse(a.stdout);
    const jb = JSON.parse(b.stdout);
    expect(ja.areaHa).toBeCloseTo(0.48, 2);
    expect(ja.run.guided.guidance).toBe('rtk');
    expect(ja.run.manual.guidance).toBe('manual');
    // guidance saves field time: the manual-driven run is slower and leaves more gaps
    expect(ja.run.manual.fieldCapacityHaPerH).toBeLessThan(ja.run.guided.fieldCapacityHaPerH);
    expect(ja.run.manual.gapPct).toBeGreaterThan(ja.run.guided.gapPct);
    const fromRun = ja.assumptions.filter((x: { fromRun: boolean }) => x.fromRun).map((x: { key: string }) => x.key);
    expect(fromRun).toEqual(
      expect.arrayContaining([
        'transplanter.capacityHaPerH',
        'transplanter.unguidedCapacityHaPerH',
        'transplanter.guidedOverlapPct',
        'transplanter.unguidedGapPct',
      ]),
    );
    expect(jb.mechanized).toEqual(ja.mechanized);
    expect(jb.alternatives).toEqual(ja.alternatives);
  }, 30_000);

  it('--assumptions FILE.json overrides like --set, and --set wins', async () => {
    const file = join(dir, 'a.json');
    writeFileSync(file, JSON.stringify({ wageVndPerDay: 200_000, 'manual.transplantPersonDaysPerHa': 20 }));
    const r = await agrisim(
      'savings',
      '--operation',
      'transplanting',
      '--area-ha',
      '1',
      '--assumptions',
      file,
      '--set',
      'wageVndPerDay=220000',
      '--json',
    );
    expect(r.status).toBe(0);
    // (20 + 5) person-days × 220,000 VND = 5,500,000 VND
    expect(JSON.parse(r.stdout).manual.laborVnd).toBe(5_500_000);
    writeFileSync(file, JSON.stringify({ wageVnd: 1 }));
    const bad = await agrisim('savings', '--area-ha', '1', '--assumptions', file, '--json');
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe('ECON_UNKNOWN_KEY');
    // The report's own list form with a malformed entry is a coded error, not an internal crash (exit 70).
    writeFileSync(file, JSON.stringify({ assumptions: [{ key: 'wageVndPerDay', value: 250_000 }, null] }));
    const malformed = await agrisim('savings', '--area-ha', '1', '--assumptions', file, '--json');
    expect(malformed.status).toBe(2);
    expect(JSON.parse(malformed.stdout).error.code).toBe('ECON_INVALID_VALUE');
    expect(JSON.parse(malformed.stdout).error.message).toContain('assumptions[1]');
  });

  it('reads the first and last lines of a recording from its two ends (lines longer than a read chunk)', async () => {
    const file = join(dir, 'long.ndjson');
    const first = 'h'.repeat(150_000);
    const last = 'm'.repeat(100_000);
    writeFileSync(file, `${first}\n${'f'.repeat(70_000)}\n${'g'.repeat(10)}\n${last}\n\n`);
    const r = await headAndTailLines(file);
    expect(r.first).toBe(first);
    expect(r.last).toBe(last);
    writeFileSync(file, 'one line');
    expect(await headAndTailLines(file)).toMatchObject({ first: 'one line', last: 'one line' });
  });

  it('refuses an unfinished recording (no metrics line) with ECON_RUN_INVALID', async () => {
    const file = join(dir, 'unfinished.ndjson');
    writeFileSync(file, readFileSync(recording, 'utf8').split('\n').slice(0, 3).join('\n') + '\n');
    const r = await agrisim('savings', '--run', file, '--json');
    expect(r.status).toBe(3);
    expect(JSON.parse(r.stdout).error.code).toBe('ECON_RUN_INVALID');
  });

  it.each([
    [['--area-ha', '-3'], 2, 'ECON_INVALID_AREA'],
    [['--area-sao', '-12'], 2, 'ECON_INVALID_AREA'],
    [['--area-ha', '0'], 2, 'ECON_INVALID_AREA'],
    [['--area-ha=-1'], 2, 'ECON_INVALID_AREA'],
    [['--area-ha', '1', '--set', 'interestPctPerYear=150'], 2, 'ECON_INVALID_VALUE'],
    [['--area-ha', '1', '--set', 'support.purchaseSubsidyPct=-5'], 2, 'ECON_INVALID_VALUE'],
    [['--area-ha', '1', '--set', 'support.applied=2'], 2, 'ECON_INVALID_VALUE'],
    [['--area-ha', 'abc'], 2, 'ECON_INVALID_AREA'],
    [['--area-ha', '1', '--set', 'nope=1'], 2, 'ECON_UNKNOWN_KEY'],
    [['--area-ha', '1', '--set', 'wageVndPerDay=0'], 2, 'ECON_INVALID_VALUE'],
    [['--area-ha', '1', '--set', 'wageVndPerDay=300.000'], 2, 'ECON_INVALID_VALUE'],
    [['--operation', 'transplanting', '--run', 'RUN'], 2, 'ECON_RUN_MISMATCH'],
    [['--run', 'package.json'], 3, 'ECON_RUN_INVALID'],
    [['--run', 'no-such-file.json'], 3, 'IO_READ'],
    [[], 2, 'CLI_USAGE'],
    [['--area-ha', '1', '--lang', 'fr'], 2, 'CLI_USAGE'],
  ])('%j → exit %d, %s', async (args, exit, code) => {
    const r = await agrisim('savings', ...args.map((a) => (a === 'RUN' ? compareJson : a)), '--json');
    expect(r.status).toBe(exit);
    expect(JSON.parse(r.stdout).error.code).toBe(code);
  });
});
