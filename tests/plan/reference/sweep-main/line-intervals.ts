/**
 * REFERENCE (tests only): src/plan/swaths/line-intervals.ts as it was on main before the swath ends,
 * row steps and intervals were worked out on typed scratch and the row-step inputs kept per sweep
 * (plan-speed8-sweep), so the fast paths can be held equal to it.
 */
import { lineCrossings, sortAscending } from '../../../../src/geometry/index.js';
import type { PolygonM } from '../../../../src/geometry/index.js';

/** Inside intervals of the horizontal line y through polygons (even-odd pairs of crossings). */
export function lineIntervals(polys: PolygonM[], y: number): [number, number][] {
  const xs: number[] = [];
  for (const p of polys) lineCrossings(p, y, xs);
  sortAscending(xs);
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < xs.length; k += 2) if (xs[k + 1] - xs[k] > 1e-3) out.push([xs[k], xs[k + 1]]);
  return out;
}
