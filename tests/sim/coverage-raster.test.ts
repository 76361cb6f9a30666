import { describe, expect, it } from 'vitest';
import { createCoverageRaster } from '../../src/sim/coverage-raster.js';
import type { PolygonM } from '../../src/geometry/types.js';

const rect = (w: number, h: number): PolygonM => ({
  outer: [
    [0, 0],
    [w, 0],
    [w, h],
    [0, h],
  ],
  holes: [],
});

describe('coverage raster', () => {
  it('masks the field with its holes: 100 × 50 m with a 10 × 10 m hole at 0.25 m', () => {
    const p: PolygonM = {
      outer: rect(100, 50).outer,
      holes: [
        [
          [20, 20],
          [20, 30],
          [30, 30],
          [30, 20],
        ],
      ],
    };
    const r = createCoverageRaster([p], { cellM: 0.25, marginM: 2 });
    expect(r.stats.fieldCells * r.cellAreaM2).toBeCloseTo(4900, 0);
    expect(r.cols * r.rows).toBe(416 * 216);
  });

  it('counts covered, overlapped and off-target cells, once per pass', () => {
    const r = createCoverageRaster([rect(100, 50)], { cellM: 0.5, marginM: 5 });
    const a = r.newPass();
    r.paintQuad(
      [
        [0, 0],
        [10, 0],
        [10, 7],
        [0, 7],
      ],
      a,
    );
    r.paintQuad(
      [
        [5, 0],
        [10, 0],
        [10, 7],
        [5, 7],
      ],
      a,
    ); // same pass again: not an overlap
    expect(r.stats.covered).toBe(20 * 14);
    expect(r.stats.overlapped).toBe(0);
    const b = r.newPass();
    r.paintQuad(
      [
        [0, 5],
        [10, 5],
        [10, 12],
        [0, 12],
      ],
      b,
    ); // second pass overlaps 2 m
    expect(r.stats.overlapped).toBe(20 * 4);
    expect(r.stats.covered).toBe(20 * 24);
    const c = r.newPass();
    r.paintQuad(
      [
        [-4, 0],
        [0, 0],
        [0, 10],
        [-4, 10],
      ],
      c,
    ); // outside the field, inside the margin
    expect(r.stats.passCellsOffTarget).toBe(8 * 20);
    expect(r.stats.passCellsOnTarget).toBe(20 * 14 + 20 * 14);
  });

  it('says what 100 ha costs and coarsens or refuses over the limit', () => {
    const r = createCoverageRaster([rect(1000, 1000)], { cellM: 0.25, marginM: 0 });
    expect(r.cols * r.rows).toBe(16_000_000); // 4 bytes a cell: 64 MB
    const coarse = createCoverageRaster([rect(1000, 1000)], { cellM: 0.25, marginM: 0, maxCells: 5_000_000 });
    expect(coarse.cellM).toBe(0.5);
    expect(() => createCoverageRaster([rect(1000, 1000)], { maxCells: 5_000_000, onOverflow: 'error' })).toThrow(
      expect.objectContaining({ code: 'SIM_INVALID_OPTION' }),
    );
    expect(() => createCoverageRaster([rect(10, 10)], { cellM: 0 })).toThrow(expect.objectContaining({ code: 'SIM_INVALID_OPTION' }));
  });
});
