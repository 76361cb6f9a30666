/**
 * The inside test of a turn's legs, for a planner that tries several shapes one after another
 * between the same two points (the swath end and the next swath's start). It gives the answer
 * of `polylinesInside` (near-edges.ts) — every leg's end and vertex tests and no segment crossing
 * the boundary — in another order, which is free: the answer is their conjunction and no test
 * has an effect on another.
 * - Crossings first: most shapes that do not fit cross the boundary, and the crossing tests of
 *   the edges near the shape are cheap once those edges are gathered; the end tests (a
 *   point-in-polygon each) are made only for a shape that crosses nothing.
 * - Each point's point-in-polygon answer is kept for the last few points asked (by their
 *   coordinates, for one polygon): the two ends every shape of a turn shares are tested once
 *   per turn, and the point where one leg ends and the next begins once per shape.
 */
import { edgeGridOf } from './edge-grid.js';
import { pointInPolygon, pointInPolygonTol, segmentCrossesPolygon } from './inside.js';
import type { PolygonM } from './types.js';

/** Grid cells a gathering box may span (as near-edges.ts: a turn's box spans 2–12). */
const MAX_GATHER_CELLS = 32;

/** Edges near the box, as (ax, ay, bx, by), a the ring's previous vertex (reused between calls). */
let near = new Float64Array(64);

function keep(n: number, ax: number, ay: number, bx: number, by: number): number {
  if (4 * n + 4 > near.length) {
    const grown = new Float64Array(2 * near.length);
    grown.set(near);
    near = grown;
  }
  near[4 * n] = ax;
  near[4 * n + 1] = ay;
  near[4 * n + 2] = bx;
  near[4 * n + 3] = by;
  return n + 1;
}

/** Whether an edge's box meets the box [x0, x1] × [y0, y1] (the filter `segmentCrossesPolygon` applies). */
function meets(ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number): boolean {
  return !(Math.max(ax, bx) < x0 || Math.min(ax, bx) > x1 || Math.max(ay, by) < y0 || Math.min(ay, by) > y1);
}

/**
 * Gathers into `near` the edges whose box meets the box, from the edge grid when the polygon has
 * one (the cells of the box's rows and of its columns, two more each side: at least every edge
 * `gridSegmentCrosses` tests for a segment inside the box). Returns how many, or -1 when the box
 * spans more than `maxCells` grid cells (then each segment walks the grid).
 */
function gatherNear(poly: PolygonM, x0: number, y0: number, x1: number, y1: number, maxCells: number): number {
  let n = 0;
  const g = edgeGridOf(poly);
  if (!g) {
    for (const ring of [poly.outer, ...poly.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j],
          b = ring[i];
        if (meets(a[0], a[1], b[0], b[1], x0, y0, x1, y1)) n = keep(n, a[0], a[1], b[0], b[1]);
      }
    return n;
  }
  const { edges, idx, start, stamp, cellM, nx, ny } = g;
  const r0 = Math.max(0, Math.floor((y0 - g.y0) / cellM)),
    r1 = Math.min(ny - 1, Math.floor((y1 - g.y0) / cellM));
  const c0 = Math.max(0, Math.floor((x0 - g.x0) / cellM) - 2),
    c1 = Math.min(nx - 1, Math.floor((x1 - g.x0) / cellM) + 2);
  if ((r1 - r0 + 1) * (c1 - c0 + 1) > maxCells) return -1;
  const q = ++g.query;
  for (let r = r0; r <= r1; r++)
    for (let c = r * nx + c0, end = r * nx + c1; c <= end; c++)
      for (let m = start[c], stop = start[c + 1]; m < stop; m++) {
        const k = idx[m];
        if (stamp[k] === q) continue;
        stamp[k] = q;
        const e = 4 * k;
        if (meets(edges[e], edges[e + 1], edges[e + 2], edges[e + 3], x0, y0, x1, y1))
          n = keep(n, edges[e], edges[e + 1], edges[e + 2], edges[e + 3]);
      }
  return n;
}

/** Whether the segment p–q properly crosses one of the first `n` gathered edges (`segmentsCross`'s arithmetic). */
function crossesNear(n: number, px: number, py: number, qx: number, qy: number): boolean {
  const lx = Math.min(px, qx),
    hx = Math.max(px, qx),
    ly = Math.min(py, qy),
    hy = Math.max(py, qy);
  for (let k = 0; k < 4 * n; k += 4) {
    const ax = near[k],
      ay = near[k + 1],
      bx = near[k + 2],
      by = near[k + 3];
    if (!meets(ax, ay, bx, by, lx, ly, hx, hy)) continue;
    const d1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax),
      d2 = (bx - ax) * (qy - ay) - (by - ay) * (qx - ax),
      d3 = (qx - px) * (ay - py) - (qy - py) * (ax - px),
      d4 = (qx - px) * (by - py) - (qy - py) * (bx - px);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  }
  return false;
}

/** Points whose `pointInPolygon` answer is kept: x, y, answer (1 or 0), for {@link keptPoly}. */
const KEPT = 8;
const keptXY = new Float64Array(2 * KEPT).fill(Number.NaN);
const keptIn = new Uint8Array(KEPT);
let keptPoly: PolygonM | undefined, keptOuter: PolygonM['outer'] | undefined;
let keptNext = 0;

/** `pointInPolygon([x, y], poly)`, kept for the last {@link KEPT} points asked of this polygon. */
function inPolygon(x: number, y: number, poly: PolygonM): boolean {
  if (poly !== keptPoly || poly.outer !== keptOuter) {
    keptPoly = poly;
    keptOuter = poly.outer;
    keptXY.fill(Number.NaN);
  }
  for (let i = 0; i < KEPT; i++) if (keptXY[2 * i] === x && keptXY[2 * i + 1] === y) return keptIn[i] === 1;
  const inside = pointInPolygon([x, y], poly);
  keptXY[2 * keptNext] = x;
  keptXY[2 * keptNext + 1] = y;
  keptIn[keptNext] = inside ? 1 : 0;
  keptNext = (keptNext + 1) % KEPT;
  return inside;
}

/**
 * The end and vertex tests of `polylinesInside` for the polyline of points [s, e) of `xy`: both
 * ends in the polygon, or every vertex in it or within `tolM` of its boundary.
 */
function endsInside(xy: Float64Array, s: number, e: number, poly: PolygonM, tolM: number): boolean {
  if (inPolygon(xy[2 * s], xy[2 * s + 1], poly) && inPolygon(xy[2 * e - 2], xy[2 * e - 1], poly)) return true;
  for (let i = s; i < e; i++)
    if (!inPolygon(xy[2 * i], xy[2 * i + 1], poly) && !pointInPolygonTol([xy[2 * i], xy[2 * i + 1]], poly, tolM)) return false;
  return true;
}

/**
 * True when every polyline stays inside the polygon: `polylinesInside(xy, ends, count, poly,
 * tolM)` (tests/geometry/legs-inside.test.ts holds the two equal). A polygon must not be changed
 * in place between calls (its point answers are kept).
 *
 * @param xy - the polylines' points one after another, x and y interleaved
 * @param ends - where each polyline ends, in points (exclusive): polyline k is points
 *   `ends[k - 1] ?? 0` to `ends[k]`; each has at least one point
 * @param count - how many polylines (`ends` may be longer)
 */
export function legsInside(xy: Float64Array, ends: ArrayLike<number>, count: number, poly: PolygonM, tolM = 0): boolean {
  const points = count > 0 ? ends[count - 1] : 0;
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let i = 0; i < 2 * points; i += 2) {
    x0 = Math.min(x0, xy[i]);
    x1 = Math.max(x1, xy[i]);
    y0 = Math.min(y0, xy[i + 1]);
    y1 = Math.max(y1, xy[i + 1]);
  }
  const n = points > 1 ? gatherNear(poly, x0, y0, x1, y1, Math.min(2 * (points - count), MAX_GATHER_CELLS)) : 0;
  for (let k = 0, s = 0; k < count; s = ends[k++])
    for (let i = s + 1; i < ends[k]; i++) {
      const crosses =
        n >= 0
          ? crossesNear(n, xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1])
          : segmentCrossesPolygon([xy[2 * i - 2], xy[2 * i - 1]], [xy[2 * i], xy[2 * i + 1]], poly);
      if (crosses) return false;
    }
  for (let k = 0, s = 0; k < count; s = ends[k++]) if (!endsInside(xy, s, ends[k], poly, tolM)) return false;
  return true;
}
