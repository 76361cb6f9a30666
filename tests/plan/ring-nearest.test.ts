/**
 * The headland ring distances the route asks for every cell exit (`distToRingPoint`,
 * `nearestOnRings`, now without an array per segment) give the numbers of the
 * `closestOnSegment` loops they replaced, and `RingsNearest` (blocks of segments skipped by their
 * box) gives `nearestOnRings`' answers, the first of equals included (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestOnSegment } from '../../src/geometry/index.js';
import type { Ring, XY } from '../../src/geometry/index.js';
import { distToRingPoint, nearestOnRings, RingsNearest } from '../../src/plan/route/ring-from.js';

/** The loops as src/plan/route/ring-from.ts and cell-tour.ts had them (reference). */
function referenceDist(ring: Ring, p: XY): number {
  let d = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const q = closestOnSegment(p, ring[i], ring[(i + 1) % ring.length]);
    d = Math.min(d, Math.hypot(q[0] - p[0], q[1] - p[1]));
  }
  return d;
}
function referenceNearest(rings: Ring[], p: XY): { at: XY; d: number } {
  let best = { at: p, d: rings.length ? Infinity : 0 };
  for (const r of rings)
    for (let i = 0; i < r.length; i++) {
      const q = closestOnSegment(p, r[i], r[(i + 1) % r.length]);
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d < best.d) best = { at: q, d };
    }
  return best;
}

const coord = fc.double({ min: -500, max: 500, noNaN: true });
const point = fc.tuple(coord, coord);
// repeated vertices give zero-length segments; snapped coordinates give ties
const ring = fc.array(fc.oneof(point, fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -3, max: 3 }))), {
  minLength: 1,
  maxLength: 40,
});

describe('ring distances: the closestOnSegment loops’ numbers (fast-check, seeded)', () => {
  it('distToRingPoint and nearestOnRings', () => {
    fc.assert(
      fc.property(fc.array(ring, { maxLength: 4 }), point, (rings, p) => {
        expect(nearestOnRings(rings, p)).toEqual(referenceNearest(rings, p));
        for (const r of rings) expect(distToRingPoint(r, p)).toBe(referenceDist(r, p));
      }),
      { seed: 17, numRuns: 500 },
    );
  });
});

/** A headland-like lap: a rounded polygon of `n` vertices, some snapped to a coarse grid (ties). */
const lap = fc
  .tuple(
    fc.integer({ min: 3, max: 300 }),
    fc.double({ min: 1, max: 400, noNaN: true }),
    point,
    fc.boolean(),
    fc.integer({ min: 1, max: 1e9 }),
  )
  .map(([n, radius, [cx, cy], snap, seed]) => {
    let s = seed;
    const rnd = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
    return Array.from({ length: n }, (_, i): XY => {
      const a = (2 * Math.PI * i) / n,
        r = radius * (0.8 + 0.4 * rnd());
      const q: XY = [cx + r * Math.cos(a), cy + r * Math.sin(a)];
      return snap && i % 3 === 0 ? [Math.round(q[0]), Math.round(q[1])] : q;
    });
  });

describe('RingsNearest: nearestOnRings’ answers over blocks of segments (fast-check, seeded)', () => {
  it('the same point and distance for points near, on and far from the rings', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(lap, ring), { maxLength: 3 }), fc.array(point, { minLength: 1, maxLength: 8 }), (rings, ps) => {
        const index = new RingsNearest(rings);
        const asked = [...ps, ...rings.flat().filter((_, i) => i % 7 === 0)];
        for (const p of asked) expect(index.nearest(p)).toEqual(referenceNearest(rings, p));
      }),
      { seed: 29, numRuns: 400 },
    );
  });
  it('ties between blocks go to the first segment in ring order', () => {
    // a square lap of 64 vertices: the centre is equally far from all four sides, in four different blocks
    const side = (k: number): XY[] =>
      Array.from({ length: 16 }, (_, i): XY => {
        const t = -8 + i;
        return (
          [
            [t, -8],
            [8, t],
            [-t, 8],
            [-8, -t],
          ] as XY[]
        )[k];
      });
    const square = [0, 1, 2, 3].flatMap(side);
    const index = new RingsNearest([square]);
    for (const p of [
      [0, 0],
      [0.5, 0],
      [3, 3],
      [-3, -3],
    ] as XY[])
      expect(index.nearest(p)).toEqual(referenceNearest([square], p));
  });
});
