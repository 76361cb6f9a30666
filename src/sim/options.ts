/**
 * Input of {@link createSimulation} and its validation: every option has a default, every bad
 * value gives `SIM_INVALID_OPTION` naming the key.
 */
import { SimError } from '../errors.js';
import type { XY } from '../geometry/index.js';
import type { Plan } from '../plan/index.js';
import type { Vehicle } from '../vehicles/index.js';
import { DEFAULT_BATTERY_RESERVE } from './consumables.js';
import type { RasterOptions } from './coverage-raster.js';
import type { DoseOptions } from './dose/index.js';
import { resolveFaults, type FaultOptions } from './faults.js';
import type { Guidance } from './types.js';

/** One machine of a run. */
export interface SimVehicleInput {
  vehicle: Vehicle;
  guidance: Guidance;
  /** Default `<vehicle.id>-<n>`. */
  id?: string;
}

/** What to simulate; see {@link createSimulation}. */
export interface SimulationInput {
  /** One plan, or several paddies worked in order (`plans`). */
  plan?: Plan;
  plans?: Plan[];
  /** Machines sharing the work (default: one of the plan's vehicle, RTK). */
  vehicles?: SimVehicleInput[];
  /** Seed of every random thing (default 1). */
  seed?: number;
  /** Simulated ms per tick (default 100, i.e. 10 Hz). */
  tickMs?: number;
  /** Coverage raster options (cell 0.25 m by default). */
  raster?: RasterOptions;
  /** Faults: `true` for the defaults, an object to tune, `false`/absent for none. */
  faults?: boolean | Partial<FaultOptions>;
  /** Drone battery fraction that triggers a return (default 0.2). */
  batteryReserve?: number;
  /** Service point in the first plan's metres (default: the first plan's). */
  servicePoint?: XY;
  /** Longest simulated run, s, before it is stopped with a `sim-time-limit` fault (default: 20× the plans' time + 1 h). */
  maxSimS?: number;
  /** Dose raster, prescriptions, wind and drift (absent: no dose model, the run is as before). */
  dose?: DoseOptions;
  id?: string;
  name?: string;
}

/** The input with defaults filled and checked. */
export interface ResolvedInput {
  plans: Plan[];
  vehicles: Required<SimVehicleInput>[];
  seed: number;
  tickMs: number;
  raster: RasterOptions;
  faults: FaultOptions;
  batteryReserve: number;
  servicePoint: XY;
  maxSimS: number;
  dose?: DoseOptions;
  id: string;
  name: string;
}

/** The guidance modes a run may name. */
export const GUIDANCES: readonly Guidance[] = ['rtk', 'gnss', 'manual'];

/** Refuses an option: SIM_INVALID_OPTION naming the key (field runs and block runs alike). */
export function bad(key: string, message: string, value?: unknown): never {
  throw new SimError('SIM_INVALID_OPTION', `${key}: ${message}`, { key, value });
}

/**
 * Seed, tick and battery reserve of a run (one field's or a fleet's), with their defaults and
 * checks; throws `SIM_INVALID_OPTION` naming the key.
 */
export function runNumbers(input: { seed?: number; tickMs?: number; batteryReserve?: number }): {
  seed: number;
  tickMs: number;
  batteryReserve: number;
} {
  const seed = input.seed ?? 1;
  if (!Number.isInteger(seed)) bad('seed', `must be an integer, got ${seed}`, seed);
  const tickMs = input.tickMs ?? 100;
  if (!Number.isInteger(tickMs) || tickMs < 1 || tickMs > 60_000)
    bad('tickMs', `must be a whole number of ms from 1 to 60000, got ${tickMs}`, tickMs);
  const batteryReserve = input.batteryReserve ?? DEFAULT_BATTERY_RESERVE;
  if (!(batteryReserve >= 0 && batteryReserve < 0.9)) bad('batteryReserve', `must be in [0, 0.9), got ${batteryReserve}`, batteryReserve);
  return { seed, tickMs, batteryReserve };
}

/** Fills defaults and validates; throws `SIM_INVALID_OPTION`. */
export function resolveInput(input: SimulationInput): ResolvedInput {
  if (!input || typeof input !== 'object') bad('input', 'must be an object');
  const plans = input.plans ?? (input.plan ? [input.plan] : []);
  if (!Array.isArray(plans) || plans.length === 0) bad('plans', 'give a plan or a non-empty plans array');
  plans.forEach((p, i) => {
    if (!p || !Array.isArray(p.route) || !p.field || !p.vehicle) bad(`plans[${i}]`, 'is not a Plan (route, field, vehicle)');
  });
  const vIn = input.vehicles ?? [{ vehicle: plans[0].vehicle, guidance: 'rtk' as Guidance }];
  if (!Array.isArray(vIn) || vIn.length === 0 || vIn.length > 100) bad('vehicles', 'must be 1 to 100 vehicles', vIn?.length);
  const ids = new Set<string>();
  const vehicles = vIn.map((v, i) => {
    if (!v?.vehicle || typeof v.vehicle.workingWidthM !== 'number' || !v.vehicle.payload)
      bad(`vehicles[${i}].vehicle`, 'is not a Vehicle profile');
    if (!GUIDANCES.includes(v.guidance))
      bad(`vehicles[${i}].guidance`, `must be one of ${GUIDANCES.join(', ')}, got ${String(v.guidance)}`, v.guidance);
    const id = v.id ?? `${v.vehicle.id}-${i + 1}`;
    if (ids.has(id)) bad(`vehicles[${i}].id`, `duplicate id "${id}"`, id);
    ids.add(id);
    return { vehicle: v.vehicle, guidance: v.guidance, id };
  });
  const { seed, tickMs, batteryReserve } = runNumbers(input);
  const faults = resolveFaults(input.faults);
  for (const [k, v] of Object.entries(faults)) {
    const nums = Array.isArray(v) ? v : [v];
    if (nums.some((n) => typeof n !== 'number' || !Number.isFinite(n) || n < 0))
      bad(`faults.${k}`, `must be numbers ≥ 0, got ${JSON.stringify(v)}`, v);
  }
  if (faults.batteryFaultPerSortie > 1) bad('faults.batteryFaultPerSortie', 'is a probability, at most 1', faults.batteryFaultPerSortie);
  const planS = plans.reduce((a, p) => a + (p.metrics?.timeS?.total ?? 0), 0);
  const maxSimS = input.maxSimS ?? 20 * planS + 3600;
  if (!(maxSimS > 0)) bad('maxSimS', `must be > 0, got ${maxSimS}`, maxSimS);
  const servicePoint = input.servicePoint ?? plans[0].servicePoint;
  if (!Array.isArray(servicePoint) || !servicePoint.every(Number.isFinite)) bad('servicePoint', 'must be [x, y] in metres', servicePoint);
  return {
    plans,
    vehicles,
    seed,
    tickMs,
    raster: input.raster ?? {},
    faults,
    batteryReserve,
    servicePoint,
    maxSimS,
    ...(input.dose ? { dose: input.dose } : {}),
    id: input.id ?? `sim-${plans[0].field.id}`,
    name: input.name ?? `${plans.map((p) => p.field.name).join(', ')} (${vehicles.map((v) => `${v.vehicle.id}/${v.guidance}`).join(', ')})`,
  };
}
