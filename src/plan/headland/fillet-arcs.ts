/**
 * The arcs that round a lap's corners: one fillet per corner, or an S of two arcs where a
 * convex and a concave corner are too close for two fillets (a step in the field edge).
 */
import type { XY } from '../../geometry/index.js';
import { hypot } from '../../geometry/index.js';

/** A corner's fillet: the tangent points and the arc's centre and radius. */
export interface Fillet {
  /** Distance of the tangent points from the corner, m. */
  t: number;
  from: XY;
  to: XY;
  centre: XY;
  radiusM: number;
  /** Signed turn of the corner, rad (positive = left = convex on a ring with the inside on its left). */
  turnRad: number;
}

/** Corners turning less than this (rad) are straight: no arc. */
const STRAIGHT_RAD = 1e-9;
/** Corners turning more than this (rad) are hairpins a fillet cannot round. */
const HAIRPIN_RAD = Math.PI - 1e-3;

/**
 * The fillet of radius `radiusM` at corner p between edges prev→p and p→next: null where the
 * path runs straight on, undefined at a hairpin or a zero-length edge.
 */
export function filletWith(prev: XY, p: XY, next: XY, radiusM: number): Fillet | null | undefined {
  const ax = p[0] - prev[0],
    ay = p[1] - prev[1],
    bx = next[0] - p[0],
    by = next[1] - p[1];
  const la = hypot(ax, ay),
    lb = hypot(bx, by);
  if (la === 0 || lb === 0) return undefined;
  const turnRad = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
  if (Math.abs(turnRad) < STRAIGHT_RAD) return null;
  if (Math.abs(turnRad) > HAIRPIN_RAD) return undefined;
  const t = radiusM * Math.tan(Math.abs(turnRad) / 2);
  const ux = ax / la,
    uy = ay / la;
  const from: XY = [p[0] - ux * t, p[1] - uy * t];
  const to: XY = [p[0] + (bx / lb) * t, p[1] + (by / lb) * t];
  // the centre is on the inside of the turn: left of the incoming edge for a left turn
  const side = turnRad > 0 ? 1 : -1;
  const centre: XY = [from[0] - uy * radiusM * side, from[1] + ux * radiusM * side];
  return { t, from, to, centre, radiusM, turnRad };
}

/**
 * Appends the points of an arc around `centre` starting at `start` and turning `sweepRad`
 * (positive = counter-clockwise), chords within `arcToleranceM`; the start point is included
 * when `withStart`, the end point always.
 */
export function arcPoints(
  centre: XY,
  radiusM: number,
  start: XY,
  sweepRad: number,
  arcToleranceM: number,
  withStart: boolean,
  out: XY[],
): void {
  const maxStep = 2 * Math.acos(Math.max(-1, 1 - arcToleranceM / radiusM));
  const steps = Math.max(1, Math.ceil(Math.abs(sweepRad) / maxStep));
  if (withStart) out.push(start);
  const a0 = Math.atan2(start[1] - centre[1], start[0] - centre[0]);
  for (let s = 1; s <= steps; s++) {
    const a = a0 + (sweepRad * s) / steps;
    out.push([centre[0] + radiusM * Math.cos(a), centre[1] + radiusM * Math.sin(a)]);
  }
}

/** An S of two arcs through two neighbouring corners: its points and where it leaves the edges either side. */
export interface SBend {
  /** Distance from the first corner back along its incoming edge to where the S starts, m. */
  tIn: number;
  /** Distance from the second corner along its outgoing edge to where the S ends, m. */
  tOut: number;
  points: XY[];
}

function angleBetween(u: XY, v: XY): number {
  return Math.atan2(u[0] * v[1] - u[1] * v[0], u[0] * v[0] + u[1] * v[1]);
}

/** The first arc of an S: its centre, where it leaves the incoming edge (and how far back from p1), and its largest sweep. */
interface FirstArc {
  centre: XY;
  from: XY;
  t: number;
  turnRad: number;
  maxSweepRad: number;
}

/**
 * Where the opening's disc at a short step's convex corner p1 stops (p1's fillet would run past
 * p2, the step being shorter than its tangent length): the largest disc of radius r1 tangent to
 * the incoming edge slides forward until it touches p2 (`vertex`: its arc runs from the incoming
 * edge to p2, and the closing's circle rounds what is left at p2) or the far edge beyond p2 (`far`:
 * the step vanishes into one corner where the incoming and far edges meet). Undefined when it
 * touches neither or would cut the riser p1 → p2.
 */
export function shortStepContact(prev: XY, p1: XY, p2: XY, next: XY, r1: number, turnRad: number): { far: true } | FirstArc | undefined {
  const la = hypot(p1[0] - prev[0], p1[1] - prev[1]);
  const u: XY = [(p1[0] - prev[0]) / la, (p1[1] - prev[1]) / la];
  const side = turnRad > 0 ? 1 : -1;
  // centres r1 inside the incoming edge's line: base + s·u; at r1 from p2 first at the smaller root
  const base: XY = [p1[0] - u[1] * r1 * side, p1[1] + u[0] * r1 * side];
  const w: XY = [p2[0] - base[0], p2[1] - base[1]];
  const wu = w[0] * u[0] + w[1] * u[1];
  const disc = wu * wu - (w[0] * w[0] + w[1] * w[1]) + r1 * r1;
  const sVertex = disc >= 0 ? wu - Math.sqrt(disc) : Infinity;
  // at r1 from the far edge's line, on its inner side, touching it beyond p2
  const cl = hypot(next[0] - p2[0], next[1] - p2[1]);
  const c: XY = [(next[0] - p2[0]) / cl, (next[1] - p2[1]) / cl];
  // the disc's inner-side distance to that line falls as it slides forward only when rate < 0
  const rate = side * (c[0] * u[1] - c[1] * u[0]);
  let sFar = Infinity;
  if (rate < 0) {
    const s = (r1 - side * (c[0] * -w[1] - c[1] * -w[0])) / (side * (c[0] * u[1] - c[1] * u[0]));
    if ((base[0] + s * u[0] - p2[0]) * c[0] + (base[1] + s * u[1] - p2[1]) * c[1] > 0) sFar = s;
  }
  if (sFar <= sVertex) return Number.isFinite(sFar) ? { far: true } : undefined;
  const s = sVertex;
  if (s > 0) return undefined;
  const centre: XY = [base[0] + s * u[0], base[1] + s * u[1]];
  // the riser p1 → p2 must stay outside the disc (it touches it at p2 only)
  const rx = p2[0] - p1[0],
    ry = p2[1] - p1[1];
  const k = Math.max(0, Math.min(1, ((centre[0] - p1[0]) * rx + (centre[1] - p1[1]) * ry) / (rx * rx + ry * ry)));
  if (hypot(p1[0] + k * rx - centre[0], p1[1] + k * ry - centre[1]) < r1 * (1 - 1e-9)) return undefined;
  const from: XY = [p1[0] + s * u[0], p1[1] + s * u[1]];
  const maxSweepRad = Math.abs(angleBetween([from[0] - centre[0], from[1] - centre[1]], [p2[0] - centre[0], p2[1] - centre[1]]));
  return { centre, from, t: -s, turnRad, maxSweepRad };
}

/**
 * Rounds corner p1 with its own fillet of radius r1 and the next corner p2, which turns the
 * other way, with a circle of radius r2 tangent to p2's outgoing edge and to the first circle.
 * This is what the opening and then the closing make of a step: the opening rounds the convex
 * corner alone (its disk fits, the polygon beyond the concave corner is wider), and the largest
 * outside disk that then fits at the concave corner slides along its far edge until it meets
 * that arc. So p1 must be the convex corner (call it on the reversed ring otherwise). With
 * `short`, a step shorter than p1's fillet gets the opening's arc through p2 instead
 * ({@link shortStepContact}). Undefined when the second circle would meet the first beyond its arc
 * or touch the far edge behind p2.
 */
export function sBend(prev: XY, p1: XY, p2: XY, next: XY, r1: number, r2: number, arcToleranceM: number, short = false): SBend | undefined {
  const f1 = filletWith(prev, p1, p2, r1);
  if (!f1) return undefined;
  let a1: FirstArc | undefined = { centre: f1.centre, from: f1.from, t: f1.t, turnRad: f1.turnRad, maxSweepRad: Math.abs(f1.turnRad) };
  if (short) {
    const contact = f1.t > hypot(p2[0] - p1[0], p2[1] - p1[1]) ? shortStepContact(prev, p1, p2, next, r1, f1.turnRad) : undefined;
    a1 = contact && 'centre' in contact ? contact : undefined;
  }
  if (!a1) return undefined;
  const cl = hypot(next[0] - p2[0], next[1] - p2[1]);
  const c: XY = [(next[0] - p2[0]) / cl, (next[1] - p2[1]) / cl];
  const side2 = a1.turnRad > 0 ? -1 : 1;
  // centres at distance r2 from the far edge's line, on the inside of the second turn
  const q: XY = [p2[0] - c[1] * r2 * side2, p2[1] + c[0] * r2 * side2];
  const w: XY = [q[0] - a1.centre[0], q[1] - a1.centre[1]];
  const b = w[0] * c[0] + w[1] * c[1];
  const disc = b * b - (w[0] * w[0] + w[1] * w[1]) + (r1 + r2) * (r1 + r2);
  if (disc < 0) return undefined;
  // sliding in from far along the edge, the circle first touches the fillet at the larger root
  const s = -b + Math.sqrt(disc);
  if (s < 0) return undefined;
  const c2: XY = [q[0] + s * c[0], q[1] + s * c[1]];
  const k = r1 / (r1 + r2);
  const m: XY = [a1.centre[0] + (c2[0] - a1.centre[0]) * k, a1.centre[1] + (c2[1] - a1.centre[1]) * k];
  const sweep1 = angleBetween([a1.from[0] - a1.centre[0], a1.from[1] - a1.centre[1]], [m[0] - a1.centre[0], m[1] - a1.centre[1]]);
  if (sweep1 * a1.turnRad <= 0 || Math.abs(sweep1) > a1.maxSweepRad + 1e-9) return undefined;
  const sweep2 = angleBetween([m[0] - c2[0], m[1] - c2[1]], [p2[0] + s * c[0] - c2[0], p2[1] + s * c[1] - c2[1]]);
  if (sweep2 * side2 <= 0) return undefined;
  const points: XY[] = [];
  arcPoints(a1.centre, r1, a1.from, sweep1, arcToleranceM, true, points);
  arcPoints(c2, r2, m, sweep2, arcToleranceM, false, points);
  return { tIn: a1.t, tOut: s, points };
}
