/**
 * Route order (issue 17): the cell tour search, the refill-trip estimate and the path length by
 * kind in the plan metrics.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFieldFile } from '../../src/field/index.js';
import { polylineLength, type PolygonM, type XY } from '../../src/geometry/index.js';
import type { RouteSegment } from '../../src/plan/index.js';
import { splitSorties } from '../../src/plan/sorties/split-sorties.js';
import { planField } from '../../src/plan/index.js';
import { candidateTours, tourCostS, type CellTour, type CellWay } from '../../src/plan/route/cell-order.js';
import { refillTripsS } from '../../src/plan/route/refill-estimate.js';
import { getVehicle } from '../../src/vehicles/index.js';

const travel = (a: XY, b: XY) => Math.hypot(b[0] - a[0], b[1] - a[1]);
const noEnd = () => 0;

/** Every tour: each order of the cells, each way of each. */
function allTours(ways: CellWay[][]): CellTour[] {
  const perms = (xs: number[]): number[][] =>
    xs.length <= 1 ? [xs] : xs.flatMap((x, i) => perms([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  const out: CellTour[] = [];
  for (const seq of perms(ways.map((_, i) => i))) {
    const build = (k: number, acc: CellTour) => {
      if (k === seq.length) return void out.push(acc);
      ways[seq[k]].forEach((_, w) => build(k + 1, [...acc, { cell: seq[k], way: w }]));
    };
    build(0, []);
  }
  return out;
}

const arbWays = fc
  .array(
    fc.array(
      fc.tuple(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 50 }),
      ),
      { minLength: 1, maxLength: 3 },
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((cells) => cells.map((ws) => ws.map(([x0, y0, x1, y1, c]): CellWay => ({ entry: [x0, y0], exit: [x1, y1], costS: c }))));

describe('cell tour search (GTSP over the cells’ ways)', () => {
  it('finds the cheapest tour of up to 4 cells × 3 ways, as brute force does (fast-check, seeded)', () => {
    fc.assert(
      fc.property(arbWays, (ways) => {
        const start: XY = [0, 0];
        const greedy: CellTour = ways.map((_, cell) => ({ cell, way: 0 }));
        const found = candidateTours(ways, start, travel, noEnd, greedy);
        const best = Math.min(...allTours(ways).map((t) => tourCostS(ways, t, start, travel, noEnd)));
        const chosen = Math.min(...found.map((t) => tourCostS(ways, t, start, travel, noEnd)));
        expect(chosen).toBeCloseTo(best, 9);
        expect(found[0]).toEqual(greedy); // the old order always comes first
      }),
      { seed: 17, numRuns: 200 },
    );
  });

  it('beats nearest-first where the nearest cell leads away: three cells on a line, start in the middle', () => {
    // cells are single points (entry = exit) at x = 10, -30 and 60; nearest-first goes 10, -30, 60: 10 + 40 + 90
    const ways = [10, -30, 60].map((x): CellWay[] => [{ entry: [x, 0], exit: [x, 0], costS: 0 }]);
    const greedy: CellTour = [0, 1, 2].map((cell) => ({ cell, way: 0 }));
    const [, better] = candidateTours(ways, [0, 0], travel, noEnd, greedy);
    expect(tourCostS(ways, greedy, [0, 0], travel, noEnd)).toBe(140);
    expect(better.map((s) => s.cell)).toEqual([1, 0, 2]); // -30, 10, 60: 30 + 40 + 50 = 120
    expect(tourCostS(ways, better, [0, 0], travel, noEnd)).toBe(120);
  });

  it('uses 2-opt over 8 cells: 12 cells around a ring are visited in ring order', () => {
    const ways = Array.from({ length: 12 }, (_, k): CellWay[] => {
      const a = (k * 2 * Math.PI) / 12,
        p: XY = [100 * Math.cos(a), 100 * Math.sin(a)];
      return [{ entry: p, exit: p, costS: 0 }];
    });
    const scrambled = [0, 6, 1, 7, 2, 8, 3, 9, 4, 10, 5, 11].map((cell) => ({ cell, way: 0 }));
    const tours = candidateTours(ways, [100, 0], travel, noEnd, scrambled);
    const seq = tours[1].map((s) => s.cell);
    const steps = seq.slice(1).map((c, i) => (c - seq[i] + 12) % 12);
    expect(new Set(steps).size).toBe(1); // always the next cell one way round
  });
});

describe('refill trips estimate', () => {
  it('flies the refill trips splitSorties plans on the same straight swaths (a drone, three 600 m swaths)', () => {
    // 40 kg / (7 m × 70 kg/ha) = 816 m a tank: refills 216 m into the second swath and 432 m into
    // the third, each with over a quarter of a tank left before the swath (no early refill)
    const drone = getVehicle('drone');
    const field: PolygonM = {
      outer: [
        [-10, -10],
        [610, -10],
        [610, 30],
        [-10, 30],
      ],
      holes: [],
    };
    const swaths = Array.from({ length: 3 }, (_, k): [XY, XY] =>
      k % 2
        ? [
            [600, 7 * k],
            [0, 7 * k],
          ]
        : [
            [0, 7 * k],
            [600, 7 * k],
          ],
    );
    const route = swaths.flatMap(([a, b], k): RouteSegment[] => [
      ...(k > 0
        ? [
            {
              kind: 'turn' as const,
              points: [swaths[k - 1][1], a],
              reverse: false,
              cellId: 0,
              swathIndex: -1,
              headlandLap: -1,
              sortie: 0,
              turnType: 'stop' as const,
            },
          ]
        : []),
      { kind: 'swath', points: [a, b], reverse: false, cellId: 0, swathIndex: k, headlandLap: -1, sortie: 0 },
    ]);
    const split = splitSorties(route, drone, [0, 0], { field, waypoints: [], tolM: 0.01 });
    const plannedS =
      split.route.filter((s) => s.transitPurpose === 'refill').reduce((a, s) => a + polylineLength(s.points), 0) / drone.transitSpeedMps;
    expect(split.refills.length).toBe(2);
    expect(refillTripsS([swaths], [0, 0], [0, 0], drone)).toBeCloseTo(plannedS, 6);
  });
  it('is nothing for a transplanter, reloaded where it stands', () => {
    expect(
      refillTripsS(
        [
          [
            [
              [0, 0],
              [5000, 0],
            ],
          ],
        ],
        [0, 0],
        [0, 0],
        getVehicle('transplanter'),
      ),
    ).toBe(0);
  });
});

describe('path length by kind (plan metrics lengthByKindM)', () => {
  it('splits the tomb paddy’s route into work, headland, gap, turn, transit and refill metres that add up', async () => {
    const [tomb] = await readFieldFile('fields/paddy-with-tomb.geojson');
    for (const v of ['drone', 'transplanter'] as const) {
      const plan = planField(tomb, getVehicle(v));
      const m = plan.metrics,
        k = m.lengthByKindM!;
      const metres = (keep: (s: RouteSegment) => boolean) => plan.route.filter(keep).reduce((a, s) => a + polylineLength(s.points), 0);
      expect(k.work).toBeCloseTo(
        metres((s) => s.kind === 'swath' && s.headlandLap < 0 && !s.gapFill),
        0,
      );
      expect(k.headland).toBeCloseTo(
        metres((s) => s.kind === 'swath' && s.headlandLap >= 0),
        0,
      );
      expect(k.refill).toBeCloseTo(
        metres((s) => s.transitPurpose === 'refill'),
        0,
      );
      expect(k.work).toBeGreaterThan(500);
      expect(k.work + k.headland + k.gapFill).toBeCloseTo(m.lengthM.working, 0);
      expect(k.turn).toBe(m.lengthM.turning);
      expect(k.transit + k.refill).toBeCloseTo(m.lengthM.transit, 0);
      expect(k.total).toBe(m.lengthM.total);
      if (v === 'transplanter')
        expect([k.headland > 0, k.refill]).toEqual([true, 0]); // two laps; trays come to the machine
      else expect(k.refill).toBeGreaterThan(0);
    }
  });
});
