import { polylinesInside } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { kTurn, omegaTurn, stopTurn, uTurn, withReverseTail, backedUp, type TurnLeg, type TurnShape } from './shapes.js';

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
function shapeTimeS(shape: TurnShape, v: Vehicle): number {
  let t = 0;
  for (const leg of shape.legs) {
    let l = 0;
    for (let i = 1; i < leg.points.length; i++)
      l += Math.hypot(leg.points[i][0] - leg.points[i - 1][0], leg.points[i][1] - leg.points[i - 1][1]);
    t += l / (leg.reverse ? v.reverseSpeedMps || v.turnSpeedMps : v.turnSpeedMps);
  }
  // each change of direction stops and restarts the machine
  return t + (shape.legs.length - 1) * 2 * (v.turnSpeedMps / v.accelMps2);
}

/** The last shape placed in the field: its points x, y interleaved, and where each leg ends (in points). */
const placed = { xy: new Float64Array(512), ends: [] as number[] };

/**
 * Places a canonical shape in the field, into {@link placed}: (u, v) goes to end + u·heading +
 * v·mirror·left, the arithmetic the legs are built with. Returns the number of legs.
 */
function place(shape: TurnShape, end: XY, heading: XY, left: XY, mirror: number): number {
  let n = 0;
  for (const leg of shape.legs) n += leg.points.length;
  if (2 * n > placed.xy.length) placed.xy = new Float64Array(4 * n);
  const xy = placed.xy;
  let i = 0;
  for (let k = 0; k < shape.legs.length; k++) {
    const pts = shape.legs[k].points;
    for (let j = 0; j < pts.length; j++) {
      const u = pts[j][0],
        v = pts[j][1];
      xy[i++] = end[0] + u * heading[0] + v * mirror * left[0];
      xy[i++] = end[1] + u * heading[1] + v * mirror * left[1];
    }
    placed.ends[k] = i / 2;
  }
  return shape.legs.length;
}

/** The legs of the shape last placed, as points. */
function worldLegs(shape: TurnShape): TurnLeg[] {
  const xy = placed.xy;
  let i = 0;
  return shape.legs.map((leg) => ({ points: leg.points.map((): XY => [xy[i++], xy[i++]]), reverse: leg.reverse }));
}

/** How far before the swath end the last-resort turns are made, in turning radii (see `backedUp`). */
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

/** The turn of `shape` placed at the frame when its every point is inside the field, else undefined. */
function fitted(shape: TurnShape | undefined, f: TurnFrame): Turn | undefined {
  if (!shape) return undefined;
  // placed in the field (flat, so a shape that does not fit costs no arrays), tested, then kept
  const count = place(shape, f.end, f.heading, f.left, f.mirror);
  if (!polylinesInside(placed.xy, placed.ends, count, f.space.field, f.space.tolM)) return undefined;
  const legs = worldLegs(shape);
  // pin the ends exactly on the swath ends (arcs carry rounding)
  legs[0].points[0] = f.end;
  legs[legs.length - 1].points[legs[legs.length - 1].points.length - 1] = f.next;
  return { type: shape.type, legs };
}

/**
 * A ground machine's turn, the shapes tried in order of preference, each built only when the
 * ones before it do not fit: a U-turn (swaths 2R or more apart) or the faster of an omega and a
 * K-turn, then the same turn at the nearer end with a reverse out, then turns backed up.
 */
function groundTurn(bx: number, d: number, vehicle: Vehicle, f: TurnFrame): Turn | undefined {
  const R = vehicle.minTurnRadiusM;
  const canReverse = vehicle.reverseSpeedMps > 0;
  let turn: Turn | undefined;
  if (d >= 2 * R) turn = fitted(uTurn(bx, d, R), f);
  else {
    const omega = omegaTurn(bx, d, R);
    const k = canReverse ? kTurn(bx, d, R) : undefined;
    // the faster first; on a tie the omega (a stable sort of [omega, k])
    const kFirst = !!omega && !!k && shapeTimeS(k, vehicle) - shapeTimeS(omega, vehicle) < 0;
    turn = kFirst ? (fitted(k, f) ?? fitted(omega, f)) : (fitted(omega, f) ?? fitted(k, f));
  }
  if (turn || !canReverse) return turn;
  // the turn made at x = 0: a U-turn when the swaths are 2R apart, else a K-turn (none when d = 0)
  const core = kTurn(0, d, R) ?? uTurn(0, d, R);
  if (bx > 0 && (turn = fitted(withReverseTail(core, bx, d), f))) return turn;
  for (const k of BACK_RADII) if ((turn = fitted(backedUp(core, k * R, bx, d), f))) return turn;
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
  const turn = vehicle.kind === 'multirotor' || vehicle.minTurnRadiusM <= 0 ? fitted(stopTurn(bx, d), f) : groundTurn(bx, d, vehicle, f);
  if (turn) return turn;
  const path = shortestPathInside(end, next, space.field, space.waypoints) ?? [end, next];
  return { type: 'path', legs: [{ points: path, reverse: false }] };
}
