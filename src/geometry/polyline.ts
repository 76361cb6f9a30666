import type { XY } from './types.js';
import { hypot } from './hypot.js';

/** Length of a polyline, m. */
export function polylineLength(points: XY[]): number {
  let l = 0;
  for (let i = 1; i < points.length; i++) l += hypot(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  return l;
}

/**
 * Splits a polyline at distance `atM` from its start: `[before, after]`, both including the
 * split point. `atM` is clamped to the polyline's length.
 */
export function splitPolyline(points: XY[], atM: number): [XY[], XY[]] {
  let acc = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1],
      b = points[i];
    const l = hypot(b[0] - a[0], b[1] - a[1]);
    if (acc + l >= atM && l > 0) {
      const t = (atM - acc) / l;
      const p: XY = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
      return [
        [...points.slice(0, i), p],
        [p, ...points.slice(i)],
      ];
    }
    acc += l;
  }
  const last = points[points.length - 1];
  return [points, [last, last]];
}

/** Removes consecutive points closer than `epsM`. */
export function dedupe(points: XY[], epsM = 1e-6): XY[] {
  const out: XY[] = [];
  for (const p of points) {
    const q = out[out.length - 1];
    if (!q || hypot(p[0] - q[0], p[1] - q[1]) > epsM) out.push(p);
  }
  return out;
}
