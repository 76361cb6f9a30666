/**
 * A polygon's rings as flat coordinate arrays, kept per polygon object: the angle search rotates
 * the same few polygons at ~80 angles each, and reading `Float64Array`s beats chasing a
 * `[x, y]` array per vertex. The numbers are the polygon's own, so every sum and product over
 * them is the same as over the rings.
 */
import type { PolygonM } from '../../geometry/index.js';

/** Rings of a polygon, outer first: vertex k at (xs[k], ys[k]); ring r ends (exclusive) at ends[r]. */
export interface FlatRings {
  xs: Float64Array;
  ys: Float64Array;
  ends: Int32Array;
  /** How far from each vertex its wedge is narrow (pieces-bound.ts), made when first asked. */
  reach?: Float64Array;
  /** Where a vertex's reach is Infinity (a needle), the points holding its narrow pieces (needle-reach.ts). */
  needles?: Map<number, Float64Array | undefined>;
}

const flat = new WeakMap<PolygonM, { outer: PolygonM['outer']; holes: number; rings: FlatRings }>();

/** The flat rings of `p` (made once per polygon; a polygon given a new outer ring or hole count is read again). */
export function flatRings(p: PolygonM): FlatRings {
  const hit = flat.get(p);
  if (hit && hit.outer === p.outer && hit.holes === p.holes.length) return hit.rings;
  let n = p.outer.length;
  for (const h of p.holes) n += h.length;
  const xs = new Float64Array(n),
    ys = new Float64Array(n),
    ends = new Int32Array(p.holes.length + 1);
  let k = 0;
  for (let i = 0; i <= p.holes.length; i++) {
    const r = i === 0 ? p.outer : p.holes[i - 1];
    for (const v of r) {
      xs[k] = v[0];
      ys[k++] = v[1];
    }
    ends[i] = k;
  }
  const rings: FlatRings = { xs, ys, ends };
  flat.set(p, { outer: p.outer, holes: p.holes.length, rings });
  return rings;
}
