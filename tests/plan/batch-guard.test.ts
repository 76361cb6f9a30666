/**
 * The batch-level planning guard (issue 20): a batch whose estimated planning time is over
 * `maxBatchPlanS` is refused before any field is planned, with a coded error that says how
 * much, the limit and how to split it; smaller batches, and any batch with the limit off, plan.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isAgrisimError } from '../../src/errors.js';
import { parseFields, type Field } from '../../src/field/index.js';
import { BATCH_LIMITS, checkBatchPlanTime, estimatedPlanMs, planFieldsParallel } from '../../src/plan/batch/index.js';
import { getVehicle } from '../../src/vehicles/index.js';

const drone = getVehicle('drone');
const transplanter = getVehicle('transplanter');
const paddy = parseFields(readFileSync('fields/paddy-40x120.geojson', 'utf8'))[0];

/** A wobbly round field of `vertices` corners, `radiusM` across half, near Thái Bình. */
function roundField(vertices: number, radiusM: number): Field {
  const [lon, lat] = [106.35, 20.65];
  const ring: number[][] = [];
  for (let i = 0; i < vertices; i++) {
    const a = (2 * Math.PI * i) / vertices;
    const r = radiusM * (1 + 0.2 * Math.sin(a * 7));
    ring.push([lon + (r * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (r * Math.sin(a)) / 110_540]);
  }
  ring.push(ring[0]);
  return parseFields(JSON.stringify({ type: 'Polygon', coordinates: [ring] }))[0];
}

/** `n` copies of a field under their own ids (a file of many similar paddies). */
const copies = (field: Field, n: number): Field[] => Array.from({ length: n }, (_, i) => ({ ...field, id: `${field.id}-${i}` }));

describe('estimatedPlanMs', () => {
  it('grows with swaths and vertices; a field the per-field guard refuses costs 1 ms', () => {
    const small = estimatedPlanMs(paddy, drone.workingWidthM);
    const complex = estimatedPlanMs(roundField(400, 200), transplanter.workingWidthM);
    expect(small).toBeGreaterThan(5);
    expect(small).toBeLessThan(50);
    // 400 vertices, ~257 swaths of 1.8 m: measured 605 CPU ms on the shared machine.
    expect(complex).toBeGreaterThan(400);
    expect(complex).toBeLessThan(1000);
    expect(estimatedPlanMs(roundField(600, 50), drone.workingWidthM)).toBe(1); // over maxVertices (500)
    expect(estimatedPlanMs(roundField(600, 50), drone.workingWidthM, { maxVertices: 1000 })).toBeGreaterThan(100);
  });
});

describe('planFieldsParallel refuses a batch over maxBatchPlanS before any work', () => {
  it('3,000 complex fields (~30 min estimated) → PLAN_BATCH_TOO_LARGE with the estimate, the limit and how many parts; nothing planned', async () => {
    const fields = copies(roundField(400, 200), 3000);
    let planned = 0;
    const refused = await planFieldsParallel(fields, transplanter, {}, { onProgress: () => planned++ }).catch((e: unknown) => e);
    expect(isAgrisimError(refused) && refused.code).toBe('PLAN_BATCH_TOO_LARGE');
    const error = refused as Error & { details: { fields: number; estimatedS: number; limitS: number }; exitCode: number };
    expect(error.details.fields).toBe(3000);
    expect(error.details.limitS).toBe(BATCH_LIMITS.maxBatchPlanS);
    expect(error.details.estimatedS).toBeGreaterThan(1500);
    expect(error.exitCode).toBe(4);
    expect(error.message).toMatch(
      /3000 fields would take about [\d.]+ s .* over the batch limit of 300 s: split them into \d+ or more files/,
    );
    expect(planned).toBe(0);
  });

  it('plans a batch under the limit, and any batch with the limit off (0); a lowered limit refuses it', async () => {
    const fields = copies(paddy, 3);
    const plans = await planFieldsParallel(fields, drone, {}, {});
    expect(plans.every((p) => !isAgrisimError(p))).toBe(true);
    expect(() => checkBatchPlanTime(fields, drone.workingWidthM, {}, 0.001)).toThrow(/over the batch limit of 0.001 s/);
    await expect(planFieldsParallel(fields, drone, {}, { maxBatchPlanS: 0.001 })).rejects.toMatchObject({
      code: 'PLAN_BATCH_TOO_LARGE',
      details: { fields: 3, limitS: 0.001 },
    });
    const unlimited = await planFieldsParallel(copies(roundField(400, 200), 2), transplanter, {}, { maxBatchPlanS: 0 });
    expect(unlimited.every((p) => !isAgrisimError(p))).toBe(true);
  });

  it('a limit that is not a number ≥ 0 is PLAN_INVALID_OPTION', async () => {
    for (const bad of [-1, Number.NaN, '60' as unknown as number]) {
      await expect(planFieldsParallel([paddy], drone, {}, { maxBatchPlanS: bad })).rejects.toMatchObject({
        code: 'PLAN_INVALID_OPTION',
        details: { key: 'maxBatchPlanS' },
      });
    }
  });
});
