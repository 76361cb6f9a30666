/**
 * Row steps of a sweep's swaths, worked out once for the layout the planner keeps: the sweep
 * records what each swath's steps are worked out from as it lays the swaths out (a table per
 * sweep), and {@link addRowSteps} works them out for the one sweep kept.
 */
import type { PolygonM } from '../../geometry/index.js';
import { rowExtentsInto } from './swath-ends.js';
import { rowStepsFlat, type RowStep } from './row-steps.js';
import type { SweepPlan, SweepSwath } from './sweep-types.js';

/**
 * What the row steps of a sweep's swaths are worked out from, per swath that may get them (in
 * the order made): the swath (undefined once merged across a notch: one straight piece), its
 * part, and {@link STEP_NUMS} numbers: its strip lo, hi, its centre interval a, b, its bound
 * interval u, v and its pass's width; and the implement's row width.
 */
export interface StepTable {
  swaths: (SweepSwath | undefined)[];
  parts: PolygonM[];
  nums: number[];
  sectionWidthM: number;
}

/** Numbers per swath in a {@link StepTable}. */
const STEP_NUMS = 7;

/**
 * Each sweep's {@link StepTable}. The angle search sweeps many layouts and keeps one: steps are
 * worked out for that one only ({@link addRowSteps}). One entry per sweep, not per swath: each
 * entry of a weak map costs the collector.
 */
const stepTables = new WeakMap<SweepPlan, StepTable>();

/** An empty table for a sweep of an implement with rows `sectionWidthM` wide. */
export function newStepTable(sectionWidthM: number): StepTable {
  return { swaths: [], parts: [], nums: [], sectionWidthM };
}

/** Keeps `table` as the sweep `plan`'s (its row steps are worked out from it by {@link addRowSteps}). */
export function keepStepTable(plan: SweepPlan, table: StepTable): void {
  stepTables.set(plan, table);
}

/** Keeps the tables of `sweeps`, joined in order, as the joined sweep `plan`'s. */
export function joinStepTables(sweeps: SweepPlan[], plan: SweepPlan): void {
  const joined = newStepTable(0);
  for (const p of sweeps) {
    const t = stepTables.get(p);
    if (!t) continue;
    for (const s of t.swaths) joined.swaths.push(s);
    for (const part of t.parts) joined.parts.push(part);
    for (const x of t.nums) joined.nums.push(x);
    joined.sectionWidthM = t.sectionWidthM;
  }
  if (joined.sectionWidthM > 0) stepTables.set(plan, joined);
}

/** Scratch of {@link steppedEnds}: each row's interval (flat) and whether it needs one. */
let needScratch = new Float64Array(16),
  hasScratch = new Uint8Array(8);

/**
 * Sets `steps` on the swaths of a sweep (made by {@link sweepSwaths} with `bound` and
 * `sectionWidthM`, or joined from such by {@link joinSweeps}) whose ends slant across the edge
 * enough to pay for switching rows off one group at a time (see `rowSteps`). Done once, on the
 * layout the planner keeps.
 */
export function addRowSteps(plan: SweepPlan): void {
  const table = stepTables.get(plan);
  if (!table) return;
  const { swaths, parts, nums } = table;
  for (let i = 0; i < swaths.length; i++) {
    const s = swaths[i];
    if (!s) continue;
    const o = STEP_NUMS * i;
    const steps = steppedEnds(s.y, parts[i], nums, o, table.sectionWidthM);
    if (steps) s.steps = steps;
  }
}

/**
 * Row steps of the swath on the line y whose {@link StepTable} numbers start at `nums[o]` (see
 * `rowSteps`), clipped to its bound interval; undefined when one piece serves.
 */
function steppedEnds(y: number, part: PolygonM, nums: number[], o: number, sectionWidthM: number): RowStep[] | undefined {
  const lo = nums[o],
    hi = nums[o + 1],
    a = nums[o + 2],
    b = nums[o + 3],
    u = nums[o + 4],
    v = nums[o + 5],
    passWidthM = nums[o + 6];
  const n = Math.round(passWidthM / sectionWidthM);
  if (hasScratch.length < n) [needScratch, hasScratch] = [new Float64Array(4 * n), new Uint8Array(2 * n)];
  const need = needScratch,
    has = hasScratch;
  rowExtentsInto(part, lo, hi, a, b, y - passWidthM / 2, n, sectionWidthM, need, has);
  for (let k = 0; k < n; k++) {
    if (!has[k]) continue;
    const x0 = Math.max(need[2 * k], u),
      x1 = Math.min(need[2 * k + 1], v);
    if (x1 > x0) {
      need[2 * k] = x0;
      need[2 * k + 1] = x1;
    } else has[k] = 0;
  }
  const steps = rowStepsFlat(need, has, n, -passWidthM / 2, sectionWidthM);
  return steps && steps.length > 1 ? steps : undefined;
}
