/**
 * planMetrics' fast paths give the metrics of the code they replace, to the bit: the route tally
 * kept in locals (one pass, no per-key objects), on planned routes and on routes shuffled so
 * every branch is taken (gap passes, refill transits, fallback turns, a turn leaving the field).
 */
import { describe, expect, it } from 'vitest';
import type { XY } from '../../src/geometry/index.js';
import { planField } from '../../src/plan/index.js';
import { planMetrics, type MetricsInput } from '../../src/plan/metrics/plan-metrics.js';
import type { RouteSegment } from '../../src/plan/types.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { mulberry32, randomParsedField } from '../helpers/random-fields.js';
import { planMetrics as planMetricsMain } from './reference/plan-metrics-main.js';

/** The route with segment flags re-drawn at random, and now and then a turn moved off the field. */
function shuffledFlags(route: RouteSegment[], seed: number): RouteSegment[] {
  const rnd = mulberry32(seed);
  const turnTypes = ['u', 'omega', 'k', 'stop', 'path', undefined] as const;
  return route.map((s) => {
    const c: RouteSegment = { ...s };
    if (s.kind === 'swath') {
      c.gapFill = rnd() < 0.2;
      c.headlandLap = rnd() < 0.3 ? Math.floor(rnd() * 3) : -1;
    } else if (s.kind === 'transit') c.transitPurpose = (['cell', 'refill', 'start', 'end', undefined] as const)[Math.floor(rnd() * 5)];
    else {
      c.turnType = turnTypes[Math.floor(rnd() * turnTypes.length)];
      c.reverse = rnd() < 0.3;
      if (rnd() < 0.1) c.points = s.points.map(([x, y]): XY => [x + 50, y - 50]);
    }
    // a few segments change kind, so runs of turns start and stop elsewhere
    if (rnd() < 0.05) c.kind = (['swath', 'turn', 'transit'] as const)[Math.floor(rnd() * 3)];
    return c;
  });
}

describe('planMetrics: the metrics of the code it replaces', () => {
  const kinds = ['convex', 'concave', 'holes'] as const;
  for (const vehicleId of ['transplanter', 'drone'] as const)
    it(`${vehicleId}: planned and shuffled routes over 9 seeded fields`, () => {
      const vehicle = getVehicle(vehicleId);
      let turns = 0,
        outside = 0,
        refill = 0;
      for (let i = 0; i < 9; i++) {
        const field = randomParsedField(1_700 + i, kinds[i % 3], { minAreaHa: 0.3, maxAreaHa: 3 });
        const plan = planField(field, vehicle);
        for (const route of [plan.route, shuffledFlags(plan.route, i), shuffledFlags(plan.route, 100 + i)]) {
          const input: MetricsInput = {
            field,
            vehicle,
            route,
            refills: plan.refills,
            sorties: plan.sorties.length,
            swathCount: plan.metrics.swaths.count,
            headlandPasses: plan.metrics.swaths.headlandPasses,
            headland: plan.metrics.headland,
            angleRad: 0.3 * i,
            planMs: 1.234,
          };
          const fast = planMetrics(input);
          expect(fast).toEqual(planMetricsMain(input));
          // the same keys in the same order (the plan's JSON bytes)
          expect(JSON.stringify(fast)).toBe(JSON.stringify(planMetricsMain(input)));
          turns += fast.turns.count;
          outside += fast.turns.outsideField;
          refill += fast.lengthByKindM?.refill ?? 0;
        }
      }
      // the shuffles reached the branches
      expect(turns).toBeGreaterThan(100);
      expect(outside).toBeGreaterThan(0);
      expect(refill).toBeGreaterThan(0);
    });
});
