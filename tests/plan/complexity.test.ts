/**
 * The planning-complexity guard (issue 20): fields that would take more than about 2 s to plan
 * are refused up front with a code and a way out; starts and service points far from their field
 * are refused; the limits are options.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFields, type Field } from '../../src/field/index.js';
import { checkPlanComplexity, estimatedSwaths, fieldVertexCount, planField, PLAN_LIMITS } from '../../src/plan/index.js';
import { scenarioFromObject } from '../../src/scenario/index.js';
import { getVehicle } from '../../src/vehicles/index.js';

const [LON, LAT] = [106.35, 20.65];
/** A wobbly (concave) round field of `n` vertices and about `radiusM` radius: the planner's worst shape. */
function roundField(n: number, radiusM: number, wobble = 0.2): Field {
  const ring: number[][] = [];
  for (let i = 0; i < n; i++) {
    const a = (2 * Math.PI * i) / n;
    const r = radiusM * (1 + wobble * Math.sin(a * 7));
    ring.push([LON + (r * Math.cos(a)) / (111_320 * Math.cos((LAT * Math.PI) / 180)), LAT + (r * Math.sin(a)) / 110_540]);
  }
  ring.push(ring[0]);
  return parseFields(JSON.stringify({ type: 'Polygon', coordinates: [ring] }), { sourceName: 'round.geojson' })[0];
}
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return 'ok';
};

describe('planning-complexity guard', () => {
  it('refuses a boundary over maxVertices with PLAN_TOO_COMPLEX saying how to simplify, before planning', () => {
    const big = roundField(PLAN_LIMITS.maxVertices + 1, 50);
    expect(fieldVertexCount(big)).toBe(PLAN_LIMITS.maxVertices + 1);
    let err: { code?: string; message?: string; details?: unknown } = {};
    try {
      planField(big, getVehicle('transplanter'));
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('PLAN_TOO_COMPLEX');
    expect(err.message).toMatch(/501 boundary vertices, over the planner's limit of 500/);
    expect(err.message).toMatch(/simplify the boundary/);
    expect(err.details).toEqual({ field: big.id, vertices: 501, limit: 500 });
    // the 99,990-vertex field of the issue (129 s before) is refused the same way
    expect(code(() => checkPlanComplexity(roundField(99_990, 50, 0), 1.8))).toBe('PLAN_TOO_COMPLEX');
  });

  it('plans the largest accepted boundary (500 concave vertices) and accepts more when told to', () => {
    const edge = roundField(PLAN_LIMITS.maxVertices, 50);
    const plan = planField(edge, getVehicle('transplanter'));
    expect(plan.metrics.coveragePct).toBeGreaterThan(95);
    expect(code(() => checkPlanComplexity(roundField(800, 50), 1.8, { maxVertices: 1000 }))).toBe('ok');
  });

  it('refuses a field needing more than 1,000 swaths (estimated) unless maxSwaths is set', () => {
    const wide = roundField(60, 1200, 0); // 2.4 km across: ~1,330 transplanter swaths
    expect(estimatedSwaths(wide, 1.8)).toBeGreaterThan(1000);
    expect(code(() => checkPlanComplexity(wide, 1.8))).toBe('PLAN_TOO_MANY_SWATHS');
    expect(code(() => checkPlanComplexity(wide, 1.8, { maxSwaths: 5000 }))).toBe('ok');
    expect(code(() => checkPlanComplexity(wide, 6))).toBe('ok'); // a 6 m drone: ~400 swaths
  });

  it('refuses a start or service point more than 5 km from the field, naming the distance', () => {
    const paddy = roundField(40, 50, 0);
    expect(code(() => checkPlanComplexity(paddy, 1.8, { startLonLat: [LON + 0.01, LAT] }))).toBe('ok'); // ~1 km
    let err: { code?: string; message?: string } = {};
    try {
      checkPlanComplexity(paddy, 1.8, { startLonLat: [LON, LAT + 0.1] }); // ~11 km north
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.code).toBe('PLAN_START_TOO_FAR');
    expect(err.message).toMatch(/is 1\d\.\d km from field field-1, over the limit of 5\.0 km/);
    expect(code(() => checkPlanComplexity(paddy, 1.8, { startLonLat: [LON, LAT + 0.1], maxStartDistanceM: 20_000 }))).toBe('ok');
  });

  it('a scenario whose service point is 12,000 km from its field is refused (PLAN_START_TOO_FAR, exit 3)', async () => {
    const scenario = {
      id: 't',
      name: 't',
      field: resolve('fields/paddy-40x120.geojson'),
      vehicles: [{ profile: 'drone', guidance: 'rtk' }],
      seed: 1,
      servicePoint: [-74.0, 40.7],
    };
    await expect(scenarioFromObject(scenario, '.', 'far.json')).rejects.toMatchObject({ code: 'PLAN_START_TOO_FAR', exitCode: 3 });
  });
});
