/**
 * `shortestPathInside`'s lazy A* (edges queued untested, tested when first in the queue, none
 * queued past a bound on the detour) gives exactly the paths of the eager A* it replaced, which
 * tested every edge that improved a node's distance: the same points in the same order, on
 * random concave fields and fields with holes, between random points inside and outside them
 * (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons, pointInPolygon, polylineInside, reflexVertices, shortestPathInside } from '../../src/geometry/index.js';
import { segmentInside } from '../../src/geometry/inside.js';
import type { PolygonM, XY } from '../../src/geometry/index.js';
import { arbParsedField, type RandomFieldKind } from '../helpers/random-fields.js';

/** The eager A* as src/geometry/shortest-path.ts had it (reference answers). */
function eagerPath(a: XY, b: XY, field: PolygonM, waypoints: XY[]): XY[] | undefined {
  if (polylineInside([a, b], field)) return [a, b];
  const nodes: XY[] = [a, b, ...waypoints];
  const n = nodes.length;
  const inside = nodes.map((p) => pointInPolygon(p, field));
  const sees = (u: number, v: number) => segmentInside(nodes[u], nodes[v], field, inside[u], inside[v]);
  const distTo = new Float64Array(n).fill(Infinity);
  const prev = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const toB = nodes.map((p) => Math.hypot(b[0] - p[0], b[1] - p[1]));
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
      if (d >= distTo[v] || !sees(u, v)) continue;
      distTo[v] = d;
      prev[v] = u;
    }
  }
  const path: XY[] = [];
  for (let v = 1; v >= 0; v = prev[v]) path.push(nodes[v]);
  return path.reverse();
}

/** Points over the field's box (inside it, outside it or in holes), from a seed. */
function points(poly: PolygonM, seed: number, count: number): XY[] {
  const xs = poly.outer.map((p) => p[0]),
    ys = poly.outer.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let s = seed >>> 0 || 1;
  const rnd = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
  return Array.from({ length: count }, (): XY => [x0 + rnd() * (x1 - x0), y0 + rnd() * (y1 - y0)]);
}

/** Checks the two searches agree; returns how many paths bent (went through waypoints). */
function samePaths(kind: RandomFieldKind, numRuns: number): number {
  let bent = 0;
  fc.assert(
    fc.property(arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
      const poly = field.polygon;
      const waypoints = offsetPolygons([poly], -0.1, 'miter').flatMap(reflexVertices);
      // mostly points in the field, two that may not be (an end outside has no path)
      const all = points(poly, seed, 80);
      const pts = [...all.filter((p) => pointInPolygon(p, poly)).slice(0, 14), ...all.slice(0, 2)];
      // the service point of a plan: every refill trip starts or ends there
      const hub = pts[0];
      for (let i = 1; i < pts.length; i++)
        for (const [a, b] of [
          [pts[i - 1], pts[i]],
          [pts[i], hub],
          [hub, pts[i]],
        ] as const) {
          const path = shortestPathInside(a, b, poly, waypoints);
          expect(path).toEqual(eagerPath(a, b, poly, waypoints));
          if (path && path.length > 2) bent++;
        }
    }),
    { seed: 29, numRuns },
  );
  return bent;
}

describe('shortestPathInside: the lazy search gives the eager search’s paths (fast-check, seeded)', () => {
  // the counts make sure the searches were asked for real detours, not only straight lines
  it('on concave fields', () => expect(samePaths('concave', 40)).toBeGreaterThan(200));
  it('on fields with holes', () => expect(samePaths('holes', 25)).toBeGreaterThan(60));
});
