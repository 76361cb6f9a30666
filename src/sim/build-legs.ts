/**
 * Turns one vehicle's share of the route into legs: speeds from the profile and the guidance,
 * stop-turn holds for multirotors, refill legs for the plan's stops, straight transits over
 * gaps, and the manual driver's habits (cut corners, short pass ends, uneven spacing).
 */
import type { XY } from '../geometry/index.js';
import { machinePoints } from '../plan/index.js';
import type { Vehicle } from '../vehicles/index.js';
import type { SteeringModel } from './error-models.js';
import { chamferCorners, makeLeg, setInteriorLimits, setJoinLimits, type CornerRules, type Leg } from './legs.js';
import type { Rng } from './random.js';
import type { WorkItem } from './work-split.js';

/** What {@link buildLegs} needs besides the work. */
export interface LegContext {
  vehicle: Vehicle;
  steering: SteeringModel;
  rng: Rng;
  /** Where the vehicle starts (the service point). */
  start: XY;
  /** Block runs: speed on field roads, m/s (default the transit speed). */
  roadSpeedMps?: number;
}

const GAP_M = 0.3;

/** Corner rules of a vehicle. */
export function cornerRules(v: Vehicle, steering: SteeringModel): CornerRules {
  return { multirotor: v.kind === 'multirotor', turnSpeedMps: v.turnSpeedMps * steering.turnSpeedFactor };
}

/**
 * The manual driver's pass ends: switch-on late (gap) or early (spread at the end of the turn
 * before: overlap); switch-off early (gap) or late (spread into the turn after: overlap).
 * Returns how far the spreading runs on into the next turn, m.
 */
function shortEnds(leg: Leg, legs: readonly Leg[], steering: SteeringModel, rng: Rng): number {
  const startErrM = rng.uniform(-steering.shortEndMaxM, steering.shortEndMaxM);
  const endErrM = rng.uniform(-steering.shortEndMaxM, steering.shortEndMaxM);
  leg.implementFromM = Math.min(leg.lengthM / 3, Math.max(0, startErrM));
  leg.implementToM = Math.max((2 * leg.lengthM) / 3, leg.lengthM - Math.max(0, endErrM));
  const before = legs[legs.length - 1];
  if (startErrM < 0 && before?.kind === 'turn' && !before.reverse) {
    // one implement range per leg: a turn with both ends spread is spread all along
    const from = Math.max(0, before.lengthM + startErrM);
    before.implementFromM = before.implementToM > before.implementFromM ? 0 : from;
    before.implementToM = before.lengthM;
  }
  return Math.max(0, -endErrM);
}

/** A swath leg (corners cut and pass ends misjudged by a manual driver); returns it with its overrun into the next turn, m. */
function swathLeg(segment: WorkItem['segment'], ctx: LegContext, legs: readonly Leg[]): { leg: Leg; overrunM: number } {
  const { vehicle, steering, rng } = ctx;
  // a stepped swath's piece: the machine drives its own straight line, the rows work off it
  const path = machinePoints(segment);
  const points =
    steering.cornerCutM[1] > 0 ? chamferCorners(path, () => rng.uniform(steering.cornerCutM[0], steering.cornerCutM[1])) : path;
  const leg = makeLeg('swath', points, vehicle.workSpeedMps * steering.workSpeedFactor);
  if (segment.widthM !== undefined) leg.widthM = segment.widthM;
  if (segment.rowsOffsetM) leg.rowsOffsetM = segment.rowsOffsetM;
  const overrunM = steering.shortEndMaxM > 0 ? shortEnds(leg, legs, steering, rng) : 0;
  leg.lateralBiasM = passBias(steering, rng);
  return { leg, overrunM };
}

/** A turn leg: reverse speed when reversing, a hold for a multirotor's stop-turn, spread on by the swath's overrun. */
function turnLeg(segment: WorkItem['segment'], ctx: LegContext, overrunM: number): Leg {
  const { vehicle, steering } = ctx;
  const speedMps =
    segment.reverse && vehicle.reverseSpeedMps > 0 ? vehicle.reverseSpeedMps : vehicle.turnSpeedMps * steering.turnSpeedFactor;
  const leg = makeLeg('turn', segment.points, speedMps, { reverse: segment.reverse });
  if (vehicle.kind === 'multirotor') leg.holdS = vehicle.stopTurnS * steering.stopTurnFactor;
  if (overrunM > 0 && !segment.reverse) leg.implementToM = Math.min(overrunM, leg.lengthM);
  return leg;
}

/** Builds the legs of one vehicle; see the file comment. */
export function buildLegs(items: readonly WorkItem[], ctx: LegContext): Leg[] {
  const { vehicle, steering } = ctx;
  const legs: Leg[] = [];
  let position: XY = ctx.start;
  const transitTo = (to: XY) => {
    if (Math.hypot(to[0] - position[0], to[1] - position[1]) > GAP_M)
      legs.push(makeLeg('transit', [position, to], vehicle.transitSpeedMps * steering.transitSpeedFactor));
    position = to;
  };
  let overrunM = 0;
  for (const item of items) {
    const { segment } = item;
    const overrunBeforeM = overrunM;
    overrunM = 0;
    transitTo(segment.points[0]);
    let leg: Leg;
    if (segment.kind === 'swath') ({ leg, overrunM } = swathLeg(segment, ctx, legs));
    else if (segment.kind === 'turn') leg = turnLeg(segment, ctx, overrunBeforeM);
    else {
      const roadMps = item.road && ctx.roadSpeedMps !== undefined ? ctx.roadSpeedMps : vehicle.transitSpeedMps;
      leg = makeLeg('transit', segment.points, roadMps * steering.transitSpeedFactor, item.road ? { road: true } : {});
    }
    if (item.paddy !== undefined) leg.paddy = item.paddy;
    legs.push(leg);
    position = leg.points[leg.points.length - 1];
    const stop = item.refillAfter;
    if (stop) {
      transitTo(stop.at);
      legs.push(
        makeLeg('refill', [stop.at, stop.at], vehicle.transitSpeedMps, {
          holdS: stop.durationS,
          refill: { reason: stop.reason, durationS: stop.durationS, planned: true },
        }),
      );
    }
  }
  const rules = cornerRules(vehicle, steering);
  for (const leg of legs) setInteriorLimits(leg, rules);
  setJoinLimits(legs, rules);
  return legs;
}

/**
 * Manual uneven spacing: a person misjudges each pass by N(0, passBiasSigmaM) (the overlap kept
 * on purpose is in the plan's spacing, see manualSpacingVehicle). Guided: 0.
 */
function passBias(st: SteeringModel, rng: Rng): number {
  return st.passBiasSigmaM === 0 ? 0 : st.passBiasSigmaM * rng.normal();
}
