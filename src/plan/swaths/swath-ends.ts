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
  bandExtentInto(part, y, lo, hi, a, b, pairScratch);
  return [pairScratch[0], pairScratch[1]];
}

const pairScratch = new Float64Array(2);

/** {@link bandExtent} written to `out` ([x0, x1]): no pair per query (the sweep asks one per piece). */
export function bandExtentInto(part: PolygonM, y: number, lo: number, hi: number, a: number, b: number, out: Float64Array): void {
  const n = bandEdgesAt(part, lo, hi);
  extentOver(bandBuf, n, y, lo, hi, a, b);
  out[0] = reach0;
  out[1] = reach1;
}

/**
 * The edges of band queries, each query's appended after the last's ({@link bandEdgesAt}).
 * Emptied only past {@link EDGE_LIST_MAX} numbers: setting a plain array's length to 0 frees its
 * backing store in V8, so emptying it per query (as the sweep did) allocated it again each time.
 */
const edgeList: number[] = [];
const EDGE_LIST_MAX = 1 << 14;

/** The edges of the last band query, typed (every reader of edges reads one kind of array). */
let bandBuf = new Float64Array(64);

/** Sets {@link bandBuf} to the edges of `part` meeting the band lo < y < hi; returns how many numbers. */
function bandEdgesAt(part: PolygonM, lo: number, hi: number): number {
  if (edgeList.length > EDGE_LIST_MAX) edgeList.length = 0;
  const from = edgeList.length;
  bandEdges(part, lo, hi, edgeList);
  const n = edgeList.length - from;
  if (bandBuf.length < n) bandBuf = new Float64Array(2 * n);
  for (let k = 0; k < n; k++) bandBuf[k] = edgeList[from + k];
  return n;
}

/**
 * Scratch of the extent walk, reused between queries (typed, with their own counts: no
 * allocation per query): sample heights below and above the line, the band's own edges, and one
 * sample line's crossings.
 */
let downYs = new Float64Array(64),
  upYs = new Float64Array(64),
  ownEdges = new Float64Array(64),
  crossXs = new Float64Array(32);
let downN = 0,
  upN = 0,
  ownN = 0,
  crossN = 0;

/** Makes room for a query over `edgeNumbers` numbers of edges (4 per edge). */
function reserve(edgeNumbers: number): void {
  if (ownEdges.length < edgeNumbers) ownEdges = new Float64Array(2 * edgeNumbers);
  // two samples per edge's end (one end each), and the band's edge
  const samples = edgeNumbers / 2 + 1;
  if (downYs.length < samples) [downYs, upYs] = [new Float64Array(2 * samples), new Float64Array(2 * samples)];
  if (crossXs.length < edgeNumbers / 4) crossXs = new Float64Array(edgeNumbers / 2);
}

/**
 * {@link bandExtent} from `edges[0, to)` (ax, ay, bx, by, as {@link bandEdges} gives them):
 * every edge of the part that meets the band lo < y < hi must be among them; others are
 * skipped. Sets {@link reach0}, {@link reach1}.
 */
function extentOver(edges: Float64Array, to: number, y: number, lo: number, hi: number, a: number, b: number): void {
  bandSamples(edges, to, y, lo, hi);
  walkBand(lo, hi, a, b);
}

/**
 * Sets {@link ownEdges} to the edges of `edges[0, to)` that meet the band lo < y' < hi (a row's
 * band is a part of its pass's: only these cross its sample lines), and the sample heights below
 * and above the line y: the band's edges and just either side of each vertex inside it.
 */
function bandSamples(edges: Float64Array, to: number, y: number, lo: number, hi: number): void {
  reserve(to);
  const down = downYs,
    up = upYs,
    own = ownEdges;
  downN = 0;
  upN = 0;
  ownN = 0;
  down[downN++] = lo + EPS_M;
  up[upN++] = hi - EPS_M;
  for (let e = 0; e < to; e += 4) {
    const ay = edges[e + 1],
      by = edges[e + 3];
    if ((ay > by ? ay : by) <= lo || (ay < by ? ay : by) >= hi) continue;
    own[ownN++] = edges[e];
    own[ownN++] = ay;
    own[ownN++] = edges[e + 2];
    own[ownN++] = by;
    if (by > lo && by < y) {
      down[downN++] = by + EPS_M;
      down[downN++] = by - EPS_M;
    } else if (by > y && by < hi) {
      up[upN++] = by - EPS_M;
      up[upN++] = by + EPS_M;
    }
  }
}

/** The extent of [a, b] over the band lo < y' < hi from {@link bandSamples}' edges and heights, nearest heights first; sets {@link reach0}, {@link reach1}. */
function walkBand(lo: number, hi: number, a: number, b: number): void {
  sortDescending(downYs, 0, downN);
  sortAscending(upYs, 0, upN);
  reach0 = a;
  reach1 = b;
  walkOut(downYs, downN, lo, hi, a, b);
  walkOut(upYs, upN, lo, hi, a, b);
}

/** The extent {@link walkOut} widens (module scratch: no pair per sample line). */
let reach0 = 0,
  reach1 = 0;

/**
 * Follows the interval [a, b] of the line out through the sample heights `ys[0, n)` (nearest
 * first), each height's interval the one overlapping the last, widening [reach0, reach1] by
 * each; stops where none overlaps. Crosses the band's own edges ({@link ownEdges}).
 */
function walkOut(ys: Float64Array, n: number, lo: number, hi: number, a: number, b: number): void {
  let c0 = a,
    c1 = b;
  const xs = crossXs;
  for (let i = 0; i < n; i++) {
    const sy = ys[i];
    if (sy <= lo || sy >= hi) continue;
    sortedCrossings(ownEdges, ownN, sy);
    let n0 = Infinity,
      n1 = -Infinity;
    for (let k = 0; k + 1 < crossN; k += 2)
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
  const need = new Float64Array(2 * rows),
    has = new Uint8Array(rows);
  rowExtentsInto(part, lo, hi, a, b, passLoM, rows, sectionWidthM, need, has);
  const out: ([number, number] | undefined)[] = [];
  for (let k = 0; k < rows; k++) out.push(has[k] ? [need[2 * k], need[2 * k + 1]] : undefined);
  return out;
}

/**
 * {@link rowExtents} written flat: row k's extent to `need[2k]`, `need[2k + 1]` and `has[k]` 1,
 * or `has[k]` 0 where it needs nothing (no pair or array per row: the planner asks it per swath).
 */
export function rowExtentsInto(
  part: PolygonM,
  lo: number,
  hi: number,
  a: number,
  b: number,
  passLoM: number,
  rows: number,
  sectionWidthM: number,
  need: Float64Array,
  has: Uint8Array,
): void {
  // every row's strip lies in the pass's: its edges, once, serve each row's line and band
  const to = bandEdgesAt(part, lo, hi);
  reserve(to);
  for (let k = 0; k < rows; k++) {
    has[k] = 0;
    const rlo = Math.max(lo, passLoM + k * sectionWidthM),
      rhi = Math.min(hi, passLoM + (k + 1) * sectionWidthM);
    if (rhi - rlo <= 1e-3) continue;
    // the row's own centre interval: the one of its line that shares most with the pass's [a, b]
    const ry = (rlo + rhi) / 2;
    // every edge the row's line crosses meets the row's band: its own edges give its intervals
    bandSamples(bandBuf, to, ry, rlo, rhi);
    if (!mostShared(ownEdges, ownN, ry, a, b)) continue;
    walkBand(rlo, rhi, shared0, shared1);
    need[2 * k] = reach0;
    need[2 * k + 1] = reach1;
    has[k] = 1;
  }
}

/**
 * Sets {@link crossXs}[0, {@link crossN}) to where the line y crosses `edges[0, to)` (ax, ay,
 * bx, by each; the scanline test and arithmetic of `lineIntervals`), ascending: pairs are the
 * line's inside intervals.
 */
function sortedCrossings(edges: Float64Array, to: number, y: number): void {
  const xs = crossXs;
  let n = 0;
  for (let e = 0; e < to; e += 4) {
    const ay = edges[e + 1],
      by = edges[e + 3];
    if (ay > y !== by > y) xs[n++] = edges[e] + ((y - ay) / (by - ay)) * (edges[e + 2] - edges[e]);
  }
  crossN = n;
  sortAscending(xs, 0, n);
}

/** The interval {@link mostShared} found. */
let shared0 = 0,
  shared1 = 0;

/**
 * Of the inside intervals of the line y (`lineIntervals` of the part, from `edges[0, to)`,
 * which hold every edge the line crosses), the one sharing most with [a, b], set as
 * [{@link shared0}, {@link shared1}]; false when none does.
 */
function mostShared(edges: Float64Array, to: number, y: number, a: number, b: number): boolean {
  sortedCrossings(edges, to, y);
  const xs = crossXs;
  let found = false,
    shared = 0;
  for (let k = 0; k + 1 < crossN; k += 2) {
    const u = xs[k],
      v = xs[k + 1];
    if (v - u <= 1e-3) continue;
    const s = Math.min(v, b) - Math.max(u, a);
    if (s > shared) {
      shared = s;
      shared0 = u;
      shared1 = v;
      found = true;
    }
  }
  return found;
}
