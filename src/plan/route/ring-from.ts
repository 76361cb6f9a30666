import { closestOnSegment } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';

/**
 * A closed ring as a polyline that starts and ends at the point of the ring nearest `p`,
 * keeping the ring's direction.
 */
export function ringFrom(ring: Ring, p: XY): XY[] {
  let best = 0,
    bestD = Infinity,
    bestPt: XY = ring[0];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i],
      b = ring[(i + 1) % ring.length];
    const q = closestOnSegment(p, a, b);
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (d < bestD) [best, bestD, bestPt] = [i, d, q];
  }
  const out: XY[] = [bestPt];
  for (let k = 1; k <= ring.length; k++) out.push(ring[(best + k) % ring.length]);
  out.push(bestPt);
  return out.filter((q, i) => i === 0 || Math.hypot(q[0] - out[i - 1][0], q[1] - out[i - 1][1]) > 1e-6);
}

/** Distance from `p` to the nearest point of a ring, m. */
export function distToRingPoint(ring: Ring, p: XY): number {
  let d = Infinity;
  for (let i = 0; i < ring.length; i++) {
    const q = closestOnSegment(p, ring[i], ring[(i + 1) % ring.length]);
    d = Math.min(d, Math.hypot(q[0] - p[0], q[1] - p[1]));
  }
  return d;
}
