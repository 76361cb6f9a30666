import type { PolygonM, Ring, XY } from '../../geometry/index.js';
import { type CornerRegion, filletRegion, regionOf, regionsHit } from './corner-regions.js';
import { arcPoints, type Fillet, filletWith, sBend, shortStepContact } from './fillet-arcs.js';
import { type Corner, cornersOf, lineMeet, spanFirst } from './ring-corners.js';
import { joinZigzags, type Piece } from './fillet-zigzag.js';
import { hypot } from '../../geometry/index.js';

/**
 * Analytic corner rounding of a headland lap: each corner of the lap's sharp (mitred) offset
 * becomes a circular arc tangent to both of its edges, a step an S of two arcs. This is what the
 * morphological opening and closing by the turning radius give where the corners are far
 * enough apart, in near-linear time instead of polygon offsets; where arcs would overlap in a way
 * this does not resolve (or one would reach another part of the lap) it gives up and the caller
 * falls back to the offsets.
 */

/** Sharp corners and their offset distance: what {@link filletLap} rounds. */
export interface FilletSpec {
  /** Turning radius, m: convex corners get arcs of exactly this radius. */
  radiusM: number;
  /**
   * Offset distance of the lap from the field edge, m. A concave corner of the lap sits at
   * this distance from a reflex field corner; the closing rounds it with radius max(R, d) (the
   * exact offset curve already has radius d there, which a turn of radius R ≤ d can follow).
   */
  offsetM: number;
  /** Largest gap between an arc and its chords, m. */
  arcToleranceM: number;
}

/**
 * Neighbouring corners turning opposite ways are merged only when the smaller turn is below
 * this (rad): a kink of a digitised edge next to a real corner, which the opening and closing
 * smooth away as well.
 */
const MIXED_MERGE_RAD = (5 * Math.PI) / 180;

/**
 * Merges two neighbouring corners whose fillets overlap into one at the meeting point of the
 * edges either side; false when it does not. For two corners turning the same way with one
 * radius this is exact: the edge between them vanishes when the lap is eroded by the radius
 * (its eroded length is `len − t₁ − t₂ < 0`), so the opening's arc is tangent to the two outer
 * edges. Corners turning opposite ways (or with different radii) merge only when one is a
 * small kink ({@link MIXED_MERGE_RAD}) or, with `jog`, as a short step no S rounds.
 */
function mergeAt(cs: Corner[], i: number, spec: FilletSpec, fi: Fillet, fj: Fillet, jog = false): boolean {
  const n = cs.length;
  if (n <= 3) return false;
  if (
    !jog &&
    (fi.turnRad > 0 !== fj.turnRad > 0 || fi.radiusM !== fj.radiusM) &&
    Math.min(Math.abs(fi.turnRad), Math.abs(fj.turnRad)) > MIXED_MERGE_RAD
  )
    return false;
  const j = (i + 1) % n;
  const x = lineMeet(cs[(i + n - 1) % n].p, cs[i].p, cs[j].p, cs[(j + 1) % n].p);
  if (!x || hypot(x[0] - cs[i].p[0], x[1] - cs[i].p[1]) > 4 * Math.max(spec.radiusM, spec.offsetM) + fi.t + fj.t) return false;
  cs[i] = { p: x, first: cs[i].first, last: cs[j].last, merged: true };
  cs.splice(j, 1);
  return true;
}

/** The radius a corner is rounded to: R where convex, max(R, d) where concave. */
function radiusFor(turnRad: number, spec: FilletSpec): number {
  return turnRad > 0 ? spec.radiusM : Math.max(spec.radiusM, spec.offsetM);
}

function filletAt(cs: Corner[], i: number, spec: FilletSpec): Fillet | null | undefined {
  const n = cs.length;
  const prev = cs[(i + n - 1) % n].p,
    p = cs[i].p,
    next = cs[(i + 1) % n].p;
  const turn = (p[0] - prev[0]) * (next[1] - p[1]) - (p[1] - prev[1]) * (next[0] - p[0]);
  return filletWith(prev, p, next, radiusFor(turn, spec));
}

/**
 * A step shorter than this (m) that no S rounds is rounded as one corner where its edges meet:
 * digitised edges have such jogs of a few decimetres, and the lap moves by less than the jog.
 */
const JOG_MERGE_M = 1;

/** Two neighbouring fillets that overlap and turn opposite ways: a step, rounded by an S. */
function isStep(fi: Fillet | null, fj: Fillet | null, edgeM: number): boolean {
  return !!fi && !!fj && fi.turnRad > 0 !== fj.turnRad > 0 && fi.t + fj.t > edgeM;
}

/**
 * Fillets of every corner of one ring (null where straight), with neighbouring corners merged
 * where their fillets overlap and {@link mergeAt} allows; overlaps it does not allow (steps)
 * are left for {@link ringPieces}. Undefined at a hairpin. After a merge only the fillets and
 * pairs it can change are worked out again: a pair i, i + 1 depends on corners i − 1 to i + 2,
 * so the scan goes on from two pairs before the merge, as a scan from the start would find it.
 */
function ringFillets(cs: Corner[], spec: FilletSpec): (Fillet | null)[] | undefined {
  if (cs.length < 3) return undefined;
  let fillets = allFillets(cs, spec);
  let from = 0;
  for (let guard = 0; fillets && guard < 4 * cs.length + 8; guard++) {
    const n = cs.length;
    const i = mergeScan(cs, fillets, spec, from);
    if (i === undefined) return undefined;
    if (i < 0) return fillets;
    if (cs.length < 3) return undefined;
    if (i >= n - 2) {
      // the merge touched the ring's last corner (or removed its first): start again
      fillets = allFillets(cs, spec);
      from = 0;
      continue;
    }
    fillets.splice(i + 1, 1);
    for (const k of [i - 1, i, i + 1]) {
      const f = filletAt(cs, (k + cs.length) % cs.length, spec);
      if (f === undefined) return undefined;
      fillets[(k + cs.length) % cs.length] = f;
    }
    from = Math.max(0, i - 2);
  }
  return undefined;
}

/** Every corner's fillet; undefined at a hairpin. */
function allFillets(cs: Corner[], spec: FilletSpec): (Fillet | null)[] | undefined {
  const fillets: (Fillet | null)[] = [];
  for (let i = 0; i < cs.length; i++) {
    const f = filletAt(cs, i, spec);
    if (f === undefined) return undefined;
    fillets.push(f);
  }
  return fillets;
}

/**
 * Scans the pairs from `from` on: the corner merged into (its neighbour removed), −1 when every
 * overlap is resolved without a merge, undefined when one cannot be.
 */
function mergeScan(cs: Corner[], fillets: (Fillet | null)[], spec: FilletSpec, from: number): number | undefined {
  const n = cs.length;
  for (let i = from; i < n; i++) {
    const j = (i + 1) % n;
    const fi = fillets[i],
      fj = fillets[j];
    const edge = hypot(cs[j].p[0] - cs[i].p[0], cs[j].p[1] - cs[i].p[1]);
    if ((fi?.t ?? 0) + (fj?.t ?? 0) <= edge) continue;
    if (!fi || !fj) return undefined;
    if (mergeAt(cs, i, spec, fi, fj)) return i;
    const step = isStep(fi, fj, edge);
    if (step && stepPiece(cs, i, fillets, spec)) continue;
    // a step too short for an S (its convex fillet runs past the concave corner): one corner
    // where its edges meet, else where the opening's disc stops (see `shortStepContact`)
    if (edge <= JOG_MERGE_M && mergeAt(cs, i, spec, fi, fj, true)) return i;
    const contact = step ? shortContact(cs, i, fillets) : undefined;
    if (contact === 'far' && mergeAt(cs, i, spec, fi, fj, true)) return i;
    if (contact !== 'vertex' || !stepPiece(cs, i, fillets, spec, true)) return undefined;
  }
  return -1;
}

/** Where the opening's disc at a short step (corners i and i + 1) stops: see `shortStepContact`. */
function shortContact(cs: Corner[], i: number, fillets: (Fillet | null)[]): 'far' | 'vertex' | undefined {
  const n = cs.length,
    j = (i + 1) % n;
  const at = (k: number) => cs[(k + n) % n].p;
  const fi = fillets[i] as Fillet,
    fj = fillets[j] as Fillet;
  // the convex corner first: on the reversed ring when it comes second
  const c =
    fi.turnRad > 0
      ? shortStepContact(at(i - 1), at(i), at(j), at(j + 1), fi.radiusM, fi.turnRad)
      : shortStepContact(at(j + 1), at(j), at(i), at(i - 1), fj.radiusM, -fj.turnRad);
  return c === undefined ? undefined : 'far' in c ? 'far' : 'vertex';
}

/** The S through corners i and i + 1 (the convex one keeps its own fillet; `short`: see `sBend`), or undefined. */
function stepPiece(cs: Corner[], i: number, fillets: (Fillet | null)[], spec: FilletSpec, short = false): Piece | undefined {
  const n = cs.length,
    j = (i + 1) % n;
  const at = (k: number) => cs[(k + n) % n].p;
  const fi = fillets[i] as Fillet,
    fj = fillets[j] as Fillet;
  if (fi.turnRad > 0) {
    const s = sBend(at(i - 1), at(i), at(j), at(j + 1), fi.radiusM, fj.radiusM, spec.arcToleranceM, short);
    return s && { first: i, last: j, tIn: s.tIn, tOut: s.tOut, points: s.points };
  }
  // the convex corner comes second: build the S on the reversed ring
  const s = sBend(at(j + 1), at(j), at(i), at(i - 1), fj.radiusM, fi.radiusM, spec.arcToleranceM, short);
  return s && { first: i, last: j, tIn: s.tOut, tOut: s.tIn, points: s.points.reverse() };
}

/**
 * The ring's rounded stretches in order (a corner's fillet, a step's S, a zig-zag's three arcs:
 * see `joinZigzags`), or undefined when two overlap otherwise or a step has no S.
 */
function ringPieces(cs: Corner[], spec: FilletSpec): Piece[] | undefined {
  const fillets = ringFillets(cs, spec);
  if (!fillets) return undefined;
  const n = cs.length;
  const edgeM = (i: number) => hypot(cs[(i + 1) % n].p[0] - cs[i].p[0], cs[(i + 1) % n].p[1] - cs[i].p[1]);
  const step = (i: number) => isStep(fillets[i], fillets[(i + 1) % n], edgeM(i));
  // start at a corner that is not the second of a step
  let start = 0;
  while (start < n && step((start + n - 1) % n)) start++;
  if (start === n) return undefined;
  const pieces: Piece[] = [];
  for (let k = 0; k < n; k++) {
    const i = (start + k) % n;
    if (step(i)) {
      if (k === n - 1) return undefined;
      const piece = stepPiece(cs, i, fillets, spec) ?? stepPiece(cs, i, fillets, spec, true);
      if (!piece) return undefined;
      pieces.push(piece);
      k++;
      continue;
    }
    const f = fillets[i];
    const points: XY[] = [];
    if (f) arcPoints(f.centre, f.radiusM, f.from, f.turnRad, spec.arcToleranceM, true, points);
    pieces.push({ first: i, last: i, tIn: f?.t ?? 0, tOut: f?.t ?? 0, points });
  }
  return joinZigzags(pieces, cs, fillets, edgeM, spec) ? pieces : undefined;
}

/**
 * Rounds every corner of a lap's sharp offset: convex corners to `radiusM`, concave ones to
 * max(radiusM, offsetM), a step (a convex and a concave corner closer than their fillets) to an
 * S of the two, or, where the step is shorter than the convex fillet, to the S through its far
 * corner or one corner where its outer edges meet (see `shortStepContact`, which says which the
 * opening gives). Rings must have the inside on their left (outer counter-clockwise, holes
 * clockwise, as offsetPolygons gives them). Undefined when a ring has a hairpin, neighbouring
 * fillets overlap in a way neither a merge nor an S resolves, or a rounded corner would reach
 * another part of the lap: there the opening and closing differ from per-corner arcs and the
 * caller must use them.
 *
 * @param sharp - the lap's centre line offset with mitred corners
 * @param spec - radius, offset distance and arc tolerance
 * @example
 * ```ts
 * const lap = filletLap(offsetPolygons([field], -0.9, 'miter'), { radiusM: 2, offsetM: 0.9, arcToleranceM: 0.02 });
 * ```
 */
export function filletLap(sharp: PolygonM[], spec: FilletSpec): PolygonM[] | undefined {
  const out: PolygonM[] = [];
  for (const poly of sharp) {
    const rings = [poly.outer, ...poly.holes];
    const regions: CornerRegion[] = [];
    const rounded: Ring[] = [];
    for (let r = 0; r < rings.length; r++) {
      const corners = cornersOf(rings[r]);
      const pieces = ringPieces(corners, spec);
      if (!pieces) return undefined;
      const pts: XY[] = [];
      for (const piece of pieces) {
        if (piece.points.length === 0) continue;
        pts.push(...piece.points);
        const [first, last] = [spanFirst(corners, piece.first, rings[r].length), corners[piece.last].last];
        if (piece.first === piece.last) {
          regions.push(filletRegion(r, first, last, corners[piece.first].p, piece.points));
          continue;
        }
        const chain: XY[] = [];
        for (let k = piece.first; ; k = (k + 1) % corners.length) {
          chain.push(corners[k].p);
          if (k === piece.last) break;
        }
        regions.push(regionOf(r, first, last, [...chain, ...piece.points]));
      }
      if (pts.length < 3) return undefined;
      rounded.push(pts);
    }
    if (regionsHit(rings, regions)) return undefined;
    out.push({ outer: rounded[0], holes: rounded.slice(1) });
  }
  return out;
}
