/**
 * Input of {@link createFleetSimulation} and its validation: every option has a default, every
 * bad value gives `SIM_INVALID_OPTION` naming the key (as the single-paddy simulator does).
 */
import type { BlockPlan } from '../../block/index.js';
import type { RasterOptions } from '../coverage-raster.js';
import type { DoseOptions } from '../dose/index.js';
import { resolveFaults, type FaultOptions } from '../faults.js';
import { bad, GUIDANCES, runNumbers } from '../options.js';
import type { Guidance } from '../types.js';

/** What to simulate: a planned block and how its fleet is guided. */
export interface FleetSimulationInput {
  /** A block plan (planBlock): every machine with its route, the block with its depots. */
  plan: BlockPlan;
  /** Guidance of every machine (default `rtk`). */
  guidance?: Guidance;
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
  /** Ground machines' speed on field roads, m/s (default: the profile's transit speed). */
  roadSpeedMps?: number;
  /** Longest simulated run, s (default: 20× the planned makespan + 1 h). */
  maxSimS?: number;
  /**
   * Dose raster, prescriptions, wind and drift (drone blocks; absent: no dose model). Its
   * `prescriptions` and `buffers` are per paddy, in `plan.block.paddies` order, in block metres.
   */
  dose?: DoseOptions;
  id?: string;
  name?: string;
}

/** The input with defaults filled and checked. */
export interface ResolvedFleetInput {
  plan: BlockPlan;
  guidance: Guidance;
  seed: number;
  tickMs: number;
  raster: RasterOptions;
  faults: FaultOptions;
  batteryReserve: number;
  roadSpeedMps?: number;
  maxSimS: number;
  dose?: DoseOptions;
  id: string;
  name: string;
}

/** A plural machine name for display: `3 transplanters`. */
function fleetLabel(plan: BlockPlan): string {
  const n = plan.machines.length;
  return `${n} ${plan.kind}${n === 1 ? '' : 's'}`;
}

/** Fills defaults and validates; throws `SIM_INVALID_OPTION`. */
export function resolveFleetInput(input: FleetSimulationInput): ResolvedFleetInput {
  if (!input || typeof input !== 'object') bad('input', 'must be an object');
  const plan = input.plan;
  if (!plan?.block || !Array.isArray(plan.machines) || plan.machines.length === 0)
    bad('plan', 'is not a block plan with at least one machine');
  plan.machines.forEach((m, i) => {
    if (!m || !Array.isArray(m.route) || !m.vehicle || !Array.isArray(m.refills))
      bad(`plan.machines[${i}]`, 'is not a machine plan (route, refills, vehicle)');
  });
  if (plan.block.paddies.length === 0) bad('plan.block.paddies', 'a block needs at least one paddy');
  const guidance = input.guidance ?? 'rtk';
  if (!GUIDANCES.includes(guidance)) bad('guidance', `must be one of ${GUIDANCES.join(', ')}, got ${String(guidance)}`, guidance);
  const { seed, tickMs, batteryReserve } = runNumbers(input);
  const roadSpeedMps = input.roadSpeedMps;
  if (roadSpeedMps !== undefined && !(roadSpeedMps > 0 && roadSpeedMps <= 30))
    bad('roadSpeedMps', `must be > 0 and ≤ 30 m/s, got ${roadSpeedMps}`, roadSpeedMps);
  const faults = resolveFaults(input.faults);
  const maxSimS = input.maxSimS ?? 20 * (plan.metrics?.makespanS ?? 0) + 3600;
  if (!(maxSimS > 0)) bad('maxSimS', `must be > 0, got ${maxSimS}`, maxSimS);
  if (input.dose && plan.machines.some((m) => m.vehicle.payload.kind !== 'tank'))
    bad('dose', `spreads product from a tank: a block planned for ${plan.kind}s has none`, plan.kind);
  return {
    plan,
    guidance,
    seed,
    tickMs,
    raster: input.raster ?? {},
    faults,
    batteryReserve,
    ...(roadSpeedMps !== undefined ? { roadSpeedMps } : {}),
    maxSimS,
    ...(input.dose ? { dose: input.dose } : {}),
    id: input.id ?? `block-${plan.kind}-${plan.machines.length}`,
    name: input.name ?? `${plan.block.name}: ${fleetLabel(plan)} (${guidance})`,
  };
}
