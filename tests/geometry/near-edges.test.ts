/**
 * `polylinesInside` (the edges near a group of polylines gathered once, a turn's legs tested
 * against those alone) and `polylineInside` (which tests a long polyline so) give the answer of
 * the plain test they replaced for each polyline: on random concave
 * fields and fields with holes, for turn-like groups of arcs and straights placed at the
 * boundary's corners (where they go in and out of the field, touch it and run along it) and for
 * long straight legs across the field (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInPolygon, pointInPolygonTol, polylineInside, polylinesInside, segmentCrossesPolygon } from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/index.js';
import { arbParsedField, mulberry32, type RandomFieldKind } from '../helpers/random-fields.js';

/** `polylineInside` as src/geometry/inside.ts had it (reference answers): every segment walks the edge grid. */
function plainInside(points: XY[], poly: PolygonM, tolM: number): boolean {
  const first = points[0],
    last = points[points.length - 1];
  if (!pointInPolygon(first, poly) || !pointInPolygon(last, poly)) {
    for (const p of points) if (!pointInPolygonTol(p, poly, tolM)) return false;
  }
  for (let i = 1; i < points.length; i++) if (segmentCrossesPolygon(points[i - 1], points[i], poly)) return false;
  return true;
}

/** A group of 1–3 legs near `at`: arcs of radius 0.5–6 m and straights, as a turn is built. */
function legsNear(at: XY, rnd: () => number): XY[][] {
  const legs: XY[][] = [];
  let p: XY = [at[0] + (rnd() - 0.5) * 4, at[1] + (rnd() - 0.5) * 4];
  let heading = rnd() * 2 * Math.PI;
  for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) {
    const leg: XY[] = [p];
    if (rnd() < 0.3) {
      const l = rnd() * 8;
      leg.push([p[0] + l * Math.cos(heading), p[1] + l * Math.sin(heading)]);
    } else {
      const r = 0.5 + rnd() * 5.5,
        turn = (rnd() - 0.5) * 2 * Math.PI,
        n = 2 + Math.floor(rnd() * 30);
      const c: XY = [p[0] - r * Math.sin(heading), p[1] + r * Math.cos(heading)];
      const a0 = heading - Math.PI / 2;
      for (let i = 1; i <= n; i++) {
        const a = a0 + (turn * i) / n;
        leg.push([c[0] + r * Math.cos(a), c[1] + r * Math.sin(a)]);
      }
      heading += turn;
    }
    legs.push(leg);
    p = leg[leg.length - 1];
  }
  return legs;
}

/**
 * The field with each edge split in 2–8 pieces, their inner points moved up to 0.5 m across it:
 * enough edges (24 or more) for the edge grid, which the small random fields lack.
 */
function densified(poly: PolygonM, rnd: () => number): PolygonM {
  const ring = (r: XY[]) =>
    r.flatMap((a, i) => {
      const b = r[(i + 1) % r.length];
      const n = 2 + Math.floor(rnd() * 7);
      return Array.from({ length: n }, (_, k): XY => {
        const t = k / n,
          j = k === 0 ? 0 : (rnd() - 0.5) * 1;
        return [a[0] + t * (b[0] - a[0]) + j, a[1] + t * (b[1] - a[1]) + j];
      });
    });
  return { outer: ring(poly.outer), holes: poly.holes.map(ring) };
}

const flat = (legs: XY[][]) => ({ xy: Float64Array.from(legs.flat(2)), ends: legs.map((_, k) => legs.slice(0, k + 1).flat().length) });

/** Checks the two tests agree on groups at every corner and on long legs; returns how many groups fitted and how many did not. */
function sameAnswers(kind: RandomFieldKind, numRuns: number): { inside: number; outside: number } {
  const seen = { inside: 0, outside: 0 };
  fc.assert(
    fc.property(arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
      const rnd = mulberry32(seed);
      for (const poly of [field.polygon, densified(field.polygon, rnd)]) {
        const corners = [poly.outer, ...poly.holes].flat();
        const groups = corners.map((c) => legsNear(c, rnd));
        // long straight legs between corners, across the field and out of it
        for (let i = 0; i < 10; i++)
          groups.push([[corners[Math.floor(rnd() * corners.length)], corners[Math.floor(rnd() * corners.length)]]]);
        for (const legs of groups)
          for (const tolM of [0, 0.01]) {
            const { xy, ends } = flat(legs);
            const want = legs.every((leg) => plainInside(leg, poly, tolM));
            for (const leg of legs) expect(polylineInside(leg, poly, tolM)).toBe(plainInside(leg, poly, tolM));
            expect(polylinesInside(xy, ends, legs.length, poly, tolM)).toBe(want);
            seen[want ? 'inside' : 'outside']++;
          }
      }
    }),
    { seed: 41, numRuns },
  );
  return seen;
}

describe('polylinesInside and polylineInside: the plain test’s answers (fast-check, seeded)', () => {
  // the counts make sure both answers were asked often
  it('on concave fields', () => {
    const seen = sameAnswers('concave', 40);
    expect(seen.inside).toBeGreaterThan(300);
    expect(seen.outside).toBeGreaterThan(300);
  });
  it('on fields with holes', () => {
    const seen = sameAnswers('holes', 25);
    expect(seen.inside).toBeGreaterThan(100);
    expect(seen.outside).toBeGreaterThan(100);
  });
});
