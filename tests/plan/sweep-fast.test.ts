import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons } from '../../src/geometry/index.js';
import type { PolygonM } from '../../src/geometry/types.js';
import { planHeadland } from '../../src/plan/headland/plan-headland.js';
import { type IntervalRun, lineIntervals, lineIntervalsInto } from '../../src/plan/swaths/line-intervals.js';
import { lineIntervals as lineIntervalsMain } from './reference/sweep-main/line-intervals.js';
import { addRowSteps } from '../../src/plan/swaths/step-table.js';
import { joinSweeps, sweepSwaths } from '../../src/plan/swaths/sweep-swaths.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { randomParsedField } from '../helpers/random-fields.js';
import * as main from './reference/sweep-main/sweep-swaths.js';

const transplanter = getVehicle('transplanter');

/** A random field's swath area and bound as the layout makes them (laps of a 1.8 m transplanter, or none). */
function layoutInputs(seed: number, kind: string, laps: number): { area: PolygonM[]; bound: PolygonM[] } {
  const field = randomParsedField(seed, kind as 'convex', { minAreaHa: 0.3, maxAreaHa: 3 }).polygon;
  const h = planHeadland(field, transplanter.workingWidthM, laps, transplanter.minTurnRadiusM);
  const area = h.laps === 0 ? offsetPolygons([field], -0.02, 'miter') : h.inner;
  return { area, bound: h.laps === 0 ? area : h.swathReach };
}

const arbSweep = fc.record({
  seed: fc.integer({ min: 1, max: 100_000 }),
  kind: fc.constantFrom('convex', 'concave', 'holes', 'sliver'),
  laps: fc.constantFrom(0, 1, 2),
  angleRad: fc.double({ min: 0, max: Math.PI, noNaN: true }),
  otherRad: fc.double({ min: 0, max: Math.PI, noNaN: true }),
  sections: fc.boolean(),
});

describe('the bounded sweep on typed scratch, row-step inputs kept per sweep: the same plan as main', () => {
  it('property (seeded): lines, pieces, swaths, ends and row steps equal main’s', () => {
    fc.assert(
      fc.property(arbSweep, ({ seed, kind, laps, angleRad, sections }) => {
        const { area, bound } = layoutInputs(seed, kind, laps);
        const w = transplanter.workingWidthM,
          rowM = sections ? transplanter.sectionWidthM : undefined;
        const got = sweepSwaths(area, angleRad, w, bound, rowM);
        const want = main.sweepSwaths(area, angleRad, w, bound, rowM);
        expect([got.lines, got.pieces]).toEqual([want.lines, want.pieces]);
        expect(got.swaths).toEqual(want.swaths);
        expect(got.swaths.reduce((n, c) => n + c.length, 0)).toBe(got.pieces);
        addRowSteps(got);
        main.addRowSteps(want);
        // toEqual compares numbers with Object.is; the JSON also holds the keys' order
        expect(got.swaths).toEqual(want.swaths);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }),
      { seed: 8, numRuns: 60 },
    );
  });

  it('property (seeded): joined sweeps get the row steps of each sweep, as main’s', () => {
    fc.assert(
      fc.property(arbSweep, ({ seed, kind, laps, angleRad, otherRad }) => {
        const { area, bound } = layoutInputs(seed, kind, laps);
        const w = transplanter.workingWidthM,
          rowM = transplanter.sectionWidthM;
        const got = joinSweeps([sweepSwaths(area, angleRad, w, bound, rowM), sweepSwaths(area, otherRad, w, bound, rowM)]);
        const want = main.joinSweeps([main.sweepSwaths(area, angleRad, w, bound, rowM), main.sweepSwaths(area, otherRad, w, bound, rowM)]);
        addRowSteps(got);
        main.addRowSteps(want);
        expect(got).toEqual(want);
        expect(JSON.stringify(got)).toBe(JSON.stringify(want));
      }),
      { seed: 9, numRuns: 25 },
    );
  });

  it('a plan of the same keys as main’s, in the same order', () => {
    const { area, bound } = layoutInputs(40_001, 'concave', 2);
    expect(Object.keys(sweepSwaths(area, 0.3, 1.8, bound, 0.3))).toEqual(Object.keys(main.sweepSwaths(area, 0.3, 1.8, bound, 0.3)));
  });
});

describe('typed scratch: the same numbers as the arrays it replaces', () => {
  it('property (seeded): lineIntervalsInto and lineIntervals give the intervals of the arrays they replace', () => {
    const run: IntervalRun = { ends: new Float64Array(2), n: 0 };
    fc.assert(
      fc.property(arbSweep, fc.double({ min: -0.1, max: 1.1, noNaN: true }), ({ seed, kind, laps }, at) => {
        const { area, bound } = layoutInputs(seed, kind, laps);
        const ys = area.flatMap((p) => p.outer.map((q) => q[1]));
        const y = Math.min(...ys) + at * (Math.max(...ys) - Math.min(...ys));
        for (const polys of [area, bound]) {
          lineIntervalsInto(polys, y, run);
          const flat = Array.from(run.ends.subarray(0, run.n));
          const want = lineIntervalsMain(polys, y);
          expect(flat).toEqual(want.flat());
          expect(lineIntervals(polys, y)).toEqual(want);
        }
      }),
      { seed: 10, numRuns: 80 },
    );
  });
});
