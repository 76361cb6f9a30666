/**
 * The per-cell search reads each slab's band only (swaths/band-ring.ts) and stops searching a
 * direction once its swaths must exceed the best so far or the limit. Neither may change its
 * answer: it is held equal, region for region and to the bit, to the search before both
 * (tests/plan/reference/per-cell-main.ts), without a limit and under limits around the answer,
 * on random concave fields (fast-check, seeded) and on the real field with three holes whose
 * search is the set's longest (the generator's fields with holes have no notch to split at).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons } from '../../src/geometry/index.js';
import type { PolygonM } from '../../src/geometry/index.js';
import { perCellRegions } from '../../src/plan/swaths/per-cell.js';
import { arbParsedField } from '../helpers/random-fields.js';
import { realFields } from './real/real-set.js';
import { perCellRegions as perCellMain } from './reference/per-cell-main.js';

/** Both searches of one part: without a limit, then under the limits one below and at the unlimited answer's swaths. */
function expectSame(part: PolygonM, widthM: number): number {
  const whole = perCellMain(part, widthM);
  expect(perCellRegions(part, widthM)).toEqual(whole);
  const total = whole?.reduce((a, r) => a + r.swaths, 0) ?? 0;
  for (const limit of [total - 1, total]) expect(perCellRegions(part, widthM, limit)).toEqual(perCellMain(part, widthM, limit));
  return whole?.length ?? 0;
}

describe('per-cell search: band-cut slabs and pruned directions give the same regions', () => {
  it('equal to the search before, region for region, on random concave fields', () => {
    let splits = 0;
    fc.assert(
      fc.property(arbParsedField('concave', { minAreaHa: 0.5, maxAreaHa: 5 }), fc.constantFrom(1.8, 7), (field, widthM) => {
        for (const part of offsetPolygons([field.polygon], -widthM, 'round')) if (expectSame(part, widthM) > 1) splits++;
      }),
      { seed: 29, numRuns: 15 },
    );
    // the comparison covered real splits, not only fields with no notch
    expect(splits).toBeGreaterThan(3);
  });

  it('ee-f2c-field-130 (1.98 ha, three holes): the same regions with and without limits', async () => {
    const field = (await realFields()).find((f) => f.id === 'ee-f2c-field-130')!;
    const [part] = offsetPolygons([field.polygon], -3.6, 'round');
    expectSame(part, 1.8);
  });
});
