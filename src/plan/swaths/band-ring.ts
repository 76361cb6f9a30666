/**
 * A ring cut down to what a band's intersection reads of it. Per-cell slabs intersect the whole
 * area with one box per band; the area's vertices far above or below a band only cost the
 * clipper time. Edges that reach the band are kept as they are (so the clipper computes the same
 * crossings), and each run of vertices wholly on one side is replaced by a detour that stays on
 * that side: the winding number of every point in the band is unchanged, so the intersection is
 * the same region.
 */
import { signedArea } from '../../geometry/index.js';
import type { PolygonM, Ring, XY } from '../../geometry/index.js';

/** How far outside the band a detour runs, m (any distance outside it serves). */
const DETOUR_M = 1;
/** Runs of fewer edges are kept as they are (a detour has three edges). */
const MIN_RUN = 4;

/**
 * `ring` with each run of {@link MIN_RUN} or more edges wholly above `hiY` (or wholly below
 * `loY`) replaced by a detour of three edges beyond the band; undefined when the whole ring lies
 * on one side (it adds nothing to the band's intersection).
 */
function bandRing(ring: Ring, loY: number, hiY: number): Ring | undefined {
  const n = ring.length;
  // side of each edge i→i+1: 1 wholly above the band, −1 wholly below, 0 reaches it
  const side = new Int8Array(n);
  let reaches = -1;
  for (let i = 0; i < n; i++) {
    const a = ring[i][1],
      b = ring[(i + 1) % n][1];
    side[i] = Math.min(a, b) > hiY ? 1 : Math.max(a, b) < loY ? -1 : 0;
    if (side[i] === 0 && reaches < 0) reaches = i;
  }
  if (reaches < 0) return undefined;
  // walk from the end of an edge that reaches the band, so every run starts and ends in the walk
  const out: XY[] = [];
  let k = 0;
  while (k < n) {
    const i = (reaches + 1 + k) % n;
    const s = side[i];
    if (s === 0) {
      out.push(ring[i]);
      k++;
      continue;
    }
    // a run of edges on side s from vertex i: vertices i … i+m, the last one's edge reaching the band
    let m = 0;
    while (k + m < n && side[(i + m) % n] === s) m++;
    if (m < MIN_RUN) for (let t = 0; t < m; t++) out.push(ring[(i + t) % n]);
    else {
      const p = ring[i],
        q = ring[(i + m) % n],
        y = s > 0 ? hiY + DETOUR_M : loY - DETOUR_M;
      out.push(p, [p[0], y], [q[0], y]);
    }
    k += m;
  }
  return out;
}

/**
 * What the intersection of `poly` with the band `loY` < y < `hiY` (a slab's box) reads of it:
 * holes wholly outside the band left out, long runs outside it replaced by detours. A ring whose
 * detours turned its orientation round is kept whole: the intersection orients each ring by its
 * own area, and a hole must stay opposite to its outer ring.
 *
 * @example bandPolygon(rotatedArea, 10, 40): the same region between y = 10 and y = 40 m, with fewer vertices
 */
export function bandPolygon(poly: PolygonM, loY: number, hiY: number): PolygonM {
  const keep = (ring: Ring) => {
    const r = bandRing(ring, loY, hiY);
    return r && r.length < ring.length && Math.sign(signedArea(r)) !== Math.sign(signedArea(ring)) ? ring : r;
  };
  const holes: Ring[] = [];
  for (const h of poly.holes) {
    const r = keep(h);
    if (r) holes.push(r);
  }
  return { outer: keep(poly.outer) ?? poly.outer, holes };
}
