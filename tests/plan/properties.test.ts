import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFields } from '../../src/field/index.js';
import { planField } from '../../src/plan/index.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { checkPlan } from '../helpers/check-plan.js';
import { arbField, type RandomFieldKind } from '../helpers/random-fields.js';

// Fields of 0.05–3 ha keep each run under a second; the 20 ha end is covered by the benchmark.
const opts = { minAreaHa: 0.05, maxAreaHa: 3 };

function planOf(feature: unknown, vehicleId: string) {
  const [field] = parseFields(JSON.stringify(feature));
  return planField(field, getVehicle(vehicleId));
}

describe('planner properties on random fields (fast-check, seeded)', () => {
  const kinds: RandomFieldKind[] = ['convex', 'concave', 'holes', 'clockwise'];
  for (const kind of kinds)
    for (const vehicleId of ['drone', 'transplanter'])
      it(`${kind} fields, ${vehicleId}: coverage ≥ 99.5 %, nothing outside, swath bound on convex`, () => {
        fc.assert(
          fc.property(arbField(kind, opts), (feature) => {
            const plan = planOf(feature, vehicleId);
            const check = checkPlan(plan);
            expect(check.outsidePts, feature.id).toBe(0);
            expect(check.coveragePct, feature.id).toBeGreaterThanOrEqual(99.5);
            if (kind === 'convex') expect(plan.metrics.swaths.count, feature.id).toBeLessThanOrEqual(check.lowerBound + 1);
            expect(plan.metrics.turns.outsideField).toBe(0);
          }),
          { seed: 20261125 + kind.length, numRuns: 6 },
        );
      });

  it('is deterministic: the same field gives the same route', () => {
    fc.assert(
      fc.property(arbField(undefined, opts), (feature) => {
        const a = planOf(feature, 'transplanter');
        const b = planOf(feature, 'transplanter');
        expect(b.route).toEqual(a.route);
        expect({ ...b.metrics, planMs: 0 }).toEqual({ ...a.metrics, planMs: 0 });
      }),
      { seed: 7, numRuns: 5 },
    );
  });
});
