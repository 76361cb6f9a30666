/**
 * The block stage's entry point: validate, plan every paddy, split the paddies among the
 * fleet, build each machine's route (roads and gates, or flights and depot sorties), time the
 * fleet with the depot queue, and measure it.
 */
import { BlockError } from '../errors.js';
import { getVehicle } from '../vehicles/index.js';
import { estimateS, orderNearest, splitFleet, type SplitContext } from './assign.js';
import { refineSplit } from './refine.js';
import { blockMetrics, vehicleMetrics } from './metrics.js';
import { planPaddies, type PaddyWork } from './paddy-plan.js';
import { shortestFrom } from './roads.js';
import { airspace, droneRoute, flight, groundRoute, roadPaths, type Airspace, type MachineRoute, type RoadPath } from './route.js';
import { fleetTimeline, type MachineTimes } from './timeline.js';
import type { Block, BlockDepot, BlockMachineKind, BlockPlan, BlockPlanOptions, MachinePlan } from './types.js';
import { validateBlock, type BlockNetwork } from './validate.js';
import { hypot } from '../geometry/index.js';

/** Largest fleet accepted. */
export const MAX_MACHINES = 50;

function checkOptions(kind: string, n: number): void {
  if (kind !== 'drone' && kind !== 'transplanter')
    throw new BlockError('BLOCK_INVALID_OPTION', `vehicle must be drone or transplanter, got ${JSON.stringify(kind)}`, { key: 'vehicle' });
  if (!Number.isInteger(n) || n < 1 || n > MAX_MACHINES)
    throw new BlockError('BLOCK_INVALID_OPTION', `machines must be a whole number from 1 to ${MAX_MACHINES}, got ${n}`, {
      key: 'machines',
    });
}

function context(kind: BlockMachineKind, net: BlockNetwork, depots: BlockDepot[], vehicle: SplitContext['vehicle']) {
  const cache = new Map<number, ReturnType<typeof shortestFrom>>();
  const from = (node: number) => {
    let paths = cache.get(node);
    if (!paths) cache.set(node, (paths = shortestFrom(net.graph, node)));
    return paths;
  };
  const gateNode = (w: PaddyWork) => net.gates.get(w.gate!.id)!.node;
  const ground = kind === 'transplanter';
  const ctx: SplitContext = {
    vehicle,
    depots: depots.map((d) => d.at),
    between: ground
      ? (a, b) => from(gateNode(a)).distM[gateNode(b)]
      : (a, b) => hypot(a.centre[0] - b.centre[0], a.centre[1] - b.centre[1]),
    fromDepot: ground
      ? (m, w) => net.fromDepot.get(depots[m].id)!.distM[gateNode(w)]
      : (m, w) => hypot(depots[m].at[0] - w.centre[0], depots[m].at[1] - w.centre[1]),
  };
  return { ctx, roadPath: roadPaths(net, from) };
}

/** The depots that serve this kind of machine (on the road network, for ground machines). @throws BlockError `BLOCK_NO_DEPOT` */
function servingDepots(block: Block, kind: BlockMachineKind, net: BlockNetwork): BlockDepot[] {
  const ground = kind === 'transplanter';
  const serving = block.depots.filter((d) => d.serves.includes(kind) && (!ground || net.depots.has(d.id)));
  if (!serving.length)
    throw new BlockError('BLOCK_NO_DEPOT', `block "${block.name}" has no depot serving ${kind}s on its roads`, { id: block.name, kind });
  return serving;
}

/** What every candidate split of a block is routed and timed with. */
interface FleetSetting {
  kind: BlockMachineKind;
  vehicle: SplitContext['vehicle'];
  net: BlockNetwork;
  /** The depot of each machine. */
  depots: BlockDepot[];
  /** Drones only: where they may fly. */
  air: Airspace | undefined;
  crews: Map<string, number>;
}

/** A split of the paddies among the fleet, routed and timed. */
interface RoutedSplit {
  sets: PaddyWork[][];
  routes: MachineRoute[];
  times: MachineTimes[];
  makespanS: number;
}

/** Routes and times a split of the paddies (refined on the exact timeline when `refine`). */
function routeSplit(fleet: FleetSetting, ctx: SplitContext, roadPath: RoadPath) {
  const { vehicle, depots, net, air } = fleet;
  const ground = fleet.kind === 'transplanter';
  const routeOf = (paddySet: PaddyWork[], m: number): MachineRoute =>
    ground ? groundRoute(paddySet, depots[m], net, roadPath) : droneRoute(paddySet, depots[m], vehicle, air!);
  const timeline = (routes: MachineRoute[]) =>
    fleetTimeline(
      routes.map((route, m) => ({ ...route, vehicle, queueAt: ground ? undefined : depots[m].id })),
      (id) => fleet.crews.get(id) ?? 1,
    );
  return (sets: PaddyWork[][], refine: boolean): RoutedSplit => {
    const { routes } = refine
      ? refineSplit(sets, {
          route: routeOf,
          finish: (candidate) => timeline(candidate).map((times) => times.totalS),
          order: (work, m) => orderNearest(work, ctx, m),
          estimateS: (work, m) => estimateS(work, ctx, m),
        })
      : { routes: sets.map(routeOf) };
    const times = timeline(routes);
    return { sets, routes, times, makespanS: Math.max(...times.map((machineTimes) => machineTimes.totalS)) };
  };
}

/** Machine `m`'s plan from the kept split. */
function machinePlan(fleet: FleetSetting, split: RoutedSplit, m: number): MachinePlan {
  const { kind, vehicle, depots } = fleet;
  const id = `${kind}-${m + 1}`;
  const paddySet = split.sets[m];
  const { route, refills } = split.routes[m];
  const times = split.times[m];
  return {
    id,
    kind,
    vehicle,
    paddies: paddySet.map((w) => w.paddy.id),
    depot: depots[m].id,
    start: depots[m].at,
    route,
    refills,
    refillStartS: times.refillStartS,
    waitS: Math.round(times.waitS * 10) / 10,
    paddyTimes: paddySet.map((w) => ({
      paddy: w.paddy.id,
      timeS: times.paddyTimeS.get(w.paddy.id) ?? 0,
      doneS: times.paddyDoneS.get(w.paddy.id) ?? 0,
    })),
    metrics: vehicleMetrics(id, kind, paddySet, route, refills, times),
  };
}

/**
 * Plans one operation (spreading with drones, or transplanting) on a whole block with a fleet
 * of `machines` machines of one kind (docs/contracts.md "Block command", "Block plan output").
 *
 * @param block - a block from `readBlockFile` / `parseBlock`
 * @param kind - `drone` or `transplanter`
 * @param options - fleet size (default 1), vehicle profile, split mode
 * @returns the fleet plan: every machine's route and the block metrics
 * @throws BlockError with a `BLOCK_…` code naming the feature at fault; PlanError when a paddy cannot be planned
 * @example
 * ```ts
 * import { readBlockFile, planBlock } from 'agrisim';
 * const block = await readBlockFile('fields/thai-binh-block.geojson');
 * const plan = planBlock(block, 'drone', { machines: 2 });
 * console.log(plan.metrics.makespanS, plan.machines.map((m) => m.paddies));
 * ```
 */
export function planBlock(block: Block, kind: BlockMachineKind, options: BlockPlanOptions = {}): BlockPlan {
  const startMs = performance.now();
  const machineCount = options.machines ?? 1;
  checkOptions(kind, machineCount);
  const net = validateBlock(block, kind);
  const vehicle = options.vehicle ?? getVehicle(kind);
  const serving = servingDepots(block, kind, net);
  const depots = Array.from({ length: machineCount }, (_, i) => serving[i % serving.length]);
  const reachable = (gateId: string) => serving.some((d) => net.fromDepot.get(d.id)!.distM[net.gates.get(gateId)!.node] < Infinity);
  const air = kind === 'transplanter' ? undefined : airspace(block);
  const works = planPaddies(
    block,
    vehicle,
    kind,
    serving[0].at,
    (gate) => reachable(gate.id),
    air && ((a, b) => flight(air, a, b, 'a swath cut by a nofly area')),
  );
  const { ctx, roadPath } = context(kind, net, depots, vehicle);
  const fleet: FleetSetting = { kind, vehicle, net, depots, air, crews: new Map(block.depots.map((d) => [d.id, d.crews])) };
  const build = routeSplit(fleet, ctx, roadPath);
  // the makespan split, refined on the exact timeline, is checked against the contiguous one
  // (also refined) and the better kept: estimates miss queueing and the locality of contiguous runs
  const naive = options.split === 'naive';
  let best = build(splitFleet(works, machineCount, ctx, options.split), !naive);
  if (!naive && machineCount > 1) {
    const other = build(splitFleet(works, machineCount, ctx, 'naive'), true);
    if (other.makespanS < best.makespanS - 1e-6) best = other;
  }
  const machines = best.routes.map((_, m) => machinePlan(fleet, best, m));
  return { block, kind, machines, metrics: blockMetrics(block, works, machines, performance.now() - startMs) };
}
