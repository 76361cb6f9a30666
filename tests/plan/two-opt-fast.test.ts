/**
 * The 2-opt cell-order search's fast path (src/plan/route/two-opt.ts: a candidate's chain DP
 * starts from the rows it shares with the current sequence; a candidate scored from its chain, its
 * tour built only when kept) gives the tour the whole-sequence DP gave, on random cells and ways (coordinates on a small grid, so ties are common), with the
 * end cost and without it (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { XY } from '../../src/geometry/index.js';
import { type CellTour, type CellWay, keptCostS, type TourCosts, tourCosts } from '../../src/plan/route/tour-costs.js';
import { improvedTour } from '../../src/plan/route/two-opt.js';

/** bestWays as src/plan/route/cell-order.ts had it (reference). */
function bestWays(ways: CellWay[][], seq: number[], k: TourCosts): CellTour {
  let cost = ways[seq[0]].map((w, j) => k.fromStart[k.offset[seq[0]] + j] + w.costS);
  const back: number[][] = [];
  for (let i = 1; i < seq.length; i++) {
    const prev = ways[seq[i - 1]],
      p0 = k.offset[seq[i - 1]],
      h0 = k.offset[seq[i]];
    const from: number[] = [];
    cost = ways[seq[i]].map((w, wi) => {
      let best = Infinity,
        arg = 0;
      for (let j = 0; j < prev.length; j++) {
        const c = cost[j] + k.between(p0 + j, h0 + wi);
        if (c < best) [best, arg] = [c, j];
      }
      from.push(arg);
      return best + w.costS;
    });
    back.push(from);
  }
  const l0 = k.offset[seq[seq.length - 1]];
  let arg = 0;
  cost.forEach((c, j) => {
    if (c + k.toEnd[l0 + j] < cost[arg] + k.toEnd[l0 + arg]) arg = j;
  });
  const tour: CellTour = [];
  for (let i = seq.length - 1; i >= 0; i--) {
    tour.push({ cell: seq[i], way: arg });
    if (i > 0) arg = back[i - 1][arg];
  }
  return tour.reverse();
}

/** improvedTour as src/plan/route/cell-order.ts had it: the whole DP again for every candidate (reference). */
function wholeImprovedTour(ways: CellWay[][], k: TourCosts, greedy: CellTour): CellTour {
  let best = greedy,
    bestS = keptCostS(ways, greedy, k);
  let seq = greedy.map((s) => s.cell);
  for (let improved = true, rounds = 0; improved && rounds < 20; rounds++) {
    improved = false;
    for (let i = 0; i < seq.length - 1; i++)
      for (let j = i + 1; j < seq.length; j++) {
        const cand = [...seq.slice(0, i), ...seq.slice(i, j + 1).reverse(), ...seq.slice(j + 1)];
        const tour = bestWays(ways, cand, k);
        const s = keptCostS(ways, tour, k);
        if (s < bestS - 1e-9) [best, bestS, seq, improved] = [tour, s, cand, true];
      }
  }
  return best;
}

/** Points on a grid of `step` m over 0..`size` m: a coarse grid makes equal travel times (ties). */
const arbPoint = (size: number, step: number) =>
  fc.tuple(fc.integer({ min: 0, max: size / step }), fc.integer({ min: 0, max: size / step })).map(([x, y]): XY => [x * step, y * step]);

const arbWays = (step: number) =>
  fc.array(
    fc.array(fc.record({ entry: arbPoint(200, step), exit: arbPoint(200, step), costS: fc.integer({ min: 0, max: 40 }) }), {
      minLength: 1,
      maxLength: 6,
    }),
    { minLength: 2, maxLength: 16 },
  );

describe('2-opt cell order: the fast path equals the whole-sequence DP', () => {
  for (const step of [1, 25]) {
    it(`gives the same tour on random cells (grid ${step} m)`, () => {
      fc.assert(
        fc.property(arbWays(step), arbPoint(200, step), fc.boolean(), fc.integer({ min: 0, max: 1e6 }), (ways, start, withEnd, seed) => {
          const travel = (a: XY, b: XY) => Math.hypot(b[0] - a[0], b[1] - a[1]) / 3;
          const end = withEnd ? (p: XY) => Math.hypot(p[0] - start[0], p[1] - start[1]) / 3 : () => 0;
          const k: TourCosts = tourCosts(ways, start, travel, end);
          // a shuffled start order, each cell's first way: the greedy tour's shape
          const seq = ways.map((_, i) => i).sort((u, v) => ((u * 7919 + seed) % 101) - ((v * 7919 + seed) % 101));
          const greedy: CellTour = seq.map((cell) => ({ cell, way: 0 }));
          const fast = improvedTour(ways, k, greedy);
          expect(fast).toEqual(wholeImprovedTour(ways, k, greedy));
          expect(keptCostS(ways, fast, k)).toBeLessThanOrEqual(keptCostS(ways, greedy, k));
        }),
        { seed: 1717 + step, numRuns: 300 },
      );
    });
  }
});

describe('tourCosts: the kept pair table is the travel estimate of every pair of ways', () => {
  it('on ways sharing their end points (the same objects, as a cell’s ways share swath ends)', () => {
    fc.assert(
      fc.property(
        fc.array(arbPoint(200, 1), { minLength: 1, maxLength: 8 }),
        fc.array(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 8 }), {
          minLength: 1,
          maxLength: 12,
        }),
        (points, picks) => {
          // entries and exits drawn from a few shared points, and some fresh copies of them
          const at = (i: number): XY => (i % 3 === 0 ? [...points[i % points.length]] : points[i % points.length]);
          const ways: CellWay[][] = picks.map((cell) => cell.map(([e, x, costS]) => ({ entry: at(e), exit: at(x), costS })));
          const travel = (a: XY, b: XY) => Math.hypot(b[0] - a[0], b[1] - a[1]) / 3;
          const k = tourCosts(ways, [0, 0], travel, () => 0);
          const all = ways.flat();
          for (let u = 0; u < all.length; u++)
            for (let v = 0; v < all.length; v++) expect(k.between(u, v)).toBe(travel(all[u].exit, all[v].entry));
        },
      ),
      { seed: 2024, numRuns: 300 },
    );
  });
});
