import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons } from '../../src/geometry/index.js';
import { filletLap } from '../../src/plan/headland/fillet-lap.js';
import { filletLap as filletLapRescan } from '../helpers/fillet-lap-rescan.js';
import { randomParsedField } from '../helpers/random-fields.js';
import { realFields } from './real/real-set.js';

const spec = (d: number) => ({ radiusM: 2, offsetM: d, arcToleranceM: 0.02 });

describe('lap fillets: merges rescan only the pairs they change', () => {
  it('property (seeded): the same laps as a rescan of every pair after each merge', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.constantFrom('convex', 'concave', 'holes', 'sliver'),
        fc.integer({ min: 0, max: 2 }),
        (seed, kind, k) => {
          const field = randomParsedField(seed, kind as 'convex', { minAreaHa: 0.1, maxAreaHa: 3 }).polygon;
          const d = (k + 0.5) * 1.8;
          const sharp = offsetPolygons([field], -d, 'miter', undefined, 10);
          expect(filletLap(sharp, spec(d))).toEqual(filletLapRescan(sharp, spec(d)));
        },
      ),
      { seed: 23, numRuns: 300 },
    );
  });

  it('the same laps on every real field (both transplanter laps), where most merges happen', async () => {
    for (const f of await realFields())
      for (const d of [0.9, 2.7]) {
        const sharp = offsetPolygons([f.polygon], -d, 'miter', undefined, 10);
        expect(filletLap(sharp, spec(d))).toEqual(filletLapRescan(sharp, spec(d)));
      }
  });
});
