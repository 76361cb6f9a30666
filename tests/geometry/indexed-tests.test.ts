/**
 * The geometry accelerations (edge grid, height buckets, kept visibility) answer exactly as the
 * plain loops they replace: the same booleans and the same crossing numbers, on random fields
 * with holes and on points and segments that graze vertices and edges (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lineCrossings,
  pointInPolygon,
  polylineInside,
  segmentCrossesPolygon,
  shortestPathInside,
  reflexVertices,
  offsetPolygons,
} from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/index.js';
import { arbParsedField } from '../helpers/random-fields.js';

/** The plain loops, as src/geometry had them before the index (reference answers). */
const plain = {
  inRing(p: XY, ring: XY[]): boolean {
    let inside = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const xi = ring[i][0],
        yi = ring[i][1],
        xj = ring[j][0],
        yj = ring[j][1];
      if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  },
  inPolygon(p: XY, poly: PolygonM): boolean {
    return plain.inRing(p, poly.outer) && !poly.holes.some((h) => plain.inRing(p, h));
  },
  crosses(p: XY, q: XY, poly: PolygonM): boolean {
    const orient = (a: XY, b: XY, c: XY) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    const minX = Math.min(p[0], q[0]),
      maxX = Math.max(p[0], q[0]),
      minY = Math.min(p[1], q[1]),
      maxY = Math.max(p[1], q[1]);
    for (const ring of [poly.outer, ...poly.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j],
          b = ring[i];
        if (Math.max(a[0], b[0]) < minX || Math.min(a[0], b[0]) > maxX || Math.max(a[1], b[1]) < minY || Math.min(a[1], b[1]) > maxY)
          continue;
        const d1 = orient(a, b, p),
          d2 = orient(a, b, q),
          d3 = orient(p, q, a),
          d4 = orient(p, q, b);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
      }
    return false;
  },
  crossings(poly: PolygonM, y: number): number[] {
    const xs: number[] = [];
    for (const ring of [poly.outer, ...poly.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j],
          b = ring[i];
        if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
      }
    return xs.sort((u, v) => u - v);
  },
};

/** Probe points: random ones over the bounding box, every vertex, and points on edges. */
function probes(poly: PolygonM, seed: number): XY[] {
  const rings = [poly.outer, ...poly.holes];
  const all = rings.flat();
  const xs = all.map((p) => p[0]),
    ys = all.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs) - 5, Math.max(...xs) + 5, Math.min(...ys) - 5, Math.max(...ys) + 5];
  let s = seed >>> 0 || 1;
  const rnd = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
  const out: XY[] = Array.from({ length: 150 }, () => [x0 + rnd() * (x1 - x0), y0 + rnd() * (y1 - y0)]);
  for (const r of rings)
    for (let i = 0; i < r.length; i++) {
      const a = r[i],
        b = r[(i + 1) % r.length];
      out.push(a, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2], [a[0], (a[1] + b[1]) / 2]);
    }
  return out;
}

/** Each edge split in four (collinear points): enough edges for the grid, and vertices to graze. */
function densified(poly: PolygonM): PolygonM {
  const ring = (r: XY[]) =>
    r.flatMap((a, i) => {
      const b = r[(i + 1) % r.length];
      return [0, 0.25, 0.5, 0.75].map((t): XY => [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    });
  return { outer: ring(poly.outer), holes: poly.holes.map(ring) };
}

describe('indexed geometry tests answer as the plain loops (fast-check, seeded)', () => {
  it('pointInPolygon, segmentCrossesPolygon and lineCrossings on random fields with holes', () => {
    fc.assert(
      fc.property(arbParsedField('holes', { minAreaHa: 0.05, maxAreaHa: 5 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
        const poly = densified(field.polygon);
        expect(poly.outer.length).toBeGreaterThanOrEqual(24);
        const pts = probes(poly, seed);
        pointInPolygon(pts[0], poly); // the grid is built on a polygon's second test
        for (const p of pts) expect(pointInPolygon(p, poly)).toBe(plain.inPolygon(p, poly));
        for (let i = 1; i < pts.length; i++)
          expect(segmentCrossesPolygon(pts[i - 1], pts[i], poly)).toBe(plain.crosses(pts[i - 1], pts[i], poly));
        for (const p of pts) {
          const xs: number[] = [];
          lineCrossings(poly, p[1], xs);
          expect(xs.sort((u, v) => u - v)).toEqual(plain.crossings(poly, p[1]));
        }
      }),
      { seed: 17, numRuns: 25 },
    );
  });

  it('shortestPathInside gives the same path on repeated calls (kept visibility) as on a fresh waypoint set', () => {
    fc.assert(
      fc.property(arbParsedField('concave', { minAreaHa: 0.05, maxAreaHa: 5 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
        const poly = field.polygon;
        const waypoints = offsetPolygons([poly], -0.1, 'miter').flatMap(reflexVertices);
        const pts = probes(poly, seed)
          .filter((p) => plain.inPolygon(p, poly))
          .slice(0, 20);
        for (let i = 1; i < pts.length; i++) {
          const kept = shortestPathInside(pts[i - 1], pts[i], poly, waypoints);
          const fresh = shortestPathInside(pts[i - 1], pts[i], poly, waypoints.slice());
          expect(kept).toEqual(fresh);
          if (kept) for (let k = 1; k < kept.length; k++) expect(polylineInside([kept[k - 1], kept[k]], poly)).toBe(true);
        }
      }),
      { seed: 17, numRuns: 15 },
    );
  });
});
