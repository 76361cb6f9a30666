/**
 * A lower bound on a sweep's swath count from the turning vertices alone (no crossing x): the
 * angle search skips the counting sweep (`sweepCount` in count-sweep.ts) of an angle whose bound already
 * loses. Its own scratch buffers, reused across calls like the counting sweep's.
 */
import type { PolygonM } from '../../geometry/index.js';
import { sortAscending } from '../../geometry/index.js';
import { MIN_PIECE_M } from './count-sweep.js';
import { firstAtLeast, grow, swathLinesInto } from './sweep-lines.js';
import { flatRings, type FlatRings } from './flat-rings.js';
import { needleZone, zoneHeights } from './needle-reach.js';
import { swathCount } from './sweep-swaths.js';

/** Rotated vertex heights of the rings (as in the polygon's {@link FlatRings}) and the swath lines' heights. */
let vy: Float64Array = new Float64Array(256),
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
function rotateYInto(f: FlatRings, c: number, s: number): void {
  const n = f.xs.length,
    outerEnd = f.ends[0],
    xs = f.xs,
    fy = f.ys;
  vy = grow(vy, n);
  const ys = vy;
  let y0 = Infinity,
    y1 = -Infinity;
  for (let k = 0; k < outerEnd; k++) {
    const ry = xs[k] * s + fy[k] * c;
    ys[k] = ry;
    if (ry < y0) y0 = ry;
    if (ry > y1) y1 = ry;
  }
  for (let k = outerEnd; k < n; k++) ys[k] = xs[k] * s + fy[k] * c;
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
function turningVertices(ringEnd: Int32Array): void {
  let nl = 0,
    nh = 0,
    first = 0;
  const rings = ringEnd.length,
    n = ringEnd[rings - 1];
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

/** The wedge reach of every vertex of `f` (kept on it: it does not depend on the angle). */
function wedgeReaches(f: FlatRings): Float64Array {
  if (f.reach) return f.reach;
  const reach = new Float64Array(f.xs.length),
    needles = new Map<number, Float64Array | undefined>();
  let first = 0;
  for (let r = 0; r < f.ends.length; r++) {
    const end = f.ends[r];
    for (let i = first; i < end; i++) {
      const a = i === first ? end - 1 : i - 1,
        b = i === end - 1 ? first : i + 1;
      reach[i] = wedgeReach(f, a, i, b);
      if (reach[i] === Infinity) needles.set(i, needleZone(f, first, end, a, i, b));
    }
    first = end;
  }
  f.reach = reach;
  f.needles = needles;
  return reach;
}

/**
 * How far from vertex i (ring neighbours a and b), across any line, the wedge between its two
 * edges can be {@link MIN_PIECE_M} or narrower: the narrowest chord of a wedge of angle α at
 * depth t is 2·t·tan(α/2), and tan(α/2) = |u × v| / (|u| |v| + u · v) for its edges u and v.
 * Infinity for a needle, a wedge that narrow past the end of one of its edges.
 */
function wedgeReach(f: FlatRings, a: number, i: number, b: number): number {
  const vx = f.xs[i],
    vy0 = f.ys[i];
  const ax = f.xs[a] - vx,
    ay = f.ys[a] - vy0,
    bx = f.xs[b] - vx,
    by = f.ys[b] - vy0;
  const la = Math.sqrt(ax * ax + ay * ay),
    lb = Math.sqrt(bx * bx + by * by);
  const reach = (MIN_PIECE_M * (la * lb + ax * bx + ay * by)) / (2 * Math.abs(ax * by - ay * bx));
  // a margin for rounding (of the rotation, and of the formula)
  return reach < Math.min(la, lb) ? 1.01 * reach + 1e-9 : Infinity;
}

/**
 * Lines (of the `lines` in lineY) that may pass through a turning vertex's wedge where it is
 * {@link MIN_PIECE_M} or narrower: the piece there may be dropped, so each such line counts one
 * piece fewer. A needle (a wedge that narrow past its shorter edge) counts the lines across its zone (needle-reach.ts); -1 when its zone is unbounded (no bound).
 */
function narrowWedgeLines(f: FlatRings, lines: number, c: number, s: number): number {
  const reach = wedgeReaches(f),
    ys = lineY,
    at = turnAt,
    kind = turnKind,
    heights = vy;
  // the lines are evenly spaced: firstAtLeast finds lowerIndex's line from the spacing
  const perM = lines > 1 ? (lines - 1) / (ys[lines - 1] - ys[0]) : 0;
  let out = 0;
  for (let t = 0, turns = lowCount + highCount; t < turns; t++) {
    const i = at[t],
      y = heights[i];
    const r = reach[i];
    let from: number, to: number;
    if (r === Infinity) {
      // a needle: its narrow pieces lie within its zone's height (and 1 mm, and a margin)
      const zone = f.needles!.get(i);
      if (!zone) return -1;
      [from, to] = zoneHeights(zone, c, s);
    } else {
      // a low's wedge opens upwards from it, a high's downwards
      from = kind[t] > 0 ? y - 1e-9 : y - r;
      to = kind[t] > 0 ? y + r : y + 1e-9;
    }
    for (let l = firstAtLeast(ys, lines, from, perM); l < lines && ys[l] <= to; l++) out++;
  }
  return out;
}

/**
 * A lower bound on `sweepCount(area, angleRad, widthM).pieces` without the crossings' x: each
 * swath line's crossings counted from the turning vertices below it, half of them the line's
 * pieces, less one for a line through a wedge too narrow for a kept piece. It assumes, as the
 * angle search's line count does, that no piece of 1 mm or less lies elsewhere (two edges that
 * close, not at a shared vertex); tests/plan/count-sweep.test.ts holds it under the counted
 * pieces on random fields and insets. 0 (no bound) where a needle's zone is unbounded (needle-reach.ts).
 *
 * @param floor - the caller only asks whether the bound reaches `floor`: a count under it is
 *   returned before the narrow wedges are looked for (it may then exceed the bound, but both are under `floor`)
 */
export function piecesAtLeast(area: PolygonM[], angleRad: number, widthM: number, floor = -Infinity): number {
  const c = Math.cos(-angleRad),
    s = Math.sin(-angleRad);
  let pieces = 0;
  for (let k = 0; k < area.length; k++) {
    const f = flatRings(area[k]);
    rotateYInto(f, c, s);
    const y0 = rangeY0,
      y1 = rangeY1;
    const most = swathCount(y1 - y0, widthM);
    if (most >= 1) lineY = grow(lineY, most);
    const lines = swathLinesInto(y1 - y0, widthM, y0, lineY);
    turningVertices(f.ends);
    pieces += crossedPieces(lines);
    // the narrow wedges only lower the count: not worth finding when it is under `floor` already
    if (k === area.length - 1 && pieces < floor) return pieces;
    const narrow = narrowWedgeLines(f, lines, c, s);
    if (narrow < 0) return 0;
    pieces -= narrow;
  }
  return pieces;
}

/** Pieces of the `lines` in lineY by the crossings of the turning vertices found last, before the narrow wedges. */
function crossedPieces(lines: number): number {
  const nl = lowCount,
    nh = highCount;
  sortAscending(lows, 0, nl);
  sortAscending(highs, 0, nh);
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
