import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readFieldFile } from '../../src/field/index.js';
import { planField } from '../../src/plan/index.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { checkPlan } from '../helpers/check-plan.js';

const files = readdirSync('fields').filter((f) => f.endsWith('.geojson'));

describe('planner on every sample field, checked by ../shared/tools/check-plan.mjs', () => {
  it('has sample fields to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });
  for (const file of files)
    for (const vehicleId of ['drone', 'transplanter'])
      it(`${file} with the ${vehicleId}`, async () => {
        const fields = await readFieldFile(`fields/${file}`);
        for (const field of fields.slice(0, 2)) {
          const plan = planField(field, getVehicle(vehicleId));
          const check = checkPlan(plan);
          expect(check.problems).toEqual([]);
          expect(check.outsidePts).toBe(0);
          expect(check.coveragePct).toBeGreaterThanOrEqual(99.5);
          if (check.convex) expect(plan.metrics.swaths.count).toBeLessThanOrEqual(check.lowerBound + 1);
          // our own estimate agrees with the independent checker to within a percent
          expect(Math.abs(plan.metrics.coveragePct - check.coveragePct)).toBeLessThan(1);
          expect(plan.metrics.turns.outsideField).toBe(0);
        }
      });
});

describe('the vendored checker', () => {
  it('is the same bytes as ../shared/tools/check-plan.mjs when that is present', async () => {
    const { existsSync, readFileSync } = await import('node:fs');
    const shared = '../shared/tools/check-plan.mjs';
    const vendored = readFileSync('tests/helpers/vendor/check-plan.mjs', 'utf8');
    expect(vendored).toContain('Independent check of an agrisim plan');
    if (existsSync(shared)) expect(vendored).toBe(readFileSync(shared, 'utf8'));
  });
});
