/**
 * Where a rounded corner may change the lap, and the test that no other part of the lap comes
 * there: what keeps a filleted ring as simple as the sharp one it rounds.
 */
import { convexHull, hypot } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';

/** Twice the signed area of the triangle o, a, b (positive when b is left of o→a). */
export function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

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

function inConvex(p: XY, hull: XY[]): boolean {
  for (let i = 0; i < hull.length; i++) if (cross(hull[i], hull[(i + 1) % hull.length], p) < 0) return false;
  return true;
}

/** The part of the plane a rounded corner changes (a convex polygon) and the sharp-ring vertices it stands for. */
export interface CornerRegion {
  ring: number;
  /** Sharp-ring vertices the corner stands for (cyclic, inclusive); their edges are its own. */
  first: number;
  last: number;
  /** Counter-clockwise convex hull of the corner's sharp chain and its rounded path. */
  hull: XY[];
  box: [number, number, number, number];
}

export function regionOf(ring: number, first: number, last: number, points: XY[]): CornerRegion {
  const hull = convexHull(points);
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const [x, y] of hull) [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return { ring, first, last, hull, box: [x0, y0, x1, y1] };
}

/**
 * {@link regionOf} of one corner's fillet (`arc` from its first tangent point to its last): the arc
 * lies between its chord and the corner, so the hull is the triangle of the corner and the arc's
 * ends, as the hull of every point gives it, without building one. A nearly straight corner (a
 * thin triangle) takes the full hull.
 */
export function filletRegion(ring: number, first: number, last: number, corner: XY, arc: XY[]): CornerRegion {
  const from = arc[0],
    end = arc[arc.length - 1];
  const c = cross(corner, from, end);
  const scale = hypot(from[0] - corner[0], from[1] - corner[1]) * hypot(end[0] - corner[0], end[1] - corner[1]);
  if (arc.length < 2 || !(Math.abs(c) > 1e-6 * scale)) return regionOf(ring, first, last, [corner, ...arc]);
  const hull = c > 0 ? [corner, from, end] : [corner, end, from];
  const xs = [corner[0], from[0], end[0]],
    ys = [corner[1], from[1], end[1]];
  return { ring, first, last, hull, box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)] };
}

function inSpan(i: number, reg: CornerRegion, n: number): boolean {
  return (i - reg.first + n) % n <= (reg.last - reg.first + n) % n;
}

/**
 * True when an edge of the sharp rings, other than the corner's own, meets the region a
 * rounded corner replaces. Its path lies inside that region, so if no other edge reaches it
 * the rounded ring crosses nothing the sharp ring did not (and the sharp ring is simple: it is
 * Clipper's output); two corners' regions cannot overlap without one's edges entering the other.
 */
export function regionsHit(rings: Ring[], regions: CornerRegion[]): boolean {
  for (const reg of regions) {
    const [x0, y0, x1, y1] = reg.box;
    const hull = reg.hull;
    if (hull.length < 3) continue;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r],
        n = ring.length;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        if (r === reg.ring && (inSpan(i, reg, n) || inSpan(j, reg, n))) continue;
        const p = ring[i],
          q = ring[j];
        if (Math.max(p[0], q[0]) < x0 || Math.min(p[0], q[0]) > x1 || Math.max(p[1], q[1]) < y0 || Math.min(p[1], q[1]) > y1) continue;
        if (inConvex(p, hull) || inConvex(q, hull)) return true;
        for (let h = 0; h < hull.length; h++) if (segmentsMeet(p, q, hull[h], hull[(h + 1) % hull.length])) return true;
      }
    }
  }
  return false;
}
