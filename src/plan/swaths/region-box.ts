/**
 * Boxes of per-cell regions in the frame of their cut lines, so the merge step can tell two
 * regions apart without a polygon union: slabs of bands that are not neighbours, or pieces of
 * one band, lie apart, and their union is two polygons (no merge).
 */
import { signedArea, hypot } from '../../geometry/index.js';
import type { PolygonM } from '../../geometry/index.js';

/** A region's outer ring's extent in the cut frame (rotated by −dir), m, and whether it is safe to call apart. */
export interface RegionBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** The polygon keeps its area through Clipper's 1 mm rounding (see {@link boxesApart}). */
  solid: boolean;
}

/** Boxes closer than this may touch after Clipper's rounding to 1 mm (offset.ts): not called apart, m. */
const APART_M = 0.01;

/** Clipper drops output polygons under this area, m² (offset.ts `polyTreeToPolygons`). */
const DROPPED_M2 = 1e-4;

/** The box of `p`'s outer ring in the frame rotated by −`dir`. */
export function regionBox(p: PolygonM, dir: number): RegionBox {
  const c = Math.cos(dir),
    s = Math.sin(dir);
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity,
    perimeterM = 0;
  const r = p.outer;
  for (let i = 0; i < r.length; i++) {
    const [x, y] = r[i];
    const u = x * c + y * s,
      v = -x * s + y * c;
    if (u < x0) x0 = u;
    if (u > x1) x1 = u;
    if (v < y0) y0 = v;
    if (v > y1) y1 = v;
    const q = r[(i + 1) % r.length];
    perimeterM += hypot(q[0] - x, q[1] - y);
  }
  // rounding each vertex to 1 mm moves it at most 0.71 mm: the area changes by at most that times
  // the perimeter; a polygon with more to spare is not dropped by the union
  return { x0, x1, y0, y1, solid: Math.abs(signedArea(r)) - 1e-3 * perimeterM > DROPPED_M2 };
}

/**
 * Whether two regions are certainly apart: their boxes leave a gap of more than {@link APART_M},
 * and neither can vanish in the union. Their union is then two polygons, which `merged` refuses.
 */
export function boxesApart(a: RegionBox, b: RegionBox): boolean {
  if (!a.solid || !b.solid) return false;
  return a.x0 - b.x1 > APART_M || b.x0 - a.x1 > APART_M || a.y0 - b.y1 > APART_M || b.y0 - a.y1 > APART_M;
}
