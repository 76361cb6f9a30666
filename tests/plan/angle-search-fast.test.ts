/**
 * The per-cell stage's and angle search's fast paths give what the code they replace gives, to
 * the bit (fast-check, seeded): the simplification, the bound from turning vertices read from
 * flat rings, the counting sweep's line lookup, and the merge step's test for regions apart.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convexHull, intersectPolygons, offsetPolygons, rotatePolygon, simplifyPolygon, unionPolygons } from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/index.js';
import { sweepLines } from '../../src/plan/swaths/best-angle.js';
import { hullOf } from '../../src/plan/swaths/hull-cache.js';
import { firstAtLeast, lowerIndex, swathLinesInto } from '../../src/plan/swaths/sweep-lines.js';
import { sweepCount } from '../../src/plan/swaths/count-sweep.js';
import { piecesAtLeast } from '../../src/plan/swaths/pieces-bound.js';
import { boxesApart, regionBox } from '../../src/plan/swaths/region-box.js';
import { swathCount } from '../../src/plan/swaths/sweep-swaths.js';
import { arbParsedField } from '../helpers/random-fields.js';
import { piecesAtLeast as piecesAtLeastMain } from './reference/pieces-bound-main.js';
import { simplifyPolygon as simplifyPolygonMain } from './reference/simplify-main.js';

/** Polygons the angle search meets: the field, its round inset (arcs of short edges), and a coarse inset. */
function areasOf(p: PolygonM, widthM: number): PolygonM[] {
  const inset = offsetPolygons([p], -1.5 * widthM, 'round');
  return [p, ...inset, ...inset.map((q) => simplifyPolygon(q, widthM / 50))];
}

/** A ring with exact ties (a regular polygon's vertices, a square's sides sampled evenly), shifted and jittered by `jitterM`. */
function tieRing(n: number, rM: number, jitterM: number, seed: number): XY[] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * jitterM;
  return Array.from({ length: n }, (_, k): XY => {
    const a = (2 * Math.PI * k) / n;
    return [Math.round(rM * Math.cos(a)) + rnd(), Math.round(rM * Math.sin(a)) + rnd()];
  });
}

describe('simplifyPolygon: the vertices of the plain farthest-point search, found faster', () => {
  for (const kind of ['holes', 'concave', 'sliver'] as const)
    it(`keeps the same vertices, ${kind} fields, their round insets, at the search's tolerances`, () => {
      fc.assert(
        fc.property(arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }), fc.constantFrom(1.8, 7), (field, widthM) => {
          for (const p of areasOf(field.polygon, widthM))
            for (const tolM of [Math.min(0.05, widthM / 50), 0.01, 0.5, 3])
              expect(simplifyPolygon(p, tolM)).toEqual(simplifyPolygonMain(p, tolM));
        }),
        { seed: 17, numRuns: 25 },
      );
    });

  it('decides near-ties as the plain search does (regular rings, integer and jittered)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 200 }),
        fc.double({ min: 1, max: 300, noNaN: true }),
        fc.constantFrom(0, 1e-12, 1e-6, 0.02),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constantFrom(0.001, 0.05, 1),
        (n, rM, jitterM, seed, tolM) => {
          const p: PolygonM = { outer: tieRing(n, rM, jitterM, seed), holes: [] };
          expect(simplifyPolygon(p, tolM)).toEqual(simplifyPolygonMain(p, tolM));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('piecesAtLeast and sweepLines from flat rings: the numbers of the rings themselves', () => {
  for (const kind of ['holes', 'concave'] as const)
    it(`piecesAtLeast equals the ring-reading version at 40 angles and any floor, ${kind} fields and insets`, () => {
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }),
          fc.constantFrom(1.8, 7),
          fc.double({ min: 0, max: Math.PI, noNaN: true }),
          fc.integer({ min: -1, max: 60 }),
          (field, widthM, phase, floor) => {
            const areas = [[field.polygon], offsetPolygons([field.polygon], -1.5 * widthM, 'round')];
            for (const area of areas)
              for (let k = 0; k < 40; k++) {
                const a = phase + (k * Math.PI) / 40;
                const f = floor < 0 ? -Infinity : floor;
                const main = piecesAtLeastMain(area, a, widthM, f);
                // where main gave no bound (a needle) the needle's zone gives one, under the count
                if (main === 0) expect(piecesAtLeast(area, a, widthM, f)).toBeLessThanOrEqual(sweepCount(area, a, widthM).pieces);
                else expect(piecesAtLeast(area, a, widthM, f)).toBe(main);
              }
          },
        ),
        { seed: 17, numRuns: 15 },
      );
    });

  it("sweepLines counts the outer ring's height in lines as rotatePolygon gives it", () => {
    fc.assert(
      fc.property(arbParsedField('holes', { minAreaHa: 0.05, maxAreaHa: 5 }), fc.double({ min: -4, max: 4, noNaN: true }), (field, a) => {
        const ys = rotatePolygon(field.polygon, -a).outer.map((v) => v[1]);
        // the ring reading's own arithmetic: y of rotate(p, −a) = −x·sin a + y·cos a
        const c = Math.cos(a),
          s = Math.sin(a);
        const own = field.polygon.outer.map(([x, y]) => -x * s + y * c);
        expect(sweepLines([field.polygon], a, 7)).toBe(swathCount(Math.max(...own) - Math.min(...own), 7));
        expect(Math.abs(Math.max(...own) - Math.min(...own) - (Math.max(...ys) - Math.min(...ys)))).toBeLessThan(1e-6);
      }),
      { seed: 17, numRuns: 100 },
    );
  });
});

/** `p` with a spike of `lengthM` drawn out of (or into, when negative) edge k at its middle, its base `baseM` wide. */
function withSpike(p: PolygonM, k: number, lengthM: number, baseM: number, bend: number): PolygonM {
  const r = p.outer,
    a = r[k % r.length],
    b = r[(k + 1) % r.length];
  const ex = b[0] - a[0],
    ey = b[1] - a[1],
    l = Math.hypot(ex, ey);
  const [ux, uy] = [ex / l, ey / l];
  // counter-clockwise ring: the outside is to the right of the edge
  const [ox, oy] = [uy, -ux];
  const m: XY = [a[0] + ex / 2, a[1] + ey / 2];
  const tip: XY = [m[0] + lengthM * (ox + bend * ux), m[1] + lengthM * (oy + bend * uy)];
  const outer = [...r.slice(0, (k % r.length) + 1), m, tip, [m[0] + baseM * ux, m[1] + baseM * uy] as XY, ...r.slice((k % r.length) + 1)];
  return { outer, holes: p.holes };
}

describe('piecesAtLeast at needles: the zone of a spike bounds the pieces lost there', () => {
  for (const kind of ['holes', 'concave'] as const)
    it(`never exceeds the counted pieces of fields with spikes out and in, ${kind} fields`, () => {
      let bounded = 0;
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }),
          fc.integer({ min: 0, max: 50 }),
          fc.double({ min: -40, max: 40, noNaN: true }),
          fc.constantFrom(0, 1e-5, 2e-4, 9e-4, 3e-3),
          fc.double({ min: -0.3, max: 0.3, noNaN: true }),
          fc.constantFrom(1.8, 7),
          (field, k, lengthM, baseM, bend, widthM) => {
            if (Math.abs(lengthM) < 0.5) return;
            const area = [withSpike(field.polygon, k, lengthM, baseM, bend)];
            for (let j = 0; j < 60; j++) {
              const a = (j * Math.PI) / 60;
              const bound = piecesAtLeast(area, a, widthM);
              if (bound > 0 && piecesAtLeastMain(area, a, widthM) === 0) bounded++;
              expect(bound).toBeLessThanOrEqual(sweepCount(area, a, widthM).pieces);
            }
          },
        ),
        { seed: 17, numRuns: 80 },
      );
      // where the bound gave up at a needle before, it now bounds
      expect(bounded).toBeGreaterThan(200);
    });
});

describe("counting sweep: an edge's first line found from the even spacing", () => {
  it('is the binary search’s index, at and between the lines', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.constantFrom(1.8, 7, 0.35),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 2, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (h, w, y0, at) => {
          const ys = new Float64Array(2000);
          const n = swathLinesInto(h, w, y0, ys);
          const perM = n > 1 ? (n - 1) / (ys[n - 1] - ys[0]) : 0;
          const probes = [...at.map((u) => y0 - 1 + u * (h + 2)), ...Array.from(ys.subarray(0, n))];
          for (const v of probes) expect(firstAtLeast(ys, n, v, perM)).toBe(lowerIndex(ys, n, v));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });
});

describe('per-cell merge: regions called apart are never one polygon when joined', () => {
  it('bands of a random field cut at random levels: boxes apart ⇒ the union is not one polygon', () => {
    let apart = 0;
    fc.assert(
      fc.property(
        arbParsedField('concave', { minAreaHa: 0.05, maxAreaHa: 5 }),
        fc.double({ min: 0, max: Math.PI, noNaN: true }),
        fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 1, maxLength: 5 }),
        (field, dir, cuts) => {
          const rot = rotatePolygon(field.polygon, -dir);
          const ys = rot.outer.map((v) => v[1]);
          const [lo, hi] = [Math.min(...ys), Math.max(...ys)];
          const levels = [lo - 1, ...cuts.map((u) => lo + (u / 100) * (hi - lo)).sort((a, b) => a - b), hi + 1];
          const pieces: PolygonM[] = [];
          for (let k = 0; k + 1 < levels.length; k++) {
            const box: PolygonM = {
              outer: [
                [-1e5, levels[k]],
                [1e5, levels[k]],
                [1e5, levels[k + 1]],
                [-1e5, levels[k + 1]],
              ],
              holes: [],
            };
            for (const q of intersectPolygons([rot], [box])) pieces.push(rotatePolygon(q, dir));
          }
          for (let i = 0; i < pieces.length; i++)
            for (let j = i + 1; j < pieces.length; j++)
              if (boxesApart(regionBox(pieces[i], dir), regionBox(pieces[j], dir))) {
                apart++;
                expect(unionPolygons([pieces[i], pieces[j]]).length).not.toBe(1);
              }
        },
      ),
      { seed: 17, numRuns: 60 },
    );
    // the test is not empty: many pairs were called apart
    expect(apart).toBeGreaterThan(50);
  });
});

describe('hullOf: convexHull kept per ring', () => {
  it("is convexHull's hull, made once per ring, and made again for a ring of another length", () => {
    fc.assert(
      fc.property(arbParsedField('concave', { minAreaHa: 0.05, maxAreaHa: 5 }), (field) => {
        const ring = field.polygon.outer.slice();
        const hull = hullOf(ring);
        expect(hull).toEqual(convexHull(ring));
        expect(hullOf(ring)).toBe(hull);
        ring.push([ring[0][0] + 1e4, ring[0][1]]);
        expect(hullOf(ring)).toEqual(convexHull(ring));
      }),
      { seed: 17, numRuns: 50 },
    );
  });
});
