/**
 * planFieldsParallel: worker threads give exactly the sequential planField results, in order,
 * every time; per-field errors come back as the same coded errors; few fields stay in-thread.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { isAgrisimError, PlanError } from '../../src/errors.js';
import { parseFields } from '../../src/field/index.js';
import type { Field } from '../../src/field/types.js';
import { planFieldsParallel, workerCount, BATCH_DEFAULTS } from '../../src/plan/batch/index.js';
import { planField } from '../../src/plan/index.js';
import type { Plan, PlanOptions } from '../../src/plan/types.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { randomFieldSet } from '../helpers/random-fields.js';

const drone = getVehicle('drone');
const fields: Field[] = parseFields(JSON.stringify({ type: 'FeatureCollection', features: randomFieldSet(800, 60, { maxAreaHa: 3 }) }));

/** A plan as comparable text: everything but the wall-clock planMs. */
const text = (r: Plan | Error): string =>
  r instanceof Error
    ? isAgrisimError(r)
      ? `${r.name} ${r.code} ${r.message} ${JSON.stringify(r.details)}`
      : String(r)
    : JSON.stringify({ ...r, metrics: { ...r.metrics, planMs: 0 } });

function sequential(fs: Field[], options: PlanOptions): string[] {
  return fs.map((f) => {
    try {
      return text(planField(f, drone, options));
    } catch (e) {
      return text(e as Error);
    }
  });
}

describe('planFieldsParallel', () => {
  it('gives the sequential plans, in input order, on two workers, and the same again on a second run', async () => {
    const progress: [number, string][] = [];
    const a = await planFieldsParallel(
      fields,
      drone,
      {},
      { workers: 2, minFieldsForWorkers: 0, onProgress: (d, _n, id) => progress.push([d, id]) },
    );
    expect(a.map((r) => (isAgrisimError(r) ? r.code : r.field.id))).toEqual(fields.map((f) => f.id));
    expect(a.map(text)).toEqual(sequential(fields, {}));
    // Like planField, each plan holds the caller's own field and vehicle objects.
    a.forEach((r, i) => !isAgrisimError(r) && expect(r.field === fields[i] && r.vehicle === drone).toBe(true));
    // Progress: once per field, counting up to the total, every id once.
    expect(progress.map(([d]) => d)).toEqual(fields.map((_, i) => i + 1));
    expect(new Set(progress.map(([, id]) => id)).size).toBe(fields.length);
    const b = await planFieldsParallel(fields, drone, {}, { workers: 2, minFieldsForWorkers: 0 });
    expect(b.map(text)).toEqual(a.map(text));
  });

  it("returns each field's coded error as a PlanError, next to the fields that could be planned", async () => {
    // A swath limit that the larger fields exceed: some plans, some PLAN_TOO_MANY_SWATHS.
    const options = { maxSwaths: 12 };
    const r = await planFieldsParallel(fields, drone, options, { workers: 2, minFieldsForWorkers: 0 });
    const errors = r.filter(isAgrisimError);
    expect(errors.length).toBeGreaterThan(5);
    expect(errors.length).toBeLessThan(fields.length - 5);
    for (const e of errors) {
      expect(e).toBeInstanceOf(PlanError);
      expect(e.code).toBe('PLAN_TOO_MANY_SWATHS');
      expect(e.exitCode).toBe(4);
      expect((e.details as { swaths: number }).swaths).toBeGreaterThan(12);
    }
    expect(r.map(text)).toEqual(sequential(fields, options));
  });

  it('plans in this thread below the threshold, and with workers 0 or 1', async () => {
    expect(workerCount(BATCH_DEFAULTS.minFieldsForWorkers - 1, { workers: 2 })).toBe(0);
    expect(workerCount(BATCH_DEFAULTS.minFieldsForWorkers, { workers: 2 })).toBe(2);
    expect(workerCount(500, { workers: 1 })).toBe(0);
    expect(workerCount(3, { workers: 8, minFieldsForWorkers: 0 })).toBe(3);
    const few = fields.slice(0, 4);
    const r = await planFieldsParallel(few, drone, {}, { workers: 2 });
    expect(r.map(text)).toEqual(sequential(few, {}));
  });

  it('refuses a worker count that is not a whole number ≥ 0 with PLAN_INVALID_OPTION', async () => {
    for (const workers of [-1, 1.5, Number.NaN]) {
      await expect(planFieldsParallel(fields, drone, {}, { workers })).rejects.toMatchObject({
        code: 'PLAN_INVALID_OPTION',
        details: { key: 'workers' },
      });
    }
  });

  it('returns an empty list for no fields', async () => {
    expect(await planFieldsParallel([], drone, {}, { workers: 2, minFieldsForWorkers: 0 })).toEqual([]);
  });

  it('starts its workers from a plain `tsx` process too (outside vitest)', () => {
    const script = `
      import { planFieldsParallel } from './src/plan/batch/index.ts';
      import { readFieldFile } from './src/field/index.ts';
      import { getVehicle } from './src/vehicles/index.ts';
      const fields = await readFieldFile('fields/thai-binh-block.geojson');
      const r = await planFieldsParallel(fields, getVehicle('transplanter'), {}, { workers: 2, minFieldsForWorkers: 0 });
      console.log(JSON.stringify(r.map((p) => [p.field.id, p.metrics.swaths.count])));`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      cwd: process.cwd(),
    });
    const got = JSON.parse(out) as [string, number][];
    expect(got.length).toBeGreaterThan(1);
    expect(got.every(([, swaths]) => swaths > 0)).toBe(true);
  });
});

describe('planFieldsParallel on a bug', () => {
  it('rejects the batch (not a coded result) when planning throws a non-agrisim error, and stops its workers', async () => {
    const broken = fields.map((f, i) => (i === 30 ? ({ ...f, polygon: null } as unknown as Field) : f));
    await expect(planFieldsParallel(broken, drone, {}, { workers: 2, minFieldsForWorkers: 0 })).rejects.toThrow(/null|undefined|reading/);
    await expect(planFieldsParallel(broken.slice(25, 35), drone, {}, { workers: 0 })).rejects.toThrow(/null|undefined|reading/);
  });
});
