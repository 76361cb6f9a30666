import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons } from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/types.js';
import { filletLap } from '../../src/plan/headland/fillet-lap.js';
import { expectLikeOffsets as expectLapLikeOffsets } from '../helpers/laps.js';
import { realFields } from './real/real-set.js';

const R = 2;
const TOL = 0.02;

/** Filleted lap of `field` at offset d, checked against the offsets; whether the fillet handled it. */
function expectLikeOffsets(field: PolygonM, d: number): boolean {
  const lap = filletLap(offsetPolygons([field], -d, 'miter', undefined, 10), { radiusM: R, offsetM: d, arcToleranceM: TOL });
  if (!lap) return false;
  expectLapLikeOffsets(field, d, lap, R, TOL, true);
  return true;
}

describe('lap fillets at short steps and kinks (shorter than the fillet: the opening disc stops at the step or the far edge)', () => {
  it('property (seeded): a jog in an edge, shorter than the turning radius, slanted either way', () => {
    let handled = 0;
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        fc.boolean(),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.constantFrom(0, 1),
        (h, up, dx, k) => {
          // the top edge steps at x = 50 by h (up or down), its riser leaning dx
          const top = up ? 50 + h : 50 - h;
          const field: PolygonM = {
            outer: [
              [0, 0],
              [100, 0],
              [100, top],
              [50 + dx, top],
              [50, 50],
              [0, 50],
            ] as XY[],
            holes: [],
          };
          if (expectLikeOffsets(field, (k + 0.5) * 1.8)) handled++;
        },
      ),
      { seed: 31, numRuns: 80 },
    );
    expect(handled).toBeGreaterThan(70);
  });

  it('real parcels whose laps have a kink beside a corner, over 1 m from it: the disc stops at the far edge', async () => {
    // BRP 2023 parcels 22, 29, 92 (first lap) and 97 (second lap) of fields/real: the offsets
    // were the only way before; the fillet now merges the kink into the corner as they do
    const want = new Map([
      ['BRP 2023 parcel 22 ', 0],
      ['BRP 2023 parcel 29 ', 0],
      ['BRP 2023 parcel 92 ', 0],
      ['BRP 2023 parcel 97 ', 1],
    ]);
    let seen = 0;
    for (const f of await realFields())
      for (const [prefix, k] of want)
        if (f.name.startsWith(prefix)) {
          expect(expectLikeOffsets(f.polygon, (k + 0.5) * 1.8)).toBe(true);
          seen++;
        }
    expect(seen).toBe(4);
  });
});
