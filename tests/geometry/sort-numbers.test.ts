/** In-place number sorts give the built-in sort's order (fast-check, seeded), on both sides of the insertion-sort limit. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortAscending, sortDescending } from '../../src/geometry/index.js';

// duplicates on purpose: a few distinct values in long runs
const numbers = fc.array(
  fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })),
  {
    maxLength: 80,
  },
);

describe('sortAscending and sortDescending', () => {
  it('sort a plain array as sort((u, v) => u - v) and sort((u, v) => v - u) do', () => {
    fc.assert(
      fc.property(numbers, (xs) => {
        const up = xs.slice();
        sortAscending(up);
        expect(up).toEqual(xs.slice().sort((u, v) => u - v));
        const down = xs.slice();
        sortDescending(down);
        expect(down).toEqual(xs.slice().sort((u, v) => v - u));
      }),
      { seed: 31, numRuns: 400 },
    );
  });

  it('sort only the range asked, of a plain array or a Float64Array', () => {
    fc.assert(
      fc.property(numbers, fc.nat(), fc.nat(), (xs, i, j) => {
        const from = xs.length ? i % xs.length : 0,
          to = from + (xs.length - from ? j % (xs.length - from + 1) : 0);
        const want = [...xs.slice(0, from), ...xs.slice(from, to).sort((u, v) => u - v), ...xs.slice(to)];
        const plain = xs.slice();
        sortAscending(plain, from, to);
        expect(plain).toEqual(want);
        const typed = Float64Array.from(xs);
        sortAscending(typed, from, to);
        // a typed array keeps -0 and 0 apart only by sign: compare by value
        expect(Array.from(typed).map((v) => v + 0)).toEqual(want.map((v) => v + 0));
      }),
      { seed: 31, numRuns: 400 },
    );
  });

  it('a worked example', () => {
    const xs = [3, 1, 2, 1];
    sortAscending(xs);
    expect(xs).toEqual([1, 1, 2, 3]);
    sortDescending(xs);
    expect(xs).toEqual([3, 2, 1, 1]);
  });

  // ties, signed zeros and runs past insertion sort's length
  const arbNumber = fc.oneof(fc.constantFrom(0, -0, 1, -1, 0.5), fc.double({ min: -10, max: 10, noNaN: true }));
  it('property (seeded): runs of a Float64Array in the built-in sort’s order, −0 and 0 kept where they were', () => {
    fc.assert(
      fc.property(fc.array(arbNumber, { maxLength: 120, size: 'max' }), fc.nat(20), (xs, extra) => {
        const a = Float64Array.from([...xs, ...Array.from({ length: extra }, () => 99)]);
        sortAscending(a, 0, xs.length);
        expect(Array.from(a.subarray(0, xs.length))).toEqual([...xs].sort((u, v) => u - v));
        const d = Float64Array.from([...xs, ...Array.from({ length: extra }, () => -99)]);
        sortDescending(d, 0, xs.length);
        expect(Array.from(d.subarray(0, xs.length))).toEqual([...xs].sort((u, v) => v - u));
        // what lies past the run is left alone
        expect(Array.from(a.subarray(xs.length))).toEqual(Array.from({ length: extra }, () => 99));
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});
