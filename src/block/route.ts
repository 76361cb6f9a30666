/**
 * A machine's route through its paddies, in work order, from its depot back to it.
 * Ground machines: depot → road → gate → paddy → gate → road → … → depot; never paddy to
 * paddy. Drones: straight flights (around `nofly` areas) between the depot and paddies, one
 * route over all their paddies split into sorties by the plan stage's sortie split, so a
 * sortie may span several small paddies and every refill and battery swap is at the depot.
 */
import { BlockError } from '../errors.js';
import { bounds, dedupe, offsetPolygons, reflexVertices, shortestPathInside, type PolygonM, type XY } from '../geometry/index.js';
import { splitSorties, type RefillStop } from '../plan/index.js';
import type { Vehicle } from '../vehicles/index.js';
import type { PaddyWork } from './paddy-plan.js';
import { pathTo } from './roads.js';
import type { BlockNetwork } from './validate.js';
import type { Block, BlockDepot, BlockRouteSegment } from './types.js';

/** Drone flights keep this far from `nofly` areas, m: less than the margin swaths are cut back by (0.06 m). */
export const NOFLY_CLEARANCE_M = 0.03;

/** A machine's route and its stops (as `Plan.route` / `Plan.refills`). */
export interface MachineRoute {
  route: BlockRouteSegment[];
  refills: RefillStop[];
}

const travel = (points: XY[], purpose: 'start' | 'end' | 'cell', road: boolean): BlockRouteSegment => ({
  kind: 'transit',
  points,
  reverse: false,
  cellId: -1,
  swathIndex: -1,
  headlandLap: -1,
  transitPurpose: purpose,
  sortie: 0,
  road,
});

/** Free air space of a block: its box, grown by 200 m, with every nofly area (plus clearance) as a hole. */
export interface Airspace {
  space: PolygonM;
  waypoints: XY[];
}

/** Builds the airspace drones fly in. */
export function airspace(block: Block): Airspace {
  const all: XY[] = [
    ...block.paddies.flatMap((p) => p.polygon.outer),
    ...block.depots.map((d) => d.at),
    ...block.nofly.flatMap((n) => n.polygon.outer),
  ];
  const [x0, y0, x1, y1] = bounds([all]);
  const m = 200;
  const grown = offsetPolygons(
    block.nofly.map((n) => ({ outer: n.polygon.outer, holes: [] })),
    NOFLY_CLEARANCE_M,
    'miter',
  );
  const space: PolygonM = {
    outer: [
      [x0 - m, y0 - m],
      [x1 + m, y0 - m],
      [x1 + m, y1 + m],
      [x0 - m, y1 + m],
    ],
    holes: grown.map((g) => [...g.outer].reverse()),
  };
  // waypoints just outside the grown areas, so legs between them stay clear
  const wp = offsetPolygons(
    block.nofly.map((n) => ({ outer: n.polygon.outer, holes: [] })),
    NOFLY_CLEARANCE_M + 0.02,
    'miter',
  );
  return {
    space,
    waypoints: wp.flatMap((g) =>
      reflexVertices({
        outer: [
          [x0 - m, y0 - m],
          [x1 + m, y0 - m],
          [x1 + m, y1 + m],
          [x0 - m, y1 + m],
        ],
        holes: [[...g.outer].reverse()],
      }),
    ),
  };
}

/** A flight from `a` to `b` around nofly areas. @throws BlockError BLOCK_NOFLY_BLOCKED */
export function flight(air: Airspace, a: XY, b: XY, what: string): XY[] {
  if (air.space.holes.length === 0) return [a, b];
  const p = shortestPathInside(a, b, air.space, air.waypoints);
  if (!p) throw new BlockError('BLOCK_NOFLY_BLOCKED', `${what}: no flight path avoids the nofly areas`, { id: what });
  return p;
}

const tagged = (w: PaddyWork, i: number): BlockRouteSegment[] => w.plans[i].route.map((s) => ({ ...s, paddy: w.paddy.id }));

/** A drone's route over `works` in order, from `depot` and back, split into sorties at the depot. */
export function droneRoute(works: readonly PaddyWork[], depot: BlockDepot, vehicle: Vehicle, air: Airspace): MachineRoute {
  const route: BlockRouteSegment[] = [];
  let pos = depot.at;
  for (const w of works)
    w.plans.forEach((plan, i) => {
      if (plan.route.length === 0) return; // all of it under a nofly area
      const entry = plan.route[0].points[0];
      route.push(travel(flight(air, pos, entry, `paddy "${w.paddy.id}"`), 'start', true));
      route.push(...tagged(w, i));
      const last = route[route.length - 1].points;
      pos = last[last.length - 1];
    });
  route.push(travel(flight(air, pos, depot.at, `depot "${depot.id}"`), 'end', true));
  const split = splitSorties(route, vehicle, depot.at, { field: air.space, waypoints: air.waypoints, tolM: 0.01 });
  return { route: split.route as BlockRouteSegment[], refills: split.refills };
}

/** Road path between two graph nodes (cached Dijkstra per source). */
export type RoadPath = (fromNode: number, toNode: number) => XY[];

/** A ground machine's route over `works` in order, from `depot` and back, on roads and through gates. */
export function groundRoute(works: readonly PaddyWork[], depot: BlockDepot, net: BlockNetwork, roadPath: RoadPath): MachineRoute {
  const route: BlockRouteSegment[] = [];
  const refills: RefillStop[] = [];
  const home = net.depots.get(depot.id)!;
  let node = home.node;
  let pos: XY[] = [depot.at, home.at];
  for (const w of works) {
    const gate = w.gate!;
    const ga = net.gates.get(gate.id)!;
    w.plans.forEach((plan, i) => {
      if (plan.route.length === 0) return;
      const sp = plan.route[0].points[0];
      const pts = dedupe([...pos, ...roadPath(node, ga.node).slice(1), gate.at, sp]);
      if (pts.length >= 2) route.push(travel(pts, 'start', true));
      const offset = route.length;
      route.push(...tagged(w, i));
      for (const r of plan.refills) refills.push({ ...r, afterSegment: r.afterSegment + offset });
      const end = route[route.length - 1].points;
      pos = [end[end.length - 1], gate.at, ga.at];
      node = ga.node;
    });
  }
  const back = dedupe([...pos, ...roadPath(node, home.node).slice(1), depot.at]);
  if (back.length >= 2) route.push(travel(back, 'end', true));
  let sortie = 0;
  const stops = new Set(refills.map((r) => r.afterSegment));
  route.forEach((s, i) => {
    s.sortie = sortie;
    if (stops.has(i)) sortie++;
  });
  return { route, refills };
}

/** Road paths between nodes, Dijkstra cached per source node. */
export function roadPaths(net: BlockNetwork, shortest: (node: number) => { prev: Int32Array }): RoadPath {
  const cache = new Map<number, Int32Array>();
  return (a, b) => {
    if (a === b) return [net.graph.nodes[a]];
    let prev = cache.get(a);
    if (!prev) cache.set(a, (prev = shortest(a).prev));
    const p = pathTo(net.graph, prev, a, b);
    if (!p) throw new BlockError('BLOCK_PADDY_UNREACHABLE', `no road joins node ${a} to node ${b}`, { id: String(b) });
    return p;
  };
}
