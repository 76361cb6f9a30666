import type { PolygonM } from './types.js';

/**
 * A polygon's edges bucketed by height, so a horizontal line (or a band between two) meets only
 * the edges of its buckets instead of every edge: the sweep asks tens of lines per polygon, the
 * angle search sweeps each area at dozens of angles, swath ends ask one band per piece and one
 * per row, and offset (round-joined) areas have hundreds of short edges.
 */
interface EdgeTable {
  /** The rings the table was built from (a polygon whose rings were replaced is rebuilt). */
  outer: PolygonM['outer'];
  rings: number;
  /** Edges as (ax, ay, bx, by), a the ring's previous vertex, b the next (the crossing formula's order). */
  edges: Float64Array;
  /** Each edge's lowest bucket: a band query takes an edge there or in its own first bucket, once. */
  first: Int32Array;
  y0: number;
  y1: number;
  perM: number;
  /** CSR: bucket k holds edge indices idx[start[k] .. start[k + 1]). */
  start: Int32Array;
  idx: Int32Array;
}

const tables = new WeakMap<PolygonM, EdgeTable>();

/** Up to this many edges (one ring) the plain loop over them is cheaper than building a table. */
const PLAIN_MAX_EDGES = 16;

/** Buckets per edge: about one edge per bucket keeps a query near constant time. */
const BUCKETS_PER_EDGE = 1;

function buildTable(poly: PolygonM): EdgeTable {
  const rings = [poly.outer, ...poly.holes];
  let n = 0;
  for (const r of rings) n += r.length;
  const edges = new Float64Array(4 * n);
  let y0 = Infinity,
    y1 = -Infinity,
    e = 0;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j],
        b = ring[i];
      edges[e++] = a[0];
      edges[e++] = a[1];
      edges[e++] = b[0];
      edges[e++] = b[1];
      if (b[1] < y0) y0 = b[1];
      if (b[1] > y1) y1 = b[1];
    }
  const buckets = Math.max(1, Math.ceil(n * BUCKETS_PER_EDGE));
  const perM = y1 > y0 ? buckets / (y1 - y0) : 0;
  // each edge's first and last bucket (clamped: the same map the query uses, so monotone in y)
  const span = new Int32Array(2 * n);
  const start = new Int32Array(buckets + 1);
  for (let k = 0; k < n; k++) {
    const ay = edges[4 * k + 1],
      by = edges[4 * k + 3];
    const lo = Math.min(buckets - 1, Math.floor(((ay < by ? ay : by) - y0) * perM));
    const hi = Math.min(buckets - 1, Math.floor(((ay < by ? by : ay) - y0) * perM));
    span[2 * k] = lo;
    span[2 * k + 1] = hi;
    for (let b = lo; b <= hi; b++) start[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const fill = start.slice(0, buckets);
  const idx = new Int32Array(start[buckets]);
  for (let k = 0; k < n; k++) for (let b = span[2 * k], hi = span[2 * k + 1]; b <= hi; b++) idx[fill[b]++] = k;
  const first = new Int32Array(n);
  for (let k = 0; k < n; k++) first[k] = span[2 * k];
  return { outer: poly.outer, rings: rings.length, edges, first, y0, y1, perM, start, idx };
}

function tableOf(poly: PolygonM): EdgeTable {
  const t = tables.get(poly);
  if (t && t.outer === poly.outer && t.rings === poly.holes.length + 1) return t;
  const made = buildTable(poly);
  tables.set(poly, made);
  return made;
}

/**
 * Appends to `out` the x where the horizontal line y crosses the polygon's rings (outer and
 * holes), unsorted: an edge a→b counts when a.y > y differs from b.y > y, and crosses at
 * a.x + (y − a.y)/(b.y − a.y)·(b.x − a.x), the same test and arithmetic as a plain loop over
 * every edge, so the crossings are the same numbers. The edge table is kept per polygon object:
 * treat polygons as immutable (replace a ring rather than edit its points).
 */
export function lineCrossings(poly: PolygonM, y: number, out: number[]): void {
  if (poly.holes.length === 0 && poly.outer.length <= PLAIN_MAX_EDGES) {
    // a few edges: the plain loop is cheaper than a table
    const ring = poly.outer;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j],
        b = ring[i];
      if (a[1] > y !== b[1] > y) out.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
    }
    return;
  }
  const t = tableOf(poly);
  if (!(y >= t.y0 && y <= t.y1)) return;
  const k = t.perM > 0 ? Math.min(t.start.length - 2, Math.floor((y - t.y0) * t.perM)) : 0;
  const { edges, idx } = t;
  for (let m = t.start[k], end = t.start[k + 1]; m < end; m++) {
    const e = 4 * idx[m];
    const ax = edges[e],
      ay = edges[e + 1],
      bx = edges[e + 2],
      by = edges[e + 3];
    if (ay > y !== by > y) out.push(ax + ((y - ay) / (by - ay)) * (bx - ax));
  }
}

/** The bucket of height y, clamped to the table. */
function bucketOf(t: EdgeTable, y: number): number {
  const k = Math.floor((y - t.y0) * t.perM);
  const last = t.start.length - 2;
  return k < 0 ? 0 : k >= last ? last : k;
}

/**
 * Appends to `out` (as ax, ay, bx, by, a the ring's previous vertex) each edge of the polygon's
 * rings that meets the open band lo < y < hi, that is all but those with max(ay, by) ≤ lo or
 * min(ay, by) ≥ hi: the same edges a walk over every ring finds, each once, in bucket order.
 * The table is {@link lineCrossings}' own, kept per polygon object: treat polygons as immutable.
 *
 * @example
 * ```ts
 * const out: number[] = [];
 * bandEdges(part, y - 0.9, y + 0.9, out); // the edges a 1.8 m swath's strip meets
 * ```
 */
export function bandEdges(poly: PolygonM, lo: number, hi: number, out: number[]): void {
  const t = tableOf(poly);
  const q0 = bucketOf(t, lo),
    q1 = bucketOf(t, hi);
  const { edges, first, start, idx } = t;
  for (let b = q0; b <= q1; b++)
    for (let m = start[b], end = start[b + 1]; m < end; m++) {
      const k = idx[m];
      // an edge spanning several buckets is taken in the first of them the query visits
      if (first[k] !== b && b !== q0) continue;
      const e = 4 * k;
      const ay = edges[e + 1],
        by = edges[e + 3];
      if ((ay > by ? ay : by) <= lo || (ay < by ? ay : by) >= hi) continue;
      out.push(edges[e], ay, edges[e + 2], by);
    }
}
