/**
 * ringsSimple (the check a rounded lap passes where a rounded corner comes near another part of
 * the lap): held equal to the plain test of every pair of edges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ring, XY } from '../../src/geometry/types.js';
import { cross } from '../../src/plan/headland/corner-regions.js';
import { ringsSimple } from '../../src/plan/headland/rings-simple.js';

/** Segments pq and ab touch or cross (collinear overlaps count): the plain test. */
function meet(p: XY, q: XY, a: XY, b: XY): boolean {
  const d1 = cross(a, b, p),
    d2 = cross(a, b, q),
    d3 = cross(p, q, a),
    d4 = cross(p, q, b);
  if (Math.sign(d1) * Math.sign(d2) < 0 && Math.sign(d3) * Math.sign(d4) < 0) return true;
  const on = (o: XY, s: XY, e: XY, d: number) =>
    d === 0 && Math.min(s[0], e[0]) <= o[0] && o[0] <= Math.max(s[0], e[0]) && Math.min(s[1], e[1]) <= o[1] && o[1] <= Math.max(s[1], e[1]);
  return on(p, a, b, d1) || on(q, a, b, d2) || on(a, p, q, d3) || on(b, p, q, d4);
}

/** Every pair of edges of the rings, neighbours on one ring aside. */
function plainSimple(rings: Ring[]): boolean {
  const edges = rings.flatMap((ring, r) => ring.map((_, i) => ({ r, i })));
  for (let x = 0; x < edges.length; x++)
    for (let y = x + 1; y < edges.length; y++) {
      const e = edges[x],
        f = edges[y];
      const n = rings[e.r].length;
      if (e.r === f.r && ((e.i + 1) % n === f.i || (f.i + 1) % n === e.i)) continue;
      const re = rings[e.r],
        rf = rings[f.r];
      if (meet(re[e.i], re[(e.i + 1) % n], rf[f.i], rf[(f.i + 1) % rf.length])) return false;
    }
  return true;
}

describe('ringsSimple (no two edges of the rounded rings meet)', () => {
  it('a square and a hole inside it are simple; a bow tie, a hole touching the square and a ring with a spike back along itself are not', () => {
    const square: Ring = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
    ];
    const hole: Ring = [
      [2, 2],
      [2, 4],
      [4, 4],
      [4, 2],
    ];
    expect(ringsSimple([square, hole])).toBe(true);
    expect(
      ringsSimple([
        [
          [0, 0],
          [10, 10],
          [10, 0],
          [0, 10],
        ],
      ]),
    ).toBe(false);
    expect(
      ringsSimple([
        square,
        [
          [0, 2],
          [3, 4],
          [3, 2],
        ],
      ]),
    ).toBe(false);
    // a spike out and back along the same line: its two edges overlap
    expect(
      ringsSimple([
        [
          [0, 0],
          [10, 0],
          [10, 10],
          [5, 10],
          [5, 15],
          [5, 12],
          [0, 10],
        ],
      ]),
    ).toBe(false);
  });

  it('property (seeded): the same answer as testing every pair of edges, on rings of grid points (many touches and overlaps)', () => {
    const counts = { simple: 0, not: 0 };
    const pt = fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })).map(([x, y]) => [x, y] as XY);
    fc.assert(
      fc.property(fc.array(fc.array(pt, { minLength: 3, maxLength: 9 }), { minLength: 1, maxLength: 3 }), (rings) => {
        const want = plainSimple(rings);
        expect(ringsSimple(rings)).toBe(want);
        counts[want ? 'simple' : 'not']++;
      }),
      { seed: 83, numRuns: 3000 },
    );
    expect(counts.simple).toBeGreaterThan(100);
    expect(counts.not).toBeGreaterThan(100);
  });
});
