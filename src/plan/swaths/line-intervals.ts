import type { PolygonM } from '../../geometry/index.js';

/** Inside intervals of the horizontal line y through polygons (even-odd pairs of crossings). */
export function lineIntervals(polys: PolygonM[], y: number): [number, number][] {
  const xs: number[] = [];
  for (const p of polys)
    for (const ring of [p.outer, ...p.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j], b = ring[i];
        if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
      }
  xs.sort((u, v) => u - v);
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < xs.length; k += 2) if (xs[k + 1] - xs[k] > 1e-3) out.push([xs[k], xs[k + 1]]);
  return out;
}

