/**
 * Per-cell slabs intersect the area with one box per band; `bandPolygon` cuts the area down to
 * what that intersection reads. The intersection must be the same region: the same pieces with
 * the same areas, and every sample point of the band inside the one exactly when inside the
 * other (fast-check, seeded, on random fields with holes and notches at random angles).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersectPolygons, pointInPolygon, rotatePolygon, signedArea } from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/index.js';
import { bandPolygon } from '../../src/plan/swaths/band-ring.js';
import { arbParsedField } from '../helpers/random-fields.js';

const vertices = (p: PolygonM) => p.outer.length + p.holes.reduce((a, h) => a + h.length, 0);
const netArea = (p: PolygonM) => Math.abs(signedArea(p.outer)) - p.holes.reduce((a, h) => a + Math.abs(signedArea(h)), 0);

/** The box of the band lo < y < hi across the polygon's x range (as per-cell's slabs build it). */
function bandBox(p: PolygonM, lo: number, hi: number): PolygonM {
  const xs = p.outer.map(([x]) => x);
  const [x0, x1] = [Math.min(...xs) - 1, Math.max(...xs) + 1];
  return {
    outer: [
      [x0, lo],
      [x1, lo],
      [x1, hi],
      [x0, hi],
    ],
    holes: [],
  };
}

describe('bandPolygon: the area cut down to one band, the same intersection', () => {
  it('a comb of teeth above a band: the teeth become one detour, the slab is unchanged', () => {
    // a 100 m wide base 0 < y < 10 with five 10 m teeth up to y = 60
    const outer: XY[] = [
      [0, 0],
      [100, 0],
    ];
    for (let t = 4; t >= 0; t--) outer.push([20 * t + 20, 60], [20 * t + 10, 60], [20 * t + 10, 10], [20 * t, 10]);
    outer.splice(2, 1); // (100, 60) is the first tooth's corner: the base's right edge runs up to it
    const comb: PolygonM = { outer, holes: [] };
    const cut = bandPolygon(comb, -1, 5);
    expect(vertices(cut)).toBeLessThan(vertices(comb));
    const box = bandBox(comb, -1, 5);
    expect(intersectPolygons([cut], [box]).map(netArea)).toEqual(intersectPolygons([comb], [box]).map(netArea));
  });

  for (const kind of ['holes', 'concave'] as const)
    it(`the same pieces, areas and inside points as the whole area, ${kind} fields`, () => {
      let fewer = 0;
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.2, maxAreaHa: 5 }),
          fc.double({ min: 0, max: Math.PI, noNaN: true }),
          fc.double({ min: 0, max: 0.9, noNaN: true }),
          fc.double({ min: 0.05, max: 0.5, noNaN: true }),
          (field, angle, at, share) => {
            const p = rotatePolygon(field.polygon, -angle);
            const ys = p.outer.map(([, y]) => y);
            const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
            const lo = y0 + at * (y1 - y0),
              hi = Math.min(y1 + 1, lo + share * (y1 - y0));
            const cut = bandPolygon(p, lo, hi);
            if (vertices(cut) < vertices(p)) fewer++;
            const box = bandBox(p, lo, hi);
            const [whole, part] = [intersectPolygons([p], [box]), intersectPolygons([cut], [box])];
            expect(part.length).toBe(whole.length);
            const areas = (ps: PolygonM[]) => ps.map(netArea).sort((a, b) => a - b);
            const [aw, ap] = [areas(whole), areas(part)];
            for (let i = 0; i < aw.length; i++) expect(ap[i]).toBeCloseTo(aw[i], 6);
            // points of the band: inside the cut area exactly when inside the whole one
            const box0 = box.outer[0][0],
              box1 = box.outer[1][0];
            for (let i = 1; i < 12; i++)
              for (let j = 1; j < 12; j++) {
                const q: XY = [box0 + ((box1 - box0) * i) / 12, lo + ((hi - lo) * j) / 12];
                expect(pointInPolygon(q, cut)).toBe(pointInPolygon(q, p));
              }
          },
        ),
        { seed: 41, numRuns: 40 },
      );
      // the detours were exercised: a fifth of the bands or more left out some of the area's vertices
      expect(fewer).toBeGreaterThanOrEqual(8);
    });
});
