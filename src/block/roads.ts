/**
 * The field-road network: a graph whose nodes are road vertices, junctions (where lines cross,
 * or where one line's end touches another road's surface) and the points where gates and
 * depots join a road; shortest paths by Dijkstra.
 */
import type { XY } from '../geometry/index.js';
import { nearestOnPolyline } from './geom.js';
import type { BlockRoad } from './types.js';
import { hypot } from '../geometry/index.js';

/** Where a point (gate, depot) joins the road network. */
export interface RoadAttachment {
  /** Node of the graph on the road's centre line. */
  node: number;
  /** That node's position. */
  at: XY;
  /** Distance from the point to the road's centre line, m. */
  distM: number;
  /** The road's half width, m. */
  halfWidthM: number;
}

/** A road graph with shortest paths. */
export interface RoadGraph {
  nodes: XY[];
  /** Adjacency: `[to, lengthM]` per node. */
  adj: [number, number][][];
}

/** A node-to-be on a road: where along it (segment index + t, growing along the line) and its position. */
interface Cut {
  t: number;
  at: XY;
}

function segmentCrossing(a: XY, b: XY, c: XY, d: XY): [number, number] | undefined {
  const rx = b[0] - a[0],
    ry = b[1] - a[1],
    sx = d[0] - c[0],
    sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-12) return undefined;
  const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
  const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
  return t >= 0 && t <= 1 && u >= 0 && u <= 1 ? [t, u] : undefined;
}

/** Cuts both roads where two roads' centre lines cross (a junction). */
function cutCrossings(roads: readonly BlockRoad[], cuts: Cut[][]): void {
  for (let i = 0; i < roads.length; i++)
    for (let j = i + 1; j < roads.length; j++) {
      const lineA = roads[i].points,
        lineB = roads[j].points;
      for (let p = 1; p < lineA.length; p++)
        for (let q = 1; q < lineB.length; q++) {
          const crossing = segmentCrossing(lineA[p - 1], lineA[p], lineB[q - 1], lineB[q]);
          if (!crossing) continue;
          const [tA, tB] = crossing;
          const at: XY = [lineA[p - 1][0] + tA * (lineA[p][0] - lineA[p - 1][0]), lineA[p - 1][1] + tA * (lineA[p][1] - lineA[p - 1][1])];
          cuts[i].push({ t: p - 1 + tA, at });
          cuts[j].push({ t: q - 1 + tB, at });
        }
    }
}

/** A line's end that touches another road's surface joins it there: a cut on the other road, and a link when the end is off its line. */
function cutTouchingEnds(roads: readonly BlockRoad[], cuts: Cut[][], links: [XY, XY][]): void {
  roads.forEach((road, i) => {
    for (const end of [road.points[0], road.points[road.points.length - 1]])
      roads.forEach((other, j) => {
        if (i === j) return;
        const nearest = nearestOnPolyline(end, other.points);
        if (nearest.distM > (road.widthM + other.widthM) / 2) return;
        // an end exactly on the other line joins it at that point (the nodes merge); a near one gets a link
        cuts[j].push({ t: nearest.segment + nearest.t, at: nearest.distM > 1e-3 ? nearest.at : end });
        if (nearest.distM > 1e-3) links.push([end, nearest.at]);
      });
  });
}

/** Each point's nearest road (least distance beyond its half width), cut there; node numbers come later. */
function attachPoints(roads: readonly BlockRoad[], points: readonly XY[], cuts: Cut[][]) {
  return points.map((point) => {
    let best: (RoadAttachment & { road: number; t: number }) | undefined;
    roads.forEach((road, i) => {
      const nearest = nearestOnPolyline(point, road.points);
      const slackM = nearest.distM - road.widthM / 2;
      if (!best || slackM < best.distM - best.halfWidthM)
        best = { node: -1, at: nearest.at, distM: nearest.distM, halfWidthM: road.widthM / 2, road: i, t: nearest.segment + nearest.t };
    });
    if (best) cuts[best.road].push({ t: best.t, at: best.at });
    return best;
  });
}

/** The graph of consecutive cuts along each road plus the links; positions within 1 mm are one node. */
function linkCuts(cuts: Cut[][], links: [XY, XY][]) {
  const nodes: XY[] = [];
  const index = new Map<string, number>();
  const nodeOf = (position: XY) => {
    const key = `${Math.round(position[0] * 1000)},${Math.round(position[1] * 1000)}`;
    let node = index.get(key);
    if (node === undefined) {
      node = nodes.length;
      nodes.push(position);
      index.set(key, node);
    }
    return node;
  };
  const adj: [number, number][][] = [];
  const link = (a: XY, b: XY) => {
    const u = nodeOf(a),
      v = nodeOf(b);
    while (adj.length < nodes.length) adj.push([]);
    if (u === v) return;
    const lengthM = hypot(a[0] - b[0], a[1] - b[1]);
    adj[u].push([v, lengthM]);
    adj[v].push([u, lengthM]);
  };
  for (const roadCuts of cuts) {
    roadCuts.sort((p, q) => p.t - q.t);
    for (let k = 1; k < roadCuts.length; k++) link(roadCuts[k - 1].at, roadCuts[k].at);
  }
  for (const [a, b] of links) link(a, b);
  while (adj.length < nodes.length) adj.push([]);
  return { graph: { nodes, adj }, nodeOf };
}

/** Builds the graph; `points` (gates, depots) get attachment nodes on their nearest road. */
export function buildRoadGraph(
  roads: readonly BlockRoad[],
  points: readonly XY[],
): { graph: RoadGraph; attach: (RoadAttachment | undefined)[] } {
  // cuts along each road, as a global parameter segment + t; every vertex is one
  const cuts: Cut[][] = roads.map((road) => road.points.map((vertex, i) => ({ t: i, at: vertex })));
  const links: [XY, XY][] = [];
  cutCrossings(roads, cuts);
  cutTouchingEnds(roads, cuts, links);
  const attach = attachPoints(roads, points, cuts);
  const { graph, nodeOf } = linkCuts(cuts, links);
  return {
    graph,
    attach: attach.map((a) => (a ? { node: nodeOf(a.at), at: a.at, distM: a.distM, halfWidthM: a.halfWidthM } : undefined)),
  };
}

/** Shortest distances and predecessors from `source` (Dijkstra with a binary heap). */
export function shortestFrom(g: RoadGraph, source: number): { distM: Float64Array; prev: Int32Array } {
  const n = g.nodes.length;
  const distM = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const heap: [number, number][] = [];
  const push = (d: number, v: number) => {
    heap.push([d, v]);
    for (let i = heap.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (heap[p][0] <= heap[i][0]) break;
      [heap[p], heap[i]] = [heap[i], heap[p]];
      i = p;
    }
  };
  const pop = (): [number, number] => {
    const top = heap[0],
      last = heap.pop()!;
    if (heap.length) {
      heap[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1,
          r = l + 1;
        let m = i;
        if (l < heap.length && heap[l][0] < heap[m][0]) m = l;
        if (r < heap.length && heap[r][0] < heap[m][0]) m = r;
        if (m === i) break;
        [heap[m], heap[i]] = [heap[i], heap[m]];
        i = m;
      }
    }
    return top;
  };
  distM[source] = 0;
  push(0, source);
  while (heap.length) {
    const [d, u] = pop();
    if (d > distM[u]) continue;
    for (const [v, w] of g.adj[u]) {
      if (d + w < distM[v]) {
        distM[v] = d + w;
        prev[v] = u;
        push(d + w, v);
      }
    }
  }
  return { distM, prev };
}

/** The path to `target` from the source of `prev`, as points (source first); undefined when unreachable. */
export function pathTo(g: RoadGraph, prev: Int32Array, source: number, target: number): XY[] | undefined {
  const out: XY[] = [];
  for (let v = target; v >= 0; v = prev[v]) {
    out.push(g.nodes[v]);
    if (v === source) return out.reverse();
  }
  return target === source ? [g.nodes[source]] : undefined;
}
