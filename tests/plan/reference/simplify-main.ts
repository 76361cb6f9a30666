/**
 * The geometry stage's simplification as it was before its farthest-point search compared
 * squared distances first (test-only oracle; tests/plan/angle-search-fast.test.ts holds the
 * current one equal to it).
 */
import type { PolygonM, Ring, XY } from '../../../src/geometry/types.js';

/** Distance from p to the segment a–b. */
function segDist(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1],
    l = dx * dx + dy * dy;
  const t = l > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l)) : 0;
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Douglas–Peucker on an open polyline, iterative (no recursion depth limit on 100k vertices). */
function simplifyOpen(points: XY[], tolM: number): XY[] {
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let worst = -1,
      at = -1;
    for (let k = i + 1; k < j; k++) {
      const d = segDist(points[k], points[i], points[j]);
      if (d > worst) [worst, at] = [d, k];
    }
    if (worst > tolM) {
      keep[at] = 1;
      stack.push([i, at], [at, j]);
    }
  }
  return points.filter((_, k) => keep[k]);
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
  let far = 0,
    fd = -1;
  for (let k = 1; k < ring.length; k++) {
    const d = Math.hypot(ring[k][0] - ring[0][0], ring[k][1] - ring[0][1]);
    if (d > fd) [fd, far] = [d, k];
  }
  const a = simplifyOpen(ring.slice(0, far + 1), tolM);
  const b = simplifyOpen([...ring.slice(far), ring[0]], tolM);
  const out = [...a, ...b.slice(1, -1)];
  return out.length >= 3 ? out : ring;
}

/** {@link simplifyRing} on every ring of a polygon. */
export function simplifyPolygon(poly: PolygonM, tolM: number): PolygonM {
  return { outer: simplifyRing(poly.outer, tolM), holes: poly.holes.map((h) => simplifyRing(h, tolM)) };
}
