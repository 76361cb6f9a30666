/**
 * Whether some rings are simple together: no two of their edges touch or cross, except
 * neighbours on one ring at their shared vertex. What a rounded lap must be when a rounded corner
 * comes near another part of the lap (`regionsHit`), where the cheaper region test cannot say.
 */
import type { Ring, XY } from '../../geometry/index.js';
import { cross } from './corner-regions.js';

/** Segments pq and ab touch or cross (collinear overlaps count). */
function segmentsMeet(p: XY, q: XY, a: XY, b: XY): boolean {
  const d1 = cross(a, b, p),
    d2 = cross(a, b, q),
    d3 = cross(p, q, a),
    d4 = cross(p, q, b);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (o: XY, s: XY, e: XY, d: number) =>
    d === 0 && Math.min(s[0], e[0]) <= o[0] && o[0] <= Math.max(s[0], e[0]) && Math.min(s[1], e[1]) <= o[1] && o[1] <= Math.max(s[1], e[1]);
  return on(p, a, b, d1) || on(q, a, b, d2) || on(a, p, q, d3) || on(b, p, q, d4);
}

/** An edge: ring r, from vertex i to the next, and its x-range. */
interface Edge {
  r: number;
  i: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** Neighbouring edges of one ring, which share a vertex. */
function neighbours(e: Edge, f: Edge, rings: readonly Ring[]): boolean {
  if (e.r !== f.r) return false;
  const n = rings[e.r].length;
  return (e.i + 1) % n === f.i || (f.i + 1) % n === e.i;
}

/**
 * True when no two edges of the rings touch or cross, neighbours on a ring at their shared vertex
 * aside. A sweep along x: each edge is tested against the edges whose x-ranges overlap its own.
 */
export function ringsSimple(rings: readonly Ring[]): boolean {
  const edges: Edge[] = [];
  rings.forEach((ring, r) => {
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i],
        b = ring[(i + 1) % ring.length];
      edges.push({ r, i, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) });
    }
  });
  edges.sort((e, f) => e.x0 - f.x0);
  const active: Edge[] = [];
  for (const e of edges) {
    let kept = 0;
    for (const f of active) if (f.x1 >= e.x0) active[kept++] = f;
    active.length = kept;
    const ring = rings[e.r];
    const p = ring[e.i],
      q = ring[(e.i + 1) % ring.length];
    for (const f of active) {
      if (f.y1 < e.y0 || f.y0 > e.y1 || neighbours(e, f, rings)) continue;
      const other = rings[f.r];
      if (segmentsMeet(p, q, other[f.i], other[(f.i + 1) % other.length])) return false;
    }
    active.push(e);
  }
  return true;
}
