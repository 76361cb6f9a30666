/**
 * Turns one vehicle's share of the route into legs: speeds from the profile and the guidance,
 * stop-turn holds for multirotors, refill legs for the plan's stops, straight transits over
 * gaps, and the manual driver's habits (cut corners, short pass ends, uneven spacing).
 */
import type { XY } from '../geometry/index.js';
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

/** Builds the legs of one vehicle; see the file comment. */
export function buildLegs(items: readonly WorkItem[], ctx: LegContext): Leg[] {
  const { vehicle: v, steering: st, rng } = ctx;
  const legs: Leg[] = [];
  let pos: XY = ctx.start;
  const transitTo = (to: XY) => {
    if (Math.hypot(to[0] - pos[0], to[1] - pos[1]) > GAP_M)
      legs.push(makeLeg('transit', [pos, to], v.transitSpeedMps * st.transitSpeedFactor));
    pos = to;
  };
  let overrunM = 0;
  for (const it of items) {
    const seg = it.segment;
    const overrun = overrunM;
    overrunM = 0;
    transitTo(seg.points[0]);
    let leg: Leg;
    if (seg.kind === 'swath') {
      const pts = st.cornerCutM[1] > 0 ? chamferCorners(seg.points, () => rng.uniform(st.cornerCutM[0], st.cornerCutM[1])) : seg.points;
      leg = makeLeg('swath', pts, v.workSpeedMps * st.workSpeedFactor);
      if (seg.widthM !== undefined) leg.widthM = seg.widthM;
      if (st.shortEndMaxM > 0) {
        // switch-on late (gap) or early (spread at the end of the turn before: overlap);
        // switch-off early (gap) or late (spread into the turn after: overlap)
        const startErrM = rng.uniform(-st.shortEndMaxM, st.shortEndMaxM);
        const endErrM = rng.uniform(-st.shortEndMaxM, st.shortEndMaxM);
        leg.implementFromM = Math.min(leg.lengthM / 3, Math.max(0, startErrM));
        leg.implementToM = Math.max((2 * leg.lengthM) / 3, leg.lengthM - Math.max(0, endErrM));
        overrunM = Math.max(0, -endErrM);
        const before = legs[legs.length - 1];
        if (startErrM < 0 && before?.kind === 'turn' && !before.reverse) {
          // one implement range per leg: a turn with both ends spread is spread all along
          const from = Math.max(0, before.lengthM + startErrM);
          before.implementFromM = before.implementToM > before.implementFromM ? 0 : from;
          before.implementToM = before.lengthM;
        }
      }
      leg.lateralBiasM = passBias(st, rng);
    } else if (seg.kind === 'turn') {
      const speed = seg.reverse && v.reverseSpeedMps > 0 ? v.reverseSpeedMps : v.turnSpeedMps * st.turnSpeedFactor;
      leg = makeLeg('turn', seg.points, speed, { reverse: seg.reverse });
      if (v.kind === 'multirotor') leg.holdS = v.stopTurnS * st.stopTurnFactor;
      if (overrun > 0 && !seg.reverse) leg.implementToM = Math.min(overrun, leg.lengthM);
    } else {
      const roadMps = it.road && ctx.roadSpeedMps !== undefined ? ctx.roadSpeedMps : v.transitSpeedMps;
      leg = makeLeg('transit', seg.points, roadMps * st.transitSpeedFactor, it.road ? { road: true } : {});
    }
    if (it.paddy !== undefined) leg.paddy = it.paddy;
    legs.push(leg);
    pos = leg.points[leg.points.length - 1];
    const stop = it.refillAfter;
    if (stop) {
      transitTo(stop.at);
      legs.push(
        makeLeg('refill', [stop.at, stop.at], v.transitSpeedMps, {
          holdS: stop.durationS,
          refill: { reason: stop.reason, durationS: stop.durationS, planned: true },
        }),
      );
    }
  }
  const rules = cornerRules(v, st);
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
