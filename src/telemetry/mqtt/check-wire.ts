/**
 * Shape checks for what a gateway reads from the broker. Anyone who can publish to the broker
 * can send anything: a message that is not what agrisim publishes is dropped (and counted),
 * never allowed to throw inside the gateway.
 */
import { topicLevel } from './topics.js';
import type { MqttDescription, MqttSnapshot, MqttUpdate } from './wire.js';

/** Whether a payload's simulation id is the one its topic names (topic levels are sanitised ids). */
const ofSim = (id: unknown, simLevel: string) => typeof id === 'string' && topicLevel(id) === simLevel;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** A wire vehicle as the coverage trails and the viewer need it. */
function isVehicle(v: unknown): boolean {
  return (
    isObj(v) && typeof v.id === 'string' && num(v.lon) && num(v.lat) && typeof v.implementOn === 'boolean' && typeof v.activity === 'string'
  );
}
const isVehicles = (v: unknown) => Array.isArray(v) && v.every(isVehicle);
const isProgress = (p: unknown) => isObj(p) && num(p.coveredPct) && num(p.coveredHa);
const isLonLat = (p: unknown) => Array.isArray(p) && p.length === 2 && num(p[0]) && num(p[1]);
const isCoverage = (c: unknown) =>
  Array.isArray(c) &&
  c.every(
    (t) =>
      isObj(t) &&
      typeof t.vehicleId === 'string' &&
      num(t.widthM) &&
      Array.isArray(t.passes) &&
      t.passes.every((p) => Array.isArray(p) && p.every(isLonLat)),
  );

/** A retained description of the simulation at topic level `sim`: an offer with its id, a description with vehicles. */
export function isMqttDescription(m: unknown, sim: string): m is MqttDescription {
  return isObj(m) && isObj(m.offer) && ofSim(m.offer.id, sim) && isObj(m.description) && Array.isArray(m.description.vehicles);
}

/** A retained snapshot of the simulation at topic level `sim`. */
export function isMqttSnapshot(m: unknown, sim: string): m is MqttSnapshot {
  return (
    isObj(m) &&
    m.type === 'snapshot' &&
    ofSim(m.sim, sim) &&
    num(m.run) &&
    num(m.t) &&
    isVehicles(m.vehicles) &&
    isProgress(m.progress) &&
    isCoverage(m.coverage) &&
    typeof m.paused === 'boolean' &&
    num(m.speedup)
  );
}

/** A live telemetry, event, control or reset message of the simulation at topic level `sim`. */
export function isMqttUpdate(m: unknown, sim: string): m is MqttUpdate {
  if (!isObj(m) || !ofSim(m.sim, sim)) return false;
  switch (m.type) {
    case 'telemetry':
      return num(m.t) && isVehicles(m.vehicles) && isProgress(m.progress);
    case 'event':
      return num(m.t) && isObj(m.event) && typeof m.event.type === 'string';
    case 'control':
      return typeof m.action === 'string' && typeof m.paused === 'boolean' && num(m.speedup);
    case 'reset':
      return num(m.run);
    default:
      return false;
  }
}
