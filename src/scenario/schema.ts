/**
 * Scenario files (sims/*.json): the schema and its validation. Every problem gives
 * `SIM_SCENARIO_INVALID` with a message naming the key.
 */
import { SimError } from '../errors.js';
import type { FaultOptions, Guidance } from '../sim/index.js';

/** Figures a scenario may change on a vehicle profile. */
export interface ScenarioOverrides {
  workingWidthM?: number;
  minTurnRadiusM?: number;
  headlandLaps?: number;
  workSpeedMps?: number;
  capacityKg?: number;
  rateKgPerHa?: number;
  trays?: number;
  traysPerHa?: number;
  refillS?: number;
  enduranceS?: number;
  swapS?: number;
}

/** One machine of a scenario. */
export interface ScenarioVehicle {
  profile: string;
  guidance: Guidance;
  id?: string;
  overrides?: ScenarioOverrides;
}

/** A scenario file. */
export interface Scenario {
  id: string;
  name: string;
  /** Field file, relative to the repository (the folder above sims/) or absolute. */
  field: string;
  /** Which paddies of the file, in order: indices or ids; default all. */
  paddies?: (number | string)[];
  vehicles: ScenarioVehicle[];
  /** Service point `[lon, lat]`; default the planner's (nearest field edge to the first corner). */
  servicePoint?: [number, number];
  /** Product and its rate (tank vehicles). */
  product?: { name: string; rateKgPerHa: number };
  seed: number;
  tickMs?: number;
  cellM?: number;
  faults?: boolean | Partial<FaultOptions>;
}

const OVERRIDE_KEYS = ['workingWidthM', 'minTurnRadiusM', 'headlandLaps', 'workSpeedMps', 'capacityKg', 'rateKgPerHa', 'trays', 'traysPerHa', 'refillS', 'enduranceS', 'swapS'];
const TOP_KEYS = ['id', 'name', 'description', 'field', 'paddies', 'vehicles', 'servicePoint', 'product', 'seed', 'tickMs', 'cellM', 'faults'];
const FAULT_KEYS = ['rtkLossPerHour', 'rtkLossS', 'gustPerHour', 'gustM', 'gustS', 'batteryFaultPerSortie', 'weakBatteryFraction'];

function bad(source: string, key: string, problem: string): never {
  throw new SimError('SIM_SCENARIO_INVALID', `${source}: "${key}" ${problem}`, { key, source });
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Checks a parsed scenario object and returns it typed.
 * @example
 * ```ts
 * import { validateScenario } from 'agrisim';
 * validateScenario({ id: 'x', name: 'x', field: 'fields/paddy-40x120.geojson', vehicles: [{ profile: 'drone', guidance: 'rtk' }], seed: 1 });
 * ```
 * @param obj - the parsed JSON
 * @param source - file name for messages
 * @throws SimError `SIM_SCENARIO_INVALID`
 */
export function validateScenario(obj: unknown, source = 'scenario'): Scenario {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) bad(source, '(root)', 'must be a JSON object');
  const o = obj as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!TOP_KEYS.includes(k)) bad(source, k, `is not a scenario key (known: ${TOP_KEYS.join(', ')})`);
  for (const k of ['id', 'name', 'field']) if (typeof o[k] !== 'string' || (o[k] as string).length === 0) bad(source, k, 'must be a non-empty string');
  if (!isNum(o.seed) || !Number.isInteger(o.seed)) bad(source, 'seed', 'must be an integer');
  if (o.paddies !== undefined && (!Array.isArray(o.paddies) || o.paddies.length === 0 || !o.paddies.every((p) => typeof p === 'string' || (Number.isInteger(p) && (p as number) >= 0)))) {
    bad(source, 'paddies', 'must be a non-empty array of paddy indices (0-based) or ids');
  }
  if (!Array.isArray(o.vehicles) || o.vehicles.length === 0 || o.vehicles.length > 100) bad(source, 'vehicles', 'must be an array of 1 to 100 vehicles');
  (o.vehicles as unknown[]).forEach((v, i) => checkVehicle(v, `vehicles[${i}]`, source));
  if (o.servicePoint !== undefined) {
    const sp = o.servicePoint;
    if (!Array.isArray(sp) || sp.length !== 2 || !isNum(sp[0]) || !isNum(sp[1]) || Math.abs(sp[0]) > 180 || Math.abs(sp[1]) > 90) {
      bad(source, 'servicePoint', 'must be [lon, lat] in WGS84');
    }
  }
  if (o.product !== undefined) {
    const p = o.product as Record<string, unknown>;
    if (!p || typeof p !== 'object' || typeof p.name !== 'string' || !isNum(p.rateKgPerHa) || p.rateKgPerHa <= 0 || p.rateKgPerHa > 2000) {
      bad(source, 'product', 'must be { "name": string, "rateKgPerHa": number in (0, 2000] }');
    }
  }
  if (o.tickMs !== undefined && (!Number.isInteger(o.tickMs) || (o.tickMs as number) < 1 || (o.tickMs as number) > 60_000)) bad(source, 'tickMs', 'must be a whole number of ms from 1 to 60000');
  if (o.cellM !== undefined && (!isNum(o.cellM) || o.cellM < 0.01 || o.cellM > 100)) bad(source, 'cellM', 'must be a number of metres from 0.01 to 100');
  if (o.faults !== undefined && typeof o.faults !== 'boolean') {
    if (!o.faults || typeof o.faults !== 'object' || Array.isArray(o.faults)) bad(source, 'faults', 'must be true, false or an object of fault rates');
    for (const [k, v] of Object.entries(o.faults as object)) {
      if (!FAULT_KEYS.includes(k)) bad(source, `faults.${k}`, `is not a fault option (known: ${FAULT_KEYS.join(', ')})`);
      const nums = Array.isArray(v) ? v : [v];
      if (!nums.every((n) => isNum(n) && n >= 0) || (Array.isArray(v) && v.length !== 2)) bad(source, `faults.${k}`, 'must be a number ≥ 0 or a [min, max] pair');
    }
  }
  return o as unknown as Scenario;
}

function checkVehicle(v: unknown, key: string, source: string): void {
  if (!v || typeof v !== 'object') bad(source, key, 'must be an object { profile, guidance, overrides? }');
  const o = v as Record<string, unknown>;
  if (typeof o.profile !== 'string') bad(source, `${key}.profile`, 'must be a vehicle profile id (drone, transplanter)');
  if (!['rtk', 'gnss', 'manual'].includes(o.guidance as string)) bad(source, `${key}.guidance`, 'must be rtk, gnss or manual');
  if (o.id !== undefined && typeof o.id !== 'string') bad(source, `${key}.id`, 'must be a string');
  if (o.overrides !== undefined) {
    if (!o.overrides || typeof o.overrides !== 'object') bad(source, `${key}.overrides`, 'must be an object');
    for (const [k, val] of Object.entries(o.overrides as object)) {
      if (!OVERRIDE_KEYS.includes(k)) bad(source, `${key}.overrides.${k}`, `is not an override (known: ${OVERRIDE_KEYS.join(', ')})`);
      if (!isNum(val) || val < 0) bad(source, `${key}.overrides.${k}`, 'must be a number ≥ 0');
    }
  }
}
