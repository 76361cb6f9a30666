/**
 * The coverage raster's fast paths (footprints painted without a span pair per row, the field's
 * rows found edge by edge) give the raster of the code they replace, cell for cell (fast-check,
 * seeded): random fields with holes, random working paths with narrowed passes, any sample count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons } from '../../src/geometry/index.js';
import type { XY } from '../../src/geometry/index.js';
import { coverageGrid, estimateCoverage } from '../../src/plan/metrics/coverage.js';
import { arbParsedField, mulberry32 } from '../helpers/random-fields.js';
import { coverageGrid as coverageGridMain, estimateCoverage as estimateCoverageMain } from './reference/coverage-main.js';

describe('coverageGrid: the raster of the code it replaces, cell for cell', () => {
  for (const kind of ['holes', 'concave', 'sliver'] as const)
    it(`random paths over ${kind} fields and their insets, 200 to 8 000 samples`, () => {
      fc.assert(
        fc.property(
          arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 5 }),
          fc.integer({ min: 1, max: 1e6 }),
          fc.integer({ min: 200, max: 8_000 }),
          fc.constantFrom(1.8, 7),
          (field, seed, samples, widthM) => {
            const rnd = mulberry32(seed);
            const p = field.polygon;
            const xs = p.outer.map((v) => v[0]),
              ys = p.outer.map((v) => v[1]);
            const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
            const at = (): XY => [x0 + (x1 - x0) * (1.2 * rnd() - 0.1), y0 + (y1 - y0) * (1.2 * rnd() - 0.1)];
            // straight swaths, polylines, a lap ring, and some narrowed passes
            const paths: XY[][] = Array.from({ length: 1 + Math.floor(rnd() * 30) }, () =>
              Array.from({ length: rnd() < 0.7 ? 2 : 2 + Math.floor(rnd() * 8) }, at),
            );
            for (const q of offsetPolygons([p], -widthM / 2, 'round')) paths.push([...q.outer, q.outer[0]]);
            const widths = paths.map(() => (rnd() < 0.2 ? widthM * rnd() : undefined));
            expect(coverageGrid(p, paths, widthM, samples, widths)).toEqual(coverageGridMain(p, paths, widthM, samples, widths));
            expect(estimateCoverage(p, paths, widthM, samples)).toEqual(estimateCoverageMain(p, paths, widthM, samples));
          },
        ),
        { seed: 17, numRuns: 25 },
      );
    });

  it('rows through vertices and along edges (an L whose notch lies on a row centre)', () => {
    const L = {
      outer: [
        [0, 0],
        [100, 0],
        [100, 31],
        [31, 31],
        [31, 100],
        [0, 100],
      ] as XY[],
      holes: [
        [
          [10, 11],
          [10, 21],
          [21, 21],
          [21, 11],
        ] as XY[],
      ],
    };
    const paths: XY[][] = [
      [
        [3, 1],
        [97, 1],
      ],
      [
        [5, 5],
        [5, 95],
      ],
    ];
    for (const samples of [2_500, 10_000, 400, 1_111])
      expect(coverageGrid(L, paths, 7, samples)).toEqual(coverageGridMain(L, paths, 7, samples));
  });

  it('estimateCoverage of plots wholly inside their unreachable corners (counted with the corners)', () => {
    // sharp triangles narrower than the implement: every cell lies in a corner disc
    const rnd = mulberry32(4);
    let wholly = 0;
    for (let i = 0; i < 40; i++) {
      const s = 0.5 + 3 * rnd();
      const tri = {
        outer: [
          [0, 0],
          [s, 0.1 * s * rnd()],
          [s * rnd(), 0.3 * s],
        ] as XY[],
        holes: [],
      };
      // none, one or two narrow passes: partly covered, partly twice
      const paths = Array.from({ length: Math.floor(rnd() * 3) }, (): XY[] => [
        [s * rnd(), 0.1 * s * rnd()],
        [s * rnd(), 0.3 * s * rnd()],
      ]);
      const widths = paths.map(() => 0.2 + rnd());
      const samples = 200 + Math.floor(rnd() * 2_000);
      const fast = estimateCoverage(tri, paths, 7, samples, widths);
      expect(fast).toEqual(estimateCoverageMain(tri, paths, 7, samples, widths));
      if (fast.coveragePct > fast.overlapPct) wholly++;
    }
    expect(wholly).toBeGreaterThan(5);
  });

  it('footprints whose edge is tangent to a row centre (rows at the top and bottom of a capsule are kept)', () => {
    // a 100 m square at 10,000 samples: row centres at k + 0.5; reach 1.96 / 2 + 0.02 = 1 m
    const square = {
      outer: [
        [0, 0],
        [100, 0],
        [100, 100],
        [0, 100],
      ] as XY[],
      holes: [],
    };
    const paths: XY[][] = [];
    for (let k = 0; k < 20; k++) {
      const y = 11.5 + 3 * k;
      paths.push([
        [5 + k, y],
        [60 + k, y],
      ]);
      paths.push([
        [70, y],
        [90, y + 0.5 * k],
      ]);
      paths.push([[40 + k, 2 * k + 0.5]]);
    }
    for (const w of [1.96, 1.9600000000000002, 1.9599999999999997])
      expect(coverageGrid(square, paths, w, 10_000)).toEqual(coverageGridMain(square, paths, w, 10_000));
  });
});
