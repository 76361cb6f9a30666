/**
 * The arcs that round a lap's corners: one fillet per corner, or an S of two arcs where a
 * convex and a concave corner are too close for two fillets (a step in the field edge).
 */
import type { XY } from '../../geometry/index.js';

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
  const la = Math.hypot(ax, ay),
    lb = Math.hypot(bx, by);
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

/**
 * Rounds corner p1 with its own fillet of radius r1 and the next corner p2, which turns the
 * other way, with a circle of radius r2 tangent to p2's outgoing edge and to the first circle.
 * This is what the opening and then the closing make of a step: the opening rounds the convex
 * corner alone (its disk fits, the polygon beyond the concave corner is wider), and the largest
 * outside disk that then fits at the concave corner slides along its far edge until it meets
 * that arc. So p1 must be the convex corner (call it on the reversed ring otherwise). Undefined
 * when the second circle would meet the first beyond its arc or touch the far edge behind p2.
 */
export function sBend(prev: XY, p1: XY, p2: XY, next: XY, r1: number, r2: number, arcToleranceM: number): SBend | undefined {
  const f1 = filletWith(prev, p1, p2, r1);
  if (!f1) return undefined;
  const cl = Math.hypot(next[0] - p2[0], next[1] - p2[1]);
  const c: XY = [(next[0] - p2[0]) / cl, (next[1] - p2[1]) / cl];
  const side2 = f1.turnRad > 0 ? -1 : 1;
  // centres at distance r2 from the far edge's line, on the inside of the second turn
  const q: XY = [p2[0] - c[1] * r2 * side2, p2[1] + c[0] * r2 * side2];
  const w: XY = [q[0] - f1.centre[0], q[1] - f1.centre[1]];
  const b = w[0] * c[0] + w[1] * c[1];
  const disc = b * b - (w[0] * w[0] + w[1] * w[1]) + (r1 + r2) * (r1 + r2);
  if (disc < 0) return undefined;
  // sliding in from far along the edge, the circle first touches the fillet at the larger root
  const s = -b + Math.sqrt(disc);
  if (s < 0) return undefined;
  const c2: XY = [q[0] + s * c[0], q[1] + s * c[1]];
  const k = r1 / (r1 + r2);
  const m: XY = [f1.centre[0] + (c2[0] - f1.centre[0]) * k, f1.centre[1] + (c2[1] - f1.centre[1]) * k];
  const sweep1 = angleBetween([f1.from[0] - f1.centre[0], f1.from[1] - f1.centre[1]], [m[0] - f1.centre[0], m[1] - f1.centre[1]]);
  if (sweep1 * f1.turnRad <= 0 || Math.abs(sweep1) > Math.abs(f1.turnRad) + 1e-9) return undefined;
  const sweep2 = angleBetween([m[0] - c2[0], m[1] - c2[1]], [p2[0] + s * c[0] - c2[0], p2[1] + s * c[1] - c2[1]]);
  if (sweep2 * side2 <= 0) return undefined;
  const points: XY[] = [];
  arcPoints(f1.centre, r1, f1.from, sweep1, arcToleranceM, true, points);
  arcPoints(c2, r2, m, sweep2, arcToleranceM, false, points);
  return { tIn: f1.t, tOut: s, points };
}
