/**
 * What a vehicle reports at a tick: the true position and, from its receiver, lat/lon with
 * the GNSS error, course and speed with receiver noise, rounded so frames serialise compactly
 * and byte-identically.
 */
import { toLonLat, type LocalProjection } from '../geodesy/index.js';
import type { Agent } from './agent.js';
import { activity, headingDeg, implementOn, truePosition } from './agent-view.js';
import { REPORT_NOISE } from './error-models.js';
import type { Rng } from './random.js';
import type { VehicleState } from './types.js';

const r3 = (v: number) => Math.round(v * 1000) / 1000;
const r2 = (v: number) => Math.round(v * 100) / 100;

/** Builds the frame state of one agent (draws the receiver's speed/heading noise from `rng`). */
export function vehicleState(a: Agent, projection: LocalProjection, rng: Rng): VehicleState {
  const v = a.cfg.vehicle;
  const [x, y] = truePosition(a);
  const e = a.errors;
  const [lon, lat] = toLonLat(projection, [x + e.gnssX.value, y + e.gnssY.value]);
  const moving = a.speed > 0.05;
  const headingNoise = moving ? (REPORT_NOISE.headingSigmaDeg[e.fix] * rng.normal()) / Math.max(1, a.speed) : 0;
  let heading = headingDeg(a) + headingNoise;
  heading = ((heading % 360) + 360) % 360;
  const speed = moving ? Math.max(0, a.speed + REPORT_NOISE.speedSigmaMps * rng.normal()) : 0;
  const state: VehicleState = {
    id: a.id,
    kind: v.id,
    x: r3(x),
    y: r3(y),
    lat,
    lon,
    altM: r2(v.altitudeM),
    headingDeg: r2(heading),
    speedMps: r3(speed),
    fix: e.fix,
    crossTrackErrorM: r3(a.lateralM),
    implementOn: implementOn(a),
    activity: activity(a),
    sortie: a.sortie,
  };
  if (a.load.unit === 'kg') state.tank = { kg: r3(Math.max(0, a.loadLeft)), capacityKg: a.load.capacity };
  else state.trays = { left: r2(Math.max(0, a.loadLeft)), capacity: a.load.capacity };
  if (v.battery) state.battery = { pct: r2(100 * a.battery) };
  const paddy = a.done ? undefined : a.cfg.legs[a.legIndex]?.paddy;
  if (paddy !== undefined) state.paddy = paddy;
  const dose = a.cfg.dose;
  if (dose)
    state.dose = {
      setPointPerHa: r2(dose.model.setPointPerHa(dose.index)),
      ratePerHa: r2(dose.model.perM2(dose.index) * 10_000),
      flowKgPerS: dose.model.flowKgPerS(dose.index),
    };
  return state;
}
