/**
 * The inside test of a few polylines lying close together (a turn's legs), against only the
 * polygon's edges near them. `polylineInside` walks the edge grid once per segment; a turn has
 * 20–100 short segments within a few metres, so the edges near their common box are gathered
 * once (usually none to five) and every segment is tested against those alone.
 */
import { edgeGridOf } from './edge-grid.js';
import { pointInPolygon, pointInPolygonTol, segmentCrossesPolygon } from './inside.js';
import { bounds } from './ring.js';
import type { PolygonM, XY } from './types.js';

/** Grid cells a gathering box may span (a turn's box spans 2–12). */
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
 * Gathers into `near` the edges whose box meets the box [x0, x1] × [y0, y1], or, from the edge
 * grid, at least every edge `gridSegmentCrosses` would test for a segment inside the box: those
 * of the cells of the box's rows (rows by floor, as it takes them) and of its columns, two more
 * each side (it takes one more, of a column range that rounding may widen). Returns how many,
 * or -1 when the box spans more than `maxCells` grid cells (then each segment walks the grid).
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

/**
 * `pointInPolygon([x, y], poly)`, kept for the last {@link KEPT} points asked of this polygon: a
 * turn's shapes share their two ends, and one leg ends where the next begins.
 */
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
 * `polylineInside`'s end and vertex tests of the polyline of points [s, e) of `xy`. A vertex in
 * the polygon passes `pointInPolygonTol` (inside the outer ring, in no hole): only the others
 * are tested with it, whose plain loops visit every edge.
 */
function endsInside(xy: Float64Array, s: number, e: number, poly: PolygonM, tolM: number): boolean {
  if (inPolygon(xy[2 * s], xy[2 * s + 1], poly) && inPolygon(xy[2 * e - 2], xy[2 * e - 1], poly)) return true;
  for (let i = s; i < e; i++)
    if (!inPolygon(xy[2 * i], xy[2 * i + 1], poly) && !pointInPolygonTol([xy[2 * i], xy[2 * i + 1]], poly, tolM)) return false;
  return true;
}

/**
 * True when every polyline stays inside the polygon: the answer of `polylineInside(points, poly,
 * tolM)` for each (tests/geometry/near-edges.test.ts and polylines-inside.test.ts hold the two
 * equal). The crossings are tested before the end tests, which is free (the answer is their
 * conjunction and no test affects another): most turn shapes that do not fit cross the
 * boundary, and crossing tests against the gathered edges are cheap, where an end test is a
 * point-in-polygon. A polygon must not be changed in place between calls (its points' answers
 * are kept).
 *
 * @param xy - the polylines' points one after another, x and y interleaved
 * @param ends - where each polyline ends, in points (exclusive): polyline k is points
 *   `ends[k - 1] ?? 0` to `ends[k]`; each has at least one point
 * @param count - how many polylines (`ends` may be longer)
 */
export function polylinesInside(xy: Float64Array, ends: ArrayLike<number>, count: number, poly: PolygonM, tolM = 0): boolean {
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
  // a grid walk per segment beats gathering a box of more cells than twice the segments (long
  // straight legs), or a large box (a headland lap: every edge against every segment)
  const n = points > 1 ? gatherNear(poly, x0, y0, x1, y1, Math.min(2 * (points - count), MAX_GATHER_CELLS)) : 0;
  for (let k = 0, s = 0; k < count; s = ends[k++])
    for (let i = s + 1; i < ends[k]; i++)
      if (n >= 0 ? crossesNear(n, xy[2 * i - 2], xy[2 * i - 1], xy[2 * i], xy[2 * i + 1]) : crossesWalk(xy, i, poly)) return false;
  for (let k = 0, s = 0; k < count; s = ends[k++]) if (!endsInside(xy, s, ends[k], poly, tolM)) return false;
  return true;
}

/** `segmentCrossesPolygon` of the segment from point i − 1 to point i of `xy`. */
function crossesWalk(xy: Float64Array, i: number, poly: PolygonM): boolean {
  return segmentCrossesPolygon([xy[2 * i - 2], xy[2 * i - 1]], [xy[2 * i], xy[2 * i + 1]], poly);
}

/**
 * True when the whole polyline stays inside the polygon: every vertex inside (or within `tolM`
 * of the boundary) and no edge crossing a ring. When both ends are strictly inside only the
 * crossings are tested: a connected path that starts inside and never crosses the boundary
 * cannot be outside anywhere else. A polyline of three segments or more within a few grid cells
 * is tested against the edges near it, as {@link polylinesInside} tests one (the same answer).
 */
export function polylineInside(points: XY[], poly: PolygonM, tolM = 0): boolean {
  const first = points[0],
    last = points[points.length - 1];
  if (!pointInPolygon(first, poly) || !pointInPolygon(last, poly)) {
    // an end on or just outside the boundary proves nothing about the rest: test every vertex
    for (const p of points) if (!pointInPolygonTol(p, poly, tolM)) return false;
  }
  let n = -1;
  if (points.length >= 4) {
    const [x0, y0, x1, y1] = bounds([points]);
    n = gatherNear(poly, x0, y0, x1, y1, Math.min(2 * (points.length - 1), MAX_GATHER_CELLS));
  }
  for (let i = 1; i < points.length; i++) {
    const p = points[i - 1],
      q = points[i];
    if (n >= 0 ? crossesNear(n, p[0], p[1], q[0], q[1]) : segmentCrossesPolygon(p, q, poly)) return false;
  }
  return true;
}
