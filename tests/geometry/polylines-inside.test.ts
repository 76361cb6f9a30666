/**
 * `polylinesInside` (a turn's legs: crossings tested before the end tests, point answers kept for
 * the last few points) gives the answer of `polylineInside` for each leg: on random concave fields and fields with holes, with
 * and without the edge grid, for groups of shapes tried one after another between the same two
 * points near the boundary (as a turn's shapes are: their legs meeting end to end), for legs
 * wholly outside that cross nothing, for points within the tolerance just outside an edge, and
 * with the polygon changing between calls (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { polylineInside, polylinesInside } from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/index.js';
import { arbParsedField, mulberry32, type RandomFieldKind } from '../helpers/random-fields.js';

/** Each edge split in 2–6 pieces, its inner points moved up to 0.5 m: 24 edges or more, so the edge grid is built. */
function densified(poly: PolygonM, rnd: () => number): PolygonM {
  const ring = (r: XY[]) =>
    r.flatMap((a, i) => {
      const b = r[(i + 1) % r.length];
      const n = 2 + Math.floor(rnd() * 5);
      return Array.from({ length: n }, (_, k): XY => {
        const j = k === 0 ? 0 : rnd() - 0.5;
        return [a[0] + (k / n) * (b[0] - a[0]) + j, a[1] + (k / n) * (b[1] - a[1]) + j];
      });
    });
  return { outer: ring(poly.outer), holes: poly.holes.map(ring) };
}

/**
 * A shape of 1–3 legs from `from` to `to`, meeting end to end (a leg starts where the one before
 * ends): straights and arcs of radius 0.5–6 m through random points near the two.
 */
function shape(from: XY, to: XY, rnd: () => number): XY[][] {
  const count = 1 + Math.floor(rnd() * 3);
  const legs: XY[][] = [];
  let p = from;
  for (let k = 0; k < count; k++) {
    const end: XY = k === count - 1 ? to : [p[0] + (rnd() - 0.5) * 10, p[1] + (rnd() - 0.5) * 10];
    const leg: XY[] = [p];
    const bulge = rnd() < 0.3 ? 0 : (rnd() - 0.5) * 12,
      n = 1 + Math.floor(rnd() * 25);
    for (let i = 1; i < n; i++) {
      const t = i / n,
        s = Math.sin(Math.PI * t) * bulge;
      const dx = end[0] - p[0],
        dy = end[1] - p[1],
        l = Math.hypot(dx, dy) || 1;
      leg.push([p[0] + t * dx - (s * dy) / l, p[1] + t * dy + (s * dx) / l]);
    }
    leg.push(end);
    legs.push(leg);
    p = end;
  }
  return legs;
}

/** A point on a random edge, moved across it by `acrossM` (positive and negative: in and out, within the tolerance or past it). */
function nearEdge(poly: PolygonM, rnd: () => number, acrossM: number): XY {
  const ring = rnd() < 0.7 || poly.holes.length === 0 ? poly.outer : poly.holes[Math.floor(rnd() * poly.holes.length)];
  const i = Math.floor(rnd() * ring.length),
    a = ring[i],
    b = ring[(i + 1) % ring.length];
  const t = rnd(),
    dx = b[0] - a[0],
    dy = b[1] - a[1],
    l = Math.hypot(dx, dy) || 1;
  return [a[0] + t * dx - (acrossM * dy) / l, a[1] + t * dy + (acrossM * dx) / l];
}

const flat = (legs: XY[][]) => ({ xy: Float64Array.from(legs.flat(2)), ends: legs.map((_, k) => legs.slice(0, k + 1).flat().length) });

const ACROSS_M = [-3, -0.5, -0.005, 0, 0.005, 0.5, 3];

function sameAnswers(kind: RandomFieldKind, numRuns: number): { inside: number; outside: number } {
  const seen = { inside: 0, outside: 0 };
  fc.assert(
    fc.property(arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
      const rnd = mulberry32(seed);
      const polys = [field.polygon, densified(field.polygon, rnd)];
      for (let turn = 0; turn < 40; turn++) {
        const poly = polys[turn % 2];
        const across = () => ACROSS_M[Math.floor(rnd() * ACROSS_M.length)];
        const from = nearEdge(poly, rnd, across());
        const pick = rnd(),
          off = (rnd() - 0.5) * 8;
        // the other end elsewhere near the boundary, near this one, or straight across from it (the same x or the same y)
        const to: XY =
          pick < 0.4
            ? nearEdge(poly, rnd, across())
            : pick < 0.6
              ? [from[0] + off, from[1] + (rnd() - 0.5) * 8]
              : pick < 0.8
                ? [from[0], from[1] + off]
                : [from[0] + off, from[1]];
        // several shapes between the same two points, the other polygon asked in between now and then
        for (let tried = 0; tried < 5; tried++) {
          const other = rnd() < 0.2 ? polys[(turn + 1) % 2] : poly;
          const legs = shape(from, to, rnd);
          const { xy, ends } = flat(legs);
          for (const tolM of [0, 0.01]) {
            const want = legs.every((leg) => polylineInside(leg, other, tolM));
            expect(polylinesInside(xy, ends, legs.length, other, tolM)).toBe(want);
            seen[want ? 'inside' : 'outside']++;
          }
        }
      }
    }),
    { seed: 4141, numRuns },
  );
  return seen;
}

describe('polylinesInside gives polylineInside’s answer for every leg (fast-check, seeded)', () => {
  // the counts make sure both answers were asked often
  it('on concave fields', () => {
    const seen = sameAnswers('concave', 30);
    expect(seen.inside).toBeGreaterThan(1000);
    expect(seen.outside).toBeGreaterThan(1000);
  });
  it('on fields with holes', () => {
    const seen = sameAnswers('holes', 20);
    expect(seen.inside).toBeGreaterThan(500);
    expect(seen.outside).toBeGreaterThan(500);
  });
});
