import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons, signedArea } from '../../src/geometry/index.js';
import { filletRegion, regionOf } from '../../src/plan/headland/corner-regions.js';
import { arcPoints, filletWith } from '../../src/plan/headland/fillet-arcs.js';
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

describe("a fillet's region: the triangle of the corner and its arc's ends, as the full hull gives it", () => {
  it('property (seeded): the same hull (as a set, counter-clockwise) and box as regionOf', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3.1, max: 3.1, noNaN: true }),
        fc.double({ min: 0, max: 6.28, noNaN: true }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        fc.tuple(fc.double({ min: -300, max: 300, noNaN: true }), fc.double({ min: -300, max: 300, noNaN: true })),
        (turn, heading, r, [px, py]) => {
          const p: [number, number] = [px, py];
          const prev: [number, number] = [px - 20 * Math.cos(heading), py - 20 * Math.sin(heading)];
          const next: [number, number] = [px + 20 * Math.cos(heading + turn), py + 20 * Math.sin(heading + turn)];
          const f = filletWith(prev, p, next, r);
          if (!f) return;
          const arc: [number, number][] = [];
          arcPoints(f.centre, r, f.from, f.turnRad, 0.02, true, arc);
          const fast = filletRegion(0, 3, 3, p, arc),
            full = regionOf(0, 3, 3, [p, ...arc]);
          const key = (h: number[][]) => h.map((q) => q.join()).sort();
          expect(key(fast.hull)).toEqual(key(full.hull));
          expect(fast.box).toEqual(full.box);
          if (full.hull.length >= 3) expect(signedArea(fast.hull)).toBeGreaterThan(0);
        },
      ),
      { seed: 59, numRuns: 1000 },
    );
  });
});
