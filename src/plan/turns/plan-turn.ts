import { hypot } from '../../geometry/index.js';
import { polylinesInside } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { kTurnFirst } from './k-or-omega.js';
import { FlatShape, flatBackedUp, flatK, flatOmega, flatReverseTail, flatStop, flatU, type TurnLeg, type TurnShape } from './shapes.js';

/** A turn in field coordinates. `type: 'path'` is the fallback polyline that ignores the radius. */
export interface Turn {
  type: TurnShape['type'] | 'path';
  legs: TurnLeg[];
}

/** What a turn must stay inside, and the corners a fallback path may bend around. */
export interface TurnSpace {
  field: PolygonM;
  waypoints: XY[];
  /** Inside tolerance, m (the checker allows 0.05; we keep a margin under it). */
  tolM: number;
}

/** Rough time of a shape, s, used to pick the cheaper of the turns that fit. */
function shapeTimeS(shape: FlatShape, v: Vehicle): number {
  const xy = shape.xy;
  let t = 0;
  for (let k = 0, s = 0; k < shape.legs; s = shape.ends[k++]) {
    let l = 0;
    for (let i = s + 1; i < shape.ends[k]; i++) l += hypot(xy[2 * i] - xy[2 * i - 2], xy[2 * i + 1] - xy[2 * i - 1]);
    t += l / (shape.reverse[k] ? v.reverseSpeedMps || v.turnSpeedMps : v.turnSpeedMps);
  }
  // each change of direction stops and restarts the machine
  return t + (shape.legs - 1) * 2 * (v.turnSpeedMps / v.accelMps2);
}

/** The last shape placed in the field: its points x, y interleaved (its legs end where the shape's do). */
let placed = new Float64Array(512);

/**
 * Places a canonical shape in the field, into {@link placed}: (u, v) goes to end + u·heading +
 * v·mirror·left, the arithmetic the legs are built with.
 */
function place(shape: FlatShape, end: XY, heading: XY, left: XY, mirror: number): void {
  const n = shape.n,
    c = shape.xy;
  if (2 * n > placed.length) placed = new Float64Array(4 * n);
  for (let i = 0; i < 2 * n; i += 2) {
    const u = c[i],
      v = c[i + 1];
    placed[i] = end[0] + u * heading[0] + v * mirror * left[0];
    placed[i + 1] = end[1] + u * heading[1] + v * mirror * left[1];
  }
}

/** The legs of the shape last placed, as points. */
function worldLegs(shape: FlatShape): TurnLeg[] {
  const legs: TurnLeg[] = [];
  for (let k = 0, s = 0; k < shape.legs; s = shape.ends[k++]) {
    const points: XY[] = new Array(shape.ends[k] - s);
    for (let i = s; i < shape.ends[k]; i++) points[i - s] = [placed[2 * i], placed[2 * i + 1]];
    legs.push({ points, reverse: shape.reverse[k] });
  }
  return legs;
}

/** How far before the swath end the last-resort turns are made, in turning radii (see `flatBackedUp`). */
const BACK_RADII = [0.5, 1, 2, 3];

/** Where a turn is made: the swath end, its heading and left, the side the next swath lies on, the space. */
interface TurnFrame {
  end: XY;
  heading: XY;
  left: XY;
  mirror: number;
  next: XY;
  space: TurnSpace;
}

/** The turn of `shape` (when written) placed at the frame when its every point is inside the field, else undefined. */
function fitted(written: boolean, shape: FlatShape, f: TurnFrame): Turn | undefined {
  if (!written) return undefined;
  // placed in the field (flat, so a shape that does not fit costs no arrays), tested, then kept
  place(shape, f.end, f.heading, f.left, f.mirror);
  if (!polylinesInside(placed, shape.ends, shape.legs, f.space.field, f.space.tolM)) return undefined;
  const legs = worldLegs(shape);
  // pin the ends exactly on the swath ends (arcs carry rounding)
  legs[0].points[0] = f.end;
  legs[legs.length - 1].points[legs[legs.length - 1].points.length - 1] = f.next;
  return { type: shape.type, legs };
}

/** Whether the K-turn is strictly faster than the omega, from the two written (for 0 < d < 2R). */
function writtenKFirst(bx: number, d: number, R: number, vehicle: Vehicle): boolean {
  flatOmega(shapeA.reset('omega'), bx, d, R);
  flatK(shapeB.reset('k'), bx, d, R);
  return shapeTimeS(shapeB, vehicle) - shapeTimeS(shapeA, vehicle) < 0;
}

/** The shapes tried (two: an omega and a K-turn are ordered by time before either is placed). */
const shapeA = new FlatShape(),
  shapeB = new FlatShape();

/**
 * A ground machine's turn, the shapes tried in order of preference, each built only when the
 * ones before it do not fit: a U-turn (swaths 2R or more apart) or the faster of an omega and a
 * K-turn, then the same turn at the nearer end with a reverse out, then turns backed up.
 */
function groundTurn(bx: number, d: number, vehicle: Vehicle, f: TurnFrame): Turn | undefined {
  const R = vehicle.minTurnRadiusM;
  const canReverse = vehicle.reverseSpeedMps > 0;
  let turn: Turn | undefined;
  if (d >= 2 * R) turn = fitted(flatU(shapeA.reset('u'), bx, d, R), shapeA, f);
  else {
    // what flatOmega and flatK ask of the gap (d < 2R here); each shape is written only when it is tried
    const omega = !(d <= 0),
      k = canReverse && omega;
    // the faster first; on a tie the omega (a stable sort of [omega, k]); times too close to call from the written shapes
    const kFirst = k && (kTurnFirst(bx, d, R, vehicle) ?? writtenKFirst(bx, d, R, vehicle));
    if (kFirst)
      turn = fitted(flatK(shapeB.reset('k'), bx, d, R), shapeB, f) ?? fitted(flatOmega(shapeA.reset('omega'), bx, d, R), shapeA, f);
    else
      turn =
        fitted(omega && flatOmega(shapeA.reset('omega'), bx, d, R), shapeA, f) ??
        fitted(k && flatK(shapeB.reset('k'), bx, d, R), shapeB, f);
  }
  if (turn || !canReverse) return turn;
  if (bx > 0 && (turn = fitted(flatReverseTail(shapeA.reset('u'), bx, d, R), shapeA, f))) return turn;
  for (const k of BACK_RADII) if ((turn = fitted(flatBackedUp(shapeA.reset('u'), k * R, bx, d, R), shapeA, f))) return turn;
  return undefined;
}

/**
 * Plans the turn from the end of one swath (`end`, travelling along unit vector `heading`) to
 * the start of the next (`next`, travelled the opposite way). Ground machines get a U-turn when
 * the swaths are 2R or more apart, else the cheaper of an omega and a K-turn; multirotors stop
 * and turn. Only a turn whose every point is inside the field is taken; when none fits, the
 * shortest path inside the field is used (`type: 'path'`).
 */
export function planTurn(end: XY, heading: XY, next: XY, vehicle: Vehicle, space: TurnSpace): Turn {
  const left: XY = [-heading[1], heading[0]];
  const dx = next[0] - end[0],
    dy = next[1] - end[1];
  const bx = dx * heading[0] + dy * heading[1];
  const dRaw = dx * left[0] + dy * left[1];
  const f: TurnFrame = { end, heading, left, mirror: dRaw < 0 ? -1 : 1, next, space };
  const d = Math.abs(dRaw);
  const turn =
    vehicle.kind === 'multirotor' || vehicle.minTurnRadiusM <= 0
      ? fitted(flatStop(shapeA.reset('stop'), bx, d), shapeA, f)
      : groundTurn(bx, d, vehicle, f);
  if (turn) return turn;
  const path = shortestPathInside(end, next, space.field, space.waypoints) ?? [end, next];
  return { type: 'path', legs: [{ points: path, reverse: false }] };
}
