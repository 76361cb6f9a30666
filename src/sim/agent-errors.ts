/**
 * Per-vehicle error state: GNSS reported-position error by fix, steering wander, RTK losses
 * and wind gusts (faults), all drawn from the vehicle's own seeded streams.
 */
import type { XY } from '../geometry/index.js';
import { GNSS_ERROR, nominalFix, type SteeringModel } from './error-models.js';
import type { FaultOptions } from './faults.js';
import { ouStart, ouStep, type OuState } from './ou-process.js';
import type { Rng } from './random.js';
import type { FixQuality, Guidance, SimEvent } from './types.js';

/** Error and fault state of one vehicle. */
export interface ErrorState {
  fix: FixQuality;
  gnssX: OuState;
  gnssY: OuState;
  steer: OuState;
  /** Seconds of RTK loss left, and its total length. */
  rtkLostS: number;
  rtkLossTotalS: number;
  gust?: { elapsedS: number; lengthS: number; peakM: number };
  rng: Rng;
  faultRng: Rng;
}

/** Starts the error state of a vehicle. */
export function startErrors(guidance: Guidance, st: SteeringModel, rng: Rng, faultRng: Rng): ErrorState {
  const fix = nominalFix(guidance);
  const g = GNSS_ERROR[fix];
  return {
    fix,
    gnssX: ouStart(rng, g.sigmaM, g.tauS),
    gnssY: ouStart(rng, g.sigmaM, g.tauS),
    steer: ouStart(rng, st.sigmaM, st.tauS),
    rtkLostS: 0,
    rtkLossTotalS: 0,
    rng,
    faultRng,
  };
}

/** Context of a fault update. */
export interface FaultContext {
  guidance: Guidance;
  multirotor: boolean;
  /** Faults happen only while the machine works or moves (not parked at the service point). */
  active: boolean;
  tMs: number;
  vehicleId: string;
  events: SimEvent[];
}

// module-level, not a closure per call: this runs every tick of every machine
function pushEvent(ctx: FaultContext, type: SimEvent['type'], detail: string): void {
  ctx.events.push({ t: ctx.tMs, vehicleId: ctx.vehicleId, type, detail });
}

/** Starts and ends RTK losses and gusts; pushes `fault` / `fault-cleared` events. Returns faults started. */
export function updateFaults(e: ErrorState, f: FaultOptions, dtS: number, ctx: FaultContext): number {
  let started = 0;
  if (e.rtkLostS > 0) {
    e.rtkLostS -= dtS;
    if (e.rtkLostS <= 0) {
      e.rtkLostS = 0;
      e.fix = 'rtk-fixed';
      pushEvent(ctx, 'fault-cleared', 'rtk-lost');
    } else {
      e.fix = e.rtkLossTotalS - e.rtkLostS < e.rtkLossTotalS / 3 ? 'rtk-float' : 'gnss';
    }
  } else if (ctx.active && ctx.guidance === 'rtk' && f.rtkLossPerHour > 0 && e.faultRng.chance((f.rtkLossPerHour * dtS) / 3600)) {
    e.rtkLossTotalS = e.faultRng.uniform(f.rtkLossS[0], f.rtkLossS[1]);
    e.rtkLostS = e.rtkLossTotalS;
    e.fix = 'rtk-float';
    pushEvent(ctx, 'fault', 'rtk-lost');
    started++;
  }
  if (e.gust) {
    e.gust.elapsedS += dtS;
    if (e.gust.elapsedS >= e.gust.lengthS) {
      e.gust = undefined;
      pushEvent(ctx, 'fault-cleared', 'wind-gust');
    }
  } else if (ctx.active && ctx.multirotor && f.gustPerHour > 0 && e.faultRng.chance((f.gustPerHour * dtS) / 3600)) {
    const sign = e.faultRng.chance(0.5) ? 1 : -1;
    e.gust = { elapsedS: 0, lengthS: e.faultRng.uniform(f.gustS[0], f.gustS[1]), peakM: sign * e.faultRng.uniform(f.gustM[0], f.gustM[1]) };
    pushEvent(ctx, 'fault', 'wind-gust');
    started++;
  }
  return started;
}

/** Advances the GNSS and steering wanders by `dtS`; the GNSS spread follows the current fix. */
export function stepErrors(e: ErrorState, dtS: number): void {
  const g = GNSS_ERROR[e.fix];
  e.gnssX.sigma = e.gnssY.sigma = g.sigmaM;
  e.gnssX.tauS = e.gnssY.tauS = g.tauS;
  ouStep(e.gnssX, e.rng, dtS);
  ouStep(e.gnssY, e.rng, dtS);
  ouStep(e.steer, e.rng, dtS);
}

/** Lateral drift of a gust now, m (half-sine over its length). */
export function gustDriftM(e: ErrorState): number {
  if (!e.gust) return 0;
  return e.gust.peakM * Math.sin((Math.PI * e.gust.elapsedS) / e.gust.lengthS);
}

/**
 * True lateral offset of the implement from the line, m, right positive. Guided machines steer
 * the *reported* position onto the line, so the GNSS error shows up with the opposite sign.
 */
export function trueLateralM(e: ErrorState, guided: boolean, st: SteeringModel, biasM: number, right: XY): number {
  const steer = Math.max(-st.maxM, Math.min(st.maxM, e.steer.value));
  if (!guided) return biasM + steer + gustDriftM(e);
  const gnssLateral = e.gnssX.value * right[0] + e.gnssY.value * right[1];
  return steer - gnssLateral + gustDriftM(e);
}
