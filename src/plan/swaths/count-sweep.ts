/**
 * Swath and cell counts of a sweep without laying the swaths: the angle search asks them for
 * ~80 angles per area (and again per slab and per merged pair of regions), and needs nothing
 * else. The counts are those of `sweepSwaths(area, angleRad, widthM)` (no bound): the same
 * rotation, the same swath lines, the same crossing arithmetic and the same chaining rule,
 * without a swath object, an edge table or a rotated polygon per angle.
 */
import type { PolygonM } from '../../geometry/index.js';
import { swathCount } from './sweep-swaths.js';

/** What the angle search needs of a sweep: pieces (swaths driven) and cells. */
export interface SweepCount {
  pieces: number;
  cells: number;
}

/** Scratch buffers, grown as needed and reused across calls (the search runs thousands of sweeps). */
let vx: Float64Array = new Float64Array(256),
  vy: Float64Array = new Float64Array(256),
  ringEnd = new Int32Array(8),
  lineCount = new Int32Array(64),
  crossings: Float64Array = new Float64Array(256),
  below: Float64Array = new Float64Array(64),
  here: Float64Array = new Float64Array(64),
  lineY: Float64Array = new Float64Array(64);

/** `a`, or a longer copy of it when it has fewer than `n` slots. */
function grow(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/**
 * Rotates a polygon's rings by −angle into the scratch buffers (the arithmetic of
 * `rotatePolygon`), returning the outer ring's y range.
 */
function rotateInto(p: PolygonM, c: number, s: number): { y0: number; y1: number } {
  const rings = p.holes.length + 1;
  let n = p.outer.length;
  for (const h of p.holes) n += h.length;
  vx = grow(vx, n);
  vy = grow(vy, n);
  if (ringEnd.length < rings) ringEnd = new Int32Array(2 * rings);
  let k = 0,
    y0 = Infinity,
    y1 = -Infinity;
  for (let i = 0; i < rings; i++) {
    const r = i === 0 ? p.outer : p.holes[i - 1];
    for (let m = 0; m < r.length; m++) {
      const x = r[m][0],
        y = r[m][1];
      vx[k] = x * c - y * s;
      const ry = x * s + y * c;
      vy[k++] = ry;
      if (i === 0 && ry < y0) y0 = ry;
      if (i === 0 && ry > y1) y1 = ry;
    }
    ringEnd[i] = k;
  }
  return { y0, y1 };
}

/** First index of `ys[0, n)` (ascending) whose value is ≥ v. */
function lowerIndex(ys: Float64Array, n: number, v: number): number {
  let lo = 0,
    hi = n;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (ys[m] < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * Writes every crossing of an edge with a swath line into the line's slots (`stride` per line,
 * `lineCount[l]` used): an edge a→b crosses the line y when a.y > y differs from b.y > y, at
 * a.x + (y − a.y)/(b.y − a.y)·(b.x − a.x) (the test and the arithmetic of `lineCrossings`, so
 * the same numbers). False when some line has more crossings than slots.
 */
function walkCrossings(rings: number, ys: Float64Array, lines: number): boolean {
  lineCount.fill(0, 0, lines);
  let first = 0,
    fits = true;
  for (let r = 0; r < rings; r++) {
    const end = ringEnd[r];
    for (let i = first, j = end - 1; i < end; j = i++) {
      const ay = vy[j],
        by = vy[i];
      if (ay === by) continue;
      const lo = ay < by ? ay : by,
        hi = ay < by ? by : ay;
      for (let l = lowerIndex(ys, lines, lo); l < lines && ys[l] <= hi; l++) {
        const y = ys[l];
        if (ay > y === by > y) continue;
        const c = lineCount[l]++;
        if (c < stride) crossings[l * stride + c] = vx[j] + ((y - ay) / (by - ay)) * (vx[i] - vx[j]);
        else fits = false;
      }
    }
    first = end;
  }
  return fits;
}

/** Sorts crossings[from, to) ascending (a line meets a few edges: insertion sort). */
function sortRange(from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const v = crossings[i];
    let j = i - 1;
    while (j >= from && crossings[j] > v) {
      crossings[j + 1] = crossings[j];
      j--;
    }
    crossings[j + 1] = v;
  }
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
  for (let l = 0; l < lines; l++) sortRange(l * stride, l * stride + lineCount[l]);
}

/** Intervals of line `l` into `out` as (x0, x1) pairs (even-odd pairs longer than 1 mm, as `lineIntervals`); their count. */
function intervalsOf(l: number, out: Float64Array): number {
  let m = 0;
  for (let k = l * stride, end = k + lineCount[l]; k + 1 < end; k += 2)
    if (crossings[k + 1] - crossings[k] > 1e-3) {
      out[2 * m] = crossings[k];
      out[2 * m + 1] = crossings[k + 1];
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
function newCells(nBelow: number, nHere: number): number {
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

/**
 * Writes the swath lines of a band of height `heightM` from `y0` into `out` (which must hold
 * `swathCount(heightM, widthM)`) and returns their count: y0 + `swathOffsets(heightM, widthM)`,
 * the same numbers (tests/plan/count-sweep.test.ts holds the two together), without the array
 * `swathOffsets` builds for every angle tried.
 */
export function swathLinesInto(heightM: number, widthM: number, y0: number, out: Float64Array): number {
  const n = swathCount(heightM, widthM);
  if (!(n >= 1)) return 0;
  if (n === 1) out[0] = y0 + heightM / 2;
  else {
    const spacing = (heightM - widthM) / (n - 1);
    for (let j = 0; j < n; j++) out[j] = y0 + (widthM / 2 + j * spacing);
  }
  return n;
}

/** Pieces and cells of one part (rotated into the scratch buffers), line by line. */
function countPart(rings: number, y0: number, y1: number, widthM: number): SweepCount {
  const most = swathCount(y1 - y0, widthM);
  if (most >= 1) lineY = grow(lineY, most);
  const lines = swathLinesInto(y1 - y0, widthM, y0, lineY);
  lineCrossingTable(rings, lineY, lines);
  let pieces = 0,
    cells = 0,
    nBelow = 0;
  for (let l = 0; l < lines; l++) {
    const most = lineCount[l] >> 1;
    here = grow(here, 2 * most);
    below = grow(below, here.length);
    const nHere = intervalsOf(l, here);
    pieces += nHere;
    cells += newCells(nBelow, nHere);
    [below, here] = [here, below];
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

/** Scratch for {@link piecesAtLeast}: heights of the rings' turning vertices, and their indices. */
let lows: Float64Array = new Float64Array(64),
  highs: Float64Array = new Float64Array(64),
  turnAt = new Int32Array(64),
  turnKind = new Int8Array(64),
  /** The outer ring's y range and the counts of lows and highs, as the last calls below left them. */
  rangeY0 = 0,
  rangeY1 = 0,
  lowCount = 0,
  highCount = 0;

/** A piece this short or shorter is dropped by the sweep (`intervalsOf`), m. */
const MIN_PIECE_M = 1e-3;

/** Rotates only the y of a polygon's rings into the scratch buffers (rotateInto's y arithmetic), and the outer ring's y range. */
function rotateYInto(p: PolygonM, c: number, s: number): void {
  const rings = p.holes.length + 1;
  let n = p.outer.length;
  for (const h of p.holes) n += h.length;
  vy = grow(vy, n);
  if (ringEnd.length < rings) ringEnd = new Int32Array(2 * rings);
  const ys = vy,
    ends = ringEnd;
  let k = 0,
    y0 = Infinity,
    y1 = -Infinity;
  for (let i = 0; i < rings; i++) {
    const r = i === 0 ? p.outer : p.holes[i - 1];
    for (let m = 0; m < r.length; m++) {
      const ry = r[m][0] * s + r[m][1] * c;
      ys[k++] = ry;
      if (i === 0 && ry < y0) y0 = ry;
      if (i === 0 && ry > y1) y1 = ry;
    }
    ends[i] = k;
  }
  rangeY0 = y0;
  rangeY1 = y1;
}

/**
 * Finds the rings' turning vertices: lows, where both ring neighbours come after the vertex in
 * (y, index) order, and highs, where both come before. A line y is crossed by an edge exactly
 * when one end is above y and the other not (walkCrossings' test); sweeping y upwards, a vertex
 * passing below the line adds two crossings when both its edges then cross (a low), takes two
 * away when neither does any more (a high), and leaves the count as it was otherwise. Writes
 * their heights into `lows` and `highs` (counts in lowCount, highCount) and every turning vertex
 * into `turnAt`/`turnKind` (+1 low, −1 high).
 */
function turningVertices(rings: number): void {
  let nl = 0,
    nh = 0,
    first = 0;
  const n = ringEnd[rings - 1];
  if (turnAt.length < n) {
    const size = Math.max(n, 2 * turnAt.length);
    [lows, highs, turnAt, turnKind] = [new Float64Array(size), new Float64Array(size), new Int32Array(size), new Int8Array(size)];
  }
  const ys = vy,
    at = turnAt,
    kind = turnKind,
    lo = lows,
    hi = highs;
  for (let r = 0; r < rings; r++) {
    const end = ringEnd[r];
    for (let i = first; i < end; i++) {
      const prev = i === first ? end - 1 : i - 1,
        next = i === end - 1 ? first : i + 1;
      const y = ys[i];
      // "after" in (y, index) order: the tie-break makes flat edges cross nothing, as in walkCrossings
      const ups = (ys[prev] > y || (ys[prev] === y && prev > i) ? 1 : 0) + (ys[next] > y || (ys[next] === y && next > i) ? 1 : 0);
      if (ups === 1) continue;
      at[nl + nh] = i;
      kind[nl + nh] = ups === 2 ? 1 : -1;
      if (ups === 2) lo[nl++] = y;
      else hi[nh++] = y;
    }
    first = end;
  }
  lowCount = nl;
  highCount = nh;
}

/** Sorts a[0, n) ascending: insertion sort for the few turning vertices of most rings. */
function sortFirst(a: Float64Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * How far from vertex k (ring order, outer first) of `p`, across any line, the wedge between its
 * two edges can be {@link MIN_PIECE_M} or narrower: the narrowest chord of a wedge of angle a at
 * depth t is 2·t·tan(a/2), and tan(a/2) = |u × v| / (|u| |v| + u · v) for its edges u and v.
 * Infinity for a needle, a wedge that narrow past the end of one of its edges.
 */
function wedgeReach(p: PolygonM, k: number): number {
  let r = p.outer,
    i = k;
  for (let h = 0; i >= r.length; h++) {
    i -= r.length;
    r = p.holes[h];
  }
  const v = r[i],
    a = r[(i - 1 + r.length) % r.length],
    b = r[(i + 1) % r.length];
  const ax = a[0] - v[0],
    ay = a[1] - v[1],
    bx = b[0] - v[0],
    by = b[1] - v[1];
  const la = Math.sqrt(ax * ax + ay * ay),
    lb = Math.sqrt(bx * bx + by * by);
  const reach = (MIN_PIECE_M * (la * lb + ax * bx + ay * by)) / (2 * Math.abs(ax * by - ay * bx));
  // a margin for rounding (of the rotation, and of the formula)
  return reach < Math.min(la, lb) ? 1.01 * reach + 1e-9 : Infinity;
}

/**
 * Lines (of the `lines` in lineY) that may pass through a turning vertex's wedge where it is
 * {@link MIN_PIECE_M} or narrower: the piece there may be dropped, so each such line counts one
 * piece fewer. -1 when a wedge is a needle (no bound).
 */
function narrowWedgeLines(p: PolygonM, lines: number): number {
  let out = 0;
  for (let t = 0; t < lowCount + highCount; t++) {
    const i = turnAt[t],
      y = vy[i];
    const r = wedgeReach(p, i);
    if (r === Infinity) return -1;
    // a low's wedge opens upwards from it, a high's downwards
    const [from, to] = turnKind[t] > 0 ? [y - 1e-9, y + r] : [y - r, y + 1e-9];
    for (let l = lowerIndex(lineY, lines, from); l < lines && lineY[l] <= to; l++) out++;
  }
  return out;
}

/**
 * A lower bound on `sweepCount(area, angleRad, widthM).pieces` without the crossings' x: each
 * swath line's crossings counted from the turning vertices below it, half of them the line's
 * pieces, less one for a line through a wedge too narrow for a kept piece. It assumes, as the
 * angle search's line count does, that no piece of 1 mm or less lies elsewhere (two edges that
 * close, not at a shared vertex); tests/plan/count-sweep.test.ts holds it under the counted
 * pieces on random fields and insets. 0 (no bound) where a wedge near a line is a needle.
 *
 * @param floor - the caller only asks whether the bound reaches `floor`: a count under it is
 *   returned before the narrow wedges are looked for (it may then exceed the bound, but both are under `floor`)
 */
export function piecesAtLeast(area: PolygonM[], angleRad: number, widthM: number, floor = -Infinity): number {
  const c = Math.cos(-angleRad),
    s = Math.sin(-angleRad);
  let pieces = 0;
  for (let k = 0; k < area.length; k++) {
    const p = area[k];
    rotateYInto(p, c, s);
    const y0 = rangeY0,
      y1 = rangeY1;
    const most = swathCount(y1 - y0, widthM);
    if (most >= 1) lineY = grow(lineY, most);
    const lines = swathLinesInto(y1 - y0, widthM, y0, lineY);
    turningVertices(p.holes.length + 1);
    pieces += crossedPieces(lines);
    // the narrow wedges only lower the count: not worth finding when it is under `floor` already
    if (k === area.length - 1 && pieces < floor) return pieces;
    const narrow = narrowWedgeLines(p, lines);
    if (narrow < 0) return 0;
    pieces -= narrow;
  }
  return pieces;
}

/** Pieces of the `lines` in lineY by the crossings of the turning vertices found last, before the narrow wedges. */
function crossedPieces(lines: number): number {
  const nl = lowCount,
    nh = highCount;
  sortFirst(lows, nl);
  sortFirst(highs, nh);
  // lines ascend: the turning vertices at or below each one, two pointers
  const ys = lineY,
    lo = lows,
    hi = highs;
  let pieces = 0,
    il = 0,
    ih = 0;
  for (let l = 0; l < lines; l++) {
    const y = ys[l];
    while (il < nl && lo[il] <= y) il++;
    while (ih < nh && hi[ih] <= y) ih++;
    pieces += il - ih;
  }
  return pieces;
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
