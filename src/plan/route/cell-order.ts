/**
 * The order cells are worked in and the corner each is entered at: a small generalised TSP over
 * the cells' entry points (each cell one cluster, each way of working it one node: which end it
 * starts at, which direction, which pattern). Exact (Held–Karp over cells × ways) up to
 * {@link EXACT_MAX_CELLS} cells, else nearest-first improved by 2-opt, the ways re-chosen
 * along each candidate order by a chain DP.
 */
import type { XY } from '../../geometry/index.js';

/** One way of working a cell: where it starts and ends, and its own time (turns), s. */
export interface CellWay {
  entry: XY;
  exit: XY;
  costS: number;
}

/** A cell order: cell index and chosen way, in the order worked. */
export type CellTour = { cell: number; way: number }[];

/** Held–Karp is exact up to this many cells (2^8 subsets × 8 cells × ≤ 8 ways). */
export const EXACT_MAX_CELLS = 8;

/** What leaving the cells from `p` costs (to the next headland lap or back to the start), s. */
export type EndCostS = (p: XY) => number;

/** Travel time between two points, s (straight: the estimate; transits follow paths inside). */
export type TravelS = (a: XY, b: XY) => number;

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

/**
 * Every travel and end time the searches ask, once: ways numbered cell by cell (`offset[c] + w`),
 * `between(u, v)` from way u's exit to way v's entry, `fromStart[v]`, `toEnd[u]`. Held–Karp
 * and 2-opt ask each pair thousands of times; these are the same numbers `travel` and `end` give.
 */
interface TourCosts {
  offset: number[];
  n: number;
  /** From way u's exit to way v's entry, s. */
  between: (u: number, v: number) => number;
  fromStart: Float64Array;
  toEnd: Float64Array;
}

/** Up to this many ways the pair table is built whole (1,500² doubles, 18 MB); past it each pair is computed when asked. */
const MAX_TABLE_WAYS = 1500;

function tourCosts(ways: CellWay[][], start: XY, travel: TravelS, end: EndCostS): TourCosts {
  const offset: number[] = [];
  const all: CellWay[] = [];
  for (const list of ways) {
    offset.push(all.length);
    all.push(...list);
  }
  const n = all.length;
  let between = (u: number, v: number) => travel(all[u].exit, all[v].entry);
  if (n <= MAX_TABLE_WAYS) {
    const table = new Float64Array(n * n);
    for (let u = 0; u < n; u++) for (let v = 0; v < n; v++) table[u * n + v] = travel(all[u].exit, all[v].entry);
    between = (u, v) => table[u * n + v];
  }
  return {
    offset,
    n,
    between,
    fromStart: Float64Array.from(all, (w) => travel(start, w.entry)),
    toEnd: Float64Array.from(all, (w) => end(w.exit)),
  };
}

/** {@link tourCostS} of a non-empty tour, from the kept costs (the same sums in the same order). */
function keptCostS(ways: CellWay[][], tour: CellTour, k: TourCosts): number {
  let t = 0,
    at = -1;
  for (const { cell, way } of tour) {
    const v = k.offset[cell] + way;
    t += (at < 0 ? k.fromStart[v] : k.between(at, v)) + ways[cell][way].costS;
    at = v;
  }
  return t + k.toEnd[at];
}

/** The best ways along a fixed cell sequence (a chain DP over the ways of each cell). */
function bestWays(ways: CellWay[][], seq: number[], k: TourCosts): CellTour {
  let cost = ways[seq[0]].map((w, j) => k.fromStart[k.offset[seq[0]] + j] + w.costS);
  const back: number[][] = [];
  for (let i = 1; i < seq.length; i++) {
    const prev = ways[seq[i - 1]],
      p0 = k.offset[seq[i - 1]],
      h0 = k.offset[seq[i]];
    const from: number[] = [];
    cost = ways[seq[i]].map((w, wi) => {
      let best = Infinity,
        arg = 0;
      for (let j = 0; j < prev.length; j++) {
        const c = cost[j] + k.between(p0 + j, h0 + wi);
        if (c < best) [best, arg] = [c, j];
      }
      from.push(arg);
      return best + w.costS;
    });
    back.push(from);
  }
  const l0 = k.offset[seq[seq.length - 1]];
  let arg = 0;
  cost.forEach((c, j) => {
    if (c + k.toEnd[l0 + j] < cost[arg] + k.toEnd[l0 + arg]) arg = j;
  });
  const tour: CellTour = [];
  for (let i = seq.length - 1; i >= 0; i--) {
    tour.push({ cell: seq[i], way: arg });
    if (i > 0) arg = back[i - 1][arg];
  }
  return tour.reverse();
}

/** Held–Karp over (visited cells, last cell, its way): the cheapest tour by the estimate. */
function exactTour(ways: CellWay[][], k: TourCosts): CellTour {
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

/** Nearest-first (as the planner did before), then 2-opt on the cell sequence with the ways re-chosen. */
function improvedTour(ways: CellWay[][], k: TourCosts, greedy: CellTour): CellTour {
  let best = greedy,
    bestS = keptCostS(ways, greedy, k);
  let seq = greedy.map((s) => s.cell);
  for (let improved = true, rounds = 0; improved && rounds < 20; rounds++) {
    improved = false;
    for (let i = 0; i < seq.length - 1; i++)
      for (let j = i + 1; j < seq.length; j++) {
        const cand = [...seq.slice(0, i), ...seq.slice(i, j + 1).reverse(), ...seq.slice(j + 1)];
        const tour = bestWays(ways, cand, k);
        const s = keptCostS(ways, tour, k);
        if (s < bestS - 1e-9) [best, bestS, seq, improved] = [tour, s, cand, true];
      }
  }
  return best;
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
