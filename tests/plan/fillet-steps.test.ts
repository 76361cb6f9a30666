import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { intersectPolygons, offsetPolygons, polylineLength, segmentsCross, signedArea } from '../../src/geometry/index.js';
import type { PolygonM, Ring, XY } from '../../src/geometry/types.js';
import { filletLap } from '../../src/plan/headland/fillet-lap.js';
import { realFields } from './real/real-set.js';

const R = 2;
const TOL = 0.02;

function areaOf(polys: PolygonM[]): number {
  return polys.reduce((a, p) => a + signedArea(p.outer) + p.holes.reduce((b, h) => b + signedArea(h), 0), 0);
}

/** The lap the offsets give (the code the fillet replaces): opening and closing by R of the field inset by d. */
function clipperSmoothed(field: PolygonM, d: number): PolygonM[] {
  const eroded = offsetPolygons([field], -(d + R), 'round', TOL);
  return offsetPolygons(offsetPolygons(eroded, 2 * R, 'round', TOL), -R, 'round', TOL);
}

/** Largest turn at a vertex over what radius R allows along the half-edges either side (1 = exactly R). */
function worstTurnRatio(ring: Ring): number {
  let worst = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[(i + ring.length - 1) % ring.length],
      b = ring[i],
      c = ring[(i + 1) % ring.length];
    const [ax, ay, bx, by] = [b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]];
    const turn = Math.abs(Math.atan2(ax * by - ay * bx, ax * bx + ay * by));
    worst = Math.max(worst, turn / ((Math.hypot(ax, ay) + Math.hypot(bx, by)) / (2 * R)));
  }
  return worst;
}

function selfCrossing(ring: Ring): boolean {
  for (let i = 0; i < ring.length; i++)
    for (let j = i + 2; j < ring.length; j++)
      if (!(i === 0 && j === ring.length - 1) && segmentsCross(ring[i], ring[(i + 1) % ring.length], ring[j], ring[(j + 1) % ring.length]))
        return true;
  return false;
}

/** Filleted lap of `field` at offset d, checked against the offsets; whether the fillet handled it. */
function expectLikeOffsets(field: PolygonM, d: number): boolean {
  const lap = filletLap(offsetPolygons([field], -d, 'miter', undefined, 10), { radiusM: R, offsetM: d, arcToleranceM: TOL });
  if (!lap) return false;
  for (const ring of [lap[0].outer, ...lap[0].holes]) {
    expect(worstTurnRatio(ring)).toBeLessThan(1.01);
    expect(selfCrossing(ring)).toBe(false);
  }
  const ref = clipperSmoothed(field, d);
  expect(lap).toHaveLength(ref.length);
  // within ~1 cm of the opening and closing along the lap (the bar of tests/plan/fillet-lap.test.ts)
  const xorM2 = areaOf(lap) + areaOf(ref) - 2 * areaOf(intersectPolygons(lap, ref));
  const perimeterM = lap.reduce((a, p) => a + [p.outer, ...p.holes].reduce((b, r) => b + polylineLength([...r, r[0]]), 0), 0);
  expect(xorM2).toBeLessThan(0.01 * perimeterM + 0.5);
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
