import { describe, expect, it } from 'vitest';
import { bestAngle, swathOffsets, sweepSwaths, swathLowerBound } from '../../src/plan/index.js';
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

describe('sweepSwaths: cells are chains of swath pieces', () => {
  it('a rectangle is one cell of ceil(30 / 7) = 5 swaths', () => {
    const plan = sweepSwaths([poly(rectM(100, 30))], 0, 7);
    expect(plan.swaths).toHaveLength(1);
    expect(plan.lines).toBe(5);
    expect(plan.pieces).toBe(5);
  });
  it('a U swept across its arms: the base, then one cell per arm', () => {
    const U: XY[] = [
      [0, 0],
      [60, 0],
      [60, 60],
      [40, 60],
      [40, 20],
      [20, 20],
      [20, 60],
      [0, 60],
    ];
    const plan = sweepSwaths([poly(U)], 0, 5);
    expect(plan.swaths).toHaveLength(3);
    expect(plan.lines).toBe(12); // ceil(60 / 5) lines over the whole height
    expect(plan.pieces).toBe(4 + 8 * 2); // 4 lines across the base, 8 lines cut in two by the notch
  });
  it('a hole splits the field into 4 cells (below, left, right, above)', () => {
    const hole: XY[] = [
      [40, 10],
      [40, 20],
      [60, 20],
      [60, 10],
    ];
    expect(sweepSwaths([poly(rectM(100, 30), [hole])], 0, 4).swaths).toHaveLength(4);
  });
  it('a notch narrower than the reach does not split the swath', () => {
    const notched: XY[] = [
      [0, 0],
      [100, 0],
      [100, 30],
      [51, 30],
      [50, 20],
      [49, 30],
      [0, 30],
    ];
    const reach: XY[] = [
      [-5, -5],
      [105, -5],
      [105, 35],
      [-5, 35],
    ];
    const plan = sweepSwaths([poly(notched)], 0, 7, [poly(reach)]);
    expect(plan.swaths).toHaveLength(1);
    expect(plan.pieces).toBe(plan.lines);
  });
  it('a shallow wavy edge costs no extra swath (near-convex field)', () => {
    const wavy: XY[] = [
      [0, 0],
      [200, 0],
    ];
    for (let x = 200; x >= 0; x -= 5) wavy.push([x, 60 + 2 * Math.sin(x / 7)]);
    const plan = sweepSwaths([poly(wavy)], 0, 7);
    expect(plan.lines).toBe(9); // height 60 ± 2 m: ceil(62 / 7) = ceil(58 / 7) = 9
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
    const hole: XY[] = [
      [40, 10],
      [40, 20],
      [60, 20],
      [60, 10],
    ];
    const area = poly(rectM(100, 30), [hole]);
    const plan = sweepSwaths([area], 0, 5);
    expect(plan.swaths.length).toBe(4);
    for (const cell of plan.swaths)
      for (const s of cell) {
        const crossesHole = s.y > 10 && s.y < 20 && s.x0 < 60 && s.x1 > 40;
        expect(crossesHole).toBe(false);
      }
  });
});
