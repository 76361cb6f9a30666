/**
 * offsetRoundJoins: the round offset exactly as offsetPolygons gives it, and a `joined` flag
 * that, when false, promises the mitred offset (any miter limit) is the same polygons. The
 * headland uses that promise to skip the mitred offset of a lap (plans byte-identical).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons, offsetRoundJoins } from '../../src/geometry/index.js';
import type { PolygonM } from '../../src/geometry/types.js';
import { realFields } from '../plan/real/real-set.js';
import { randomParsedField } from '../helpers/random-fields.js';

/** Asserts the promise for one offset; returns whether the mitred offset differs from the round one. */
function check(polys: PolygonM[], deltaM: number): { joined: boolean; differs: boolean } {
  const { polygons, joined } = offsetRoundJoins(polys, deltaM);
  expect(polygons).toEqual(offsetPolygons(polys, deltaM, 'round'));
  const miter10 = offsetPolygons(polys, deltaM, 'miter', undefined, 10);
  const differs = JSON.stringify(miter10) !== JSON.stringify(polygons);
  if (!joined) {
    expect(miter10).toEqual(polygons);
    expect(offsetPolygons(polys, deltaM, 'miter')).toEqual(polygons);
    expect(offsetPolygons(polys, deltaM, 'round', 0.05)).toEqual(polygons);
  }
  return { joined, differs };
}

describe('offsetRoundJoins (round offset, and whether a corner was joined)', () => {
  it('a rectangle inset: no corner joined, the mitred inset is the same; outset: every corner joined', () => {
    const rect: PolygonM = {
      outer: [
        [0, 0],
        [100, 0],
        [100, 50],
        [0, 50],
      ],
      holes: [],
    };
    const inset = offsetRoundJoins([rect], -0.9);
    expect(inset.joined).toBe(false);
    expect(inset.polygons[0].outer).toHaveLength(4);
    expect(offsetPolygons([rect], -0.9, 'miter', undefined, 10)).toEqual(inset.polygons);
    const outset = offsetRoundJoins([rect], 0.9);
    expect(outset.joined).toBe(true);
    // four quarter arcs of 0.9 m at 1 cm tolerance: more than the rectangle's 4 vertices
    expect(outset.polygons[0].outer.length).toBeGreaterThan(20);
  });

  it('an L-shaped inset joins its reflex corner (the round and mitred insets differ there)', () => {
    const l: PolygonM = {
      outer: [
        [0, 0],
        [60, 0],
        [60, 20],
        [20, 20],
        [20, 60],
        [0, 60],
      ],
      holes: [],
    };
    const r = check([l], -0.9);
    expect(r).toEqual({ joined: true, differs: true });
  });

  it('property (seeded): round offset as offsetPolygons; unjoined offsets equal their mitred ones; the flag is not vacuous', () => {
    const seen = { unjoined: 0, joinedDiffers: 0 };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('convex', 'concave', 'holes', 'sliver', 'clockwise'),
        fc.constantFrom(-0.9, -2.7, -3.6, 1.5),
        (seed, kind, deltaM) => {
          const field = randomParsedField(seed, kind as 'convex', { minAreaHa: 0.2, maxAreaHa: 3 }).polygon;
          const { joined, differs } = check([field], deltaM);
          if (!joined) seen.unjoined++;
          if (joined && differs) seen.joinedDiffers++;
        },
      ),
      { seed: 1717, numRuns: 120 },
    );
    // both sides occur: a flag stuck at false (or true) would be caught above or here
    expect(seen.unjoined).toBeGreaterThan(5);
    expect(seen.joinedDiffers).toBeGreaterThan(5);
  });

  it('the real fields at the transplanter laps (0.9 and 2.7 m in): the promise holds on every one', async () => {
    const counts = { unjoined: 0, joined: 0 };
    for (const f of await realFields())
      for (const d of [0.9, 2.7]) {
        const { joined } = check([f.polygon], -d);
        counts[joined ? 'joined' : 'unjoined']++;
      }
    // 24 of the 84 laps have no corner joined (recorded on fields/real, 42 fields)
    expect(counts).toEqual({ unjoined: 24, joined: 60 });
  });
});
