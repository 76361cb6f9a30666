/**
 * Lap fillets at a convex–concave–convex zig-zag (a notch at a field corner): three arcs, held to
 * the opening and closing by Clipper offsets that they replace (the lap then needs no offsets).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { offsetPolygons } from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/types.js';
import { filletLap } from '../../src/plan/headland/fillet-lap.js';
import { expectLikeOffsets as expectLapLikeOffsets } from '../helpers/laps.js';
import { realFields } from './real/real-set.js';

const R = 2;
const TOL = 0.02;

/** A 60 × 40 m rectangle with a notch wx wide and wy deep cut at its top-right corner, its inner side slanted by dx. */
function notched(wx: number, wy: number, dx = 0): PolygonM {
  return {
    outer: [
      [0, 0],
      [60, 0],
      [60, 40 - wy],
      [60 - wx, 40 - wy],
      [60 - wx + dx, 40],
      [0, 40],
    ] as XY[],
    holes: [],
  };
}

function filleted(field: PolygonM, d: number): PolygonM[] | undefined {
  return filletLap(offsetPolygons([field], -d, 'miter', undefined, 10), { radiusM: R, offsetM: d, arcToleranceM: TOL });
}

/** The lap is drivable (radius ≥ R, simple) and within ~1 cm along it of the opening and closing by offsets. */
function expectLikeOffsets(field: PolygonM, d: number, lap: PolygonM[]): void {
  expectLapLikeOffsets(field, d, lap, R, TOL, true);
}

describe('lap fillets at a zig-zag (three arcs)', () => {
  it('a 2 m notch, lap 2.7 m in (d ≥ R): between the two rounded corners the lap follows the circle of radius d around the notch corner', () => {
    const field = notched(2, 2);
    const lap = filleted(field, 2.7);
    expect(lap).toBeDefined();
    expectLikeOffsets(field, 2.7, lap ?? []);
    const v: XY = [58, 38];
    const dist = (lap?.[0].outer ?? []).map((p) => Math.hypot(p[0] - v[0], p[1] - v[1]));
    // nothing nearer than d to the reflex corner, and an arc of points exactly at d
    expect(Math.min(...dist)).toBeGreaterThan(2.7 - 1e-6);
    expect(dist.filter((x) => Math.abs(x - 2.7) < 1e-9).length).toBeGreaterThanOrEqual(3);
  });

  it('a 1.5 m notch, lap 0.9 m in (d < R): the closing rounds across the notch corner, too tight for the machine', () => {
    const field = notched(1.5, 1.5);
    const lap = filleted(field, 0.9);
    expect(lap).toBeDefined();
    expectLikeOffsets(field, 0.9, lap ?? []);
    // the notch corner's own arc (radius d = 0.9 m) is not followed: no point of the lap lies on
    // it, and the closing's wider arc passes nearer the corner (it fills the lap's tight inner corner)
    const dist = (lap?.[0].outer ?? []).map((p) => Math.hypot(p[0] - 58.5, p[1] - 38.5));
    expect(dist.filter((x) => Math.abs(x - 0.9) < 1e-3)).toEqual([]);
    expect(Math.min(...dist)).toBeLessThan(0.9);
    expect(Math.min(...dist)).toBeGreaterThan(0.5);
  });

  it('property (seeded): notches of 1.2–3.5 m, slanted, both laps: where filleted, like the offsets; most are filleted', () => {
    let handled = 0;
    fc.assert(
      fc.property(
        // from 1.2 m: narrower notches are mostly short steps (fillet-steps.test.ts), rounded by an S
        fc.integer({ min: 1200, max: 3500 }).map((mm) => mm / 1000),
        fc.integer({ min: 1200, max: 3500 }).map((mm) => mm / 1000),
        fc.integer({ min: -400, max: 400 }).map((mm) => mm / 1000),
        fc.constantFrom(0.9, 2.7),
        (wx, wy, dx, d) => {
          const field = notched(wx, wy, dx);
          const lap = filleted(field, d);
          if (!lap) return;
          handled++;
          expectLikeOffsets(field, d, lap);
        },
      ),
      { seed: 97, numRuns: 150, unbiased: true },
    );
    // without the zig-zag's three arcs about 5 % of these notches are filleted, with them about 99 %
    expect(handled).toBeGreaterThan(140);
  });

  it('the real fields: 5 laps that fell back to the offsets before are filleted, like the offsets; 65 of the 84 in all', async () => {
    // 076's two laps by zig-zags; the other three because a fillet's region now spans the flat
    // vertices its straight run covers (regionsHit was hit by their edges)
    const now = ['nl-brp-2023-025/1', 'nl-brp-2023-074/1', 'nl-brp-2023-076/0', 'nl-brp-2023-076/1', 'vn-ai4sf-021/1'];
    let count = 0;
    for (const f of await realFields())
      for (const k of [0, 1]) {
        const d = (k + 0.5) * 1.8;
        const lap = filleted(f.polygon, d);
        if (lap) count++;
        if (!now.includes(`${f.id}/${k}`)) continue;
        expect(lap, `${f.id}/${k}`).toBeDefined();
        expectLikeOffsets(f.polygon, d, lap ?? []);
      }
    expect(count).toBe(65);
  }, 60_000);
});
