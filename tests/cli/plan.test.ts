/**
 * `agrisim plan` as a user runs it — every sample file planned with both vehicles, the first field
 * of each checked by the independent checker, human and --json output, every export format, bad input and its exit
 * codes, batches on worker threads — called in-process through the CLI's own runner.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPlanFiles } from '../helpers/check-plan.js';
import { runCli as agrisim, type CliRun as Run } from '../helpers/cli.js';
import { SAMPLE_FILES, VEHICLES } from '../plan/export/plans.js';

function errorOf(r: Run): { code: string; message: string; details: Record<string, unknown> } {
  return JSON.parse(r.stdout.trim().split('\n').pop()!).error;
}

describe('agrisim plan on every sample file, its output checked by the independent checker (check-plan.mjs)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agrisim-cli-plan-'));
  it('plans, writes GeoJSON and prints metrics that pass the independent checker (both vehicles)', async () => {
    const jobs = SAMPLE_FILES.flatMap((file) => VEHICLES.map((vehicle) => ({ file, vehicle })));
    const results: { file: string; vehicle: string; run: Run; out: string }[] = [];
    for (const { file, vehicle } of jobs) {
      const out = join(dir, `${file.replace('.geojson', '')}-${vehicle}.geojson`);
      results.push({ file, vehicle, out, run: await agrisim('plan', `fields/${file}`, '--vehicle', vehicle, '--out', out, '--json') });
    }
    let checked = 0;
    for (const { file, vehicle, run, out } of results) {
      expect({ file, vehicle, status: run.status, stderr: run.stderr }).toEqual({ file, vehicle, status: 0, stderr: '' });
      const input = JSON.parse(readFileSync(`fields/${file}`, 'utf8'));
      const metricsLines = run.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      // a block file's roads, gates, depot and nofly areas are not fields
      const paddies = input.features.filter(
        (f: { properties?: { kind?: string } }) => !['road', 'gate', 'depot', 'nofly'].includes(f.properties?.kind ?? ''),
      );
      expect(metricsLines.length).toBe(paddies.length);
      for (const [i, metrics] of metricsLines.entries()) {
        // DESIGN.md "Plan metrics" keys
        for (const k of [
          'field',
          'vehicle',
          'swaths',
          'coveragePct',
          'overlapPct',
          'lengthM',
          'turns',
          'sorties',
          'timeS',
          'fieldCapacityHaPerH',
          'planMs',
        ])
          expect(metrics).toHaveProperty(k);
        expect(metrics.vehicle.id).toBe(vehicle);
        const feature = input.features.find(
          (f: { id?: string; properties?: { id?: string } }) => (f.id ?? f.properties?.id) === metrics.fieldId,
        );
        expect(feature, `feature ${metrics.fieldId} of ${file}`).toBeDefined();
        const planPath = input.features.length > 1 ? out.replace('.geojson', `-${metrics.fieldId}.geojson`) : out;
        expect(existsSync(planPath), planPath).toBe(true);
        // a block: its first paddy goes through the checker (each check is half a second; the
        // same exporter's output for each sample file is checked in tests/plan/export/geojson.test.ts
        // and whole blocks in tests/block); every paddy is still planned and written
        if (i > 0) continue;
        const fieldPath = join(dir, 'field.geojson'),
          metricsPath = join(dir, 'metrics.json');
        writeFileSync(fieldPath, JSON.stringify(feature));
        writeFileSync(metricsPath, JSON.stringify(metrics) + '\n');
        const check = checkPlanFiles(fieldPath, planPath, metricsPath);
        expect({ file, vehicle, field: metrics.fieldId, problems: check.problems }).toEqual({
          file,
          vehicle,
          field: metrics.fieldId,
          problems: [],
        });
        expect(check.outsidePts).toBe(0);
        expect(check.coveragePct).toBeGreaterThanOrEqual(99.5);
        checked++;
      }
    }
    expect(checked).toBe(2 * SAMPLE_FILES.length);
  }, 120_000);

  it('prints a human summary by default, with area in ha and sào, swaths vs lower bound, time and refills', async () => {
    const r = await agrisim('plan', 'fields/paddy-with-tomb.geojson', '--vehicle', 'transplanter');
    expect(r.status).toBe(0);
    for (const word of ['field', 'ha', 'sào', 'lower bound', 'coverage', 'length', 'time', 'capacity', 'refill'])
      expect(r.stdout).toContain(word);
  });

  it('writes every format by extension and --format, and prints one export to stdout', async () => {
    for (const ext of ['kml', 'plan', 'xml']) {
      const out = join(dir, `tomb.${ext}`);
      const r = await agrisim('plan', 'fields/paddy-with-tomb.geojson', '--vehicle', 'drone', '--out', out);
      expect(r.status).toBe(0);
      expect(existsSync(out)).toBe(true);
    }
    expect(readFileSync(join(dir, 'tomb.kml'), 'utf8')).toContain('<kml xmlns="http://www.opengis.net/kml/2.2">');
    expect(JSON.parse(readFileSync(join(dir, 'tomb.plan'), 'utf8')).fileType).toBe('Plan');
    expect(readFileSync(join(dir, 'tomb.xml'), 'utf8')).toContain('<ISO11783_TaskData');
    const r = await agrisim(
      'plan',
      'fields/paddy-40x120.geojson',
      '--format',
      'geojson',
      '--width',
      '5',
      '--headland',
      '0',
      '--angle',
      '12',
      '--pattern',
      'boustrophedon',
      '--start',
      '106.35,20.65',
    );
    expect(r.status).toBe(0);
    const fc = JSON.parse(r.stdout);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.properties.agrisim.vehicle.workingWidthM).toBe(5);
    expect(fc.properties.agrisim.headland.laps).toBe(0);
    expect(fc.properties.agrisim.swaths.angleDeg).toBeCloseTo(12, 5);
  });
});

describe('agrisim plan on bad input: exit codes and the --json error shape', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agrisim-cli-bad-'));
  it('a missing file is IO_READ, exit 3', async () => {
    const r = await agrisim('plan', join(dir, 'nope.geojson'), '--json');
    expect(r.status).toBe(3);
    expect(errorOf(r).code).toBe('IO_READ');
    expect(r.stderr).toContain('IO_READ');
  });
  it('an invalid field is refused with its FIELD_* code, exit 3', async () => {
    const r = await agrisim('plan', 'tests/fixtures/field/in/FIELD_HOLE_OUTSIDE.geojson', '--json');
    expect(r.status).toBe(3);
    const e = errorOf(r);
    expect(e.code).toBe('FIELD_HOLE_OUTSIDE');
    expect(typeof e.message).toBe('string');
    expect(typeof e.details).toBe('object');
  });
  it('a plot smaller than the implement is one pass at 100 %, its impossible headland reported as 0 laps', async () => {
    // a 3 × 3 m plot (QUYNH_PHU): no 7 m drone lap fits inside it, one pass covers it all
    const d = 3 / 111_195,
      e = 3 / 104_050;
    const ring = [
      [106.35, 20.65],
      [106.35 + e, 20.65],
      [106.35 + e, 20.65 + d],
      [106.35, 20.65 + d],
      [106.35, 20.65],
    ];
    const path = join(dir, 'tiny.geojson');
    writeFileSync(
      path,
      JSON.stringify({ type: 'Feature', properties: { name: 'tiny' }, geometry: { type: 'Polygon', coordinates: [ring] } }),
    );
    const r = await agrisim('plan', path, '--json', '--headland', '3');
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.headland.laps).toBe(0);
    expect(m.swaths.count).toBe(1);
    expect(m.coveragePct).toBe(100);
  });
  it('usage errors are CLI_USAGE, exit 2', async () => {
    for (const args of [
      ['fields/paddy-40x120.geojson', '--vehicle', 'boat'],
      ['fields/paddy-40x120.geojson', '--width', '-1'],
      ['fields/paddy-40x120.geojson', '--pattern', 'zigzag'],
      ['fields/paddy-40x120.geojson', '--start', '20.65'],
      ['fields/paddy-40x120.geojson', '--out', join(dir, 'x.txt')],
      ['fields/paddy-40x120.geojson', '--format', 'shp'],
      ['fields/paddy-40x120.geojson', '--bogus'],
      [],
    ]) {
      const r = await agrisim('plan', ...args, '--json');
      expect({ args, status: r.status }).toEqual({ args, status: 2 });
      expect(errorOf(r).code).toBe('CLI_USAGE');
    }
  });
  it('an unwritable --out is IO_WRITE, exit 5', async () => {
    // under /proc: mkdir({recursive}) never settles there on Node 20; and under a regular file
    writeFileSync(join(dir, 'a-file'), 'not a folder');
    for (const out of ['/proc/agrisim/plan.geojson', join(dir, 'a-file', 'plan.geojson')]) {
      const r = await agrisim('plan', 'fields/paddy-40x120.geojson', '--out', out, '--json');
      expect(r.status).toBe(5);
      expect(errorOf(r).code).toBe('IO_WRITE');
    }
  });
  it('--help prints the options and exits 0', async () => {
    const r = await agrisim('plan', '--help');
    expect(r.status).toBe(0);
    for (const opt of ['--vehicle', '--width', '--headland', '--angle', '--pattern', '--start', '--out', '--format', '--json'])
      expect(r.stdout).toContain(opt);
  });
});

describe('agrisim plan on a FeatureCollection of many fields (worker threads)', () => {
  it('--max-batch-s lowers the batch planning-time limit (PLAN_BATCH_TOO_LARGE, exit 4, nothing written); 0 lifts it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-cli-batch-limit-'));
    const out = join(dir, 'plan.geojson');
    const refused = await agrisim('plan', 'fields/thai-binh-block.geojson', '--max-batch-s', '0.001', '--out', out, '--json');
    expect(refused.status).toBe(4);
    expect(errorOf(refused)).toMatchObject({ code: 'PLAN_BATCH_TOO_LARGE', details: { limitS: 0.001 } });
    expect(existsSync(out)).toBe(false);
    expect((await agrisim('plan', 'fields/thai-binh-block.geojson', '--max-batch-s', '0', '--json')).status).toBe(0);
    expect((await agrisim('plan', 'fields/thai-binh-block.geojson', '--max-batch-s', '-1', '--json')).status).toBe(2);
  });
  it('--workers must be a whole number from 0 to 64', async () => {
    for (const w of ['-1', '1.5', 'many'])
      expect((await agrisim('plan', 'fields/paddy-40x120.geojson', '--workers', w, '--json')).status).toBe(2);
  });
  it('plans 120 generated fields on 2 worker threads (--workers 2): one metrics line each, in input order, equal to planning them one by one', async () => {
    const { randomFieldSet } = await import('../helpers/random-fields.js');
    const { parseFields } = await import('../../src/field/index.js');
    const { planField } = await import('../../src/plan/index.js');
    const { getVehicle } = await import('../../src/vehicles/index.js');
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-cli-batch-'));
    const features = randomFieldSet(77, 120, { minAreaHa: 0.05, maxAreaHa: 0.4 });
    const text = JSON.stringify({ type: 'FeatureCollection', features });
    const path = join(dir, 'many.geojson');
    writeFileSync(path, text);
    const r = await agrisim('plan', path, '--json', '--workers', '2');
    expect(r.status).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(120);
    const fields = parseFields(text);
    expect(lines.map((m) => m.fieldId)).toEqual(fields.map((f) => f.id));
    // spot-check against the sequential planner (planMs is wall time, the rest must match)
    for (const i of [0, 1, 59, 119]) {
      const { planMs: _a, ...seq } = planField(fields[i], getVehicle('drone')).metrics;
      const { planMs: _b, ...par } = lines[i];
      expect(par).toEqual(JSON.parse(JSON.stringify(seq)));
    }
  });
});
