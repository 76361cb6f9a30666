/**
 * Real-field regression set (issue 17): every boundary of fields/real planned for both
 * vehicles and compared with tests/plan/real/baseline.json. A change that lowers coverage
 * under the bar or makes overlap, path length or swath count worse than the baseline fails;
 * a change that improves them updates the baseline (tests/plan/real/update-baseline.ts).
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Field } from '../../../src/field/types.js';
import type { Plan } from '../../../src/plan/types.js';
import { convexHull, signedArea } from '../../../src/geometry/index.js';
import { type CheckResult, checkPlan, checkPlanAsync } from '../../helpers/check-plan.js';
import { BASELINE_FILE, median, planReal, realFields, rowOf, VEHICLE_IDS, type RealRow } from './real-set.js';

const baseline = JSON.parse(readFileSync(BASELINE_FILE, 'utf8')) as { rows: RealRow[] };
const base = (field: string, vehicle: string) => baseline.rows.find((r) => r.field === field && r.vehicle === vehicle);

/** Overlap may move this many points of percentage by sampling noise before it counts as worse. */
const OVERLAP_TOL_PCT = 0.5;
/** Path length may grow this share before it counts as worse. */
const PATH_TOL = 0.02;
/** The DESIGN.md coverage bar, %. */
const COVERAGE_BAR_PCT = 99.5;

/**
 * Fields still under the coverage bar, planner and checker agreeing. Empty: the drone's
 * nl-brp-2023-085 (99.37 % with its lap, a sliver along a hole) is covered since the drone
 * plans no lap there. The test fails if this list grows.
 */
const KNOWN_UNDER_BAR: Record<string, string[]> = { drone: [], transplanter: [] };

let fields: Field[] = [];
/** Every field's plan, by vehicle, in the order of `fields`: planned once, read by every test. */
const plans = new Map<string, Plan[]>();
const rows = new Map<string, RealRow[]>();

beforeAll(async () => {
  fields = await realFields();
  for (const v of VEHICLE_IDS) {
    plans.set(
      v,
      fields.map((f) => planReal(f, v)),
    );
    rows.set(
      v,
      plans.get(v)!.map((plan) => rowOf(plan, v)),
    );
  }
}, 120_000);

describe('real-field regression set (fields/real)', () => {
  it('has at least 30 real fields, each with a baseline for both vehicles', () => {
    expect(fields.length).toBeGreaterThanOrEqual(30);
    for (const f of fields) for (const v of VEHICLE_IDS) expect(base(f.id, v), `${f.id} ${v}`).toBeDefined();
  });

  for (const vehicle of VEHICLE_IDS)
    describe(`with the ${vehicle}`, () => {
      it(`covers every field to ≥ ${COVERAGE_BAR_PCT} % but the known ones (the planner's estimate, corner rule)`, () => {
        // a field the baseline already has under the bar may not drop further (known, listed)
        const low = rows
          .get(vehicle)!
          .filter((r) => r.coveragePct < Math.min(COVERAGE_BAR_PCT, base(r.field, vehicle)!.coveragePct - 0.02))
          .map((r) => `${r.field} ${r.coveragePct}`);
        expect(low).toEqual([]);
        const known = rows
          .get(vehicle)!
          .filter((r) => r.coveragePct < COVERAGE_BAR_PCT)
          .map((r) => r.field);
        expect(known).toEqual(KNOWN_UNDER_BAR[vehicle]);
      });

      it('keeps swaths within the lower bound + 1 on (near-)convex fields, as the checker counts them', () => {
        // the checker's rule: no hole and the hull at most 0.5 % larger than the field
        const convex = new Set(
          fields
            .filter((f) => f.polygon.holes.length === 0 && signedArea(convexHull(f.polygon.outer)) < 1.005 * signedArea(f.polygon.outer))
            .map((f) => f.id),
        );
        expect(convex.size).toBeGreaterThan(10);
        const over = rows
          .get(vehicle)!
          .filter((r) => convex.has(r.field) && r.swaths > r.lowerBound + 1)
          .map((r) => `${r.field} ${r.swaths} > ${r.lowerBound} + 1`);
        expect(over).toEqual([]);
      });

      it('is no worse than the baseline on overlap, path length and working passes, field by field', () => {
        const worse: string[] = [];
        for (const r of rows.get(vehicle)!) {
          const b = base(r.field, vehicle)!;
          if (r.overlapPct > b.overlapPct + OVERLAP_TOL_PCT) worse.push(`${r.field} overlap ${b.overlapPct} → ${r.overlapPct} %`);
          if (r.pathM > b.pathM * (1 + PATH_TOL)) worse.push(`${r.field} path ${b.pathM} → ${r.pathM} m`);
          if (r.passes > b.passes + 1) worse.push(`${r.field} working passes ${b.passes} → ${r.passes}`);
        }
        expect(worse).toEqual([]);
      });

      it('keeps the medians and totals at or under the baseline', () => {
        const now = rows.get(vehicle)!,
          was = baseline.rows.filter((r) => r.vehicle === vehicle);
        expect(median(now.map((r) => r.overlapPct))).toBeLessThanOrEqual(median(was.map((r) => r.overlapPct)) + 0.1);
        expect(now.reduce((a, r) => a + r.pathM, 0)).toBeLessThanOrEqual(was.reduce((a, r) => a + r.pathM, 0) * 1.005);
        // swaths over the lower bound (a multirotor's lap traded for two swaths is not over it)
        const excess = (rs: RealRow[]) => rs.reduce((a, r) => a + Math.max(0, r.swaths - r.lowerBound), 0);
        expect(excess(now)).toBeLessThanOrEqual(excess(was));
      });

      if (vehicle === 'drone')
        it('meets the issue 17 overlap goal: median ≤ 5 % (no lap where the drone does not need one)', () => {
          expect(median(rows.get(vehicle)!.map((r) => r.overlapPct))).toBeLessThanOrEqual(5);
        });

      if (vehicle === 'transplanter')
        it('the checker counts the narrowed passes and row steps: overlap median 3.70 % (4.59 % without steps, 5.81 % with the leftover spread), every field covered', async () => {
          // each swath feature carries its own widthM; the checker reads it per swath. The rest of
          // the overlap (tests/plan/real/checker-overlap.ts) is mostly the checker's 2 cm footprint
          // tolerance (two passes that meet share a 4 cm strip: 1.8 % of a field in 1.8 m passes)
          // and swath ends' round caps under the laps (0.6 %)
          // two checker processes at a time over the plans made once in beforeAll
          const queue = [...plans.get(vehicle)!];
          const checks: CheckResult[] = [];
          const checkNext = async (): Promise<void> => {
            for (let plan = queue.shift(); plan; plan = queue.shift()) checks.push(await checkPlanAsync(plan));
          };
          await Promise.all([checkNext(), checkNext()]);
          expect(checks).toHaveLength(fields.length);
          expect(median(checks.map((c) => c.overlapPct))).toBeLessThanOrEqual(3.8);
          expect(checks.filter((c) => c.coveragePct < COVERAGE_BAR_PCT || c.outsidePts > 0)).toEqual([]);
        }, 180_000);

      it('passes the independent checker on the three fields of lowest baseline coverage', () => {
        const hardest = baseline.rows
          .filter((r) => r.vehicle === vehicle && !KNOWN_UNDER_BAR[vehicle].includes(r.field))
          .sort((a, b) => a.coveragePct - b.coveragePct)
          .slice(0, 3);
        for (const b of hardest) {
          const plan = plans.get(vehicle)!.find((p) => p.field.id === b.field)!;
          const c = checkPlan(plan);
          expect(c.outsidePts, b.field).toBe(0);
          expect(c.coveragePct, b.field).toBeGreaterThanOrEqual(COVERAGE_BAR_PCT);
          expect(Math.abs(c.coveragePct - plan.metrics.coveragePct), b.field).toBeLessThan(0.5);
        }
      }, 60_000);
    });
});
