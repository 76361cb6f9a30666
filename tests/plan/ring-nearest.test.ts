/**
 * The headland ring distances the route asks for every cell exit (`distToRingPoint`,
 * `nearestOnRings`, now without an array per segment) give the numbers of the
 * `closestOnSegment` loops they replaced (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closestOnSegment } from '../../src/geometry/index.js';
import type { Ring, XY } from '../../src/geometry/index.js';
import { distToRingPoint, nearestOnRings } from '../../src/plan/route/ring-from.js';

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
