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

/**
 * The point of segment a–b nearest `p`, into `out` (`closestOnSegment`'s arithmetic, without
 * an array per segment: the rings of rounded headland laps have hundreds of vertices and the
 * route asks them for every cell exit), and its distance.
 */
function nearestOnSegment(p: XY, a: XY, b: XY, out: { x: number; y: number }): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  let t = l2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  out.x = a[0] + t * dx;
  out.y = a[1] + t * dy;
  return Math.hypot(out.x - p[0], out.y - p[1]);
}

const scratch = { x: 0, y: 0 };

/** Distance from `p` to the nearest point of a ring, m. */
export function distToRingPoint(ring: Ring, p: XY): number {
  let d = Infinity;
  for (let i = 0; i < ring.length; i++) d = Math.min(d, nearestOnSegment(p, ring[i], ring[(i + 1) % ring.length], scratch));
  return d;
}

/** Nearest point of some rings to `p`, and its distance (p itself and 0 when there are none; the first of equals). */
export function nearestOnRings(rings: Ring[], p: XY): { at: XY; d: number } {
  let at = p,
    d = rings.length ? Infinity : 0;
  for (const r of rings)
    for (let i = 0; i < r.length; i++) {
      const di = nearestOnSegment(p, r[i], r[(i + 1) % r.length], scratch);
      if (di < d) [at, d] = [[scratch.x, scratch.y], di];
    }
  return { at, d };
}
