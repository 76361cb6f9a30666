import { pointInPolygon, polylineInside, segmentInside } from './inside.js';
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
}
const visibilityCache = new WeakMap<XY[], Visibility>();

function visibilityOf(field: PolygonM, waypoints: XY[]): Visibility {
  const hit = visibilityCache.get(waypoints);
  if (hit && hit.field === field && hit.seen.length === waypoints.length * waypoints.length) return hit;
  const made = {
    field,
    seen: new Int8Array(waypoints.length * waypoints.length),
    inside: waypoints.map((w) => pointInPolygon(w, field)),
    paths: new Map<string, XY[] | undefined>(),
  };
  visibilityCache.set(waypoints, made);
  return made;
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

/** The search behind {@link shortestPathInside}. */
function searchPath(a: XY, b: XY, field: PolygonM, waypoints: XY[]): XY[] | undefined {
  if (polylineInside([a, b], field)) return [a, b];
  const nodes: XY[] = [a, b, ...waypoints];
  const n = nodes.length,
    m = waypoints.length;
  const { seen: vis, inside } = visibilityOf(field, waypoints);
  // whether each node lies in the field, so a segment test does not test its ends again
  const aIn = pointInPolygon(a, field),
    bIn = pointInPolygon(b, field);
  const isIn = (u: number) => (u === 0 ? aIn : u === 1 ? bIn : inside[u - 2]);
  const sees = (u: number, v: number): boolean => {
    if (u < 2 || v < 2) return segmentInside(nodes[u], nodes[v], field, isIn(u), isIn(v));
    const k = (u - 2) * m + (v - 2);
    if (vis[k] === 0) vis[k] = segmentInside(nodes[u], nodes[v], field, inside[u - 2], inside[v - 2]) ? 1 : 2;
    return vis[k] === 1;
  };
  const distTo = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  // A*: the straight distance to b never overestimates what is left and satisfies the triangle
  // inequality, so the first time b is taken its path is shortest, with far fewer nodes taken
  const toB = new Float64Array(n);
  for (let i = 0; i < n; i++) toB[i] = Math.hypot(b[0] - nodes[i][0], b[1] - nodes[i][1]);
  distTo[0] = 0;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && distTo[i] < Infinity && (u < 0 || distTo[i] + toB[i] < distTo[u] + toB[u])) u = i;
    if (u < 0) return undefined;
    if (u === 1) break;
    done[u] = 1;
    for (let v = 0; v < n; v++) {
      if (done[v] || v === u) continue;
      const d = distTo[u] + Math.hypot(nodes[v][0] - nodes[u][0], nodes[v][1] - nodes[u][1]);
      if (d >= distTo[v]) continue;
      if (!sees(u, v)) continue;
      distTo[v] = d;
      prev[v] = u;
    }
  }
  const path: XY[] = [];
  for (let v = 1; v >= 0; v = prev[v]) path.push(nodes[v]);
  return path.reverse();
}
