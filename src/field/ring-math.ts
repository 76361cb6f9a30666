import type { Ring, XY } from '../geometry/index.js';

/** Signed area of an open ring in m² (shoelace): positive when counter-clockwise. */
export function signedAreaM2(ring: readonly XY[]): number {
  let s = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) s += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return s / 2;
}

/** Perimeter of an open ring in metres. */
export function perimeterM(ring: readonly XY[]): number {
  let s = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) s += Math.hypot(ring[i][0] - ring[j][0], ring[i][1] - ring[j][1]);
  return s;
}

/** True when `p` is strictly inside the open ring (even-odd rule; points on an edge may go either way). */
export function pointInRing(p: readonly number[], ring: readonly XY[]): boolean {
  let inside = false;
  const [x, y] = p;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Reverses a ring's direction while keeping its first vertex first. */
export function reverseKeepStart<T>(ring: readonly T[]): T[] {
  return [ring[0], ...ring.slice(1).reverse()];
}

/** Axis-aligned bounds `[minX, minY, maxX, maxY]` of a ring. */
export function ringBounds(ring: Ring): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}
