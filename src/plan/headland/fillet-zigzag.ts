/**
 * A zig-zag of a lap's edge, convex–concave–convex with short edges (a notch at a field corner,
 * a double jog): the convex corners' fillets come so close that the concave corner's arc, which
 * an S tangent to the far edge would give, runs past the next fillet. The opening and closing
 * give three arcs there: each convex corner rounded by the opening, and the closing's disc at the
 * concave corner sliding in until it touches both (the exact morphology when the disc reaches
 * neither edge: with radius d ≥ R it is the disc around the field's reflex corner).
 */
import type { XY } from '../../geometry/index.js';
import { arcPoints } from './fillet-arcs.js';
import { angleBetween, between, foot, reflexCorner, segmentDist, toward, unit } from './zigzag-points.js';
import { hypot } from '../../geometry/index.js';

/** A rounded stretch of a ring: its corners (first to last, cyclic), where it leaves the edges either side, its points. */
export interface Piece {
  first: number;
  last: number;
  tIn: number;
  tOut: number;
  points: XY[];
}

/** The distances that shape a zig-zag: the turning radius R and the lap's offset d from the field edge. */
export interface ZigzagSpec {
  radiusM: number;
  offsetM: number;
  arcToleranceM: number;
}

/**
 * A convex corner's opening disc: its centre, where it leaves the incoming edge (t before the
 * corner) and where its arc ends toward the concave corner: on v's arc where v's disc stopped it
 * (`stopped`), else its fillet's tangent point on the next edge, which the lap keeps up to the
 * foot of v.
 */
interface OpeningDisc {
  centre: XY;
  from: XY;
  t: number;
  end: XY;
  stopped: boolean;
}

/**
 * The opening's disc of radius r at convex corner p (edge prev → p coming in, p → next going on,
 * the inside on the left) sliding along the incoming edge toward p: it stops where it first
 * touches the disc of radius d around v (the field's reflex corner) or at the fillet's place,
 * tangent to p → next, where that tangent point lies on the lap's part of the edge (before the
 * foot of v, where v's arc begins).
 */
function openingDisc(prev: XY, p: XY, next: XY, r: number, v: XY, d: number): OpeningDisc | undefined {
  const u = unit(prev, p),
    w2 = unit(p, next);
  if (!u || !w2) return undefined;
  const turn = Math.atan2(u[0] * w2[1] - u[1] * w2[0], u[0] * w2[0] + u[1] * w2[1]);
  if (turn <= 0) return undefined;
  const tFillet = r * Math.tan(turn / 2);
  const base: XY = [p[0] - u[1] * r, p[1] + u[0] * r];
  const at = (s: number): XY => [base[0] + s * u[0], base[1] + s * u[1]];
  const w: XY = [v[0] - base[0], v[1] - base[1]];
  const wu = w[0] * u[0] + w[1] * u[1];
  const disc = wu * wu - (w[0] * w[0] + w[1] * w[1]) + (r + d) * (r + d);
  const sV = disc >= 0 ? wu - Math.sqrt(disc) : Infinity;
  const toFoot = (v[0] - p[0]) * w2[0] + (v[1] - p[1]) * w2[1];
  if (-tFillet <= sV && tFillet <= toFoot) {
    const from: XY = [p[0] - u[0] * tFillet, p[1] - u[1] * tFillet];
    return { centre: at(-tFillet), from, t: tFillet, end: [p[0] + w2[0] * tFillet, p[1] + w2[1] * tFillet], stopped: false };
  }
  if (!(sV < 0)) return undefined;
  const centre = at(sV);
  return { centre, from: [p[0] + sV * u[0], p[1] + sV * u[1]], t: -sV, end: toward(centre, v, r), stopped: true };
}

/**
 * The closing's disc of radius r tangent from outside to the two opening discs (radius r at c1
 * and c3) on v's side, or undefined when it would reach into the opened lap: over the arc of
 * radius d around v between j1 and j3, where the lap's edge follows it.
 */
function closingDisc(c1: XY, c3: XY, r: number, v: XY, d: number, j1: XY, j3: XY): XY | undefined {
  const dx = c3[0] - c1[0],
    dy = c3[1] - c1[1];
  const dd = hypot(dx, dy);
  if (dd === 0 || dd > 4 * r) return undefined;
  const along = dd / 2,
    across = Math.sqrt(4 * r * r - along * along);
  const ux = dx / dd,
    uy = dy / dd;
  const vSide = ux * (v[1] - c1[1]) - uy * (v[0] - c1[0]);
  if (vSide === 0) return undefined;
  const side = vSide > 0 ? 1 : -1;
  const c2: XY = [c1[0] + ux * along - uy * across * side, c1[1] + uy * along + ux * across * side];
  const inside = r * (1 - 1e-9);
  if (hypot(j1[0] - c2[0], j1[1] - c2[1]) < inside || hypot(j3[0] - c2[0], j3[1] - c2[1]) < inside) return undefined;
  // the nearest point of v's circle to c2, when it lies on the arc between j1 and j3
  const span = angleBetween([j1[0] - v[0], j1[1] - v[1]], [j3[0] - v[0], j3[1] - v[1]]);
  const at = angleBetween([j1[0] - v[0], j1[1] - v[1]], [c2[0] - v[0], c2[1] - v[1]]);
  if (at * span > 0 && Math.abs(at) < Math.abs(span) && hypot(c2[0] - v[0], c2[1] - v[1]) - d < inside) return undefined;
  return c2;
}

/** `openingDisc` at c, the zig-zag's second convex corner, from the reversed ring (mirrored so its inside is on the left again). */
function openingDiscBack(next: XY, c: XY, b: XY, r: number, v: XY, d: number): OpeningDisc | undefined {
  const m = (p: XY): XY => [p[0], -p[1]];
  const o = openingDisc(m(next), m(c), m(b), r, m(v), d);
  return o && { centre: m(o.centre), from: m(o.from), t: o.t, end: m(o.end), stopped: o.stopped };
}

/**
 * A zig-zag where d ≥ R and v's arc stops both opening discs: the closing keeps that arc (a turn
 * the machine can follow), so the rounded stretch is the opening's arc at a, v's arc between the
 * discs' contacts, and the opening's arc at c.
 */
function keptReflexArc(
  disc1: OpeningDisc,
  disc3: OpeningDisc,
  v: XY,
  d: number,
  r: number,
  tol: number,
): Omit<Piece, 'first' | 'last'> | undefined {
  const rel = (p: XY, o: XY): XY => [p[0] - o[0], p[1] - o[1]];
  const sweep1 = angleBetween(rel(disc1.from, disc1.centre), rel(disc1.end, disc1.centre));
  const sweep2 = angleBetween(rel(disc1.end, v), rel(disc3.end, v));
  const sweep3 = angleBetween(rel(disc3.end, disc3.centre), rel(disc3.from, disc3.centre));
  if (sweep1 <= 0 || sweep2 >= 0 || sweep3 <= 0) return undefined;
  const points: XY[] = [];
  arcPoints(disc1.centre, r, disc1.from, sweep1, tol, true, points);
  arcPoints(v, d, disc1.end, sweep2, tol, false, points);
  arcPoints(disc3.centre, r, disc3.end, sweep3, tol, false, points);
  return { tIn: disc1.t, tOut: disc3.t, points };
}

/**
 * The three arcs through convex corner a, concave corner b and convex corner c of a lap's sharp
 * ring (a0 before a, c1 after c). The lap is the field inset by d, which has an arc of radius d
 * around the field's reflex corner v behind b; the opening's discs of radius R at a and c slide
 * toward their corners until they touch that arc or reach their fillets ({@link openingDisc}).
 * Where d ≥ R and both touch v's arc, the closing keeps it; where d < R a disc of radius R
 * tangent to both rounds across it. Undefined otherwise (a fillet and v's arc with d ≥ R: the S
 * or fillets apply), or where a disc reaches another edge of the zig-zag or the closing's disc
 * would reach into the lap.
 */
export function zigzagBend(a0: XY, a: XY, b: XY, c: XY, c1: XY, spec: ZigzagSpec): Omit<Piece, 'first' | 'last'> | undefined {
  const r = spec.radiusM,
    d = spec.offsetM;
  const v = reflexCorner(a, b, c, d);
  if (!v) return undefined;
  // v's arc begins on b's edges at the feet of v; where a foot lies behind a (or c), that edge is
  // no part of the lap (it came from a field edge shorter than d: the miter's corner, not the lap's)
  const t1 = foot(v, a, b),
    t2 = foot(v, b, c);
  const edge1 = between(t1, a, b),
    edge2 = between(t2, b, c);
  const disc1 = openingDisc(a0, a, b, r, v, d),
    disc3 = openingDiscBack(c1, c, b, r, v, d);
  // where d ≥ R the closing keeps v's arc: a zig-zag only where it stops both discs (else the
  // corners' fillets and S apply, with v's arc, their concave fillet, between)
  if (!disc1 || !disc3 || (d >= r && !(disc1.stopped && disc3.stopped))) return undefined;
  // each disc clear of the zig-zag's other edges as the lap has them (it is tangent to its own incoming edge)
  const inside = r * (1 - 1e-9);
  if ((edge2 && segmentDist(disc1.centre, t2, c) < inside) || segmentDist(disc1.centre, c, c1) < inside) return undefined;
  if ((edge1 && segmentDist(disc3.centre, a, t1) < inside) || segmentDist(disc3.centre, a0, a) < inside) return undefined;
  if (d >= r) return keptReflexArc(disc1, disc3, v, d, r, spec.arcToleranceM);
  const c2 = closingDisc(disc1.centre, disc3.centre, r, v, d, disc1.stopped ? disc1.end : t1, disc3.stopped ? disc3.end : t2);
  if (!c2) return undefined;
  // the closing's disc clear of the straight stretches left between a fillet and v's arc
  if (!disc1.stopped && segmentDist(c2, disc1.end, t1) < inside) return undefined;
  if (!disc3.stopped && segmentDist(c2, disc3.end, t2) < inside) return undefined;
  const m1 = toward(disc1.centre, c2, r),
    m3 = toward(disc3.centre, c2, r);
  const rel = (p: XY, o: XY): XY => [p[0] - o[0], p[1] - o[1]];
  const sweep1 = angleBetween(rel(disc1.from, disc1.centre), rel(m1, disc1.centre));
  const sweep3 = angleBetween(rel(m3, disc3.centre), rel(disc3.from, disc3.centre));
  const sweep2 = angleBetween(rel(m1, c2), rel(m3, c2));
  if (sweep1 <= 0 || sweep3 <= 0 || sweep2 >= 0) return undefined;
  // the closing's disc touches the opening's arcs before they end
  if (sweep1 > angleBetween(rel(disc1.from, disc1.centre), rel(disc1.end, disc1.centre)) + 1e-9) return undefined;
  if (sweep3 > angleBetween(rel(disc3.end, disc3.centre), rel(disc3.from, disc3.centre)) + 1e-9) return undefined;
  const points: XY[] = [];
  arcPoints(disc1.centre, r, disc1.from, sweep1, spec.arcToleranceM, true, points);
  arcPoints(c2, r, m1, sweep2, spec.arcToleranceM, false, points);
  arcPoints(disc3.centre, r, m3, sweep3, spec.arcToleranceM, false, points);
  return { tIn: disc1.t, tOut: disc3.t, points };
}

/** A corner of the ring: its point, and whether it was merged from two (see `Corner` in ring-corners.ts). */
interface ZigzagCorner {
  p: XY;
  merged?: true;
}

/** The corner fillets a zig-zag needs: each corner's turn (positive = convex) and radius. */
interface CornerTurn {
  turnRad: number;
  radiusM: number;
}

/** The zig-zag piece for neighbouring pieces a, b of a ring (an S and a fillet beside it, convex–concave–convex), or undefined. */
function zigzagPiece(
  corners: readonly ZigzagCorner[],
  turns: (CornerTurn | null)[],
  a: Piece,
  b: Piece,
  spec: ZigzagSpec,
): Piece | undefined {
  const n = turns.length;
  const at = (k: number) => corners[(k + n) % n].p;
  const span = (p: Piece) => (p.last - p.first + n) % n;
  if (span(a) + span(b) !== 1 || (a.last + 1) % n !== b.first) return undefined;
  const i = a.first,
    j = (i + 1) % n,
    l = (i + 2) % n;
  const [ti, tj, tl] = [turns[i], turns[j], turns[l]];
  if (!ti || !tj || !tl || ti.turnRad <= 0 || tj.turnRad >= 0 || tl.turnRad <= 0) return undefined;
  // a merged corner stands where two edges' lines meet, which may lie behind its neighbour:
  // the edges of the zig-zag and those either side must be the ring's own
  for (let k = i; k <= i + 2; k++) if (corners[(k + n) % n].merged) return undefined;
  const z = zigzagBend(at(i - 1), at(i), at(j), at(l), at(l + 1), spec);
  return z && { first: i, last: l, ...z };
}

/**
 * Resolves overlapping neighbours among a ring's pieces (in ring order) where they are an S and
 * the fillet of the convex corner beside it: one zig-zag piece of three arcs instead
 * ({@link zigzagBend}). False when some overlap is left (the caller then uses the offsets).
 *
 * @param corners - the ring's corners (their points; merged ones are left alone)
 * @param turns - each corner's fillet (its turn and radius), null where straight
 * @param edgeM - length of the edge from corner k to the next
 */
export function joinZigzags(
  pieces: Piece[],
  corners: readonly ZigzagCorner[],
  turns: (CornerTurn | null)[],
  edgeM: (k: number) => number,
  spec: ZigzagSpec,
): boolean {
  for (let k = 0; k < pieces.length; k++) {
    const kb = (k + 1) % pieces.length;
    const a = pieces[k],
      b = pieces[kb];
    if (a.tOut + b.tIn <= edgeM(a.last)) continue;
    const z = pieces.length > 2 ? zigzagPiece(corners, turns, a, b, spec) : undefined;
    if (!z) return false;
    // the joined piece stands where a stood (or at the start, b's place, when the pair wraps)
    if (kb === 0) {
      pieces[0] = z;
      pieces.pop();
    } else {
      pieces[k] = z;
      pieces.splice(kb, 1);
    }
    // its neighbours are checked again: back up to the pair before it
    k = Math.max(-1, (kb === 0 ? 0 : k) - 2);
  }
  return true;
}
