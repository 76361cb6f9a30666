/**
 * The word-wise raster counts (metrics/cell-counts.ts, behind estimateCoverage and gapPasses)
 * give the counts of the plain test per cell, on seeded random rasters: any size (a tail of one
 * to three cells), counts above one and above 127, and views that do not start on a word.
 */
import { describe, expect, it } from 'vitest';
import { cellCounts, type CellCounts } from '../../src/plan/metrics/cell-counts.js';
import { mulberry32 } from '../helpers/random-fields.js';

type Rasters = { inField: Uint8Array; excluded: Uint8Array; passes: Uint8Array };

/** The plain count per cell it replaces (estimateCoverage's and gapPasses' loops). */
function countEach(g: Rasters, withCorners: boolean): CellCounts {
  const c: CellCounts = { inside: 0, covered: 0, overlapped: 0 };
  for (let k = 0; k < g.passes.length; k++) {
    if (!g.inField[k] || (!withCorners && g.excluded[k])) continue;
    c.inside++;
    if (g.passes[k] >= 1) c.covered++;
    if (g.passes[k] >= 2) c.overlapped++;
  }
  return c;
}

/** Rasters of `size` cells starting `offset` bytes into their buffers, values 0–255. */
function randomRasters(seed: number, size: number, offset: number): Rasters {
  const rnd = mulberry32(seed);
  const cells = (zeroOdds: number) => {
    const a = new Uint8Array(size + offset).subarray(offset);
    for (let k = 0; k < size; k++) a[k] = rnd() < zeroOdds ? 0 : rnd() < 0.6 ? 1 : 1 + Math.floor(rnd() * 255);
    return a;
  };
  return { inField: cells(0.3), excluded: cells(0.85), passes: cells(0.2) };
}

describe('cellCounts: the plain count per cell', () => {
  it('random rasters of 0 to 5,000 cells, aligned and not', () => {
    const rnd = mulberry32(23);
    let overlapped = 0;
    for (let t = 0; t < 400; t++) {
      const size = t < 20 ? t : Math.floor(rnd() * 5_000);
      const g = randomRasters(t, size, t % 5 === 0 ? 1 + (t % 3) : 0);
      const fast = cellCounts(g);
      expect(fast).toEqual(countEach(g, false));
      expect(cellCounts(g, true)).toEqual(countEach(g, true));
      overlapped += fast.overlapped;
    }
    expect(overlapped).toBeGreaterThan(5_000);
  });
});
