/**
 * Swath and cell counts of a sweep without laying the swaths: the angle search asks them for
 * ~80 angles per area (and again per slab and per merged pair of regions), and needs nothing
 * else. The counts are those of `sweepSwaths(area, angleRad, widthM)` (no bound): the same
 * rotation, the same swath lines, the same crossing arithmetic and the same chaining rule,
 * without a swath object, an edge table or a rotated polygon per angle.
 */
import type { PolygonM } from '../../geometry/index.js';
import { sortAscending } from '../../geometry/index.js';
import { flatRings } from './flat-rings.js';
import { firstAtLeast, grow, swathLinesInto } from './sweep-lines.js';
import { swathCount } from './sweep-swaths.js';

/** What the angle search needs of a sweep: pieces (swaths driven) and cells. */
export interface SweepCount {
  pieces: number;
  cells: number;
}

/** A piece this short or shorter is dropped by the sweep (`intervalsOf`), m. */
export const MIN_PIECE_M = 1e-3;

/** Scratch buffers, grown as needed and reused across calls (the search runs thousands of sweeps). */
let vx: Float64Array = new Float64Array(256),
  vy: Float64Array = new Float64Array(256),
  /** Ring ends of the polygon rotated last (its {@link flatRings}'). */
  ringEnd: Int32Array = new Int32Array(0),
  lineCount = new Int32Array(64),
  crossings: Float64Array = new Float64Array(256),
  below: Float64Array = new Float64Array(64),
  here: Float64Array = new Float64Array(64),
  lineY: Float64Array = new Float64Array(64);

/**
 * Rotates a polygon's rings by −angle into the scratch buffers (the arithmetic of
 * `rotatePolygon`), returning the outer ring's y range.
 */
function rotateInto(p: PolygonM, c: number, s: number): { y0: number; y1: number } {
  const f = flatRings(p),
    xs = f.xs,
    ys = f.ys,
    n = xs.length,
    outerEnd = f.ends[0];
  vx = grow(vx, n);
  vy = grow(vy, n);
  ringEnd = f.ends;
  const rx = vx,
    ry = vy;
  let y0 = Infinity,
    y1 = -Infinity;
  for (let k = 0; k < n; k++) {
    const x = xs[k],
      y = ys[k];
    rx[k] = x * c - y * s;
    const v = x * s + y * c;
    ry[k] = v;
    if (k < outerEnd) {
      if (v < y0) y0 = v;
      if (v > y1) y1 = v;
    }
  }
  return { y0, y1 };
}

/**
 * Writes every crossing of an edge with a swath line into the line's slots (`stride` per line,
 * `lineCount[l]` used): an edge a→b crosses the line y when a.y > y differs from b.y > y, at
 * a.x + (y − a.y)/(b.y − a.y)·(b.x − a.x) (the test and the arithmetic of `lineCrossings`, so
 * the same numbers). False when some line has more crossings than slots.
 */
function walkCrossings(rings: number, ys: Float64Array, lines: number): boolean {
  // module scratch read once into locals (the loop below is the angle search's hottest)
  const count = lineCount,
    out = crossings,
    xs = vx,
    yv = vy,
    ends = ringEnd,
    slots = stride;
  count.fill(0, 0, lines);
  // the lines are evenly spaced: a guess at the first line above an edge's low end, then corrected
  const perM = lines > 1 ? (lines - 1) / (ys[lines - 1] - ys[0]) : 0;
  let first = 0,
    fits = true;
  for (let r = 0; r < rings; r++) {
    const end = ends[r];
    for (let i = first, j = end - 1; i < end; j = i++) {
      const ay = yv[j],
        by = yv[i];
      if (ay === by) continue;
      const lo = ay < by ? ay : by,
        hi = ay < by ? by : ay;
      for (let l = firstAtLeast(ys, lines, lo, perM); l < lines && ys[l] <= hi; l++) {
        const y = ys[l];
        if (ay > y === by > y) continue;
        const c = count[l]++;
        if (c < slots) out[l * slots + c] = xs[j] + ((y - ay) / (by - ay)) * (xs[i] - xs[j]);
        else fits = false;
      }
    }
    first = end;
  }
  return fits;
}

/** Crossing slots per line (a line of a real field meets a few edges; doubled when one meets more). */
let stride = 8;

/** Crossings of every swath line, line l's sorted in crossings[l · stride, + lineCount[l]). */
function lineCrossingTable(rings: number, ys: Float64Array, lines: number): void {
  if (lineCount.length < lines) lineCount = new Int32Array(2 * lines);
  crossings = grow(crossings, lines * stride);
  while (!walkCrossings(rings, ys, lines)) {
    let most = 0;
    for (let l = 0; l < lines; l++) most = Math.max(most, lineCount[l]);
    stride = Math.max(2 * stride, most);
    crossings = grow(crossings, lines * stride);
  }
  for (let l = 0; l < lines; l++) sortAscending(crossings, l * stride, l * stride + lineCount[l]);
}

/** Intervals of line `l` into `out` as (x0, x1) pairs (even-odd pairs longer than 1 mm, as `lineIntervals`); their count. */
function intervalsOf(l: number, out: Float64Array): number {
  const cr = crossings;
  let m = 0;
  for (let k = l * stride, end = k + lineCount[l]; k + 1 < end; k += 2)
    if (cr[k + 1] - cr[k] > MIN_PIECE_M) {
      out[2 * m] = cr[k];
      out[2 * m + 1] = cr[k + 1];
      m++;
    }
  return m;
}

/** Whether interval i of `a` and interval j of `b` share some x (the sweep's `overlaps`). */
function overlap(a: Float64Array, i: number, b: Float64Array, j: number): boolean {
  return Math.min(a[2 * i + 1], b[2 * j + 1]) - Math.max(a[2 * i], b[2 * j]) > 1e-6;
}

/**
 * New cells a line's pieces start (the sweep's chaining rule): a piece continues the cell below
 * only when it overlaps exactly one piece below and that piece overlaps no other piece here.
 */
function newCells(below: Float64Array, nBelow: number, here: Float64Array, nHere: number): number {
  let cells = 0;
  for (let i = 0; i < nHere; i++) {
    let down = -1,
      downs = 0;
    for (let j = 0; j < nBelow; j++)
      if (overlap(below, j, here, i)) {
        down = j;
        downs++;
      }
    let ups = 0;
    if (downs === 1) for (let k = 0; k < nHere; k++) if (overlap(below, down, here, k)) ups++;
    if (downs !== 1 || ups !== 1) cells++;
  }
  return cells;
}

/** Pieces and cells of one part (rotated into the scratch buffers), line by line. */
function countPart(rings: number, y0: number, y1: number, widthM: number): SweepCount {
  const most = swathCount(y1 - y0, widthM);
  if (most >= 1) lineY = grow(lineY, most);
  const lines = swathLinesInto(y1 - y0, widthM, y0, lineY);
  lineCrossingTable(rings, lineY, lines);
  // a line has at most half its crossings as intervals: room for the most crossed line, once
  let crossed = 0;
  for (let l = 0; l < lines; l++) if (lineCount[l] > crossed) crossed = lineCount[l];
  here = grow(here, crossed);
  below = grow(below, here.length);
  let h = here,
    b = below,
    pieces = 0,
    cells = 0,
    nBelow = 0;
  for (let l = 0; l < lines; l++) {
    const nHere = intervalsOf(l, h);
    pieces += nHere;
    // one piece over one piece (most lines): it continues that cell when the two overlap
    if (nHere === 1 && nBelow === 1) cells += Math.min(b[1], h[1]) - Math.max(b[0], h[0]) > 1e-6 ? 0 : 1;
    else cells += newCells(b, nBelow, h, nHere);
    const t = b;
    b = h;
    h = t;
    nBelow = nHere;
  }
  return { pieces, cells };
}

/**
 * Pieces and cells of `area` swept at `angleRad`: `sweepSwaths(area, angleRad, widthM)`'s
 * `pieces` and `swaths.length`, without building the sweep.
 */
export function sweepCount(area: PolygonM[], angleRad: number, widthM: number): SweepCount {
  // rotatePolygon(p, −angle): the same cos and sin, so the same rotated coordinates
  const c = Math.cos(-angleRad),
    s = Math.sin(-angleRad);
  let pieces = 0,
    cells = 0;
  for (const p of area) {
    const { y0, y1 } = rotateInto(p, c, s);
    const part = countPart(p.holes.length + 1, y0, y1, widthM);
    pieces += part.pieces;
    cells += part.cells;
  }
  return { pieces, cells };
}

/**
 * Pieces of `sweepSwaths(area, angleRad, widthM, bound)` (an implement without sections) without
 * laying the swaths or finding their ends: per swath line, the area's intervals, each counted
 * unless its centre lies in the same interval of `bound` as the one before it on the line (the
 * sweep merges those into one swath). The layout asks it of each alternative angle before
 * sweeping it with exact ends; tests/plan/count-sweep.test.ts holds it equal to the sweep's.
 */
export function boundedPieces(area: PolygonM[], angleRad: number, widthM: number, bound: PolygonM[]): number {
  const c = Math.cos(-angleRad),
    s = Math.sin(-angleRad);
  let pieces = 0;
  for (const p of area) {
    const { y0, y1 } = rotateInto(p, c, s);
    const most = swathCount(y1 - y0, widthM);
    const ys = new Float64Array(Math.max(1, most));
    const lines = swathLinesInto(y1 - y0, widthM, y0, ys);
    // the bound's intervals on each line first (the part's table reuses the scratch buffers)
    const boundIv: number[][] = Array.from({ length: lines }, () => []);
    for (const b of bound) {
      rotateInto(b, c, s);
      lineCrossingTable(b.holes.length + 1, ys, lines);
      for (let l = 0; l < lines; l++) {
        here = grow(here, lineCount[l] + 2);
        const n = intervalsOf(l, here);
        for (let i = 0; i < 2 * n; i++) boundIv[l].push(here[i]);
      }
    }
    rotateInto(p, c, s);
    lineCrossingTable(p.holes.length + 1, ys, lines);
    for (let l = 0; l < lines; l++) {
      here = grow(here, lineCount[l] + 2);
      const n = intervalsOf(l, here),
        iv = boundIv[l];
      let last = -1;
      for (let i = 0; i < n; i++) {
        const mid = (here[2 * i] + here[2 * i + 1]) / 2;
        let k = -1;
        for (let j = 0; j < iv.length && k < 0; j += 2) if (iv[j] <= mid && mid <= iv[j + 1]) k = j;
        if (!(k >= 0 && k === last)) pieces++;
        last = k;
      }
    }
  }
  return pieces;
}
