/**
 * The order cells are worked in and the corner each is entered at: a small generalised TSP over
 * the cells' entry points (each cell one cluster, each way of working it one node: which end it
 * starts at, which direction, which pattern). Exact (Held–Karp over cells × ways) up to
 * {@link EXACT_MAX_CELLS} cells, else nearest-first improved by 2-opt, the ways re-chosen
 * along each candidate order by a chain DP.
 */
import type { XY } from '../../geometry/index.js';
import { type CellTour, type CellWay, type EndCostS, type TourCosts, type TravelS, tourCosts } from './tour-costs.js';
import { improvedTour } from './two-opt.js';

export type { CellTour, CellWay, EndCostS, TravelS } from './tour-costs.js';

/** Held–Karp is exact up to this many cells (2^8 subsets × 8 cells × ≤ 8 ways). */
export const EXACT_MAX_CELLS = 8;

/** Estimated time of a tour: travel from `start`, each way's own cost, travel between, the end. */
export function tourCostS(ways: CellWay[][], tour: CellTour, start: XY, travel: TravelS, end: EndCostS): number {
  let pos = start,
    t = 0;
  for (const { cell, way } of tour) {
    const w = ways[cell][way];
    t += travel(pos, w.entry) + w.costS;
    pos = w.exit;
  }
  return t + end(pos);
}

/** Held–Karp over (visited cells, last cell, its way): the cheapest tour by the estimate. */
export function exactTour(ways: CellWay[][], k: TourCosts): CellTour {
  const n = ways.length,
    full = (1 << n) - 1;
  const { offset, n: nodes, fromStart, toEnd } = k;
  const table = pairTable(k);
  // per way (numbered as the kept costs number them): its cell, its way in the cell, its own time
  const cellOf = new Int32Array(nodes),
    wayOf = new Int32Array(nodes),
    ownS = new Float64Array(nodes),
    stop = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    stop[c] = offset[c] + ways[c].length;
    for (let w = 0; w < ways[c].length; w++) [cellOf[offset[c] + w], wayOf[offset[c] + w], ownS[offset[c] + w]] = [c, w, ways[c][w].costS];
  }
  const cost = new Float64Array((full + 1) * nodes).fill(Infinity);
  const prev = new Int32Array((full + 1) * nodes).fill(-1);
  for (let v = 0; v < nodes; v++) cost[(1 << cellOf[v]) * nodes + v] = fromStart[v] + ownS[v];
  // the ways of the cells in the mask in ascending number (as a scan of all ways skipping the
  // others), to the ways of the cells not in it: the same sums, compared in the same order
  for (let mask = 1; mask <= full; mask++)
    for (let c1 = 0; c1 < n; c1++) {
      if (!(mask & (1 << c1))) continue;
      for (let v = offset[c1]; v < stop[c1]; v++) {
        const here = cost[mask * nodes + v];
        if (here === Infinity) continue;
        const row = v * nodes;
        for (let c = 0; c < n; c++) {
          if (mask & (1 << c)) continue;
          const next = (mask | (1 << c)) * nodes;
          for (let u = offset[c]; u < stop[c]; u++) {
            const t = here + table[row + u] + ownS[u];
            if (t < cost[next + u]) {
              cost[next + u] = t;
              prev[next + u] = v;
            }
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

/** The kept pair table, or (past its size) the same numbers asked of `between` into one. */
function pairTable(k: TourCosts): Float64Array {
  if (k.table) return k.table;
  const table = new Float64Array(k.n * k.n);
  for (let u = 0; u < k.n; u++) for (let v = 0; v < k.n; v++) table[u * k.n + v] = k.between(u, v);
  return table;
}

/** Tours scored whole after the search: the planner's old order and at most this many others. */
export const MAX_CANDIDATES = 1;

/**
 * Cell tours worth building, best estimate first after `greedy` (nearest entry first, the
 * planner's old order, always first so a tie keeps it). The search (exact up to
 * {@link EXACT_MAX_CELLS} cells, else 2-opt) minimises the travel and turn estimate; `extraS`
 * adds what that estimate cannot split by cell (refill trips, which depend on the work done
 * before), so the search's tour and every way of a lone cell are scored whole, and the best
 * {@link MAX_CANDIDATES} that beat `greedy` follow it.
 *
 * @param ways - per cell, its ways of being worked (at least one each)
 * @param start - where the machine is when the cells begin
 * @param travel - travel time estimate between two points, s
 * @param end - time from the last exit to what follows the cells, s
 * @param greedy - the nearest-first tour
 * @param extraS - a tour's further estimated time, s (default none)
 */
export function candidateTours(
  ways: CellWay[][],
  start: XY,
  travel: TravelS,
  end: EndCostS,
  greedy: CellTour,
  extraS: (tour: CellTour) => number = () => 0,
): CellTour[] {
  if (ways.length === 0) return [[]];
  const kept = tourCosts(ways, start, travel, end);
  const search = ways.length <= EXACT_MAX_CELLS ? exactTour(ways, kept) : improvedTour(ways, kept, greedy);
  const others = [search, ...(ways.length === 1 ? ways[0].map((_, way) => [{ cell: 0, way }]) : [])];
  const score = (t: CellTour) => tourCostS(ways, t, start, travel, end) + extraS(t);
  const key = (t: CellTour) => t.map((s) => `${s.cell}.${s.way}`).join(',');
  const greedyS = score(greedy);
  const seen = new Set([key(greedy)]);
  const better = others
    .map((t) => ({ t, s: score(t) }))
    .filter(({ t, s }) => s < greedyS - 1e-9 && !seen.has(key(t)) && seen.add(key(t)))
    .sort((u, v) => u.s - v.s);
  return [greedy, ...better.slice(0, MAX_CANDIDATES).map((c) => c.t)];
}
