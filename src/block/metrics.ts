/**
 * Block metrics (docs/contracts.md "Block plan output" `properties.agrisim`) from the machines'
 * routes and timeline, and the per-household schedule.
 */
import { BlockError } from '../errors.js';
import { SAO_M2 } from '../units/index.js';
import { polylineLength } from '../geometry/index.js';
import type { PaddyWork } from './paddy-plan.js';
import type { MachineTimes } from './timeline.js';
import type {
  Block,
  BlockMachineKind,
  BlockMetrics,
  BlockPaddyMetrics,
  BlockRouteSegment,
  BlockVehicleMetrics,
  HouseholdSummary,
  MachinePlan,
} from './types.js';
import type { RefillStop } from '../plan/index.js';

const r1 = (v: number) => Math.round(v * 10) / 10;
const r4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** One machine's metrics. */
export function vehicleMetrics(
  id: string,
  kind: BlockMachineKind,
  works: readonly PaddyWork[],
  route: readonly BlockRouteSegment[],
  refills: readonly RefillStop[],
  times: MachineTimes,
): BlockVehicleMetrics {
  const lengthM = { working: 0, turning: 0, transit: 0, road: 0 };
  const timeS = { working: 0, turning: 0, transit: 0, refill: 0, total: times.totalS };
  route.forEach((s, i) => {
    const l = polylineLength(s.points),
      t = times.segmentS[i];
    if (s.kind === 'swath') [lengthM.working, timeS.working] = [lengthM.working + l, timeS.working + t];
    else if (s.kind === 'turn') [lengthM.turning, timeS.turning] = [lengthM.turning + l, timeS.turning + t];
    else {
      timeS.transit += t;
      if (s.road) lengthM.road += l;
      else lengthM.transit += l;
    }
  });
  timeS.refill = refills.reduce((a, r) => a + r.durationS, 0);
  const round = <T extends Record<string, number>>(o: T) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, r1(v)])) as T;
  return {
    id,
    kind,
    paddies: works.map((w) => w.paddy.id),
    workedHa: r4(works.reduce((a, w) => a + w.paddy.areaHa, 0)),
    lengthM: round(lengthM),
    timeS: round(timeS),
  };
}

/** Per-paddy metrics, in block order. */
export function paddyMetrics(block: Block, works: readonly PaddyWork[], machines: readonly MachinePlan[]): BlockPaddyMetrics[] {
  const byPaddy = new Map(works.map((w) => [w.paddy.id, w]));
  return block.paddies.map((p) => {
    const plans = byPaddy.get(p.id)!.plans;
    const area = plans.reduce((a, q) => a + q.field.areaM2, 0);
    const cov = area > 0 ? plans.reduce((a, q) => a + q.metrics.coveragePct * q.field.areaM2, 0) / area : 0;
    return {
      id: p.id,
      owner: p.owner,
      areaHa: r4(p.areaHa),
      coveragePct: Math.round(cov * 100) / 100,
      vehicles: machines.filter((m) => m.paddies.includes(p.id)).map((m) => m.id),
    };
  });
}

/** The whole block's metrics. */
export function blockMetrics(block: Block, works: readonly PaddyWork[], machines: readonly MachinePlan[], planMs: number): BlockMetrics {
  const m2 = block.paddies.reduce((a, p) => a + p.areaHa * 10_000, 0);
  return {
    block: { paddies: block.paddies.length, areaHa: r4(m2 / 10_000), areaSao: r1(m2 / SAO_M2) },
    vehicles: machines.map((m) => m.metrics),
    paddies: paddyMetrics(block, works, machines),
    makespanS: r1(Math.max(0, ...machines.map((m) => m.metrics.timeS.total))),
    planMs: Math.round(planMs * 100) / 100,
  };
}

/** A working schedule: hours of machine work a day, and the number of the first day. */
export interface WorkSchedule {
  hoursPerDay: number;
  startDay: number;
}

/**
 * Per household (`owner`): its area, the machine time spent on its paddies, and the day its
 * last paddy is done when the fleet works `hoursPerDay` a day from `startDay` (a pure function
 * of the plan; paddies without an owner are grouped under `''`).
 * @throws BlockError BLOCK_INVALID_OPTION for hours a day outside (0, 24] or a fractional start day
 * @example
 * ```ts
 * const rows = householdSchedule(plan, { hoursPerDay: 8, startDay: 1 });
 * rows.forEach((h) => console.log(h.owner, h.areaHa, `day ${h.doneDay}`));
 * ```
 */
export function householdSchedule(plan: { block: Block; machines: readonly MachinePlan[] }, schedule: WorkSchedule): HouseholdSummary[] {
  if (!(schedule.hoursPerDay > 0 && schedule.hoursPerDay <= 24) || !Number.isInteger(schedule.startDay))
    throw new BlockError(
      'BLOCK_INVALID_OPTION',
      `a schedule needs 0 < hoursPerDay ≤ 24 and a whole startDay, got ${schedule.hoursPerDay} h from day ${schedule.startDay}`,
      { key: 'schedule' },
    );
  const daySec = schedule.hoursPerDay * 3600;
  const owners = new Map<string, HouseholdSummary>();
  for (const p of plan.block.paddies) {
    const h = owners.get(p.owner) ?? { owner: p.owner, paddies: [], areaHa: 0, timeS: 0, doneAtS: 0, doneDay: schedule.startDay, days: 1 };
    h.paddies.push(p.id);
    h.areaHa += p.areaHa;
    for (const m of plan.machines) {
      const t = m.paddyTimes.find((x) => x.paddy === p.id);
      if (!t) continue;
      h.timeS += t.timeS;
      h.doneAtS = Math.max(h.doneAtS, t.doneS);
    }
    owners.set(p.owner, h);
  }
  return [...owners.values()]
    .map((h) => {
      const days = Math.max(1, Math.ceil(h.doneAtS / daySec - 1e-9));
      return { ...h, areaHa: r4(h.areaHa), timeS: r1(h.timeS), doneAtS: r1(h.doneAtS), days, doneDay: schedule.startDay + days - 1 };
    })
    .sort((a, b) => a.doneAtS - b.doneAtS || a.owner.localeCompare(b.owner));
}
