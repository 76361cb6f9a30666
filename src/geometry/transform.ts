import type { PolygonM, Ring, XY } from './types.js';

/** Rotates a point about the origin by `angleRad` (counter-clockwise). */
export function rotate(p: XY, angleRad: number): XY {
  const c = Math.cos(angleRad),
    s = Math.sin(angleRad);
  return [p[0] * c - p[1] * s, p[0] * s + p[1] * c];
}

/** Rotates every point of a ring. */
export function rotateRing(ring: Ring, angleRad: number): Ring {
  const c = Math.cos(angleRad),
    s = Math.sin(angleRad);
  return ring.map(([x, y]) => [x * c - y * s, x * s + y * c]);
}

/** Rotates a polygon (outer and holes). */
export function rotatePolygon(poly: PolygonM, angleRad: number): PolygonM {
  return { outer: rotateRing(poly.outer, angleRad), holes: poly.holes.map((h) => rotateRing(h, angleRad)) };
}
