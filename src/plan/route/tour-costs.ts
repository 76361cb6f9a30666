/**
 * The numbers the cell-order searches ask again and again (see cell-order.ts): each way of
 * working a cell, tours, and the travel and end times between ways, computed once.
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

/** What leaving the cells from `p` costs (to the next headland lap or back to the start), s. */
export type EndCostS = (p: XY) => number;

/** Travel time between two points, s (straight: the estimate; transits follow paths inside). */
export type TravelS = (a: XY, b: XY) => number;

/**
 * Every travel and end time the searches ask, once: ways numbered cell by cell (`offset[c] + w`),
 * `between(u, v)` from way u's exit to way v's entry, `fromStart[v]`, `toEnd[u]`. Held–Karp
 * and 2-opt ask each pair thousands of times; these are the same numbers `travel` and `end` give.
 */
export interface TourCosts {
  offset: number[];
  n: number;
  /** From way u's exit to way v's entry, s. */
  between: (u: number, v: number) => number;
  /** `between(u, v)` at `u * n + v`, when the table is built whole (up to {@link MAX_TABLE_WAYS} ways). */
  table?: Float64Array;
  fromStart: Float64Array;
  toEnd: Float64Array;
}

/** Up to this many ways the pair table is built whole (1,500² doubles, 18 MB); past it each pair is computed when asked. */
const MAX_TABLE_WAYS = 1500;

/** The {@link TourCosts} of `ways` from `start` (the pair table whole up to {@link MAX_TABLE_WAYS} ways). */
export function tourCosts(ways: CellWay[][], start: XY, travel: TravelS, end: EndCostS): TourCosts {
  const offset: number[] = [];
  const all: CellWay[] = [];
  for (const list of ways) {
    offset.push(all.length);
    all.push(...list);
  }
  const n = all.length;
  let between = (u: number, v: number) => travel(all[u].exit, all[v].entry);
  let table: Float64Array | undefined;
  if (n <= MAX_TABLE_WAYS) {
    const pairs = (table = new Float64Array(n * n));
    // ways share their ends (a cell's ways enter and leave at a few swath ends): each pair of
    // distinct points is measured once and copied to every pair of ways between them
    const exits = distinctPoints(all.map((w) => w.exit)),
      entries = distinctPoints(all.map((w) => w.entry));
    const ne = entries.points.length;
    const byPoints = new Float64Array(exits.points.length * ne);
    for (let i = 0; i < exits.points.length; i++)
      for (let j = 0; j < ne; j++) byPoints[i * ne + j] = travel(exits.points[i], entries.points[j]);
    for (let u = 0; u < n; u++) {
      const row = exits.index[u] * ne;
      for (let v = 0; v < n; v++) pairs[u * n + v] = byPoints[row + entries.index[v]];
    }
    between = (u, v) => pairs[u * n + v];
  }
  return {
    offset,
    n,
    between,
    table,
    fromStart: Float64Array.from(all, (w) => travel(start, w.entry)),
    toEnd: Float64Array.from(all, (w) => end(w.exit)),
  };
}

/** The distinct points of a list (the same objects: a way's ends are its swaths' own points), and each one's index among them. */
function distinctPoints(list: XY[]): { points: XY[]; index: Int32Array } {
  const seen = new Map<XY, number>();
  const points: XY[] = [];
  const index = new Int32Array(list.length);
  list.forEach((p, i) => {
    let k = seen.get(p);
    if (k === undefined) seen.set(p, (k = points.push(p) - 1));
    index[i] = k;
  });
  return { points, index };
}

/** `tourCostS` (cell-order.ts) of a non-empty tour, from the kept costs (the same sums in the same order). */
export function keptCostS(ways: CellWay[][], tour: CellTour, k: TourCosts): number {
  let t = 0,
    at = -1;
  for (const { cell, way } of tour) {
    const v = k.offset[cell] + way;
    t += (at < 0 ? k.fromStart[v] : k.between(at, v)) + ways[cell][way].costS;
    at = v;
  }
  return t + k.toEnd[at];
}
