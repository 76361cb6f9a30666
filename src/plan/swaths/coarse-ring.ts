/**
 * The angle search's simplification (`simplifyPolygon` of the geometry stage: Douglas–Peucker,
 * split at the vertex farthest from the first), the same vertices kept, found faster: each
 * segment's farthest point is picked among the points whose squared distance is near the
 * largest, and only those measured with `Math.hypot` as the geometry stage measures them (the
 * two can differ in the last bit, so near-ties are decided its way). tests/plan/coarse-ring.test.ts
 * holds the two equal.
 */
import type { PolygonM, Ring, XY } from '../../geometry/index.js';

/** Squared distances of the points of a segment's run, reused across calls. */
let d2: Float64Array = new Float64Array(256);

/** `hypot` and √(squared sum) differ by a few units in the last place: points this close (relative) to the largest are measured exactly. */
const NEAR_TIE = 1e-9;

/** The offsets (ex, ey) of p from the segment a–b's nearest point, as the geometry stage's `segDist` finds them. */
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
    const d = Math.hypot(offsetX(points[k], a, dx, dy, l), offsetY(points[k], a, dx, dy, l));
    if (d > worst) [worst, at] = [d, k];
  }
  return [worst, at];
}

/** Douglas–Peucker on an open polyline, iterative, as the geometry stage's `simplifyOpen`. */
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
    const d = Math.hypot(dx, dy);
    if (d > fd) [fd, far] = [d, k];
  }
  return far;
}

/** `simplifyRing` of the geometry stage (rings of 4 vertices or fewer as they are). */
export function coarseRing(ring: Ring, tolM: number): Ring {
  if (ring.length <= 4) return ring;
  const far = farthestFromFirst(ring);
  const a = simplifyOpen(ring.slice(0, far + 1), tolM);
  const b = simplifyOpen([...ring.slice(far), ring[0]], tolM);
  const out = [...a, ...b.slice(1, -1)];
  return out.length >= 3 ? out : ring;
}

/** `simplifyPolygon` of the geometry stage: {@link coarseRing} on every ring. */
export function coarsePolygon(poly: PolygonM, tolM: number): PolygonM {
  return { outer: coarseRing(poly.outer, tolM), holes: poly.holes.map((h) => coarseRing(h, tolM)) };
}
