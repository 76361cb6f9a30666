import { describe, expect, it } from 'vitest';
import { planField, planToGeoJson } from '../../src/plan/index.js';
import { bandPasses, rowsNeeded } from '../../src/plan/swaths/last-pass.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { checkPlan } from '../helpers/check-plan.js';
import { fieldM, rectM } from '../helpers/fields.js';

/** The transplanter with its row clutches taken away: every pass full width, the leftover spread. */
const fullWidthOnly = () => ({ ...getVehicle('transplanter'), sectionWidthM: undefined });

describe('narrowed last pass: rows the leftover needs', () => {
  it('rounds the leftover up to whole 0.30 m rows, one to six', () => {
    expect(rowsNeeded(1.4, 1.8, 0.3)).toBe(5); // 4.67 rows → 5 (1.5 m)
    expect(rowsNeeded(1.2, 1.8, 0.3)).toBe(4); // exactly 4 rows, not 5 by rounding error
    expect(rowsNeeded(0.9, 1.8, 0.3)).toBe(3);
    expect(rowsNeeded(0.05, 1.8, 0.3)).toBe(1);
    expect(rowsNeeded(1.7, 1.8, 0.3)).toBe(6); // 5.67 rows: the whole implement
  });

  it('a 14 m band in 1.8 m passes: 7 full passes side by side, then 5 rows (1.5 m) on the upper edge', () => {
    const p = bandPasses(14, 1.8, 0.3);
    expect(p).toHaveLength(8); // ceil(14 / 1.8), as without sections
    for (let j = 0; j < 7; j++) {
      expect(p[j].widthM).toBe(1.8);
      expect(p[j].offsetM).toBeCloseTo(0.9 + 1.8 * j, 9);
    }
    expect(p[7].widthM).toBeCloseTo(1.5, 9);
    expect(p[7].offsetM).toBeCloseTo(14 - 0.75, 9); // its edge on the band's edge
    // it overlaps its neighbour by 1.5 − 1.4 = 0.1 m (under a row), where the even spread
    // overlapped every pair by (8 × 1.8 − 14) / 7 = 0.057 m, 0.4 m in all
    expect(p[6].offsetM + 0.9 - (p[7].offsetM - 0.75)).toBeCloseTo(0.1, 9);
    expect(p[7].loM).toBeCloseTo(12.6, 9);
    expect(p[7].hiM).toBe(14);
  });

  it('a band narrower than the implement gets one pass of the rows it needs, centred', () => {
    expect(bandPasses(1, 1.8, 0.3)).toEqual([{ offsetM: 0.5, widthM: expect.closeTo(1.2, 9), loM: 0, hiM: 1 }]);
  });

  it('without sections the passes stay evenly spread at full width', () => {
    const p = bandPasses(14, 1.8);
    expect(p.map((q) => q.widthM)).toEqual(Array(8).fill(1.8));
    expect(p[1].offsetM - p[0].offsetM).toBeCloseTo((14 - 1.8) / 7, 9);
  });
});

describe('a paddy with a narrowed last pass, end to end', () => {
  // 21.2 m wide: inside the transplanter's two laps (3.6 m each side) a 14.0 m band
  const field = fieldM([rectM(100, 21.2)], 'narrowed');

  it('plans one 5-row pass, exported with its own widthM, and the checker counts less overlap', () => {
    const plan = planField(field, getVehicle('transplanter'));
    const narrowed = plan.route.filter((s) => s.kind === 'swath' && s.widthM !== undefined);
    expect(narrowed).toHaveLength(1);
    expect(narrowed[0].widthM).toBeCloseTo(1.5, 9);
    expect(plan.metrics.swaths.count).toBe(8);
    const swathFeatures = planToGeoJson(plan).features.filter((f) => f.properties.kind === 'swath');
    expect(swathFeatures.filter((f) => f.properties.widthM !== 1.8).map((f) => f.properties.widthM)).toEqual([narrowed[0].widthM]);

    const spread = planField(field, fullWidthOnly());
    expect(spread.route.some((s) => s.widthM !== undefined)).toBe(false);
    const [a, b] = [checkPlan(plan), checkPlan(spread)];
    expect(a.problems).toEqual([]);
    expect(a.coveragePct).toBeGreaterThanOrEqual(99.5);
    // measured: 4.76 % against 5.80 % with the leftover spread over full-width passes
    expect(a.overlapPct).toBeLessThan(b.overlapPct - 0.8);
    expect(plan.metrics.coveragePct).toBeGreaterThanOrEqual(99.5);
  });

  it("its sorties count trays and planted area at each pass's own width", () => {
    const v = getVehicle('transplanter');
    if (v.payload.kind !== 'trays') throw new Error('the transplanter carries trays');
    const plan = planField(field, v);
    const swaths = plan.route.filter((s) => s.kind === 'swath');
    const lengthM = (s: (typeof swaths)[number]) =>
      s.points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p[0] - s.points[i][0], p[1] - s.points[i][1]), 0);
    const areaM2 = swaths.reduce((sum, s) => sum + lengthM(s) * (s.widthM ?? v.workingWidthM), 0);
    const workedM2 = plan.sorties.reduce((sum, s) => sum + s.workedM2, 0);
    const trays = plan.sorties.reduce((sum, s) => sum + s.used, 0);
    expect(workedM2).toBeCloseTo(areaM2, 6);
    expect(trays).toBeCloseTo((areaM2 / 10_000) * v.payload.traysPerHa, 6);
    // the 5-row pass saves one row (0.30 m) along its length against a full-width count
    const narrowed = swaths.find((s) => s.widthM !== undefined);
    const fullWidthM2 = swaths.reduce((sum, s) => sum + lengthM(s) * v.workingWidthM, 0);
    expect(fullWidthM2 - workedM2).toBeCloseTo(lengthM(narrowed as (typeof swaths)[number]) * 0.3, 6);
  });

  it('a width that is not whole rows has no row clutches: every pass full width', () => {
    const v = getVehicle('transplanter', { workingWidthM: 1.75 });
    expect(v.sectionWidthM).toBeUndefined();
    expect(getVehicle('transplanter', { workingWidthM: 2.4 }).sectionWidthM).toBe(0.3); // 8 rows
    expect(planField(field, v).route.some((s) => s.widthM !== undefined)).toBe(false);
  });
});
