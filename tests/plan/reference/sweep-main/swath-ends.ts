/**
 * REFERENCE (tests only): src/plan/swaths/swath-ends.ts as it was on main before the swath ends,
 * row steps and intervals were worked out on typed scratch and the row-step inputs kept per sweep
 * (plan-speed8-sweep), so the fast paths can be held equal to it.
 */
import { bandEdges, sortAscending, sortDescending } from '../../../../src/geometry/index.js';
import type { PolygonM } from '../../../../src/geometry/index.js';

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
