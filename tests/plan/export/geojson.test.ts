import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { toXY } from '../../../src/geodesy/index.js';
import { planToGeoJson, type PlanFeatureCollection } from '../../../src/plan/export/index.js';
import type { Plan } from '../../../src/plan/types.js';
import { checkPlanFiles } from '../../helpers/check-plan.js';
import { decimals, randomPlans, samplePlans } from './plans.js';

const KINDS = ['boundary', 'hole', 'headland', 'cell', 'swath', 'turn', 'transit', 'refill'];

/** Exports, serialises and parses back, as a consumer would see it. */
const roundTrip = (plan: Plan) => JSON.parse(JSON.stringify(planToGeoJson(plan))) as PlanFeatureCollection;

function checkStructure(plan: Plan, fc: PlanFeatureCollection): void {
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.properties.agrisim).toEqual(JSON.parse(JSON.stringify(plan.metrics)));
  const count = (k: string) => fc.features.filter((f) => f.properties.kind === k).length;
  expect(count('boundary')).toBe(1);
  expect(count('hole')).toBe(plan.field.polygon.holes.length);
  expect(count('headland')).toBe(plan.headland.rings.reduce((a, r) => a + r.length, 0));
  expect(count('cell')).toBe(plan.cells.length);
  for (const k of ['swath', 'turn', 'transit'] as const) expect(count(k)).toBe(plan.route.filter((s) => s.kind === k).length);
  expect(count('refill')).toBe(plan.refills.length);
  for (const f of fc.features) {
    expect(KINDS).toContain(f.properties.kind);
    expect(Number.isInteger(f.properties.seq)).toBe(true);
    if (f.properties.kind === 'turn') expect(f.properties.widthM).toBe(plan.vehicle.workingWidthM);
    // a swath carries its own width: the vehicle's, or a narrowed last pass's (rows off)
    if (f.properties.kind === 'swath')
      expect(f.properties.widthM).toBe(plan.route[f.properties.segment as number].widthM ?? plan.vehicle.workingWidthM);
    if (f.properties.kind === 'turn') {
      expect(['u', 'omega', 'k', 'stop', 'path']).toContain(f.properties.turnType);
      expect(typeof f.properties.reverse).toBe('boolean');
    }
    if (f.properties.kind === 'refill') {
      expect(f.geometry.type).toBe('Point');
      expect(f.properties.durationS).toBeGreaterThan(0);
      expect(['tank', 'battery', 'trays']).toContain(f.properties.reason);
    }
  }
  // route features and refills are numbered 1..n in order; the rest have seq 0
  const onRoute = fc.features.filter((f) => f.properties.seq > 0);
  expect(onRoute.map((f) => f.properties.seq)).toEqual(onRoute.map((_, i) => i + 1));
  expect(onRoute.length).toBe(plan.route.length + plan.refills.length);
  expect(
    fc.features.filter((f) => f.properties.seq === 0).every((f) => ['boundary', 'hole', 'headland', 'cell'].includes(f.properties.kind)),
  ).toBe(true);
}

function checkCoordinates(plan: Plan, fc: PlanFeatureCollection): void {
  const route = fc.features.filter((f) => ['swath', 'turn', 'transit'].includes(f.properties.kind));
  route.forEach((f) => {
    const seg = plan.route[f.properties.segment as number];
    expect(f.properties.kind).toBe(seg.kind);
    const coords = f.geometry.coordinates as [number, number][];
    expect(coords.length).toBe(seg.points.length);
    coords.forEach((c, i) => {
      expect(decimals(c[0])).toBeLessThanOrEqual(8);
      expect(decimals(c[1])).toBeLessThanOrEqual(8);
      const [x, y] = toXY(plan.field.projection, c);
      expect(Math.hypot(x - seg.points[i][0], y - seg.points[i][1])).toBeLessThan(0.001);
    });
  });
  const boundary = fc.features.find((f) => f.properties.kind === 'boundary')!;
  const outer = (boundary.geometry.coordinates as [number, number][][])[0];
  outer.forEach((c, i) => {
    const [x, y] = toXY(plan.field.projection, c);
    const [x0, y0] = toXY(plan.field.projection, plan.field.lonLat[0][i]);
    expect(Math.hypot(x - x0, y - y0)).toBeLessThan(0.001);
  });
}

describe('planToGeoJson', () => {
  let samples: { name: string; plan: Plan }[] = [];
  beforeAll(async () => {
    samples = await samplePlans();
  });

  it('exports every sample field and vehicle with the DESIGN.md kinds, seq, widths and metrics', () => {
    expect(samples.length).toBeGreaterThanOrEqual(12);
    for (const { plan } of samples) checkStructure(plan, roundTrip(plan));
  });

  it('round-trips every route coordinate to within 1 mm, rounded to 1e-8 degree', () => {
    for (const { plan } of samples) checkCoordinates(plan, roundTrip(plan));
  });

  it('passes ../shared/tools/check-plan.mjs when written to disk (sample fields)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-gj-'));
    for (const { name, plan } of samples) {
      const fieldPath = join(dir, 'field.geojson'),
        planPath = join(dir, 'plan.geojson'),
        metricsPath = join(dir, 'metrics.json');
      writeFileSync(
        fieldPath,
        JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: plan.field.lonLat } }),
      );
      writeFileSync(planPath, JSON.stringify(planToGeoJson(plan)));
      writeFileSync(metricsPath, JSON.stringify(plan.metrics) + '\n');
      const out = checkPlanFiles(fieldPath, planPath, metricsPath);
      expect({ name, problems: out.problems }).toEqual({ name, problems: [] });
    }
  });

  it('exports seeded random fields (convex, concave, holes, clockwise) with matching counts and coordinates', () => {
    for (const { plan } of randomPlans(8)) {
      const fc = roundTrip(plan);
      checkStructure(plan, fc);
      checkCoordinates(plan, fc);
    }
  });

  it('is deterministic: the same plan exports to the same bytes', () => {
    const { plan } = samples[0];
    expect(JSON.stringify(planToGeoJson(plan))).toBe(JSON.stringify(planToGeoJson(plan)));
  });
});
