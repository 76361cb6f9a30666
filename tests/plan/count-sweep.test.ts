/**
 * The angle search's counting sweep gives the counts of the full sweep it replaces: the pieces
 * and cells of `sweepSwaths` (no bound), at every angle, on random fields with holes and notches
 * and on their inward offsets (round joins: many short edges), for both implement widths
 * (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons, simplifyPolygon } from '../../src/geometry/index.js';
import { boundedPieces, sweepCount } from '../../src/plan/swaths/count-sweep.js';
import { swathLinesInto } from '../../src/plan/swaths/sweep-lines.js';
import { bestAngle, fewestSwaths } from '../../src/plan/swaths/best-angle.js';
import { piecesAtLeast } from '../../src/plan/swaths/pieces-bound.js';
import { swathOffsets, sweepSwaths } from '../../src/plan/swaths/sweep-swaths.js';
import { arbParsedField } from '../helpers/random-fields.js';

/** An L of a 100 × 30 m foot and a 30 × 100 m arm, m. */
const L = {
  outer: [
    [0, 0],
    [100, 0],
    [100, 30],
    [30, 30],
    [30, 100],
    [0, 100],
  ] as [number, number][],
  holes: [],
};

describe('sweepCount: the counts of sweepSwaths without laying swaths', () => {
  it('lays its lines where sweepSwaths does (swathOffsets), to the bit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 400, noNaN: true }),
        fc.constantFrom(1.8, 7, 0.35),
        fc.double({ min: -500, max: 500, noNaN: true }),
        (h, w, y0) => {
          const out = new Float64Array(2000);
          const n = swathLinesInto(h, w, y0, out);
          expect(Array.from(out.subarray(0, n))).toEqual(swathOffsets(h, w).map((off) => y0 + off));
        },
      ),
      { seed: 17, numRuns: 300 },
    );
  });

  for (const kind of ['holes', 'concave', 'sliver'] as const)
    it(`same pieces and cells as sweepSwaths at 60 angles, ${kind} fields and their insets`, () => {
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }),
          fc.constantFrom(1.8, 7),
          fc.double({ min: 0, max: Math.PI, noNaN: true }),
          (field, widthM, phase) => {
            const areas = [[field.polygon], offsetPolygons([field.polygon], -1.5 * widthM, 'round')];
            for (const area of areas)
              for (let k = 0; k < 60; k++) {
                const angle = phase + (k * Math.PI) / 60;
                const full = sweepSwaths(area, angle, widthM);
                expect(sweepCount(area, angle, widthM)).toEqual({ pieces: full.pieces, cells: full.swaths.length });
              }
          },
        ),
        { seed: 17, numRuns: 12 },
      );
    });

  it('the area as its own bound (a no-lap layout) lays the unbounded sweep, to the bit', () => {
    fc.assert(
      fc.property(
        arbParsedField('holes', { minAreaHa: 0.05, maxAreaHa: 5 }),
        fc.constantFrom(1.8, 7),
        fc.double({ min: 0, max: Math.PI, noNaN: true }),
        (field, widthM, phase) => {
          for (const area of [[field.polygon], offsetPolygons([field.polygon], -1.5 * widthM, 'round')])
            for (let k = 0; k < 12; k++) {
              const angle = phase + (k * Math.PI) / 12;
              const bounded = sweepSwaths(area, angle, widthM, area);
              expect(bounded).toEqual(sweepSwaths(area, angle, widthM));
              expect(bounded.pieces).toBe(sweepCount(area, angle, widthM).pieces);
            }
        },
      ),
      { seed: 17, numRuns: 15 },
    );
  });

  for (const kind of ['holes', 'concave'] as const)
    it(`boundedPieces: the pieces of a sweep with a bound (pieces in one bound interval merge), ${kind} fields`, () => {
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }),
          fc.constantFrom(1.8, 7),
          fc.double({ min: 0, max: Math.PI, noNaN: true }),
          (field, widthM, phase) => {
            const p = field.polygon;
            // a drone's one-lap layout (area a width in, bound a quarter width further out), a
            // ground machine's (bound on the lap's centre line), and the field as its own bound
            const cases: [ReturnType<typeof offsetPolygons>, ReturnType<typeof offsetPolygons>][] = [
              [offsetPolygons([p], -widthM, 'round'), offsetPolygons([p], -0.75 * widthM, 'round')],
              [offsetPolygons([p], -widthM, 'round'), offsetPolygons([p], -0.5 * widthM, 'round')],
              [[p], [p]],
            ];
            for (const [area, bound] of cases)
              for (let k = 0; k < 12; k++) {
                const angle = phase + (k * Math.PI) / 12;
                expect(boundedPieces(area, angle, widthM, bound)).toBe(sweepSwaths(area, angle, widthM, bound).pieces);
              }
          },
        ),
        { seed: 17, numRuns: 15 },
      );
    });

  it('an L-shaped area: one cell along the long arm, two where the arms split the lines', () => {
    // along x: lines below y = 30 cross the whole foot, above it only the 30 m arm
    expect(sweepCount([L], 0, 10)).toEqual({ pieces: 10, cells: 1 });
    // across the notch (heading south-east) the lines leave one arm and enter the other: more cells
    const diag = sweepCount([L], -Math.PI / 4, 10);
    const full = sweepSwaths([L], -Math.PI / 4, 10);
    expect(diag).toEqual({ pieces: full.pieces, cells: full.swaths.length });
    expect(diag.cells).toBeGreaterThan(1);
  });
});

describe('fewestSwaths: a lower bound on the angle search (per-cell skips the search of a split that cannot pay)', () => {
  it('never exceeds the swaths bestAngle finds, and meets it on a rectangle', () => {
    fc.assert(
      fc.property(arbParsedField('concave', { minAreaHa: 0.05, maxAreaHa: 5 }), fc.constantFrom(1.8, 7), (field, widthM) => {
        const p = field.polygon;
        expect(fewestSwaths(p, widthM)).toBeLessThanOrEqual(bestAngle(p, [p], widthM).swaths);
      }),
      { seed: 17, numRuns: 40 },
    );
    const rect = {
      outer: [
        [0, 0],
        [90, 0],
        [90, 20],
        [0, 20],
      ] as [number, number][],
      holes: [],
    };
    // 20 m across at 7 m: three swaths, along the long side
    expect(fewestSwaths(rect, 7)).toBe(3);
    expect(bestAngle(rect, [rect], 7).swaths).toBe(3);
  });
});

describe('piecesAtLeast: the angle search skips a sweep its bound shows cannot win', () => {
  // the skip changes no angle chosen only if the bound never exceeds the counted pieces
  for (const kind of ['holes', 'concave', 'convex', 'sliver'] as const)
    it(`never exceeds sweepCount's pieces at 60 angles, ${kind} fields, their insets and simplified outlines`, () => {
      let equal = 0,
        total = 0;
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }),
          fc.constantFrom(1.8, 7),
          fc.double({ min: 0, max: Math.PI, noNaN: true }),
          (field, widthM, phase) => {
            const areas = [
              [field.polygon],
              offsetPolygons([field.polygon], -1.5 * widthM, 'round'),
              [simplifyPolygon(field.polygon, Math.min(0.05, widthM / 50))],
            ];
            for (const area of areas)
              for (let k = 0; k < 60; k++) {
                const angle = phase + (k * Math.PI) / 60;
                const pieces = sweepCount(area, angle, widthM).pieces,
                  bound = piecesAtLeast(area, angle, widthM);
                expect(bound).toBeLessThanOrEqual(pieces);
                total++;
                if (bound === pieces) equal++;
              }
          },
        ),
        { seed: 17, numRuns: 25 },
      );
      // and it is close enough to skip most sweeps: nearly always the count itself
      expect(equal / total).toBeGreaterThan(0.99);
    });

  it('counts the notch of an L and the hole of a ring, less a line through a narrow tip', () => {
    for (const angle of [0, -Math.PI / 4, Math.PI / 3]) expect(piecesAtLeast([L], angle, 10)).toBe(sweepCount([L], angle, 10).pieces);
    const ring = {
      outer: L.outer.slice(0, 3).concat([[0, 30]]) as [number, number][],
      holes: [
        [
          [40, 10],
          [40, 20],
          [60, 20],
          [60, 10],
        ] as [number, number][],
      ],
    };
    // across the 100 × 30 m block at 10 m: lines at 5, 15 and 25 m, the one at 15 m split by the hole
    expect(sweepCount([ring], 0, 10).pieces).toBe(4);
    expect(piecesAtLeast([ring], 0, 10)).toBe(4);
    // a crown whose middle tip lies 0.4 mm above the swath line y = 7.5: the piece there is
    // 0.5 mm and dropped (5 pieces); 10 cm above it, the piece is kept (6)
    const crown = (tipY: number) => ({
      outer: [
        [0, 0],
        [30, 0],
        [30, 15],
        [20, 15],
        [15, 3],
        [12, tipY],
        [9, 3],
        [0, 15],
      ] as [number, number][],
      holes: [],
    });
    expect(sweepCount([crown(7.5004)], 0, 5).pieces).toBe(5);
    expect(piecesAtLeast([crown(7.5004)], 0, 5)).toBe(5);
    expect(sweepCount([crown(7.6)], 0, 5).pieces).toBe(6);
    expect(piecesAtLeast([crown(7.6)], 0, 5)).toBe(6);
  });
});
