/**
 * Turns one vehicle's share of the route into legs: speeds from the profile and the guidance,
 * stop-turn holds for multirotors, refill legs for the plan's stops, straight transits over
 * gaps, and the manual driver's habits (cut corners, short pass ends, uneven spacing).
 */
import type { XY } from '../geometry/types.js';
import type { Vehicle } from '../vehicles/types.js';
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
  let prevSwathMid: XY | undefined;
  const transitTo = (to: XY) => {
    if (Math.hypot(to[0] - pos[0], to[1] - pos[1]) > GAP_M) legs.push(makeLeg('transit', [pos, to], v.transitSpeedMps));
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
      if (st.shortEndMaxM > 0) {
        // late switch-on; switch-off early (gap) or late (overrun into the turn: overlap)
        leg.implementFromM = Math.min(leg.lengthM / 3, rng.uniform(0, st.shortEndMaxM));
        const endErrM = rng.uniform(-st.shortEndMaxM, st.shortEndMaxM);
        leg.implementToM = Math.max((2 * leg.lengthM) / 3, leg.lengthM - Math.max(0, endErrM));
        overrunM = Math.max(0, -endErrM);
      }
      leg.lateralBiasM = passBias(leg, prevSwathMid, v.workingWidthM, st, rng);
      prevSwathMid = midpoint(leg);
    } else if (seg.kind === 'turn') {
      const speed = seg.reverse && v.reverseSpeedMps > 0 ? v.reverseSpeedMps : v.turnSpeedMps * st.turnSpeedFactor;
      leg = makeLeg('turn', seg.points, speed, { reverse: seg.reverse });
      if (v.kind === 'multirotor') leg.holdS = v.stopTurnS * st.stopTurnFactor;
      if (overrun > 0 && !seg.reverse) leg.implementToM = Math.min(overrun, leg.lengthM);
    } else {
      leg = makeLeg('transit', seg.points, v.transitSpeedMps);
    }
    legs.push(leg);
    pos = leg.points[leg.points.length - 1];
    const stop = it.refillAfter;
    if (stop) {
      transitTo(stop.at);
      legs.push(makeLeg('refill', [stop.at, stop.at], v.transitSpeedMps, {
        holdS: stop.durationS,
        refill: { reason: stop.reason, durationS: stop.durationS, planned: true },
      }));
    }
  }
  const rules = cornerRules(v, st);
  for (const leg of legs) setInteriorLimits(leg, rules);
  setJoinLimits(legs, rules);
  return legs;
}

function midpoint(leg: Leg): XY {
  const a = leg.points[0];
  const b = leg.points[leg.points.length - 1];
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

/**
 * Manual uneven spacing: a person aims to overlap the previous pass a little
 * (`aimOverlapM` towards it) and misjudges by N(0, passBiasSigmaM). Guided: 0.
 */
function passBias(leg: Leg, prevMid: XY | undefined, widthM: number, st: SteeringModel, rng: Rng): number {
  if (st.passBiasSigmaM === 0 && st.aimOverlapM === 0) return 0;
  const noise = st.passBiasSigmaM * rng.normal();
  if (!prevMid || leg.points.length < 2) return noise;
  const a = leg.points[0];
  const b = leg.points[1];
  const d = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const right: XY = [(b[1] - a[1]) / d, -(b[0] - a[0]) / d];
  const side = (prevMid[0] - a[0]) * right[0] + (prevMid[1] - a[1]) * right[1];
  if (Math.abs(side) > 2 * widthM) return noise;
  return Math.sign(side) * st.aimOverlapM + noise;
}
