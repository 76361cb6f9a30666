import type { XY } from '../../geometry/index.js';
import { arcOffsets } from './arc.js';

/**
 * Turn shapes in a canonical frame: the machine leaves its swath at the origin heading +x;
 * the next swath starts at (bx, d), d > 0 (to the left), and is driven heading −x.
 * Each shape is a list of legs, forward or reverse. Every shape first drives straight to
 * x0 = max(0, bx) and finishes with a straight back to bx, so slanted field ends work.
 *
 * The shapes are written flat into a {@link FlatShape} (points x, y interleaved): the turn
 * planner tries several per turn and keeps one, so a shape that does not fit costs no arrays.
 * `uTurn`, `omegaTurn`, `kTurn` and `stopTurn` give the same points as {@link TurnShape}s
 * (tests/plan/turn-fast-paths.test.ts holds them to the shapes as they were built before).
 */
export interface TurnLeg {
  points: XY[];
  reverse: boolean;
}

export interface TurnShape {
  type: 'u' | 'omega' | 'k' | 'stop';
  legs: TurnLeg[];
}

const HALF_PI = Math.PI / 2;

/** A shape's canonical points, x and y interleaved, and where each leg ends (in points) and which way it is driven. */
export class FlatShape {
  type: TurnShape['type'] = 'u';
  xy = new Float64Array(256);
  /** Points written. */
  n = 0;
  /** Legs ended. */
  legs = 0;
  readonly ends: number[] = [];
  readonly reverse: boolean[] = [];
  /** Subtracted from every x written (a turn backed up along its swath, see {@link flatBackedUp}). */
  shiftX = 0;
  private shifted = false;

  /** Starts a new shape. */
  reset(type: TurnShape['type']): this {
    this.type = type;
    this.n = 0;
    this.legs = 0;
    this.shifted = false;
    return this;
  }

  point(u: number, v: number): void {
    if (2 * this.n + 2 > this.xy.length) {
      const grown = new Float64Array(2 * this.xy.length);
      grown.set(this.xy);
      this.xy = grown;
    }
    this.xy[2 * this.n] = this.shifted ? u - this.shiftX : u;
    this.xy[2 * this.n + 1] = v;
    this.n++;
  }

  /** `arcPoints(center, radiusM, fromRad, toRad)`'s points, the first left out when `skipFirst`. */
  arc(cx: number, cy: number, radiusM: number, fromRad: number, toRad: number, skipFirst = false): void {
    const off = arcOffsets(radiusM, fromRad, toRad);
    for (let i = skipFirst ? 1 : 0; 2 * i < off.length; i++) this.point(cx + off[2 * i], cy + off[2 * i + 1]);
  }

  endLeg(reverse: boolean): void {
    this.ends[this.legs] = this.n;
    this.reverse[this.legs] = reverse;
    this.legs++;
  }

  /** Writes the legs that follow with x shifted back by `backM` (or not). */
  shift(on: boolean, backM = 0): void {
    this.shifted = on;
    this.shiftX = backM;
  }

  /** The shape as arrays. */
  toShape(): TurnShape {
    const legs: TurnLeg[] = [];
    for (let k = 0, s = 0; k < this.legs; s = this.ends[k++]) {
      const points: XY[] = [];
      for (let i = s; i < this.ends[k]; i++) points.push([this.xy[2 * i], this.xy[2 * i + 1]]);
      legs.push({ points, reverse: this.reverse[k] });
    }
    return { type: this.type, legs };
  }
}

/** The straight in to x0, when x0 > 0 (every shape's first point; `leadOut` writes its last). */
function leadIn(f: FlatShape, x0: number): void {
  if (x0 > 1e-9) f.point(0, 0);
}

/** The straight back to bx, when bx < x0. */
function leadOut(f: FlatShape, x0: number, bx: number, d: number): void {
  if (x0 - bx > 1e-9) f.point(bx, d);
}

/** Writes the arc–straight–arc U-turn legs (see {@link uTurn}); false when d < 2R. */
export function flatU(f: FlatShape, bx: number, d: number, radiusM: number): boolean {
  if (d < 2 * radiusM - 1e-9) return false;
  const x0 = Math.max(0, bx),
    R = radiusM;
  leadIn(f, x0);
  f.arc(x0, R, R, -HALF_PI, 0);
  f.arc(x0, d - R, R, 0, HALF_PI);
  leadOut(f, x0, bx, d);
  f.endLeg(false);
  return true;
}

/** Writes the omega turn's leg (see {@link omegaTurn}); false when d ≥ 2R or d ≤ 0. */
export function flatOmega(f: FlatShape, bx: number, d: number, radiusM: number): boolean {
  const R = radiusM;
  if (d >= 2 * R || d <= 0) return false;
  const x0 = Math.max(0, bx);
  const c1: XY = [x0, -R],
    c3: XY = [x0, d + R];
  const cx = Math.sqrt(4 * R * R - (d / 2 + R) ** 2);
  const C: XY = [x0 + cx, d / 2];
  const a1 = Math.atan2(C[1] - c1[1], C[0] - c1[0]); // tangent point direction on circle 1
  const a3 = Math.atan2(C[1] - c3[1], C[0] - c3[0]);
  const aStart = Math.atan2(c1[1] - C[1], c1[0] - C[0]);
  let aEnd = Math.atan2(c3[1] - C[1], c3[0] - C[0]);
  while (aEnd <= aStart) aEnd += 2 * Math.PI;
  leadIn(f, x0);
  f.arc(c1[0], c1[1], R, HALF_PI, a1); // clockwise: from the top of circle 1 down to the tangent
  f.arc(C[0], C[1], R, aStart, aEnd, true); // counter-clockwise loop
  f.arc(c3[0], c3[1], R, a3, -HALF_PI, true); // clockwise to the bottom of circle 3
  leadOut(f, x0, bx, d);
  f.endLeg(false);
  return true;
}

/** Writes the K-turn's three legs (see {@link kTurn}); false when d ≥ 2R or d ≤ 0. */
export function flatK(f: FlatShape, bx: number, d: number, radiusM: number): boolean {
  const R = radiusM;
  if (d >= 2 * R || d <= 0) return false;
  const x0 = Math.max(0, bx);
  leadIn(f, x0);
  f.arc(x0, R, R, -HALF_PI, 0);
  f.endLeg(false);
  f.point(x0 + R, R);
  f.point(x0 + R, d - R);
  f.endLeg(true);
  f.arc(x0, d - R, R, 0, HALF_PI);
  leadOut(f, x0, bx, d);
  f.endLeg(false);
  return true;
}

/** Writes the stop-turn's leg (see {@link stopTurn}). */
export function flatStop(f: FlatShape, bx: number, d: number): true {
  f.point(0, 0);
  f.point(bx, d);
  f.endLeg(false);
  return true;
}

/** The turn made at x = 0: a K-turn when d < 2R, else a U-turn (none when d = 0); its type, or undefined. */
function flatCore(f: FlatShape, d: number, radiusM: number): TurnShape['type'] | undefined {
  if (flatK(f, 0, d, radiusM)) return 'k';
  if (flatU(f, 0, d, radiusM)) return 'u';
  return undefined;
}

/**
 * Writes the turn made at the nearer swath end (x = 0: a K-turn, or a U-turn when the swaths
 * are 2R apart), then a straight reverse out to a next swath that starts farther on (bx > 0):
 * keeps the turn off a boundary that slants across the swaths. False when there is none.
 */
export function flatReverseTail(f: FlatShape, bx: number, d: number, radiusM: number): boolean {
  if (bx <= 1e-9) return false;
  const type = flatCore(f, d, radiusM);
  if (!type) return false;
  f.type = type;
  f.point(0, d);
  f.point(bx, d);
  f.endLeg(true);
  return true;
}

/**
 * Writes the turn at x = 0 (as {@link flatReverseTail}) made `backM` before the swath end:
 * reverse along the worked swath, turn, then reverse out to the next swath's start. The last
 * resort that still respects the radius when the boundary slants so sharply that no turn fits
 * at the swath ends. False when there is none.
 */
export function flatBackedUp(f: FlatShape, backM: number, bx: number, d: number, radiusM: number): boolean {
  f.point(0, 0);
  f.point(-backM, 0);
  f.endLeg(true);
  f.shift(true, backM);
  const type = flatCore(f, d, radiusM);
  f.shift(false);
  if (!type) return false;
  f.type = type;
  f.point(-backM, d);
  f.point(bx, d);
  f.endLeg(true);
  return true;
}

const scratch = new FlatShape();

/** Arc–straight–arc U-turn (Dubins LSL), for a lateral offset d ≥ 2R. Reaches R past x0. */
export function uTurn(bx: number, d: number, radiusM: number): TurnShape | undefined {
  return flatU(scratch.reset('u'), bx, d, radiusM) ? scratch.toShape() : undefined;
}

/**
 * Omega turn (Dubins RLR) for d < 2R, forward only: a small right arc, a large left loop, a
 * small right arc. Reaches R + sqrt(4R² − (d/2 + R)²) past x0 and R/… to each side.
 */
export function omegaTurn(bx: number, d: number, radiusM: number): TurnShape | undefined {
  return flatOmega(scratch.reset('omega'), bx, d, radiusM) ? scratch.toShape() : undefined;
}

/**
 * Three-point (K) turn for d < 2R: forward quarter arc, straight reverse of 2R − d, forward
 * quarter arc. Reaches only R past x0, so it fits narrow headlands.
 */
export function kTurn(bx: number, d: number, radiusM: number): TurnShape | undefined {
  return flatK(scratch.reset('k'), bx, d, radiusM) ? scratch.toShape() : undefined;
}

/** Stop-turn-go (multirotor): straight across to the next swath, turning on the spot at each end. */
export function stopTurn(bx: number, d: number): TurnShape {
  flatStop(scratch.reset('stop'), bx, d);
  return scratch.toShape();
}
