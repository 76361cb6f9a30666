/**
 * Cross-feature checks of a block (docs/contracts.md "Block input"): overlapping paddies, gates near
 * their paddy and a road, depots on the road network, a depot for the machine kind, and — for
 * ground machines — every paddy reachable from a depot through a gate. Also builds the road
 * network the route stage drives on.
 */
import { BlockError } from '../errors.js';
import { bounds } from '../geometry/index.js';
import { boxesMeet, distToPolygon, overlapAreaM2 } from './geom.js';
import { buildRoadGraph, shortestFrom, type RoadAttachment, type RoadGraph } from './roads.js';
import type { Block, BlockMachineKind } from './types.js';

/** Paddies may share a bund line; more than this in common is an overlap, m² (docs/contracts.md). */
export const MAX_PADDY_OVERLAP_M2 = 1;
/** A gate lies within this of its paddy, m (docs/contracts.md). */
export const GATE_TO_PADDY_M = 3;
/** A gate or ground depot lies within the road's widthM/2 plus this of a road, m (docs/contracts.md). */
export const ROAD_REACH_M = 3;

/** The road network of a validated block, for ground routes. */
export interface BlockNetwork {
  graph: RoadGraph;
  gates: Map<string, RoadAttachment>;
  depots: Map<string, RoadAttachment>;
  /** Shortest road distances from each depot's node. */
  fromDepot: Map<string, { distM: Float64Array; prev: Int32Array }>;
}

function checkOverlaps(block: Block): void {
  const boxes = block.paddies.map((p) => bounds([p.polygon.outer]));
  for (let i = 0; i < block.paddies.length; i++)
    for (let j = i + 1; j < block.paddies.length; j++) {
      if (!boxesMeet(boxes[i], boxes[j])) continue;
      const a = block.paddies[i],
        b = block.paddies[j];
      const m2 = overlapAreaM2(a.polygon, b.polygon);
      if (m2 > MAX_PADDY_OVERLAP_M2)
        throw new BlockError(
          'BLOCK_PADDY_OVERLAP',
          `paddy "${a.id}" and paddy "${b.id}" overlap by ${m2.toFixed(1)} m² (over ${MAX_PADDY_OVERLAP_M2} m²)`,
          { id: a.id, other: b.id, overlapM2: m2 },
        );
    }
}

function checkGates(block: Block): void {
  const byId = new Map(block.paddies.map((p) => [p.id, p]));
  for (const g of block.gates) {
    const p = byId.get(g.paddy);
    if (!p)
      throw new BlockError('BLOCK_GATE_NO_PADDY', `gate "${g.id}": paddy ${JSON.stringify(g.paddy)} is not a paddy of the block`, {
        id: g.id,
        paddy: g.paddy,
      });
    const d = distToPolygon(g.at, p.polygon);
    if (d > GATE_TO_PADDY_M)
      throw new BlockError(
        'BLOCK_GATE_FAR_FROM_PADDY',
        `gate "${g.id}" is ${d.toFixed(1)} m from paddy "${p.id}" (at most ${GATE_TO_PADDY_M} m)`,
        { id: g.id, paddy: p.id, distM: d },
      );
  }
}

function network(block: Block): BlockNetwork {
  const pts = [...block.gates.map((g) => g.at), ...block.depots.map((d) => d.at)];
  const { graph, attach } = buildRoadGraph(block.roads, pts);
  const gates = new Map<string, RoadAttachment>();
  const depots = new Map<string, RoadAttachment>();
  block.gates.forEach((g, i) => {
    const a = attach[i]!;
    if (a.distM > a.halfWidthM + ROAD_REACH_M)
      throw new BlockError(
        'BLOCK_GATE_FAR_FROM_ROAD',
        `gate "${g.id}" is ${(a.distM - a.halfWidthM).toFixed(1)} m from the edge of the nearest road (at most ${ROAD_REACH_M} m)`,
        { id: g.id, distM: a.distM },
      );
    gates.set(g.id, a);
  });
  block.depots.forEach((d, i) => {
    const a = attach[block.gates.length + i]!;
    const near = a.distM <= a.halfWidthM + ROAD_REACH_M;
    if (!near && d.serves.includes('transplanter'))
      throw new BlockError(
        'BLOCK_DEPOT_OFF_ROAD',
        `depot "${d.id}" serves transplanters but is ${(a.distM - a.halfWidthM).toFixed(1)} m from the edge of the nearest road (at most ${ROAD_REACH_M} m)`,
        { id: d.id, distM: a.distM },
      );
    if (near) depots.set(d.id, a);
  });
  const fromDepot = new Map([...depots].map(([id, a]) => [id, shortestFrom(graph, a.node)] as const));
  return { graph, gates, depots, fromDepot };
}

function checkReachable(block: Block, net: BlockNetwork): void {
  const serving = block.depots.filter((d) => d.serves.includes('transplanter') && net.fromDepot.has(d.id));
  for (const p of block.paddies) {
    const gates = block.gates.filter((g) => g.paddy === p.id);
    if (gates.length === 0)
      throw new BlockError('BLOCK_PADDY_UNREACHABLE', `paddy "${p.id}" has no gate: ground machines cannot enter it`, { id: p.id });
    const ok = gates.some((g) => serving.some((d) => net.fromDepot.get(d.id)!.distM[net.gates.get(g.id)!.node] < Infinity));
    if (!ok)
      throw new BlockError(
        'BLOCK_PADDY_UNREACHABLE',
        `paddy "${p.id}": no road connects its gate${gates.length > 1 ? 's' : ''} (${gates.map((g) => g.id).join(', ')}) to a depot`,
        { id: p.id, gates: gates.map((g) => g.id) },
      );
  }
}

/**
 * Checks a block for a machine kind and returns its road network (empty for a drone block
 * without roads). Drones need only a depot; ground machines need roads, gates and reachability.
 * @throws BlockError BLOCK_PADDY_OVERLAP, BLOCK_GATE_NO_PADDY, BLOCK_GATE_FAR_FROM_PADDY,
 *   BLOCK_GATE_FAR_FROM_ROAD, BLOCK_DEPOT_OFF_ROAD, BLOCK_NO_DEPOT, BLOCK_NEEDS_ROADS, BLOCK_PADDY_UNREACHABLE
 */
export function validateBlock(block: Block, kind: BlockMachineKind): BlockNetwork {
  checkOverlaps(block);
  checkGates(block);
  if (kind === 'transplanter' && (block.roads.length === 0 || block.gates.length === 0))
    throw new BlockError(
      'BLOCK_NEEDS_ROADS',
      `block "${block.name}" has ${block.roads.length} roads and ${block.gates.length} gates: transplanters need roads and a gate into every paddy`,
      { id: block.name, roads: block.roads.length, gates: block.gates.length },
    );
  if (!block.depots.some((d) => d.serves.includes(kind)))
    throw new BlockError('BLOCK_NO_DEPOT', `block "${block.name}" has no depot serving ${kind}s`, { id: block.name, kind });
  const net: BlockNetwork = block.roads.length
    ? network(block)
    : { graph: { nodes: [], adj: [] }, gates: new Map(), depots: new Map(), fromDepot: new Map() };
  if (kind === 'transplanter') checkReachable(block, net);
  return net;
}
