/**
 * Metrics of a block run: the run metrics of the whole fleet plus the makespan, each
 * machine's times (road, depot queue), each paddy's coverage and finish time, each depot's
 * queue and each household's finish time.
 */
import type { BlockPlan } from '../../block/index.js';
import type { Agent } from '../agent.js';
import type { RunMetrics } from '../metrics.js';
import type { DepotQueueStats } from './depot-queue.js';

/** One machine of a block run. */
export interface FleetMachineMetrics {
  id: string;
  kind: string;
  /** Paddy ids in work order (from the plan). */
  paddies: string[];
  /** When it was back at its depot and done, s. */
  endS: number;
  timeS: { working: number; turning: number; transit: number; road: number; refill: number; queue: number };
  refills: number;
  distanceM: number;
}

/** One paddy of a block run. */
export interface FleetPaddyMetrics {
  id: string;
  owner: string;
  areaHa: number;
  coveredPct: number;
  /** When the last machine working it left it, s; null when the run stopped before. */
  doneS: number | null;
  vehicles: string[];
}

/** One household (`owner`) of a block run. */
export interface FleetHouseholdMetrics {
  owner: string;
  paddies: string[];
  areaHa: number;
  /** When its last paddy was done, s; null when one was not. */
  doneS: number | null;
}

/** Metrics of a block run ({@link createFleetSimulation}). */
export interface FleetMetrics extends RunMetrics {
  /** Time until the last machine was done, s: the largest `machines[].endS`. */
  makespanS: number;
  /** The planner's makespan, s, for comparison. */
  planMakespanS: number;
  machines: FleetMachineMetrics[];
  paddies: FleetPaddyMetrics[];
  depots: DepotQueueStats[];
  households: FleetHouseholdMetrics[];
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const r2 = (v: number) => Math.round(v * 100) / 100;

/** Per-machine metrics. */
export function machineMetrics(plan: BlockPlan, agents: readonly Agent[]): FleetMachineMetrics[] {
  return agents.map((a, i) => {
    const t = a.totals;
    return {
      id: a.id,
      kind: plan.machines[i].kind,
      paddies: [...plan.machines[i].paddies],
      endS: r1(a.endMs / 1000),
      timeS: {
        working: r1(t.workingS),
        turning: r1(t.turningS),
        transit: r1(t.transitS - t.roadS),
        road: r1(t.roadS),
        refill: r1(t.refillS),
        queue: r1(t.queueS),
      },
      refills: t.refills,
      distanceM: r1(t.distanceM),
    };
  });
}

/** Per-paddy metrics from covered percentages and finish times (index-aligned with the block's paddies). */
export function paddyMetrics(plan: BlockPlan, coveredPct: readonly number[], doneS: readonly (number | null)[]): FleetPaddyMetrics[] {
  const workers = new Map<string, string[]>();
  for (const m of plan.machines) for (const p of m.paddies) workers.set(p, [...(workers.get(p) ?? []), m.id]);
  return plan.block.paddies.map((p, i) => ({
    id: p.id,
    owner: p.owner,
    areaHa: p.areaHa,
    coveredPct: coveredPct[i],
    doneS: doneS[i],
    vehicles: workers.get(p.id) ?? [],
  }));
}

/** Per-household metrics, households in order of first appearance. */
export function householdMetrics(paddies: readonly FleetPaddyMetrics[]): FleetHouseholdMetrics[] {
  const byOwner = new Map<string, FleetHouseholdMetrics>();
  for (const p of paddies) {
    const h = byOwner.get(p.owner) ?? { owner: p.owner, paddies: [], areaHa: 0, doneS: 0 };
    h.paddies.push(p.id);
    h.areaHa = r2(h.areaHa + p.areaHa);
    h.doneS = h.doneS === null || p.doneS === null ? null : Math.max(h.doneS, p.doneS);
    byOwner.set(p.owner, h);
  }
  return [...byOwner.values()];
}
