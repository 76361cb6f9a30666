/**
 * The geometry stage's `hypot` gives `Math.hypot`'s bits for two numbers: on doubles of every
 * size (subnormals to 1e308, so the normalisation by the larger matters), on ±0, ±Infinity and
 * NaN in either place, and on the coordinate differences the planner measures (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypot } from '../../src/geometry/index.js';

const same = (x: number, y: number): void => {
  expect(Object.is(hypot(x, y), Math.hypot(x, y)), `hypot(${x}, ${y})`).toBe(true);
};

describe('hypot: Math.hypot’s bits (fast-check, seeded)', () => {
  it('any two doubles, special values included', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (x, y) => same(x, y)),
      { seed: 5, numRuns: 20_000 },
    );
  });
  it('coordinate differences of points in a field', () => {
    const coord = fc.double({ min: -5000, max: 5000, noNaN: true });
    fc.assert(
      fc.property(coord, coord, coord, coord, (ax, ay, bx, by) => same(bx - ax, by - ay)),
      { seed: 6, numRuns: 20_000 },
    );
  });
  it('the special cases in either place', () => {
    const special = [
      0,
      -0,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      3,
      -4,
      Number.MIN_VALUE,
      Number.MAX_VALUE,
      1e-310,
    ];
    for (const x of special) for (const y of special) same(x, y);
  });
});
