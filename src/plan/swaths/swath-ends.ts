import { lineIntervals } from './line-intervals.js';
import type { PolygonM } from '../../geometry/types.js';

/** Sample lines sit this far inside a band's edges and either side of a vertex, m. */
const EPS_M = 1e-4;

/**
 * Where a swath on the line y must start and end so that its footprint (every point within
 * `radiusM` of it) covers its own strip lo < y' < hi of `part` (the connected piece its centre
 * interval [a, b] belongs to) and runs no further. A point p of the strip beyond the end x1 is
 * covered when x1 ≥ p.x − √(r² − (p.y − y)²); that bound is convex along each edge, so its
 * largest value over the strip is at a corner of the strip's piece: a vertex of the part inside
 * the band or where an edge crosses the band's edges. Those are exactly the ends of the
 * intervals on lines at the band's edges and just either side of each vertex; the piece is
 * followed outwards from y, line by line, through the intervals that overlap it. The end may
 * come before b (the footprint's round end covers the rest) or after it (a slanted edge).
 *
 * @param part - one connected part of the area, in the sweep frame
 * @param radiusM - half the working width (hi − y and y − lo are at most this)
 * @returns [x0, x1], x0 < x1
 */
export function bandExtent(part: PolygonM, y: number, lo: number, hi: number, a: number, b: number, radiusM: number): [number, number] {
  const down: number[] = [lo + EPS_M], up: number[] = [hi - EPS_M];
  for (const ring of [part.outer, ...part.holes])
    for (const [, vy] of ring) {
      if (vy > lo && vy < y) down.push(vy + EPS_M, vy - EPS_M);
      else if (vy > y && vy < hi) up.push(vy - EPS_M, vy + EPS_M);
    }
  down.sort((u, v) => v - u);
  up.sort((u, v) => u - v);
  const reach = (sy: number) => Math.sqrt(Math.max(0, radiusM * radiusM - (sy - y) * (sy - y)));
  let x0 = a + radiusM, x1 = b - radiusM;
  for (const ys of [down, up]) {
    let c0 = a, c1 = b;
    for (const sy of ys) {
      if (sy <= lo || sy >= hi) continue;
      let n0 = Infinity, n1 = -Infinity;
      for (const [u, v] of lineIntervals([part], sy))
        if (v >= c0 - EPS_M && u <= c1 + EPS_M) {
          if (u < n0) n0 = u;
          if (v > n1) n1 = v;
        }
      if (n0 > n1) break;
      [c0, c1] = [n0, n1];
      const r = reach(sy);
      if (c0 + r < x0) x0 = c0 + r;
      if (c1 - r > x1) x1 = c1 - r;
    }
  }
  // a piece shorter than the footprint: one short pass through its middle
  if (x1 - x0 < 0.1) {
    const m = (Math.max(a, Math.min(b, x0)) + Math.max(a, Math.min(b, x1))) / 2;
    return [Math.max(a, m - 0.05), Math.min(b, m + 0.05)];
  }
  return [x0, x1];
}
