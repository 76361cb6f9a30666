/**
 * A part's edges bucketed by height, so the edges that meet a band (a swath's strip, one row's
 * strip) are found without a walk over every edge: swath ends ask one band per piece and one
 * per row, and the headland's inner area (round-joined offsets) has hundreds of short edges.
 */
import type { PolygonM } from '../../geometry/index.js';

interface BandTable {
  /** The rings the table was built from (a part whose rings were replaced is rebuilt). */
  outer: PolygonM['outer'];
  rings: number;
  /** Edges as (ax, ay, bx, by): a the ring's previous vertex, b the next (ring order). */
  edges: Float64Array;
  /** Each edge's lowest bucket: an edge is taken from that bucket or the query's first, once. */
  first: Int32Array;
  y0: number;
  perM: number;
  buckets: number;
  /** CSR: bucket k holds edge indices idx[start[k] .. start[k + 1]). */
  start: Int32Array;
  idx: Int32Array;
}

const tables = new WeakMap<PolygonM, BandTable>();

function bucketOf(t: { y0: number; perM: number; buckets: number }, y: number): number {
  const k = Math.floor((y - t.y0) * t.perM);
  return k < 0 ? 0 : k >= t.buckets ? t.buckets - 1 : k;
}

function buildTable(part: PolygonM): BandTable {
  const rings = [part.outer, ...part.holes];
  let n = 0;
  for (const r of rings) n += r.length;
  const edges = new Float64Array(4 * n);
  let y0 = Infinity,
    y1 = -Infinity,
    e = 0;
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      edges[e++] = ring[j][0];
      edges[e++] = ring[j][1];
      edges[e++] = ring[i][0];
      edges[e++] = ring[i][1];
      if (ring[i][1] < y0) y0 = ring[i][1];
      if (ring[i][1] > y1) y1 = ring[i][1];
    }
  // about one edge per bucket keeps a thin band's query near its own edges
  const buckets = Math.max(1, n);
  const perM = y1 > y0 ? buckets / (y1 - y0) : 0;
  const geo = { y0, perM, buckets };
  const first = new Int32Array(n),
    last = new Int32Array(n);
  const start = new Int32Array(buckets + 1);
  for (let k = 0; k < n; k++) {
    const ay = edges[4 * k + 1],
      by = edges[4 * k + 3];
    first[k] = bucketOf(geo, Math.min(ay, by));
    last[k] = bucketOf(geo, Math.max(ay, by));
    for (let b = first[k]; b <= last[k]; b++) start[b + 1]++;
  }
  for (let b = 0; b < buckets; b++) start[b + 1] += start[b];
  const fill = start.slice(0, buckets);
  const idx = new Int32Array(start[buckets]);
  for (let k = 0; k < n; k++) for (let b = first[k]; b <= last[k]; b++) idx[fill[b]++] = k;
  return { outer: part.outer, rings: rings.length, edges, first, y0, perM, buckets, start, idx };
}

function tableOf(part: PolygonM): BandTable {
  const t = tables.get(part);
  if (t && t.outer === part.outer && t.rings === part.holes.length + 1) return t;
  const made = buildTable(part);
  tables.set(part, made);
  return made;
}

/**
 * Appends to `out` (as ax, ay, bx, by, a the ring's previous vertex) each edge of the part's
 * rings that meets the open band lo < y < hi, that is all but those with max(ay, by) ≤ lo or
 * min(ay, by) ≥ hi: the same edges a walk over every ring finds, each once, in bucket order.
 * The table is kept per part object: treat parts as immutable.
 */
export function bandEdges(part: PolygonM, lo: number, hi: number, out: number[]): void {
  const t = tableOf(part);
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
