/**
 * Points and lines of a zig-zag (see fillet-zigzag.ts): angles, feet, distances to segments, and
 * the field's reflex corner behind a lap's concave corner.
 */
import type { XY } from '../../geometry/index.js';
import { hypot } from '../../geometry/index.js';

/** Signed angle from u to v, rad (positive = counter-clockwise). */
export function angleBetween(u: XY, v: XY): number {
  return Math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1]);
}

/** The unit vector from `from` to `to`; undefined when they coincide. */
export function unit(from: XY, to: XY): XY | undefined {
  const l = hypot(to[0] - from[0], to[1] - from[1]);
  return l > 0 ? [(to[0] - from[0]) / l, (to[1] - from[1]) / l] : undefined;
}

/** Distance from p to the segment a–b. */
export function segmentDist(p: XY, a: XY, b: XY): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
  return hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** Whether q, on the line through a and b, lies between them. */
export function between(q: XY, a: XY, b: XY): boolean {
  return (
    (q[0] - a[0]) * (b[0] - a[0]) + (q[1] - a[1]) * (b[1] - a[1]) >= 0 && (q[0] - b[0]) * (a[0] - b[0]) + (q[1] - b[1]) * (a[1] - b[1]) >= 0
  );
}

/** The foot of p on the line through a and b. */
export function foot(p: XY, a: XY, b: XY): XY {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy);
  return [a[0] + t * dx, a[1] + t * dy];
}

/**
 * The field's reflex corner behind the lap's concave corner b (the lap's round offset has an arc
 * of radius d around it there): d to the right of both edges a → b and b → c.
 */
export function reflexCorner(a: XY, b: XY, c: XY, d: number): XY | undefined {
  const u1 = unit(a, b),
    u2 = unit(b, c);
  if (!u1 || !u2) return undefined;
  // right normals (the outside of a ring with its inside on the left)
  const n1: XY = [u1[1], -u1[0]],
    n2: XY = [u2[1], -u2[0]];
  const det = n1[0] * n2[1] - n1[1] * n2[0];
  if (Math.abs(det) < 1e-9) return undefined;
  const k1 = n1[0] * a[0] + n1[1] * a[1] + d,
    k2 = n2[0] * b[0] + n2[1] * b[1] + d;
  return [(k1 * n2[1] - k2 * n1[1]) / det, (n1[0] * k2 - n2[0] * k1) / det];
}

/** The point at distance `r` from `centre` toward `to`. */
export function toward(centre: XY, to: XY, r: number): XY {
  const l = hypot(to[0] - centre[0], to[1] - centre[1]);
  return [centre[0] + ((to[0] - centre[0]) * r) / l, centre[1] + ((to[1] - centre[1]) * r) / l];
}
