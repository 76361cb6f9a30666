/**
 * REFERENCE (tests only): pieces-bound.ts as it was before its rings were read flat and its wedge
 * reaches kept per polygon, so the fast path can be held equal to it.
 *
 * A lower bound on a sweep's swath count from the turning vertices alone (no crossing x): the
 * angle search skips the counting sweep (`sweepCount` in count-sweep.ts) of an angle whose bound already
 * loses. Its own scratch buffers, reused across calls like the counting sweep's.
 */
import type { PolygonM } from '../../../src/geometry/index.js';
import { MIN_PIECE_M } from '../../../src/plan/swaths/count-sweep.js';
import { grow, lowerIndex, swathLinesInto } from '../../../src/plan/swaths/sweep-lines.js';
import { swathCount } from '../../../src/plan/swaths/sweep-swaths.js';

/** Rotated vertex heights of the rings (ring r ends at ringEnd[r]) and the swath lines' heights. */
let vy: Float64Array = new Float64Array(256),
  ringEnd = new Int32Array(8),
  lineY: Float64Array = new Float64Array(64);

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
