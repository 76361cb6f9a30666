/**
 * The layout counts an alternative angle's pieces before laying it out: for an implement with
 * sections (a transplanter's row clutches) the count is `sweepPieces`, which must give the laid
 * sweep's pieces exactly, on random fields with holes and notches, with a ground machine's bound
 * (the lap's centre line) and with the area as its own bound (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons } from '../../src/geometry/index.js';
import type { PolygonM } from '../../src/geometry/index.js';
import { sweepPieces } from '../../src/plan/swaths/sweep-pieces.js';
import { sweepSwaths } from '../../src/plan/swaths/sweep-swaths.js';
import { rectM } from '../helpers/fields.js';
import { arbParsedField } from '../helpers/random-fields.js';

const rect = (w: number, h: number): PolygonM => ({ outer: rectM(w, h), holes: [] });

describe('sweepPieces: the pieces of a bounded sweep with sections, without laying it', () => {
  it('a 100 × 10 m rectangle along x with 1.8 m and 0.3 m rows: five full passes and a four-row one', () => {
    const r = rect(100, 10);
    expect(sweepPieces([r], 0, 1.8, [r], 0.3)).toBe(6);
    expect(sweepSwaths([r], 0, 1.8, [r], 0.3).pieces).toBe(6);
  });

  it('a U-shaped area: pieces in one bound interval merge, across the notch they do not', () => {
    // a 60 × 40 m U with a 20 m wide, 30 m deep notch from the top; bound: the whole box
    const u: PolygonM = {
      outer: [
        [0, 0],
        [60, 0],
        [60, 40],
        [40, 40],
        [40, 10],
        [20, 10],
        [20, 40],
        [0, 40],
      ],
      holes: [],
    };
    const box = rect(60, 40);
    const merged = sweepPieces([u], 0, 1.8, [box], 0.3);
    const split = sweepPieces([u], 0, 1.8, [u], 0.3);
    expect(merged).toBe(sweepSwaths([u], 0, 1.8, [box], 0.3).pieces);
    expect(split).toBe(sweepSwaths([u], 0, 1.8, [u], 0.3).pieces);
    // 23 passes cross the 40 m height; the 17 above y = 10 m meet both arms
    expect(split - merged).toBe(17);
  });

  for (const kind of ['holes', 'concave', 'convex'] as const)
    it(`equals sweepSwaths(…, bound, sectionWidthM).pieces at any angle, ${kind} fields`, () => {
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }),
          fc.constantFrom([1.8, 0.3], [2.4, 0.3], [7, 1]),
          fc.double({ min: 0, max: Math.PI, noNaN: true }),
          (field, [widthM, sectionWidthM], phase) => {
            const p = field.polygon;
            // a ground machine's layout (bound on the lap's centre line) and a no-lap one (its own bound)
            const cases: [PolygonM[], PolygonM[]][] = [
              [offsetPolygons([p], -widthM, 'round'), offsetPolygons([p], -0.5 * widthM, 'round')],
              [[p], [p]],
            ];
            for (const [area, bound] of cases)
              for (let k = 0; k < 8; k++) {
                const angle = phase + (k * Math.PI) / 8;
                expect(sweepPieces(area, angle, widthM, bound, sectionWidthM)).toBe(
                  sweepSwaths(area, angle, widthM, bound, sectionWidthM).pieces,
                );
              }
          },
        ),
        { seed: 23, numRuns: 12 },
      );
    });
});
