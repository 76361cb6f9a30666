import type { PolygonM } from '../../geometry/index.js';

/** Sample lines sit this far inside a band's edges and either side of a vertex, m. */
const EPS_M = 1e-4;

/**
 * Where a swath on the line y must start and end so that its footprint covers its own strip
 * lo < y' < hi of `part` (the connected piece its centre interval [a, b] belongs to) right to the
 * part's edge, and runs no further. With `discRadiusM` 0 the footprint is a bar across the
 * swath as wide as the strip (the simulation paints such bars): the strip's extent in x, so
 * where the edge slants across the strip the swath runs to the strip's far corner. With the
 * docs/contracts.md footprint, a disc of radius r swept along the swath, its round cap reaches
 * sqrt(r² − dy²) past each end at height dy: the end is the largest of (edge − that reach) over
 * the strip, which stops the swath short of a square edge (by the cap's depth at the strip's
 * corners) and less far past a slanted one. Exact for polygons: the extent changes linearly
 * between the band's edges and the vertices inside it (and edge − reach is convex there), so
 * only lines at the band's edges and just either side of each vertex are sampled; the piece
 * is followed outwards from y, line by line, through the intervals that overlap it.
 *
 * @param part - one connected part of the area, in the sweep frame
 * @param discRadiusM - the footprint disc's radius (half the working width), 0 for a bar
 * @returns [x0, x1]: ⊇ [a, b] for a bar; for a disc possibly inside it, and x0 > x1 when the
 *   caps alone cover the strip
 */
export function bandExtent(part: PolygonM, y: number, lo: number, hi: number, a: number, b: number, discRadiusM = 0): [number, number] {
  // the edges that meet the band, once: each sample line below crosses only these
  const edges: number[] = [];
  const down: number[] = [lo + EPS_M], up: number[] = [hi - EPS_M];
  for (const ring of [part.outer, ...part.holes])
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [ax, ay] = ring[j], [bx, by] = ring[i];
      if (Math.max(ay, by) <= lo || Math.min(ay, by) >= hi) continue;
      edges.push(ax, ay, bx, by);
      if (by > lo && by < y) down.push(by + EPS_M, by - EPS_M);
      else if (by > y && by < hi) up.push(by - EPS_M, by + EPS_M);
    }
  down.sort((u, v) => v - u);
  up.sort((u, v) => u - v);
  const xs: number[] = [];
  // a disc footprint's cap covers the radius past the end on the centre line itself, so the
  // ends may fall inside [a, b]
  let x0 = a + discRadiusM, x1 = b - discRadiusM;
  for (const ys of [down, up]) {
    let c0 = a, c1 = b;
    for (const sy of ys) {
      if (sy <= lo || sy >= hi) continue;
      xs.length = 0;
      for (let e = 0; e < edges.length; e += 4) {
        const ay = edges[e + 1], by = edges[e + 3];
        if (ay > sy !== by > sy) xs.push(edges[e] + ((sy - ay) / (by - ay)) * (edges[e + 2] - edges[e]));
      }
      xs.sort((u, v) => u - v);
      let n0 = Infinity, n1 = -Infinity;
      for (let k = 0; k + 1 < xs.length; k += 2)
        if (xs[k + 1] >= c0 - EPS_M && xs[k] <= c1 + EPS_M) {
          if (xs[k] < n0) n0 = xs[k];
          if (xs[k + 1] > n1) n1 = xs[k + 1];
        }
      if (n0 > n1) break;
      [c0, c1] = [n0, n1];
      // a disc footprint's cap reaches sqrt(r² − dy²) past the swath's end at this line
      const reach = discRadiusM > 0 ? Math.sqrt(Math.max(0, discRadiusM * discRadiusM - (sy - y) * (sy - y))) : 0;
      if (c0 + reach < x0) x0 = c0 + reach;
      if (c1 - reach > x1) x1 = c1 - reach;
    }
  }
  return [x0, x1];
}
