/** hypot gives Math.hypot's number bit for bit (fast-check, seeded), specials included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hypot } from '../../src/geometry/index.js';

const specials = [
  0,
  -0,
  1,
  -1,
  5e-324,
  -5e-324,
  1e-320,
  1e-160,
  1e160,
  2 ** 511,
  2 ** 512,
  1.7976931348623157e308,
  -1e308,
  Infinity,
  -Infinity,
  NaN,
];

describe('hypot', () => {
  it('equals Math.hypot on any two doubles', () => {
    fc.assert(
      fc.property(fc.double(), fc.double(), (x, y) => {
        expect(Object.is(hypot(x, y), Math.hypot(x, y))).toBe(true);
      }),
      { seed: 37, numRuns: 5_000 },
    );
  });

  it('equals Math.hypot on coordinate differences of a field (metres, millimetre grid)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -500_000, max: 500_000 }), fc.integer({ min: -500_000, max: 500_000 }), (x, y) => {
        expect(Object.is(hypot(x / 1000, y / 1000), Math.hypot(x / 1000, y / 1000))).toBe(true);
      }),
      { seed: 37, numRuns: 5_000 },
    );
  });

  it('equals Math.hypot on zeros, subnormals, huge numbers, infinities and NaN', () => {
    for (const x of specials) for (const y of specials) expect(Object.is(hypot(x, y), Math.hypot(x, y)), `${x}, ${y}`).toBe(true);
    expect(hypot(3, 4)).toBe(5);
  });
});
