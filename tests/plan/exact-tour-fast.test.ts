/**
 * The exact cell-order search's fast loops (src/plan/route/cell-order.ts exactTour: the pair
 * table read directly, only the ways of the cells in each mask visited) give the tour the plain
 * Held–Karp gave (tests/plan/reference/exact-tour-main.ts), on random cells and ways with
 * coordinates on a coarse grid (many ties), with and without an end cost, with the pair table
 * and without it (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { XY } from '../../src/geometry/index.js';
import { exactTour } from '../../src/plan/route/cell-order.js';
import { type CellWay, type TourCosts, tourCosts } from '../../src/plan/route/tour-costs.js';
import { exactTourMain } from './reference/exact-tour-main.js';

const arbPoint = (step: number) =>
  fc.tuple(fc.integer({ min: 0, max: 200 / step }), fc.integer({ min: 0, max: 200 / step })).map(([x, y]): XY => [x * step, y * step]);

/** Up to 8 cells (the exact search's limit) of 1–8 ways. */
const arbWays = (step: number) =>
  fc.array(
    fc.array(fc.record({ entry: arbPoint(step), exit: arbPoint(step), costS: fc.integer({ min: 0, max: 40 }) }), {
      minLength: 1,
      maxLength: 8,
    }),
    { minLength: 1, maxLength: 8 },
  );

describe('exact cell order: the fast loops equal the plain Held–Karp', () => {
  for (const step of [1, 50])
    it(`gives the same tour on random cells (grid ${step} m)`, () => {
      fc.assert(
        fc.property(arbWays(step), arbPoint(step), fc.boolean(), fc.boolean(), (ways: CellWay[][], start, withEnd, withTable) => {
          const travel = (a: XY, b: XY) => Math.hypot(b[0] - a[0], b[1] - a[1]) / 3;
          const end = withEnd ? (p: XY) => Math.hypot(p[0] - start[0], p[1] - start[1]) / 3 : () => 0;
          const kept = tourCosts(ways, start, travel, end);
          // past the table's size the search asks `between` (a table of its own, the same numbers)
          const k: TourCosts = withTable ? kept : { ...kept, table: undefined };
          expect(exactTour(ways, k)).toEqual(exactTourMain(ways, k));
        }),
        { seed: 4242 + step, numRuns: 200 },
      );
    });
});
