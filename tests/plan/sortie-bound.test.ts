/**
 * The route choice's fast path (src/plan/route/build-route.ts `shortestRoute`: a drone's
 * candidate is dropped when its length with straight trips out to refill, `lazySplitSorties`'
 * bound, is already no shorter than the best) keeps the route the whole comparison kept: the
 * bound is never over the length `splitSorties` gives, the lazy split with its trips out
 * searched afterwards is the split `splitSorties` makes, and the chosen route is the same object, on random
 * fields with holes and concave corners (fast-check, seeded), and on an L-shaped field whose
 * trips out bend round the inner corner.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons, polylineLength, reflexVertices } from '../../src/geometry/index.js';
import type { XY } from '../../src/geometry/index.js';
import { planField, type RouteSegment, type TurnSpace } from '../../src/plan/index.js';
import { shortestRoute } from '../../src/plan/route/build-route.js';
import { lazySplitSorties, splitSorties } from '../../src/plan/sorties/split-sorties.js';
import { getVehicle, type Vehicle } from '../../src/vehicles/index.js';
import { arbParsedField, mulberry32 } from '../helpers/random-fields.js';

/** shortestRoute as src/plan/route/build-route.ts had it: every candidate split whole (reference). */
function wholeShortestRoute(routes: RouteSegment[][], vehicle: Vehicle, start: XY, space: TurnSpace): RouteSegment[] {
  const lengthM = (r: RouteSegment[]) => splitSorties(r, vehicle, start, space).route.reduce((a, s) => a + polylineLength(s.points), 0);
  if (routes.length === 1) return routes[0];
  let best = routes[0],
    bestM = lengthM(best);
  for (const r of routes.slice(1)) {
    const m = lengthM(r);
    if (m < bestM - 1e-6) [best, bestM] = [r, m];
  }
  return best;
}

/** Candidate routes from a plan's: its own (refill trips taken out), reversed, a copy (a tie) and two shuffles. */
function candidates(route: RouteSegment[], seed: number): RouteSegment[][] {
  const base = route.filter((s) => s.transitPurpose !== 'refill').map((s) => ({ ...s, sortie: 0 }));
  const rnd = mulberry32(seed);
  const shuffled = () =>
    base
      .map((s) => [rnd(), s] as const)
      .sort((u, v) => u[0] - v[0])
      .map(([, s]) => s);
  return [base, [...base].reverse(), [...base], shuffled(), shuffled()];
}

const drone = getVehicle('drone');

describe('route choice: the refill-trip bound keeps the whole comparison’s route', () => {
  it('bounds each candidate from below and keeps the same route (random fields)', () => {
    fc.assert(
      fc.property(arbParsedField(undefined, { minAreaHa: 0.5, maxAreaHa: 4 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
        const plan = planField(field, drone);
        const poly = field.polygon;
        const navigable = offsetPolygons([poly], -0.3, 'miter');
        const space: TurnSpace = { field: poly, waypoints: navigable.flatMap(reflexVertices), tolM: 0.04 };
        const start: XY = plan.route[0].points[0];
        const routes = candidates(plan.route, seed);
        for (const r of routes) {
          const exact = splitSorties(r, drone, start, space);
          const exactM = exact.route.reduce((a, s) => a + polylineLength(s.points), 0);
          const lazy = lazySplitSorties(r, drone, start, space);
          expect(lazy.boundM).toBeLessThanOrEqual(exactM);
          // the trips out searched afterwards: the very split splitSorties makes
          expect(lazy.complete()).toEqual(exact);
          // the bound is measured when first asked: asked only after the split is completed, it is still the straight trips' length
          const late = lazySplitSorties(r, drone, start, space);
          late.complete();
          expect(late.boundM).toBe(lazy.boundM);
        }
        expect(shortestRoute(routes, drone, start, space)).toBe(wholeShortestRoute(routes, drone, start, space));
        // two candidates (the planner's usual case), each order
        for (const [u, v] of [
          [0, 1],
          [1, 0],
          [0, 2],
          [3, 0],
          [0, 4],
        ]) {
          const pair = [routes[u], routes[v]];
          expect(shortestRoute(pair, drone, start, space)).toBe(wholeShortestRoute(pair, drone, start, space));
        }
      }),
      { seed: 1789, numRuns: 40 },
    );
  });

  it('drops a longer candidate and keeps a shorter one (a concave field, refills around its notch)', () => {
    // an L-shaped field: the trips out from the far arm bend round the inner corner
    const field = {
      outer: [
        [0, 0],
        [300, 0],
        [300, 300],
        [200, 300],
        [200, 100],
        [0, 100],
      ] as XY[],
      holes: [],
    };
    const space: TurnSpace = { field, waypoints: reflexVertices(offsetPolygons([field], -0.3, 'miter')[0]), tolM: 0.04 };
    const swath = (y: number, x0: number, x1: number): RouteSegment => ({
      kind: 'swath',
      points: [
        [x0, y],
        [x1, y],
      ],
      reverse: false,
      cellId: 0,
      swathIndex: 0,
      headlandLap: -1,
      sortie: 0,
    });
    const near = Array.from({ length: 12 }, (_, k) => swath(4 + 7 * k, k % 2 ? 195 : 5, k % 2 ? 5 : 195));
    const far = Array.from({ length: 12 }, (_, k) => ({
      ...swath(0, 0, 0),
      points: [
        [205 + 7 * k, 105],
        [205 + 7 * k, 295],
      ] as XY[],
    }));
    const start: XY = [2, 2];
    const good = [...near, ...far],
      bad = [...far, ...near, ...far.slice(0, 2)];
    const plain = splitSorties(bad, drone, start, space);
    expect(plain.refills.length).toBeGreaterThan(1);
    expect(shortestRoute([good, bad], drone, start, space)).toBe(good);
    expect(shortestRoute([bad, good], drone, start, space)).toBe(wholeShortestRoute([bad, good], drone, start, space));
  });
});
