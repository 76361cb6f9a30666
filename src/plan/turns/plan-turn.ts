import { polylineInside } from '../../geometry/index.js';
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

/**
 * Canonical shapes depend only on (bx, d, R); swaths in a cell repeat them, so they are kept
 * (never mutated) in a small cache, emptied when it grows past 2,000 entries. The key is the
 * exact numbers: a shape made for nearly the same bx would make a plan depend on what was
 * planned before it in the process (a rounded key did; same field, same bytes is the rule).
 */
const shapeCache = new Map<string, TurnShape | undefined>();
function cached(kind: string, bx: number, d: number, R: number, make: () => TurnShape | undefined): TurnShape | undefined {
  const key = `${kind}|${bx}|${d}|${R}`;
  if (shapeCache.has(key)) return shapeCache.get(key);
  if (shapeCache.size > 2000) shapeCache.clear();
  const shape = make();
  shapeCache.set(key, shape);
  return shape;
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
  const toWorld = ([u, v]: XY): XY => [end[0] + u * heading[0] + v * mirror * left[0], end[1] + u * heading[1] + v * mirror * left[1]];

  // Candidates in order of preference, built only when the ones before them do not fit.
  const candidates: (() => TurnShape | undefined)[] = [];
  if (vehicle.kind === 'multirotor' || vehicle.minTurnRadiusM <= 0) {
    candidates.push(() => stopTurn(bx, d));
  } else {
    const R = vehicle.minTurnRadiusM;
    const canReverse = vehicle.reverseSpeedMps > 0;
    const byTime = (shapes: (TurnShape | undefined)[]) =>
      shapes.filter((s): s is TurnShape => !!s).sort((a, b) => shapeTimeS(a, vehicle) - shapeTimeS(b, vehicle));
    if (d >= 2 * R) candidates.push(() => cached('u', bx, d, R, () => uTurn(bx, d, R)));
    else {
      const omega = cached('omega', bx, d, R, () => omegaTurn(bx, d, R));
      const k = canReverse ? cached('k', bx, d, R, () => kTurn(bx, d, R)) : undefined;
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
    const legs = shape.legs.map((leg) => ({ points: leg.points.map(toWorld), reverse: leg.reverse }));
    if (legs.every((leg) => polylineInside(leg.points, space.field, space.tolM))) {
      // pin the ends exactly on the swath ends (arcs carry rounding)
      legs[0].points[0] = end;
      legs[legs.length - 1].points[legs[legs.length - 1].points.length - 1] = next;
      return { type: shape.type, legs };
    }
  }
  const path = shortestPathInside(end, next, space.field, space.waypoints) ?? [end, next];
  return { type: 'path', legs: [{ points: path, reverse: false }] };
}
