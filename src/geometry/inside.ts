import { edgeGridOf, gridPointInPolygon, gridSegmentCrosses } from './edge-grid.js';
import { distToSegment } from './ring.js';
import type { PolygonM, Ring, XY } from './types.js';

/** Even-odd point-in-ring test (boundary points may go either way). */
export function pointInRing(p: XY, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i][0],
      yi = ring[i][1],
      xj = ring[j][0],
      yj = ring[j][1];
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from `p` to a ring's edges, m. */
export function distToRing(p: XY, ring: Ring): number {
  let d = Infinity;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) d = Math.min(d, distToSegment(p, ring[j], ring[i]));
  return d;
}

/** True when `p` is inside the polygon's outer ring and outside all its holes. */
export function pointInPolygon(p: XY, poly: PolygonM): boolean {
  const g = edgeGridOf(poly);
  if (g) return gridPointInPolygon(g, p[0], p[1]);
  if (!pointInRing(p, poly.outer)) return false;
  for (const h of poly.holes) if (pointInRing(p, h)) return false;
  return true;
}

/**
 * True when `p` lies in the polygon or within `tolM` of its boundary — the test the plan
 * checker applies to every route point (docs/contracts.md: tolerance 0.05 m).
 */
export function pointInPolygonTol(p: XY, poly: PolygonM, tolM: number): boolean {
  if (!pointInRing(p, poly.outer) && distToRing(p, poly.outer) > tolM) return false;
  for (const h of poly.holes) if (pointInRing(p, h) && distToRing(p, h) > tolM) return false;
  return true;
}

/** Signed side of `c` relative to the line a→b (positive: left). */
function orient(a: XY, b: XY, c: XY): number {
  return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
}

/** True when the open segments p–q and a–b cross properly (touching does not count). */
export function segmentsCross(p: XY, q: XY, a: XY, b: XY): boolean {
  const d1 = orient(a, b, p),
    d2 = orient(a, b, q),
    d3 = orient(p, q, a),
    d4 = orient(p, q, b);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** True when the segment p–q properly crosses any edge of the polygon's rings. */
export function segmentCrossesPolygon(p: XY, q: XY, poly: PolygonM): boolean {
  const g = edgeGridOf(poly);
  if (g) return gridSegmentCrosses(g, p[0], p[1], q[0], q[1]);
  const minX = Math.min(p[0], q[0]),
    maxX = Math.max(p[0], q[0]),
    minY = Math.min(p[1], q[1]),
    maxY = Math.max(p[1], q[1]);
  for (const ring of [poly.outer, ...poly.holes]) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j],
        b = ring[i];
      if (Math.max(a[0], b[0]) < minX || Math.min(a[0], b[0]) > maxX || Math.max(a[1], b[1]) < minY || Math.min(a[1], b[1]) > maxY)
        continue;
      if (segmentsCross(p, q, a, b)) return true;
    }
  }
  return false;
}

/**
 * `polylineInside([p, q], poly)` when whether p and q lie in the polygon (`pointInPolygon`) is
 * already known: the same answer, without testing the ends again.
 */
export function segmentInside(p: XY, q: XY, poly: PolygonM, pIn: boolean, qIn: boolean): boolean {
  if (!pIn || !qIn) {
    if (!pointInPolygonTol(p, poly, 0) || !pointInPolygonTol(q, poly, 0)) return false;
  }
  return !segmentCrossesPolygon(p, q, poly);
}
