/**
 * The layout's footprint estimate draws each headland's laps with the field's cells and corners
 * once and adds each layout's swaths to them: the same counts as one raster of every path drawn
 * together (fast-check, seeded).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rotate } from '../../src/geometry/index.js';
import { planLayout } from '../../src/plan/layout.js';
import { footprintEstimate, layoutPaths } from '../../src/plan/layout-cost.js';
import { coverageGrid, footprintPasses } from '../../src/plan/metrics/coverage.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { arbParsedField, randomPointInBox } from '../helpers/random-fields.js';

/** The estimate as one raster of swaths and laps together (how layout.ts drew it before). */
function jointEstimate(l: ReturnType<typeof planLayout>, field: Parameters<typeof coverageGrid>[0], widthM: number) {
  const { paths, widthsM } = layoutPaths(l);
  for (const rings of l.headland.rings) for (const r of rings) paths.push([...r, r[0]]);
  const g = coverageGrid(field, paths, widthM, 2_500, widthsM);
  let twice = 0,
    none = 0;
  for (let k = 0; k < g.passes.length; k++) {
    if (!g.inField[k] || g.excluded[k]) continue;
    if (g.passes[k] >= 2) twice++;
    else if (g.passes[k] === 0) none++;
  }
  const cellM2 = g.stepM * g.stepM;
  return { overlapM2: twice * cellM2, gapM2: none * cellM2 };
}

describe('footprint estimates painted in parts', () => {
  for (const vehicleId of ['drone', 'transplanter'] as const)
    it(`equal one raster of all paths, ${vehicleId}, with laps`, () => {
      const vehicle = getVehicle(vehicleId);
      fc.assert(
        fc.property(arbParsedField('concave', { minAreaHa: 0.3, maxAreaHa: 3 }), fc.integer({ min: 1, max: 2 }), (field, laps) => {
          const l = planLayout(field.polygon, vehicle, { headlandLaps: laps }, field.areaM2);
          expect(footprintEstimate(l, field.polygon, vehicle.workingWidthM)).toEqual(
            jointEstimate(l, field.polygon, vehicle.workingWidthM),
          );
        }),
        { seed: 23, numRuns: 8 },
      );
    });

  it('footprintPasses paints the passes of coverageGrid, on its frame', () => {
    fc.assert(
      fc.property(arbParsedField('holes', { minAreaHa: 0.05, maxAreaHa: 2 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
        const at = randomPointInBox(field, seed);
        const paths = Array.from({ length: 6 }, () => [at(), at(), at()]);
        const widths = [undefined, 1.5, undefined, 0.9, undefined, undefined];
        expect(footprintPasses(field.polygon, paths, 1.8, 2_500, widths)).toEqual(
          coverageGrid(field.polygon, paths, 1.8, 2_500, widths).passes,
        );
      }),
      { seed: 23, numRuns: 20 },
    );
  });

  it("layoutPaths: each swath's ends rotated into the world frame as `rotate` does, bit for bit", () => {
    const vehicle = getVehicle('transplanter');
    fc.assert(
      fc.property(arbParsedField('concave', { minAreaHa: 0.3, maxAreaHa: 3 }), (field) => {
        const l = planLayout(field.polygon, vehicle, {}, field.areaM2);
        const want = l.sweep.swaths.flatMap((cell, i) => {
          const a = l.sweep.cellAngles?.[i] ?? l.angleRad;
          return cell.map((s) => [rotate([s.x0, s.y], a), rotate([s.x1, s.y], a)]);
        });
        expect(layoutPaths(l).paths).toEqual(want);
      }),
      { seed: 24, numRuns: 8 },
    );
  });
});
