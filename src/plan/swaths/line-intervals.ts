import { lineCrossings, sortAscending } from '../../geometry/index.js';
import type { PolygonM } from '../../geometry/index.js';

/** Inside intervals of the horizontal line y through polygons (even-odd pairs of crossings). */
export function lineIntervals(polys: PolygonM[], y: number): [number, number][] {
  const xs: number[] = [];
  for (const p of polys) lineCrossings(p, y, xs);
  sortAscending(xs);
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < xs.length; k += 2) if (xs[k + 1] - xs[k] > 1e-3) out.push([xs[k], xs[k + 1]]);
  return out;
}
