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
  const mirror = dRaw < 0 ? -1 : 1;
  const d = Math.abs(dRaw);

  // Candidates in order of preference, built only when the ones before them do not fit.
  const candidates: (() => TurnShape | undefined)[] = [];
  if (vehicle.kind === 'multirotor' || vehicle.minTurnRadiusM <= 0) {
    candidates.push(() => stopTurn(bx, d));
  } else {
    const R = vehicle.minTurnRadiusM;
    const canReverse = vehicle.reverseSpeedMps > 0;
    const byTime = (shapes: (TurnShape | undefined)[]) =>
      shapes.filter((s): s is TurnShape => !!s).sort((a, b) => shapeTimeS(a, vehicle) - shapeTimeS(b, vehicle));
    if (d >= 2 * R) candidates.push(() => uTurn(bx, d, R));
    else {
      const omega = omegaTurn(bx, d, R);
      const k = canReverse ? kTurn(bx, d, R) : undefined;
      for (const s of byTime([omega, k])) candidates.push(() => s);
    }
    if (canReverse && bx > 0) candidates.push(() => withReverseTail(d >= 2 * R ? uTurn(0, d, R) : kTurn(0, d, R), bx, d));
    if (canReverse)
      for (const back of [0.5, 1, 2, 3].map((k) => k * R))
        candidates.push(() => backedUp((x) => kTurn(x, d, R) ?? uTurn(x, d, R), back, bx, d));
  }
  for (const make of candidates) {
    const shape = make();
    if (!shape) continue;
    // placed in the field (flat, so a shape that does not fit costs no arrays), tested, then kept
    const count = place(shape, end, heading, left, mirror);
    if (polylinesInside(placed.xy, placed.ends, count, space.field, space.tolM)) {
      const legs = worldLegs(shape);
      // pin the ends exactly on the swath ends (arcs carry rounding)
      legs[0].points[0] = end;
      legs[legs.length - 1].points[legs[legs.length - 1].points.length - 1] = next;
      return { type: shape.type, legs };
    }
  }
  const path = shortestPathInside(end, next, space.field, space.waypoints) ?? [end, next];
  return { type: 'path', legs: [{ points: path, reverse: false }] };
}
