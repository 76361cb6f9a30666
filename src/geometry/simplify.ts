/**
 * Douglas–Peucker simplification. Each segment's farthest point is picked among the points whose
 * squared distance is near the largest, and only those are measured with `Math.hypot` (the two
 * can differ in the last bit, so near-ties are decided by the distance itself): the same vertices
 * as measuring every point, found about twice as fast (the angle search simplifies every area it
 * sweeps; tests/plan/angle-search-fast.test.ts holds it equal to the plain search).
 */
import type { PolygonM, Ring, XY } from './types.js';
import { hypot } from './hypot.js';

/** Squared distances of the points of a segment's run, reused across calls. */
let d2: Float64Array = new Float64Array(256);

/** `hypot` and √(squared sum) differ by a few units in the last place: points this close (relative) to the largest are measured exactly. */
const NEAR_TIE = 1e-9;

/** The offsets (ex, ey) of p from the segment a–b's nearest point (their `hypot` is the distance). */
function offsetX(p: XY, a: XY, dx: number, dy: number, l: number): number {
  const t = l > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l)) : 0;
  return p[0] - a[0] - t * dx;
}
function offsetY(p: XY, a: XY, dx: number, dy: number, l: number): number {
  const t = l > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l)) : 0;
  return p[1] - a[1] - t * dy;
}

/** The first point of points(i, j) farthest from the segment points[i]–points[j] (by `hypot`), and its distance. */
function farthest(points: XY[], i: number, j: number): [number, number] {
  const a = points[i],
    b = points[j];
  const dx = b[0] - a[0],
    dy = b[1] - a[1],
    l = dx * dx + dy * dy;
  if (d2.length < j) d2 = new Float64Array(2 * j);
  const sq = d2;
  let most = -1;
  for (let k = i + 1; k < j; k++) {
    const p = points[k];
    const t = l > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l)) : 0;
    const ex = p[0] - a[0] - t * dx,
      ey = p[1] - a[1] - t * dy;
    const s = ex * ex + ey * ey;
    sq[k] = s;
    if (s > most) most = s;
  }
  const floor = most * (1 - NEAR_TIE);
  let worst = -1,
    at = -1;
  for (let k = i + 1; k < j; k++) {
    if (sq[k] < floor) continue;
    const d = hypot(offsetX(points[k], a, dx, dy, l), offsetY(points[k], a, dx, dy, l));
    if (d > worst) [worst, at] = [d, k];
  }
  return [worst, at];
}

/** Douglas–Peucker on an open polyline, iterative (no recursion depth limit on 100k vertices). */
function simplifyOpen(points: XY[], tolM: number): XY[] {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: number[] = [0, points.length - 1];
  while (stack.length) {
    const j = stack.pop()!,
      i = stack.pop()!;
    const [worst, at] = farthest(points, i, j);
    if (worst > tolM) {
      keep[at] = 1;
      stack.push(i, at, at, j);
    }
  }
  return points.filter((_, k) => keep[k]);
}

/** The first vertex of `ring` farthest from its first vertex by `hypot` (squared distances first, as in {@link farthest}). */
function farthestFromFirst(ring: Ring): number {
  const x0 = ring[0][0],
    y0 = ring[0][1];
  let most = -1;
  for (let k = 1; k < ring.length; k++) {
    const dx = ring[k][0] - x0,
      dy = ring[k][1] - y0,
      s = dx * dx + dy * dy;
    if (s > most) most = s;
  }
  const floor = most * (1 - NEAR_TIE);
  let far = 0,
    fd = -1;
  for (let k = 1; k < ring.length; k++) {
    const dx = ring[k][0] - x0,
      dy = ring[k][1] - y0;
    if (dx * dx + dy * dy < floor) continue;
    const d = hypot(dx, dy);
    if (d > fd) [fd, far] = [d, k];
  }
  return far;
}

/**
 * Simplifies a closed ring (Douglas–Peucker) so no dropped vertex is more than `tolM` from
 * the result; splits at the vertex farthest from the first so the ring keeps its extent.
 * Rings of 4 vertices or fewer are returned as they are.
 *
 * @example
 * ```ts
 * simplifyRing(roundedCornerRing, 0.05); // arcs of hundreds of vertices → a few chords
 * ```
 */
export function simplifyRing(ring: Ring, tolM: number): Ring {
  if (ring.length <= 4) return ring;
  const far = farthestFromFirst(ring);
  const a = simplifyOpen(ring.slice(0, far + 1), tolM);
  const b = simplifyOpen([...ring.slice(far), ring[0]], tolM);
  const out = [...a, ...b.slice(1, -1)];
  return out.length >= 3 ? out : ring;
}

/** {@link simplifyRing} on every ring of a polygon. */
export function simplifyPolygon(poly: PolygonM, tolM: number): PolygonM {
  return { outer: simplifyRing(poly.outer, tolM), holes: poly.holes.map((h) => simplifyRing(h, tolM)) };
}
