import { hypot } from './hypot.js';
import { pointInPolygon, segmentInside } from './inside.js';
import { polylineInside } from './near-edges.js';
import { edgeQueue } from './edge-queue.js';
import type { PolygonM, XY } from './types.js';

/**
 * Reflex corners of free space: the only places a shortest path inside a polygon bends.
 * Outer rings are CCW and holes CW, so free space is always on the left; a right turn is reflex.
 */
export function reflexVertices(poly: PolygonM): XY[] {
  const out: XY[] = [];
  for (const ring of [poly.outer, ...poly.holes]) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[(i - 1 + n) % n],
        b = ring[i],
        c = ring[(i + 1) % n];
      if ((b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]) < 0) out.push(b);
    }
  }
  return out;
}

/**
 * Which waypoint can see which, filled in as searches ask (0 not yet tested, 1 visible, 2 not),
 * ordered pairs (u → v tested as the segment u–v, exactly as the search tests it). One plan asks
 * hundreds of shortest paths over the same field and waypoints (transits, refill trips, fallback
 * turns); the waypoint-to-waypoint tests are the bulk of each search and repeat across them.
 */
interface Visibility {
  field: PolygonM;
  seen: Int8Array;
  /** Whether each waypoint lies in the field (`pointInPolygon`), once. */
  inside: boolean[];
  /**
   * Paths already found, by their ends: a plan asks the same trips again (each candidate route
   * has its refill trips and gap-pass transits searched, then the chosen one once more).
   */
  paths: Map<string, XY[] | undefined>;
  /**
   * Waypoint-to-waypoint distances, row u filled when u is first settled (`rowFilled`), empty
   * for a waypoint set too large to keep them ({@link MAX_KEPT_DISTANCES}).
   */
  dist: Float64Array;
  rowFilled: Uint8Array;
  /**
   * Visibility between a search's end and the waypoints (as `seen`), by the end's exact
   * coordinates and direction (`>x,y`: from the point to each waypoint; `<x,y`: from each
   * waypoint to the point): the service point starts or ends every refill trip and transit.
   */
  endRows: Map<string, Int8Array>;
  /**
   * A search's arrays, reused by the next on this waypoint set (searches do not nest: they share
   * the edge queue): the nodes (a, b, then the waypoints; a and b set per search) and the
   * per-node numbers, each filled by the search before it reads them.
   */
  scratch?: { nodes: XY[]; toB: Float64Array; prev: Int32Array; done: Uint8Array; visibleD: Float64Array };
}
const visibilityCache = new WeakMap<XY[], Visibility>();

/** Waypoints up to this many keep their distance table (8 MB at most; a field has a few hundred). */
const MAX_KEPT_DISTANCES = 1024;

function visibilityOf(field: PolygonM, waypoints: XY[]): Visibility {
  const hit = visibilityCache.get(waypoints);
  if (hit && hit.field === field && hit.seen.length === waypoints.length * waypoints.length) return hit;
  const made = {
    field,
    seen: new Int8Array(waypoints.length * waypoints.length),
    inside: waypoints.map((w) => pointInPolygon(w, field)),
    paths: new Map<string, XY[] | undefined>(),
    dist: new Float64Array(waypoints.length <= MAX_KEPT_DISTANCES ? waypoints.length * waypoints.length : 0),
    rowFilled: new Uint8Array(waypoints.length),
    endRows: new Map<string, Int8Array>(),
    scratch: undefined,
  };
  visibilityCache.set(waypoints, made);
  return made;
}

/** End rows kept per waypoint set (a plan's searches have a few hundred ends). */
const MAX_END_ROWS = 2048;

/** The end row of `p` (see `Visibility.endRows`), `dir` `>` from p, `<` to p. */
function endRow(known: Visibility, p: XY, dir: '<' | '>'): Int8Array {
  const key = `${dir}${p[0]},${p[1]}`;
  let row = known.endRows.get(key);
  if (!row) {
    if (known.endRows.size >= MAX_END_ROWS) known.endRows.clear();
    known.endRows.set(key, (row = new Int8Array(known.inside.length)));
  }
  return row;
}

/**
 * Shortest path from `a` to `b` that stays inside `field`: straight when it can be, else
 * through the reflex corners of `waypoints` (usually the field inset by a small margin, so
 * the path keeps clear of the boundary). Visibility graph searched with Dijkstra; the
 * waypoint-to-waypoint visibility is kept per `waypoints` array (do not mutate it between calls).
 *
 * @returns the path (first point `a`, last `b`), or undefined when `b` cannot be reached
 */
export function shortestPathInside(a: XY, b: XY, field: PolygonM, waypoints: XY[]): XY[] | undefined {
  const known = visibilityOf(field, waypoints);
  const key = `${a[0]},${a[1]},${b[0]},${b[1]}`;
  if (known.paths.has(key)) return known.paths.get(key)?.slice();
  const path = searchPath(a, b, field, waypoints);
  // a long-lived waypoint set (a block's airspace) meets ever new ends: keep the memo bounded
  if (known.paths.size >= MAX_KEPT_PATHS) known.paths.clear();
  known.paths.set(key, path);
  return path?.slice();
}

/** Paths kept per waypoint set (a plan asks a few hundred). */
const MAX_KEPT_PATHS = 4096;

/**
 * Bounds tried on a path's length, as multiples of the straight distance: an edge whose f
 * exceeds the bound is not queued (a search that reaches b within the bound is the unbounded
 * search, whose every edge taken before b has f ≤ f(b)); when the queue runs dry the next bound
 * is tried. On the real and generated fields half of all detours are under 5 %, 93 % under 50 %.
 */
const DETOUR_BOUNDS = [1.1, 1.5, 3, Infinity];

/**
 * The search behind {@link shortestPathInside}: A* over the visibility graph with lazy edges.
 * An edge u→v is queued untested, keyed by the f = g(u) + |uv| + |vb| it would give v; it is
 * tested for visibility only when it comes first in the queue and v is not settled yet, and it
 * is not queued at all when its f exceeds a bound on the path ({@link DETOUR_BOUNDS}). The
 * eager search tested every edge that improved a node's tentative distance, most of them to
 * far nodes whose f never comes near the goal's (on a field with 274 waypoints, ~20,000
 * visibility tests per plan). Settling order and parents are the eager search's: the first
 * visible edge out of the queue into v has the least g(u) + |uv| over visible edges from
 * settled nodes, ties going to the parent settled first, as the eager search's strict `<` keeps
 * the first improvement (tests/geometry/shortest-path.test.ts holds the two equal).
 */
function searchPath(a: XY, b: XY, field: PolygonM, waypoints: XY[]): XY[] | undefined {
  if (polylineInside([a, b], field)) return [a, b];
  const search = new PathSearch(a, b, field, waypoints);
  const straightM = hypot(b[0] - a[0], b[1] - a[1]);
  for (const bound of DETOUR_BOUNDS) {
    const path = search.run(bound * straightM);
    if (path) return path;
  }
  return undefined;
}

/** One search of {@link searchPath}: the nodes (a, b, the waypoints) and what is known of them. */
class PathSearch {
  private readonly nodes: XY[];
  private readonly m: number;
  private readonly known: Visibility;
  private readonly aIn: boolean;
  private readonly bIn: boolean;
  /** Whether a sees each waypoint, and each waypoint b (0 not yet tested, 1 visible, 2 not). */
  private readonly fromA: Int8Array;
  private readonly intoB: Int8Array;
  /** Straight distance of each node to b: never more than what is left, and consistent. */
  private readonly toB: Float64Array;
  private readonly prev: Int32Array;
  private readonly done: Uint8Array;
  /** The least g queued for each node along an edge known to be visible (Infinity: none yet). */
  private readonly visibleD: Float64Array;
  private settled = 0;
  private limitM = Infinity;

  constructor(
    a: XY,
    b: XY,
    private readonly field: PolygonM,
    private readonly waypoints: XY[],
  ) {
    const n = waypoints.length + 2;
    this.m = waypoints.length;
    this.known = visibilityOf(field, waypoints);
    const kept = (this.known.scratch ??= {
      nodes: [a, b, ...waypoints],
      toB: new Float64Array(n),
      prev: new Int32Array(n),
      done: new Uint8Array(n),
      visibleD: new Float64Array(n),
    });
    const nodes = (this.nodes = kept.nodes);
    nodes[0] = a;
    nodes[1] = b;
    // whether each node lies in the field, so a segment test does not test its ends again
    this.aIn = pointInPolygon(a, field);
    this.bIn = pointInPolygon(b, field);
    this.fromA = endRow(this.known, a, '>');
    this.intoB = endRow(this.known, b, '<');
    this.toB = kept.toB;
    for (let i = 0; i < n; i++) this.toB[i] = hypot(b[0] - nodes[i][0], b[1] - nodes[i][1]);
    // filled by each run before it reads them
    this.prev = kept.prev;
    this.done = kept.done;
    this.visibleD = kept.visibleD;
  }

  /** The shortest path if its f is within `limitM`, else undefined (then none is, or it is longer). */
  run(limitM: number): XY[] | undefined {
    const { done, prev, nodes } = this;
    done.fill(0);
    this.visibleD.fill(Infinity);
    prev.fill(-1);
    this.settled = 0;
    this.limitM = limitM;
    edgeQueue.size = 0;
    this.settle(0, -1, 0);
    while (!done[1]) {
      if (edgeQueue.size === 0) return undefined;
      const { d, from, to } = edgeQueue.pop();
      if (done[to] || !this.sees(from, to)) continue;
      this.settle(to, from, d);
    }
    const path: XY[] = [];
    for (let v = 1; v >= 0; v = prev[v]) path.push(nodes[v]);
    return path.reverse();
  }

  private isIn(u: number): boolean {
    return u === 0 ? this.aIn : u === 1 ? this.bIn : this.known.inside[u - 2];
  }

  /** Whether u sees v (the segment u→v stays inside), tested once per waypoint set. */
  private sees(u: number, v: number): boolean {
    const { nodes, field } = this;
    // waypoint pairs kept with the waypoint set, an end's edges with its end row
    const vis = u >= 2 ? (v >= 2 ? this.known.seen : v === 1 ? this.intoB : undefined) : u === 0 && v >= 2 ? this.fromA : undefined;
    if (!vis) return segmentInside(nodes[u], nodes[v], field, this.isIn(u), this.isIn(v));
    const k = u >= 2 ? (v >= 2 ? (u - 2) * this.m + (v - 2) : u - 2) : v - 2;
    if (vis[k] === 0) vis[k] = segmentInside(nodes[u], nodes[v], field, this.isIn(u), this.isIn(v)) ? 1 : 2;
    return vis[k] === 1;
  }

  /** Settles v at distance g through `from` and queues its edges to the nodes not settled. */
  private settle(v: number, from: number, g: number): void {
    const { done, nodes, toB, limitM } = this;
    done[v] = 1;
    this.prev[v] = from;
    const order = this.settled++;
    const [vx, vy] = nodes[v];
    const row = v >= 2 ? this.distanceRow(v - 2) : -1;
    const { dist, seen } = this.known;
    const seenRow = v >= 2 ? (v - 2) * this.m - 2 : -1,
      visibleD = this.visibleD;
    for (let w = 0; w < nodes.length; w++) {
      if (done[w]) continue;
      const d = g + (row >= 0 && w >= 2 ? dist[row + w - 2] : hypot(nodes[w][0] - vx, nodes[w][1] - vy));
      const f = d + toB[w];
      if (f > limitM) continue;
      // an edge already tested on this waypoint set: an invisible one would only be popped and
      // dropped; a visible one longer than a visible one queued before comes out after it, once
      // w is settled (f and g order one node's edges alike)
      const known = seenRow >= 0 && w >= 2 ? seen[seenRow + w] : 0;
      if (known === 2 || (known === 1 && d > visibleD[w])) continue;
      if (known === 1) visibleD[w] = d;
      edgeQueue.push(f, d, order, v, w);
    }
  }

  /**
   * Offset of waypoint u's row of distances to the others (hypot's own numbers), filled the first
   * time u is settled in any search on this waypoint set; -1 when the set is too large to keep them.
   */
  private distanceRow(u: number): number {
    const { dist, rowFilled } = this.known;
    if (!dist.length) return -1;
    const row = u * this.m,
      wp = this.waypoints,
      [ux, uy] = wp[u];
    if (!rowFilled[u]) {
      for (let w = 0; w < this.m; w++) dist[row + w] = hypot(wp[w][0] - ux, wp[w][1] - uy);
      rowFilled[u] = 1;
    }
    return row;
  }
}
