/**
 * createFleetSimulation: a block plan's whole fleet in one step-driven, deterministic
 * {@link Simulation}: every machine drives its own route with the single-paddy agent (GNSS
 * and steering error, tank/battery/trays, faults), all paint one coverage raster of the
 * block, refills at a depot wait for its crews, road legs run at road speed.
 */
import { paddyBufferSplit, type MachinePlan } from '../../block/index.js';
import type { RefillStop } from '../../plan/index.js';
import { Agent } from '../agent.js';
import { buildLegs } from '../build-legs.js';
import { createCoverageRaster, type CoverageRaster } from '../coverage-raster.js';
import { DoseModel, doseMetrics, resolveDoseAreas } from '../dose/index.js';
import { steeringModel } from '../error-models.js';
import { computeMetrics } from '../metrics.js';
import { createRng, type Rng } from '../random.js';
import { vehicleState } from '../report.js';
import { appliedTotal, coverageProgress, runEnded, startEvents } from '../run-progress.js';
import type { SimDescription, SimProgress, Simulation } from '../types.js';
import type { WorkItem } from '../work-split.js';
import { blockDescription, blockPlanDrawing } from './block-description.js';
import { createDepotQueues, type DepotQueues } from './depot-queue.js';
import { householdMetrics, machineMetrics, paddyMetrics, type FleetMetrics } from './fleet-metrics.js';
import { resolveFleetInput, type FleetSimulationInput, type ResolvedFleetInput } from './fleet-options.js';
import { createPaddyTracker, flagPaddyEnds } from './paddy-tracker.js';

/** A block run: a {@link Simulation} whose metrics are {@link FleetMetrics}; its raster is exposed read-only. */
export interface FleetRun extends Simulation {
  metrics(): FleetMetrics;
  readonly raster: CoverageRaster;
  /** The dose model, when the run has one (`input.dose`): its raster holds kg per cell. */
  readonly dose?: DoseModel;
  /** Simulated time so far, ms. */
  readonly timeMs: number;
}

/** A machine's route as work items (block metres are already one frame). */
function workItems(m: MachinePlan): WorkItem[] {
  const stops = new Map<number, RefillStop>();
  for (const r of m.refills) stops.set(r.afterSegment, r);
  return m.route.map((segment, si) => ({
    segment,
    planIndex: 0,
    refillAfter: stops.get(si),
    ...(segment.paddy !== undefined ? { paddy: segment.paddy } : {}),
    ...(segment.road ? { road: true } : {}),
  }));
}

/** The run's dose model (drone blocks with `input.dose`): zones per paddy, in block metres. */
function blockDoseModel(cfg: ResolvedFleetInput, rng: Rng): DoseModel | undefined {
  if (!cfg.dose) return undefined;
  const { plan } = cfg;
  const own = (v: MachinePlan['vehicle']) => (v.payload.kind === 'tank' ? v.payload.rateKgPerHa : 0);
  // a paddy's strip by a water buffer is not a zone: product landing there is into the buffer
  const areas = plan.block.paddies.map((p) => ({
    id: p.id,
    polygons: paddyBufferSplit(plan.block, p).worked,
    ownRatePerHa: own(plan.machines[0].vehicle),
  }));
  const machines = plan.machines.map((m) => ({ widthM: m.vehicle.workingWidthM, heightM: m.vehicle.altitudeM }));
  return new DoseModel(
    resolveDoseAreas(cfg.dose, areas, (_, xy) => [xy[0], xy[1]]),
    machines,
    rng.fork('dose'),
  );
}

function makeAgent(
  m: MachinePlan,
  index: number,
  cfg: ResolvedFleetInput,
  rng: Rng,
  raster: CoverageRaster,
  queues: DepotQueues,
  dose: DoseModel | undefined,
): Agent {
  const vrng = rng.fork(`vehicle:${m.id}`);
  const steering = steeringModel(cfg.guidance, m.vehicle.kind);
  // drones fly between paddies at transit speed; ground machines drive field roads at road speed
  const roadSpeedMps = m.vehicle.kind === 'ground' ? cfg.roadSpeedMps : undefined;
  const legs = buildLegs(workItems(m), { vehicle: m.vehicle, steering, rng: vrng.fork('legs'), start: m.start, roadSpeedMps });
  const depot = cfg.plan.block.depots.find((d) => d.id === m.depot);
  return new Agent({
    id: m.id,
    vehicle: m.vehicle,
    guidance: cfg.guidance,
    steering,
    legs,
    servicePoint: depot?.at ?? m.start,
    raster,
    faults: cfg.faults,
    batteryReserve: cfg.batteryReserve,
    rng: vrng,
    refillGate: queues,
    ...(dose ? { dose: { model: dose, index } } : {}),
  });
}

/** ETA of one machine, s: its pace so far over the work left, or the plan's time before it has a pace. */
function machineEtaS(a: Agent, elapsedS: number, plannedS: number): number {
  if (a.done) return 0;
  const f = a.totals.workTotalM > 0 ? a.totals.workDoneM / a.totals.workTotalM : 1;
  return f > 0.05 ? (elapsedS * (1 - f)) / f : Math.max(0, plannedS - elapsedS);
}

/** What a block run shows before its first frame: the block drawing, its machines and the block. */
function fleetDescription(cfg: ResolvedFleetInput, fieldAreaM2: number): SimDescription {
  const { plan } = cfg;
  return {
    id: cfg.id,
    name: cfg.name,
    planGeoJson: blockPlanDrawing(plan, cfg.dose),
    vehicles: plan.machines.map((m) => ({ id: m.id, kind: m.vehicle.id, workingWidthM: m.vehicle.workingWidthM, guidance: cfg.guidance })),
    fieldAreaHa: Math.round(fieldAreaM2) / 10_000,
    tickMs: cfg.tickMs,
    seed: cfg.seed,
    block: blockDescription(plan),
  };
}

/** The block's progress at `tMs`: covered % and ha, per paddy, the depot queues, and the makespan (elapsed + the slowest machine's ETA). */
function fleetProgress(
  raster: CoverageRaster,
  agents: readonly Agent[],
  plannedS: readonly number[],
  tMs: number,
  done: boolean,
  paddyPct: number[],
  depotQueue: number[],
): SimProgress {
  const elapsedS = tMs / 1000;
  let etaS = 0;
  agents.forEach((a, i) => (etaS = Math.max(etaS, machineEtaS(a, elapsedS, plannedS[i]))));
  if (done) etaS = 0;
  return {
    ...coverageProgress(raster, elapsedS, etaS),
    paddyCoveredPct: paddyPct,
    depotQueue,
    makespanS: Math.round((elapsedS + etaS) * 10) / 10,
  };
}

/** What a block run is made of, set up once: the raster, depots, agents and what its progress reads. */
interface FleetWorld {
  cfg: ResolvedFleetInput;
  raster: CoverageRaster;
  queues: DepotQueues;
  dose: DoseModel | undefined;
  agents: Agent[];
  tracker: ReturnType<typeof createPaddyTracker>;
  paddyIds: string[];
  plannedS: number[];
  reportRng: Rng;
  fieldAreaM2: number;
}

/** Where a block run is: simulated time, ticks, whether it ended, the last per-paddy covered %. */
interface FleetClock {
  tMs: number;
  ticks: number;
  done: boolean;
  paddyPct: number[];
}

function buildFleetWorld(cfg: ResolvedFleetInput): FleetWorld {
  const { plan } = cfg;
  const maxWidthM = Math.max(...plan.machines.map((m) => m.vehicle.workingWidthM));
  const raster = createCoverageRaster(
    plan.block.paddies.map((p) => p.polygon),
    { marginM: maxWidthM + 5, ...cfg.raster, perPolygon: true },
  );
  const queues = createDepotQueues(plan.block.depots);
  const rng = createRng(cfg.seed);
  const dose = blockDoseModel(cfg, rng);
  const agents = plan.machines.map((m, i) => makeAgent(m, i, cfg, rng, raster, queues, dose));
  const works = agents.map((a) => flagPaddyEnds(a.cfg.legs));
  const paddyIds = plan.block.paddies.map((p) => p.id);
  return {
    cfg,
    raster,
    queues,
    dose,
    agents,
    tracker: createPaddyTracker(paddyIds, agents, works),
    paddyIds,
    plannedS: plan.machines.map((m) => m.metrics?.timeS?.total ?? plan.metrics.makespanS),
    reportRng: rng.fork('report'),
    fieldAreaM2: plan.block.paddies.reduce((sum, p) => sum + p.areaHa * 10_000, 0),
  };
}

/** Covered % of each paddy, one decimal, from the raster's per-polygon counts. */
function paddyCoveredPct(world: FleetWorld): number[] {
  const perPaddy = world.raster.perPolygon!;
  return world.paddyIds.map((_, i) => Math.round((1000 * perPaddy.covered[i]) / Math.max(1, perPaddy.fieldCells[i])) / 10);
}

/** One tick of the whole fleet; per-paddy figures are refreshed about once a simulated second and at the end. */
function stepFleet(world: FleetWorld, clock: FleetClock) {
  const { cfg, agents, queues } = world;
  const dtS = cfg.tickMs / 1000;
  const paddyEveryTicks = Math.max(1, Math.round(1000 / cfg.tickMs));
  const events = clock.tMs === 0 ? startEvents(agents) : [];
  clock.tMs += cfg.tickMs;
  clock.ticks++;
  const t = clock.tMs;
  world.dose?.stepWind(dtS);
  for (const a of agents) a.step(dtS, t, events);
  queues.tick(dtS);
  world.tracker.update(t, events);
  clock.done = runEnded(agents, t, cfg.maxSimS, events);
  if (clock.done || clock.ticks % paddyEveryTicks === 0) clock.paddyPct = paddyCoveredPct(world);
  const vehicles = agents.map((a) => vehicleState(a, cfg.plan.block.projection, world.reportRng));
  const progress = fleetProgress(world.raster, agents, world.plannedS, t, clock.done, clock.paddyPct, queues.lengths());
  return { t, vehicles, progress, events };
}

/** The run's metrics so far: the single-run figures plus machines, paddies, depots, households and dose. */
function fleetRunMetrics(world: FleetWorld, clock: FleetClock): FleetMetrics {
  const { cfg, agents, dose } = world;
  const { plan } = cfg;
  if (!clock.done) clock.paddyPct = paddyCoveredPct(world);
  const base = computeMetrics(agents, world.raster, cfg.guidance, cfg.seed, clock.tMs / 1000, world.fieldAreaM2);
  const machines = machineMetrics(plan, agents);
  const paddies = paddyMetrics(plan, clock.paddyPct, world.tracker.doneS());
  return {
    ...base,
    makespanS: Math.max(0, ...machines.map((m) => m.endS)),
    planMakespanS: plan.metrics.makespanS,
    machines,
    paddies,
    depots: world.queues.stats(),
    households: householdMetrics(paddies),
    ...(dose
      ? {
          dose: doseMetrics(dose, appliedTotal(agents)),
        }
      : {}),
  };
}

/**
 * Makes a simulation of a whole block worked by a fleet: one run, one clock, several machines.
 *
 * @param input - the block plan, guidance, seed, tick (ms), raster cell, faults, road speed
 * @returns a step-driven simulation; its frames' `progress` carries `paddyCoveredPct`, `depotQueue`
 *   and `makespanS`, its description carries the `block`
 * @throws SimError `SIM_INVALID_OPTION` naming the bad key
 * @example
 * ```ts
 * import { readBlockFile, planBlock, createFleetSimulation, runToEnd } from 'agrisim';
 * const plan = planBlock(await readBlockFile('fields/thai-binh-block.geojson'), 'drone', { machines: 2 });
 * const { metrics } = runToEnd(createFleetSimulation({ plan, seed: 7 }));
 * // metrics.makespanS: when the second drone landed; metrics.depots[0].waitS: time spent queueing
 * ```
 */
export function createFleetSimulation(input: FleetSimulationInput): FleetRun {
  const world = buildFleetWorld(resolveFleetInput(input));
  const clock: FleetClock = { tMs: 0, ticks: 0, done: false, paddyPct: world.paddyIds.map(() => 0) };
  let description: SimDescription | undefined;
  return {
    raster: world.raster,
    ...(world.dose ? { dose: world.dose } : {}),
    get timeMs() {
      return clock.tMs;
    },
    get done() {
      return clock.done;
    },
    describe() {
      description ??= fleetDescription(world.cfg, world.fieldAreaM2);
      return description;
    },
    step() {
      return clock.done ? undefined : stepFleet(world, clock);
    },
    metrics: () => fleetRunMetrics(world, clock),
  };
}
