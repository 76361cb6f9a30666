/**
 * Held–Karp over the cells' ways as src/plan/route/cell-order.ts had it before its loops read the
 * pair table directly and visit only the ways of the cells in each mask (test-only oracle).
 */
import type { CellTour, CellWay, TourCosts } from '../../../src/plan/route/tour-costs.js';

/** Held–Karp over (visited cells, last cell, its way): the cheapest tour by the estimate. */
export function exactTourMain(ways: CellWay[][], k: TourCosts): CellTour {
  const n = ways.length,
    full = (1 << n) - 1;
  const { offset, n: nodes, between, fromStart, toEnd } = k;
  const cellOf: number[] = [],
    wayOf: number[] = [];
  ways.forEach((list, c) => list.forEach((_, w) => [cellOf.push(c), wayOf.push(w)]));
  const at = (v: number) => ways[cellOf[v]][wayOf[v]];
  const cost = new Float64Array((full + 1) * nodes).fill(Infinity);
  const prev = new Int32Array((full + 1) * nodes).fill(-1);
  for (let v = 0; v < nodes; v++) cost[(1 << cellOf[v]) * nodes + v] = fromStart[v] + at(v).costS;
  for (let mask = 1; mask <= full; mask++)
    for (let v = 0; v < nodes; v++) {
      const here = cost[mask * nodes + v];
      if (here === Infinity || !(mask & (1 << cellOf[v]))) continue;
      for (let c = 0; c < n; c++) {
        if (mask & (1 << c)) continue;
        const next = mask | (1 << c);
        for (let w = 0; w < ways[c].length; w++) {
          const u = offset[c] + w;
          const t = here + between(v, u) + ways[c][w].costS;
          if (t < cost[next * nodes + u]) {
            cost[next * nodes + u] = t;
            prev[next * nodes + u] = v;
          }
        }
      }
    }
  let best = 0;
  for (let v = 1; v < nodes; v++) if (cost[full * nodes + v] + toEnd[v] < cost[full * nodes + best] + toEnd[best]) best = v;
  const tour: CellTour = [];
  for (let mask = full, v = best; v >= 0; ) {
    tour.push({ cell: cellOf[v], way: wayOf[v] });
    const p = prev[mask * nodes + v];
    mask &= ~(1 << cellOf[v]);
    v = p;
  }
  return tour.reverse();
}
