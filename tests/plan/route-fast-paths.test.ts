/**
 * Fast paths of the route stage held equal to the code they replace:
 * - `worldCells` (src/plan/route/build-route.ts: each cell's cosine and sine once, no spreads)
 *   gives the swaths the old builder gave (tests/plan/reference/world-cells-main.ts), stepped
 *   ends and narrowed passes included, on random fields for both machines (fast-check, seeded);
 * - the sortie split (src/plan/sorties/split-sorties.ts) of a machine without a battery skips
 *   the time flown: its split is the one a battery too large to bind gives, and a ground machine
 *   with a small battery still stops for it;
 * - a route's transits between cells and laps (kept per pair of ends across the candidate routes)
 *   are the paths a fresh search gives;
 * - `boustrophedon` and `skipOrder` (src/plan/route/order-swaths.ts: one loop, no mapped
 *   copies) give the visits the mapped arrays gave, for every count, skip, end and direction.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons, reflexVertices, shortestPathInside, type XY } from '../../src/geometry/index.js';
import { planField, type RouteSegment } from '../../src/plan/index.js';
import { planLayout } from '../../src/plan/layout.js';
import { routeCandidates, worldCells } from '../../src/plan/route/build-route.js';
import { machinePoints } from '../../src/plan/route/machine-path.js';
import { boustrophedon, type SwathVisit, skipOrder } from '../../src/plan/route/order-swaths.js';
import { splitSorties } from '../../src/plan/sorties/split-sorties.js';
import type { TurnSpace } from '../../src/plan/turns/plan-turn.js';
import { getVehicle, type Vehicle } from '../../src/vehicles/index.js';
import { arbParsedField, randomParsedField } from '../helpers/random-fields.js';
import { worldCellsMain } from './reference/world-cells-main.js';

describe('worldCells equals the builder it replaces', () => {
  for (const name of ['transplanter', 'drone'] as const)
    it(`on random fields (${name})`, () => {
      const vehicle = getVehicle(name);
      let stepped = 0;
      fc.assert(
        fc.property(arbParsedField(undefined, { minAreaHa: 0.3, maxAreaHa: 3 }), (field) => {
          const { sweep } = planLayout(field.polygon, vehicle, {}, field.areaM2);
          const cells = worldCells(sweep);
          expect(cells).toEqual(worldCellsMain(sweep));
          stepped += cells.flat().filter((s) => s.steps).length;
        }),
        { seed: 808, numRuns: 40 },
      );
      // the transplanter's slanting ends get row steps: the stepped branch is exercised
      if (name === 'transplanter') expect(stepped).toBeGreaterThan(10);
    });
});

/** A plan's route with its refill stops and sortie numbers taken out (what the splitter is given). */
function unsplit(route: RouteSegment[]): RouteSegment[] {
  return route.filter((s) => s.transitPurpose !== 'refill').map((s) => ({ ...s, sortie: 0 }));
}

describe('sortie split of a machine without a battery', () => {
  const transplanter = getVehicle('transplanter');
  const field = randomParsedField(40_007, 'concave', { minAreaHa: 2, maxAreaHa: 4 });
  const plan = planField(field, transplanter);
  const space: TurnSpace = { field: field.polygon, waypoints: [], tolM: 0.01 };
  const start: XY = plan.route[0].points[0];
  const route = unsplit(plan.route);
  const withBattery = (enduranceS: number): Vehicle => ({ ...transplanter, battery: { enduranceS, swapS: 0 } });

  it('is the split a battery too large to bind gives (the time flown left out)', () => {
    expect(transplanter.battery).toBeUndefined();
    const plain = splitSorties(route, transplanter, start, space);
    expect(plain.refills.length).toBeGreaterThan(2);
    expect(plain).toEqual(splitSorties(route, withBattery(1e12), start, space));
  });

  it('still counts the time flown when a ground machine has a battery', () => {
    const plain = splitSorties(route, transplanter, start, space);
    const small = splitSorties(route, withBattery(1200), start, space);
    // 15 min usable: the time flown since the last stop makes about 20 stops for the battery (3 from the trip home alone)
    expect(small.refills.length).toBeGreaterThan(plain.refills.length);
    expect(small.refills.filter((r) => r.reason === 'battery').length).toBeGreaterThan(15);
  });
});

/** boustrophedon as src/plan/route/order-swaths.ts had it (reference). */
function boustrophedonMain(count: number, fromTop: boolean, firstReversed: boolean): SwathVisit[] {
  const order = Array.from({ length: count }, (_, i) => (fromTop ? count - 1 - i : i));
  return order.map((index, k) => ({ index, reversed: k % 2 === 0 ? firstReversed : !firstReversed }));
}

/** skipOrder as src/plan/route/order-swaths.ts had it (reference). */
function skipOrderMain(count: number, k: number, fromTop: boolean, firstReversed: boolean): SwathVisit[] {
  if (k <= 1 || count <= k) return boustrophedonMain(count, fromTop, firstReversed);
  const seq: number[] = [];
  for (let r = 0; r < k; r++) {
    const cls: number[] = [];
    for (let i = r; i < count; i += k) cls.push(i);
    if (r % 2 === 1) cls.reverse();
    seq.push(...cls);
  }
  const order = fromTop ? seq.map((i) => count - 1 - i) : seq;
  return order.map((index, j) => ({ index, reversed: j % 2 === 0 ? firstReversed : !firstReversed }));
}

describe('swath visit orders equal the mapped arrays they replace', () => {
  it('for every count to 40, skip to 5, end and direction', () => {
    for (let count = 0; count <= 40; count++)
      for (let k = 0; k <= 5; k++)
        for (const fromTop of [false, true])
          for (const rev of [false, true]) {
            expect(boustrophedon(count, fromTop, rev)).toEqual(boustrophedonMain(count, fromTop, rev));
            expect(skipOrder(count, k, fromTop, rev)).toEqual(skipOrderMain(count, k, fromTop, rev));
          }
  });
});

describe('route transits kept across the candidates', () => {
  it('are the paths a fresh search gives (random fields with holes and concave corners)', () => {
    const vehicle = getVehicle('transplanter');
    let transits = 0;
    fc.assert(
      fc.property(arbParsedField(undefined, { minAreaHa: 0.5, maxAreaHa: 3 }), (field) => {
        const poly = field.polygon;
        const { sweep, headland } = planLayout(poly, vehicle, {}, field.areaM2);
        const navigable = offsetPolygons([poly], -0.1, 'miter');
        const space: TurnSpace = { field: poly, waypoints: navigable.flatMap(reflexVertices), tolM: 0.01 };
        const start = poly.outer[0];
        for (const route of routeCandidates(sweep, headland.rings, vehicle, space, { pattern: 'auto', start }))
          route.forEach((s, i) => {
            if (s.kind !== 'transit') return;
            // from where the machine is to where the next segment starts (the start, at the end)
            const before = i > 0 ? machinePoints(route[i - 1]) : [start];
            const a = before[before.length - 1],
              b = i + 1 < route.length ? machinePoints(route[i + 1])[0] : start;
            expect(s.points).toEqual(shortestPathInside(a, b, poly, space.waypoints) ?? [a, b]);
            transits++;
          });
      }),
      { seed: 909, numRuns: 25 },
    );
    expect(transits).toBeGreaterThan(100);
  });
});
