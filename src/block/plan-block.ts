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
import { airspace, droneRoute, flight, groundRoute, roadPaths, type MachineRoute } from './route.js';
import { fleetTimeline } from './timeline.js';
import type { Block, BlockDepot, BlockMachineKind, BlockPlan, BlockPlanOptions, MachinePlan } from './types.js';
import { validateBlock, type BlockNetwork } from './validate.js';

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
    let r = cache.get(node);
    if (!r) cache.set(node, (r = shortestFrom(net.graph, node)));
    return r;
  };
  const gateNode = (w: PaddyWork) => net.gates.get(w.gate!.id)!.node;
  const ground = kind === 'transplanter';
  const ctx: SplitContext = {
    vehicle,
    depots: depots.map((d) => d.at),
    between: ground
      ? (a, b) => from(gateNode(a)).distM[gateNode(b)]
      : (a, b) => Math.hypot(a.centre[0] - b.centre[0], a.centre[1] - b.centre[1]),
    fromDepot: ground
      ? (m, w) => net.fromDepot.get(depots[m].id)!.distM[gateNode(w)]
      : (m, w) => Math.hypot(depots[m].at[0] - w.centre[0], depots[m].at[1] - w.centre[1]),
  };
  return { ctx, roadPath: roadPaths(net, from) };
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
  const t0 = performance.now();
  const n = options.machines ?? 1;
  checkOptions(kind, n);
  const net = validateBlock(block, kind);
  const vehicle = options.vehicle ?? getVehicle(kind);
  const ground = kind === 'transplanter';
  const serving = block.depots.filter((d) => d.serves.includes(kind) && (!ground || net.depots.has(d.id)));
  if (!serving.length)
    throw new BlockError('BLOCK_NO_DEPOT', `block "${block.name}" has no depot serving ${kind}s on its roads`, { id: block.name, kind });
  const depots = Array.from({ length: n }, (_, i) => serving[i % serving.length]);
  const reachable = (gateId: string) => serving.some((d) => net.fromDepot.get(d.id)!.distM[net.gates.get(gateId)!.node] < Infinity);
  const air = ground ? undefined : airspace(block);
  const works = planPaddies(
    block,
    vehicle,
    kind,
    serving[0].at,
    (g) => reachable(g.id),
    air && ((a, b) => flight(air, a, b, 'a swath cut by a nofly area')),
  );
  const { ctx, roadPath } = context(kind, net, depots, vehicle);
  const crews = new Map(block.depots.map((d) => [d.id, d.crews]));
  const routeOf = (s: PaddyWork[], m: number): MachineRoute =>
    ground ? groundRoute(s, depots[m], net, roadPath) : droneRoute(s, depots[m], vehicle, air!);
  const timeline = (routes: MachineRoute[]) =>
    fleetTimeline(
      routes.map((r, m) => ({ ...r, vehicle, queueAt: ground ? undefined : depots[m].id })),
      (id) => crews.get(id) ?? 1,
    );
  const build = (sets: PaddyWork[][], refine: boolean) => {
    const { routes } = refine
      ? refineSplit(sets, {
          route: routeOf,
          finish: (rs) => timeline(rs).map((t) => t.totalS),
          order: (w, m) => orderNearest(w, ctx, m),
          estimateS: (w, m) => estimateS(w, ctx, m),
        })
      : { routes: sets.map(routeOf) };
    const times = timeline(routes);
    return { sets, routes, times, makespanS: Math.max(...times.map((t) => t.totalS)) };
  };
  // the makespan split, refined on the exact timeline, is checked against the contiguous one
  // (also refined) and the better kept: estimates miss queueing and the locality of contiguous runs
  const naive = options.split === 'naive';
  let best = build(splitFleet(works, n, ctx, options.split), !naive);
  if (!naive && n > 1) {
    const other = build(splitFleet(works, n, ctx, 'naive'), true);
    if (other.makespanS < best.makespanS - 1e-6) best = other;
  }
  const { sets, routes, times } = best;
  const machines: MachinePlan[] = routes.map((r, m) => {
    const id = `${kind}-${m + 1}`;
    return {
      id,
      kind,
      vehicle,
      paddies: sets[m].map((w) => w.paddy.id),
      depot: depots[m].id,
      start: depots[m].at,
      route: r.route,
      refills: r.refills,
      refillStartS: times[m].refillStartS,
      waitS: Math.round(times[m].waitS * 10) / 10,
      paddyTimes: sets[m].map((w) => ({
        paddy: w.paddy.id,
        timeS: times[m].paddyTimeS.get(w.paddy.id) ?? 0,
        doneS: times[m].paddyDoneS.get(w.paddy.id) ?? 0,
      })),
      metrics: vehicleMetrics(id, kind, sets[m], r.route, r.refills, times[m]),
    };
  });
  return { block, kind, machines, metrics: blockMetrics(block, works, machines, performance.now() - t0) };
}
