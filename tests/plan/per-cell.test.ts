import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFieldFile } from '../../src/field/index.js';
import { lineIntervals, planField } from '../../src/plan/index.js';
import { bandExtent } from '../../src/plan/swaths/swath-ends.js';
import { linesAcrossAtLeast, notchCorners, perCellRegions } from '../../src/plan/swaths/per-cell.js';
import type { PolygonM, XY } from '../../src/geometry/types.js';
import { intersectPolygons, signedArea, unionPolygons } from '../../src/geometry/index.js';
import { bestAngle, swathsAt } from '../../src/plan/swaths/best-angle.js';
import { arbParsedField } from '../helpers/random-fields.js';
import { getVehicle } from '../../src/vehicles/index.js';

const poly = (outer: XY[]): PolygonM => ({ outer, holes: [] });

describe('swath ends (bandExtent): the implement covers its own strip to the edge and no further', () => {
  it('a rectangle: the ends are the edges', () => {
    const rect = poly([
      [0, 0],
      [100, 0],
      [100, 10],
      [0, 10],
    ]);
    const [e0, e1] = bandExtent(rect, 5, 2, 8, 0, 100, 3);
    expect(e0).toBeCloseTo(0, 6);
    expect(e1).toBeCloseTo(100, 6);
  });

  it("a slanted end: the swath runs to the strip's far corner, not past it", () => {
    // right edge from (100, 0) to (110, 10): the strip 2 < y < 8 reaches x = 108
    const trap = poly([
      [0, 0],
      [100, 0],
      [110, 10],
      [0, 10],
    ]);
    const [, e1] = bandExtent(trap, 5, 2, 8, 0, 105, 3);
    expect(e1).toBeCloseTo(108, 2);
  });

  it('property (seeded): every point of a random quadrilateral strip lies between the swath ends', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: -40, max: 40, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (dl, dr, r, frac) => {
          // a trapezoid 200 m long, 40 m high, with slanted ends; a strip around y = 20
          const part = poly([
            [0, 0],
            [200, 0],
            [200 + dr, 40],
            [dl, 40],
          ]);
          const y = 20,
            h = r * frac;
          const [a, b] = lineIntervals([part], y)[0];
          const [x0, x1] = bandExtent(part, y, y - h, y + h, a, b, r);
          let lo = Infinity,
            hi = -Infinity;
          for (let k = 0; k <= 8; k++) {
            const sy = y - h + 1e-3 + ((2 * h - 2e-3) * k) / 8;
            for (const [u, v] of lineIntervals([part], sy)) [lo, hi] = [Math.min(lo, u), Math.max(hi, v)];
          }
          // covers every sampled point of the strip, and reaches no further than the strip does
          expect(x0).toBeLessThanOrEqual(lo + 1e-6);
          expect(x1).toBeGreaterThanOrEqual(hi - 1e-6);
          expect(x0).toBeGreaterThanOrEqual(lo - Math.abs(dl) * (2e-3 / 40) - 1e-3);
          expect(x1).toBeLessThanOrEqual(hi + Math.abs(dr) * (2e-3 / 40) + 1e-3);
        },
      ),
      { seed: 17, numRuns: 200 },
    );
  });
});

describe('per-cell sweep angles', () => {
  it('a convex field has no notch corner', () => {
    expect(
      notchCorners(
        poly([
          [0, 0],
          [100, 0],
          [100, 40],
          [0, 40],
        ]),
        5,
      ),
    ).toEqual([]);
  });

  it('an L is cut at its notch into two arms, each swept along its length', () => {
    const L = poly([
      [0, 0],
      [120, 0],
      [120, 40],
      [40, 40],
      [40, 110],
      [0, 110],
    ]);
    const regions = perCellRegions(L, 7)!;
    expect(regions).toHaveLength(2);
    expect(regions.reduce((a, r) => a + r.swaths, 0)).toBe(12); // ceil(40 / 7) per arm
  });

  it('the L-shaped sample paddy is within one swath of its per-cell optimum for both vehicles', async () => {
    const [field] = await readFieldFile('fields/l-shaped-paddy.geojson');
    // per-cell optimum: each arm swept along its length, across its width inside the laps; the
    // laps' inner edge rounds the notch (an arc about the field's corner), so one arm's cell
    // reaches the corner: 40 m less one band of laps, the other 40 m less two
    const optimum = (w: number, laps: number) => Math.ceil((40 - laps * w) / w - 1e-9) + Math.ceil((40 - 2 * laps * w) / w - 1e-9);
    // (the drone takes its one lap only where that works less twice; it may take none)
    for (const [id, laps] of [
      ['drone', [0, 1]],
      ['transplanter', [2]],
    ] as const) {
      const plan = planField(field, getVehicle(id));
      expect(laps).toContain(plan.headland.laps);
      expect(plan.metrics.swaths.count, id).toBeLessThanOrEqual(optimum(plan.vehicle.workingWidthM, plan.headland.laps) + 1);
      expect(plan.metrics.coveragePct).toBeGreaterThanOrEqual(99.5);
    }
  });
});

describe('per-cell regions of random concave fields (seeded)', () => {
  it('partition the part, each region at its own best angle with the swaths that angle needs', () => {
    let split = 0;
    fc.assert(
      fc.property(arbParsedField('concave', { minAreaHa: 0.5, maxAreaHa: 5 }), fc.constantFrom(1.8, 7), (field, widthM) => {
        const part = field.polygon;
        const regions = perCellRegions(part, widthM);
        if (!regions || regions.length < 2) return;
        split++;
        const areaOf = (p: PolygonM) => Math.abs(signedArea(p.outer)) - p.holes.reduce((a, h) => a + Math.abs(signedArea(h)), 0);
        // the regions cover the part once (Clipper rounds to the millimetre)
        const sum = regions.reduce((a, r) => a + areaOf(r.polygon), 0);
        expect(Math.abs(sum - areaOf(part))).toBeLessThan(1e-3 * areaOf(part));
        for (const r of regions) {
          // merged at one of its halves' angles, then searched on its own: the angle search's answer
          const own = bestAngle(r.polygon, [r.polygon], widthM);
          expect(r.angleRad).toBe(own.angleRad);
          expect(r.swaths).toBe(own.swaths);
          expect(swathsAt(r.polygon, r.angleRad, widthM)).toBe(r.swaths);
        }
      }),
      { seed: 23, numRuns: 60 },
    );
    // the property was exercised on real splits
    expect(split).toBeGreaterThan(5);
  });
});

describe('linesAcrossAtLeast: the merge step skips an angle by the lines across a pair', () => {
  it('never exceeds the swaths counted on the union (halves of random fields cut at random levels)', () => {
    let bounded = 0;
    fc.assert(
      fc.property(
        arbParsedField('concave', { minAreaHa: 0.05, maxAreaHa: 5 }),
        fc.constantFrom(1.8, 7),
        fc.double({ min: 0.1, max: 0.9, noNaN: true }),
        fc.double({ min: 0, max: Math.PI, noNaN: true }),
        (field, widthM, at, angleRad) => {
          const p = field.polygon;
          const ys = p.outer.map((q) => q[1]);
          const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
          const cut = y0 + at * (y1 - y0);
          const xs = p.outer.map((q) => q[0]);
          const box = (lo: number, hi: number): PolygonM =>
            poly([
              [Math.min(...xs) - 1, lo],
              [Math.max(...xs) + 1, lo],
              [Math.max(...xs) + 1, hi],
              [Math.min(...xs) - 1, hi],
            ]);
          const [a] = intersectPolygons([p], [box(y0 - 1, cut)]);
          const [b] = intersectPolygons([p], [box(cut, y1 + 1)]);
          if (!a || !b) return;
          const u = unionPolygons([a, b]);
          if (u.length !== 1) return;
          const least = linesAcrossAtLeast(a, b, angleRad, widthM);
          expect(least).toBeLessThanOrEqual(swathsAt(u[0], angleRad, widthM));
          if (least > 1) bounded++;
        },
      ),
      { seed: 41, numRuns: 300 },
    );
    expect(bounded).toBeGreaterThan(100);
  });
});

describe('perCellRegions under a swath limit (a part that is the whole area)', () => {
  it('gives the full search’s split when it has two regions or more within the limit, else undefined (random concave fields, field 130)', async () => {
    const [f130] = await readFieldFile('fields/real/ee-f2c-field-130.geojson');
    const parts: [PolygonM, number][] = [
      [f130.polygon, 1.8],
      [f130.polygon, 7],
    ];
    fc.assert(
      fc.property(arbParsedField('concave', { minAreaHa: 0.5, maxAreaHa: 5 }), fc.constantFrom(1.8, 7), (field, widthM) => {
        parts.push([field.polygon, widthM]);
      }),
      { seed: 43, numRuns: 40 },
    );
    let kept = 0,
      refused = 0;
    for (const [part, widthM] of parts) {
      const full = perCellRegions(part, widthM);
      const total = full?.reduce((a, r) => a + r.swaths, 0) ?? 0;
      for (const slack of [-3, -1, 0, 1, 5]) {
        const maxSwaths = total + slack;
        const useful = full !== undefined && full.length >= 2 && total <= maxSwaths;
        const got = perCellRegions(part, widthM, maxSwaths);
        if (useful) {
          kept++;
          expect(got).toEqual(full);
        } else {
          refused++;
          expect(got).toBeUndefined();
        }
      }
    }
    // both answers were met
    expect(kept).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  });
});
