import { bandEdges, sortAscending, sortDescending } from '../../geometry/index.js';
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
  const edges = bandScratch;
  edges.length = 0;
  bandEdges(part, lo, hi, edges);
  return extentOver(edges, y, lo, hi, a, b);
}

/** The band's edges of one {@link bandExtent} query (reused: no allocation per query). */
const bandScratch: number[] = [];

/** Sample heights below and above the line (reused: no allocation per query). */
const downScratch: number[] = [],
  upScratch: number[] = [],
  xsScratch: number[] = [],
  ownScratch: number[] = [];

/**
 * {@link bandExtent} from `edges` (ax, ay, bx, by, as {@link bandEdges} gives them): every edge
 * of the part that meets the band lo < y < hi must be among them; others are skipped.
 */
function extentOver(edges: number[], y: number, lo: number, hi: number, a: number, b: number): [number, number] {
  const down = downScratch,
    up = upScratch,
    xs = xsScratch;
  down.length = 0;
  up.length = 0;
  down.push(lo + EPS_M);
  up.push(hi - EPS_M);
  // the band's own edges (a row's band is a part of its pass's): only these cross its sample lines
  const own = ownScratch;
  own.length = 0;
  for (let e = 0; e < edges.length; e += 4) {
    const ay = edges[e + 1],
      by = edges[e + 3];
    if ((ay > by ? ay : by) <= lo || (ay < by ? ay : by) >= hi) continue;
    own.push(edges[e], ay, edges[e + 2], by);
    if (by > lo && by < y) down.push(by + EPS_M, by - EPS_M);
    else if (by > y && by < hi) up.push(by - EPS_M, by + EPS_M);
  }
  sortDescending(down);
  sortAscending(up);
  reach0 = a;
  reach1 = b;
  walkOut(down, own, lo, hi, a, b, xs);
  walkOut(up, own, lo, hi, a, b, xs);
  return [reach0, reach1];
}

/** The extent {@link walkOut} widens (module scratch: no pair per sample line). */
let reach0 = 0,
  reach1 = 0;

/**
 * Follows the interval [a, b] of the line out through the sample heights `ys` (nearest first),
 * each height's interval the one overlapping the last, widening [reach0, reach1] by each; stops
 * where none overlaps.
 */
function walkOut(ys: number[], own: number[], lo: number, hi: number, a: number, b: number, xs: number[]): void {
  let c0 = a,
    c1 = b;
  for (const sy of ys) {
    if (sy <= lo || sy >= hi) continue;
    sortedCrossings(own, sy, xs);
    let n0 = Infinity,
      n1 = -Infinity;
    for (let k = 0; k + 1 < xs.length; k += 2)
      if (xs[k + 1] >= c0 - EPS_M && xs[k] <= c1 + EPS_M) {
        if (xs[k] < n0) n0 = xs[k];
        if (xs[k + 1] > n1) n1 = xs[k + 1];
      }
    if (n0 > n1) return;
    c0 = n0;
    c1 = n1;
    if (c0 < reach0) reach0 = c0;
    if (c1 > reach1) reach1 = c1;
  }
}

/** One piece of a swath with rows switched off at its ends: [x0, x1] along the line, its rows' centre `dy` off the line and their width. */
export interface RowStep {
  x0: number;
  x1: number;
  /** Centre of the rows on, from the swath's line, m (across the sweep frame: +y). */
  dy: number;
  /** Width of the rows on, m. */
  widthM: number;
}

/**
 * Overlap a step between two pieces costs, per m² of the narrower piece's half-width squared:
 * the disc footprint's round cap of the piece that ends lies over the next piece's rows, and the
 * next piece's round start over the rows just worked. On fields/real (transplanter) the
 * checker's overlap median is 3.66 % with 0.5, 1 or 3: the choice hardly matters.
 */
export const STEP_COST_PER_R2 = 1.0;

/**
 * An end is stepped only where the swath runs at least this far past its centre interval, m:
 * the edge slants at least 18° off square across a 1.8 m pass; under it a step costs about what
 * it saves (0.1 m and 0.3 m give the same overlap on fields/real), and the rows' extents are not
 * worth working out.
 */
export const STEP_MIN_REACH_M = 0.3;

/**
 * Where each row of a pass must work along the line: row k (from the pass's lower edge
 * `passLoM`, rows of `sectionWidthM`) works its own strip clipped to the pass's strip [lo, hi],
 * to the part's edge ({@link bandExtent} of that strip, from the interval of the row's centre
 * line that shares most with the pass's centre interval [a, b]). Rows outside [lo, hi], or
 * whose centre line misses [a, b], need nothing (`undefined`).
 */
export function rowExtents(
  part: PolygonM,
  lo: number,
  hi: number,
  a: number,
  b: number,
  passLoM: number,
  rows: number,
  sectionWidthM: number,
): ([number, number] | undefined)[] {
  const out: ([number, number] | undefined)[] = [];
  // every row's strip lies in the pass's: its edges, once, serve each row's line and band
  const edges: number[] = [];
  bandEdges(part, lo, hi, edges);
  for (let k = 0; k < rows; k++) {
    const rlo = Math.max(lo, passLoM + k * sectionWidthM),
      rhi = Math.min(hi, passLoM + (k + 1) * sectionWidthM);
    if (rhi - rlo <= 1e-3) {
      out.push(undefined);
      continue;
    }
    // the row's own centre interval: the one of its line that shares most with the pass's [a, b]
    const ry = (rlo + rhi) / 2;
    const best = mostShared(edges, ry, a, b);
    out.push(best ? extentOver(edges, ry, rlo, rhi, best[0], best[1]) : undefined);
  }
  return out;
}

/**
 * Sets `xs` to where the line y crosses `edges` (ax, ay, bx, by each; the scanline test and
 * arithmetic of `lineIntervals`), ascending: pairs are the line's inside intervals.
 */
function sortedCrossings(edges: readonly number[], y: number, xs: number[]): void {
  xs.length = 0;
  for (let e = 0; e < edges.length; e += 4) {
    const ay = edges[e + 1],
      by = edges[e + 3];
    if (ay > y !== by > y) xs.push(edges[e] + ((y - ay) / (by - ay)) * (edges[e + 2] - edges[e]));
  }
  sortAscending(xs);
}

/**
 * Of the inside intervals of the line y (`lineIntervals` of the part, from `edges`, which hold
 * every edge the line crosses), the one sharing most with [a, b]; undefined when none does.
 */
function mostShared(edges: number[], y: number, a: number, b: number): [number, number] | undefined {
  const xs = xsScratch;
  sortedCrossings(edges, y, xs);
  let best: [number, number] | undefined,
    shared = 0;
  for (let k = 0; k + 1 < xs.length; k += 2) {
    const u = xs[k],
      v = xs[k + 1];
    if (v - u <= 1e-3) continue;
    const s = Math.min(v, b) - Math.max(u, a);
    if (s > shared) [best, shared] = [[u, v], s];
  }
  return best;
}

/** The rows on over (u, v): the contiguous run from the lowest to the highest row needed there; undefined when none is. */
function rowsOn(need: ([number, number] | undefined)[], u: number, v: number): [number, number] | undefined {
  let k0 = -1,
    k1 = -1;
  for (let k = 0; k < need.length; k++) {
    const iv = need[k];
    if (iv && iv[1] > u + 1e-9 && iv[0] < v - 1e-9) {
      if (k0 < 0) k0 = k;
      k1 = k;
    }
  }
  return k0 < 0 ? undefined : [k0, k1];
}

/** The rows' ends, each value once, ascending (as `[...new Set(ends)].sort()` gives them). */
function rowEnds(need: ([number, number] | undefined)[]): number[] {
  const all: number[] = [];
  for (const iv of need) if (iv) all.push(iv[0], iv[1]);
  sortAscending(all);
  const xs: number[] = [];
  // a Set keeps −0 as +0
  for (const x of all) if (xs.length === 0 || xs[xs.length - 1] !== x) xs.push(x === 0 ? 0 : x);
  return xs;
}

/**
 * A piece's rows centre at most this far off the machine's line, m, so its ends lie at most that
 * far sideways from its neighbours' (docs/contracts.md): route checkers read a larger gap between
 * segments as a jump (the shared block checker allows 1 m). The 6-row transplanter's largest
 * offset is 0.75 m; an 8-row implement's single edge row (1.05 m) stays on instead.
 */
const MAX_ROWS_OFFSET_M = 1;

/** {@link leastCostBreaks}' tables, kept between swaths (its answer is read before the next call). */
const dp = {
  best: new Float64Array(16),
  from: new Int32Array(16),
  lo: new Float64Array(8),
  hi: new Float64Array(8),
  has: new Uint8Array(8),
};

/**
 * Least cost of working xs[0]..xs[j] for every j, and the break before j it takes: the cost of a
 * piece (u, v) is the row-metres its rows (those needed there, one run) work where not needed,
 * times the row width, plus {@link STEP_COST_PER_R2} · r² for each piece after the first.
 */
function leastCostBreaks(need: ([number, number] | undefined)[], xs: number[], passLoM: number, sectionWidthM: number): Int32Array {
  // the tables are shared: `from` is valid until the next call
  const n = xs.length,
    rows = need.length;
  if (dp.best.length < n) [dp.best, dp.from] = [new Float64Array(2 * n), new Int32Array(2 * n)];
  if (dp.lo.length < rows) [dp.lo, dp.hi, dp.has] = [new Float64Array(2 * rows), new Float64Array(2 * rows), new Uint8Array(2 * rows)];
  const { best, from, lo, hi, has } = dp;
  best.fill(Infinity, 0, n);
  from.fill(-1, 0, n);
  best[0] = 0;
  for (let k = 0; k < rows; k++) {
    const iv = need[k];
    has[k] = iv ? 1 : 0;
    if (iv) {
      lo[k] = iv[0];
      hi[k] = iv[1];
    }
  }
  for (let j = 1; j < n; j++)
    for (let i = 0; i < j; i++) {
      // a piece costs ≥ 0: from a start no cheaper than the best so far it cannot win
      if (!(best[i] < best[j])) continue;
      const u = xs[i],
        v = xs[j];
      let k0 = -1,
        k1 = -1;
      for (let k = 0; k < rows; k++)
        if (has[k] && hi[k] > u + 1e-9 && lo[k] < v - 1e-9) {
          if (k0 < 0) k0 = k;
          k1 = k;
        }
      // rows centred too far off the machine's line: not a piece (the full run, centred, always is)
      if (k0 < 0 || Math.abs(passLoM + ((k0 + k1 + 1) * sectionWidthM) / 2) > MAX_ROWS_OFFSET_M) continue;
      let m = 0;
      for (let k = k0; k <= k1; k++) m += v - u - (has[k] ? Math.max(0, Math.min(v, hi[k]) - Math.max(u, lo[k])) : 0);
      const r = ((k1 - k0 + 1) * sectionWidthM) / 2;
      const c = best[i] + (m * sectionWidthM + (i > 0 ? STEP_COST_PER_R2 * r * r : 0));
      if (c < best[j]) [best[j], from[j]] = [c, i];
    }
  return from;
}

/**
 * The pieces of a swath whose rows switch off one by one where its end slants across the edge
 * (a transplanter's row clutches): each row works from where it is first needed to where it is
 * last needed (`need`, from {@link rowExtents}), the rows on over a piece always one run.
 * Breaks are chosen among the rows' ends by least cost (dynamic programming): the row-metres
 * worked where not needed plus {@link STEP_COST_PER_R2} per step; no piece's rows centre more
 * than {@link MAX_ROWS_OFFSET_M} off the line. A single piece (no break pays) returns undefined.
 *
 * @param need - per row (from the pass's lower edge, at `passLoM` from the line), its interval
 * @param passLoM - the pass's lower edge from the line (−width/2), m
 */
export function rowSteps(need: ([number, number] | undefined)[], passLoM: number, sectionWidthM: number): RowStep[] | undefined {
  const xs = rowEnds(need);
  if (xs.length < 3) return undefined;
  const n = xs.length;
  const from = leastCostBreaks(need, xs, passLoM, sectionWidthM);
  const breaks: number[] = [];
  for (let j = n - 1; j > 0; j = from[j]) {
    if (from[j] < 0) return undefined;
    breaks.push(j);
  }
  breaks.push(0);
  breaks.reverse();
  if (breaks.length <= 2) return undefined;
  const out: RowStep[] = [];
  for (let k = 1; k < breaks.length; k++) {
    const [u, v] = [xs[breaks[k - 1]], xs[breaks[k]]];
    const [k0, k1] = rowsOn(need, u, v)!;
    out.push({ x0: u, x1: v, dy: passLoM + ((k0 + k1 + 1) * sectionWidthM) / 2, widthM: (k1 - k0 + 1) * sectionWidthM });
  }
  return out;
}
