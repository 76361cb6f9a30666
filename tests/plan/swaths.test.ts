import { describe, expect, it } from 'vitest';
import { bestAngle, decompose, swathOffsets, sweepSwaths, swathLowerBound } from '../../src/plan/index.js';
import type { PolygonM, XY } from '../../src/geometry/types.js';
import { rectM } from '../helpers/fields.js';

const poly = (outer: XY[], holes: XY[][] = []): PolygonM => ({ outer, holes });

describe('swathOffsets: fewest swaths, leftover spread', () => {
  it('30 m band with 7 m swaths: 5 swaths, first and last 3.5 m in, 5.75 m apart', () => {
    const o = swathOffsets(30, 7);
    expect(o).toHaveLength(5); // ceil(30 / 7)
    expect(o[0]).toBeCloseTo(3.5, 9);
    expect(o[4]).toBeCloseTo(26.5, 9);
    expect(o[1] - o[0]).toBeCloseTo((30 - 7) / 4, 9); // 5.75: no strip left at the last swath
  });
  it('a band narrower than one width gets one swath in the middle', () => {
    expect(swathOffsets(4, 7)).toEqual([2]);
  });
  it('an exact multiple needs no extra swath', () => {
    expect(swathOffsets(18, 1.8)).toHaveLength(10);
  });
});

describe('decompose: boustrophedon cells', () => {
  it('a rectangle is one cell', () => {
    expect(decompose([poly(rectM(100, 30))])).toHaveLength(1);
  });
  it('an L shape swept across its corner splits into 2 cells', () => {
    const L: XY[] = [[0, 0], [60, 0], [60, 20], [20, 20], [20, 60], [0, 60]];
    // sweep lines horizontal: below y=20 one interval, above it one interval; the notch is a
    // regular vertex for horizontal lines, so the L stays one cell…
    expect(decompose([poly(L)])).toHaveLength(1);
    // …but a U (two arms) needs a split: the bottom, then one cell per arm
    const U: XY[] = [[0, 0], [60, 0], [60, 60], [40, 60], [40, 20], [20, 20], [20, 60], [0, 60]];
    expect(decompose([poly(U)])).toHaveLength(3);
  });
  it('a hole splits the field into 4 cells (below, left, right, above)', () => {
    const hole: XY[] = [[40, 10], [40, 20], [60, 20], [60, 10]];
    expect(decompose([poly(rectM(100, 30), [hole])])).toHaveLength(4);
  });
});

describe('bestAngle: fewest swaths', () => {
  it('a 200 × 30 m paddy rotated 20° is swept along its length', () => {
    const field = poly(rectM(200, 30, 20));
    const best = bestAngle(field, [field], 7);
    expect(best.swaths).toBe(5); // ceil(30 / 7), not ceil(200 / 7)
    expect(((best.angleRad * 180) / Math.PI + 180) % 180).toBeCloseTo(20, 6);
    expect(best.swaths).toBeLessThanOrEqual(swathLowerBound(field, 7));
  });
  it('swaths of a hole field avoid the hole and reach the reach polygon', () => {
    const hole: XY[] = [[40, 10], [40, 20], [60, 20], [60, 10]];
    const area = poly(rectM(100, 30), [hole]);
    const plan = sweepSwaths([area], 0, 5);
    for (const cell of plan.swaths)
      for (const s of cell) {
        const crossesHole = s.y > 10 && s.y < 20 && s.x0 < 60 && s.x1 > 40;
        expect(crossesHole).toBe(false);
      }
  });
});
