import type { PolygonM } from '../../geometry/index.js';

/** Sample lines sit this far inside a band's edges and either side of a vertex, m. */
const EPS_M = 1e-4;

/**
 * Where a swath on the line y must start and end so that its implement, a bar across it as wide
 * as the strip lo < y' < hi (the simulation paints such bars), covers its own strip of `part`
 * (the connected piece its centre interval [a, b] belongs to) right to the part's edge, and
 * runs no further: the strip's extent in x. Exact for polygons: the extent changes linearly
 * between the band's edges and the vertices inside it, so only lines at the band's edges and
 * just either side of each vertex are sampled; the piece is followed outwards from y, line by
 * line, through the intervals that overlap it. Where the part's edge slants across the strip
 * the swath runs past its centre interval to the strip's far corner.
 *
 * @param part - one connected part of the area, in the sweep frame
 * @param _radiusM - half the working width (hi − y and y − lo are at most this)
 * @returns [x0, x1] ⊇ [a, b]
 */
export function bandExtent(part: PolygonM, y: number, lo: number, hi: number, a: number, b: number, _radiusM: number): [number, number] {
  // the edges that meet the band, once: each sample line below crosses only these
  const edges: number[] = [];
  const down: number[] = [lo + EPS_M],
    up: number[] = [hi - EPS_M];
  for (const ring of [part.outer, ...part.holes])
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j],
        [bx, by] = ring[i];
      if (Math.max(ay, by) <= lo || Math.min(ay, by) >= hi) continue;
      edges.push(ax, ay, bx, by);
      if (by > lo && by < y) down.push(by + EPS_M, by - EPS_M);
      else if (by > y && by < hi) up.push(by - EPS_M, by + EPS_M);
    }
  down.sort((u, v) => v - u);
  up.sort((u, v) => u - v);
  const xs: number[] = [];
  let x0 = a,
    x1 = b;
  for (const ys of [down, up]) {
    let c0 = a,
      c1 = b;
    for (const sy of ys) {
      if (sy <= lo || sy >= hi) continue;
      xs.length = 0;
      for (let e = 0; e < edges.length; e += 4) {
        const ay = edges[e + 1],
          by = edges[e + 3];
        if (ay > sy !== by > sy) xs.push(edges[e] + ((sy - ay) / (by - ay)) * (edges[e + 2] - edges[e]));
      }
      xs.sort((u, v) => u - v);
      let n0 = Infinity,
        n1 = -Infinity;
      for (let k = 0; k + 1 < xs.length; k += 2)
        if (xs[k + 1] >= c0 - EPS_M && xs[k] <= c1 + EPS_M) {
          if (xs[k] < n0) n0 = xs[k];
          if (xs[k + 1] > n1) n1 = xs[k + 1];
        }
      if (n0 > n1) break;
      [c0, c1] = [n0, n1];
      if (c0 < x0) x0 = c0;
      if (c1 > x1) x1 = c1;
    }
  }
  return [x0, x1];
}
