import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distToRing, intersectPolygons, offsetPolygons, pointInPolygon } from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/types.js';
import { filletLap } from '../../src/plan/headland/fillet-lap.js';
import { areaOf, clipperSmoothed, expectLikeOffsets as expectLapLikeOffsets, selfCrossing, worstTurnRatio } from '../helpers/laps.js';
import { planHeadland } from '../../src/plan/index.js';
import { randomParsedField } from '../helpers/random-fields.js';

const R = 2;
const TOL = 0.02;

describe('headland lap fillets (analytic corner rounding)', () => {
  it('a 100 × 50 m rectangle: each corner of the lap 0.9 m in becomes a quarter arc of radius 2 m', () => {
    const field: PolygonM = {
      outer: [
        [0, 0],
        [100, 0],
        [100, 50],
        [0, 50],
      ],
      holes: [],
    };
    const sharp = offsetPolygons([field], -0.9, 'miter');
    const lap = filletLap(sharp, { radiusM: R, offsetM: 0.9, arcToleranceM: TOL });
    expect(lap).toHaveLength(1);
    const centres: XY[] = [
      [2.9, 2.9],
      [97.1, 2.9],
      [97.1, 47.1],
      [2.9, 47.1],
    ];
    for (const p of lap?.[0].outer ?? []) {
      const near = centres.find((c) => Math.abs(p[0] - c[0]) <= R + 1e-9 && Math.abs(p[1] - c[1]) <= R + 1e-9);
      if (near) expect(Math.hypot(p[0] - near[0], p[1] - near[1])).toBeCloseTo(R, 6);
      else expect(Math.min(Math.abs(p[0] - 0.9), Math.abs(p[0] - 99.1), Math.abs(p[1] - 0.9), Math.abs(p[1] - 49.1))).toBeLessThan(1e-9);
    }
    // four quarter arcs replace four corners, each drawn as 6 chords of 15° (2 cm tolerance at
    // 2 m asks for steps ≤ 16.2°): each corner loses the square R² less the 6 chord triangles
    const chordSectorM2 = 6 * ((R * R) / 2) * Math.sin(Math.PI / 12);
    expect(areaOf(sharp) - areaOf(lap ?? [])).toBeCloseTo(4 * (R * R - chordSectorM2), 6);
  });

  it('a notch narrower than the turn: the fillets would overlap, so the caller must use the offsets', () => {
    // a 1 m wide, 10 m deep slot cut into the top edge
    const field: PolygonM = {
      outer: [
        [0, 0],
        [100, 0],
        [100, 50],
        [51, 50],
        [51, 40],
        [50, 40],
        [50, 50],
        [0, 50],
      ],
      holes: [],
    };
    expect(
      filletLap(offsetPolygons([field], -0.9, 'miter', undefined, 10), { radiusM: R, offsetM: 0.9, arcToleranceM: TOL }),
    ).toBeUndefined();
  });

  it('a 2 m step in an edge: an S of two 2 m arcs, as the opening and closing give it', () => {
    const field: PolygonM = {
      outer: [
        [0, 0],
        [100, 0],
        [100, 52],
        [50, 52],
        [50, 50],
        [0, 50],
      ],
      holes: [],
    };
    const lap = filletLap(offsetPolygons([field], -0.9, 'miter', undefined, 10), { radiusM: R, offsetM: 0.9, arcToleranceM: TOL });
    expect(lap).toHaveLength(1);
    expect(worstTurnRatio(lap?.[0].outer ?? [], R)).toBeLessThan(1.01);
    expect(selfCrossing(lap?.[0].outer ?? [])).toBe(false);
    // the same lap as Clipper's opening and closing, to the chords' few millimetres along its ~300 m
    const ref = clipperSmoothed(field, 0.9, R, TOL);
    expect(areaOf(lap ?? []) + areaOf(ref) - 2 * areaOf(intersectPolygons(lap ?? [], ref))).toBeLessThan(0.5);
    // the S leaves the lower edge (y = 49.1) and reaches the upper one (y = 51.1) within R + 2R of the step
    const upper = (lap?.[0].outer ?? []).filter((p) => p[0] > 40 && p[0] < 60);
    expect(Math.min(...upper.filter((p) => Math.abs(p[1] - 49.1) < 1e-6).map((p) => p[0]))).toBeLessThan(50);
    expect(Math.max(...upper.filter((p) => Math.abs(p[1] - 49.1) < 1e-6).map((p) => p[0]))).toBeGreaterThan(45);
  });

  it('property (seeded): where fillets fit they are tangent with radius ≥ R, the ring stays simple, and the lap matches the opening and closing', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.constantFrom('convex', 'concave', 'holes'),
        fc.constantFrom(0, 1),
        (seed, kind, k) => {
          const field = randomParsedField(seed, kind as 'convex', { minAreaHa: 0.5, maxAreaHa: 3 }).polygon;
          const d = (k + 0.5) * 1.8;
          const lap = filletLap(offsetPolygons([field], -d, 'miter', undefined, 10), { radiusM: R, offsetM: d, arcToleranceM: TOL });
          if (!lap) return;
          // tangent joins and radius ≥ R along every ring, and within ~1 cm of Clipper's opening and closing along the lap
          expectLapLikeOffsets(field, d, lap, R, TOL, false);
          if (kind === 'convex')
            for (const q of lap[0].outer) {
              expect(pointInPolygon(q, field)).toBe(true);
              expect(distToRing(q, field.outer)).toBeGreaterThan(d - 2e-3);
            }
        },
      ),
      { seed: 1207, numRuns: 60 },
    );
  });

  it('planHeadland rounds both transplanter laps of a rectangle to the 2 m turning radius', () => {
    const field: PolygonM = {
      outer: [
        [0, 0],
        [80, 0],
        [80, 40],
        [0, 40],
      ],
      holes: [],
    };
    const h = planHeadland(field, 1.8, 2, R);
    expect(h.smoothedLaps).toBe(2);
    for (const rings of h.rings) for (const ring of rings) expect(worstTurnRatio(ring, R)).toBeLessThan(1.01);
  });
});
