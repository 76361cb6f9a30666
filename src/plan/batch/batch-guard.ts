/**
 * The batch-level planning guard: the per-field guard (complexity.ts) keeps each field to about
 * 2 s on one core, but a file may hold 10,000 of them. Before any work, each field's planning
 * time is estimated from its boundary vertices and swaths, and a batch whose sum is over
 * `maxBatchPlanS` is refused with `PLAN_BATCH_TOO_LARGE`, saying how to split it.
 */
import { PlanError } from '../../errors.js';
import type { Field } from '../../field/index.js';
import { estimatedSwaths, fieldVertexCount, PLAN_LIMITS } from '../complexity.js';
import type { PlanOptions } from '../types.js';

/** Default of {@link BatchOptions}.maxBatchPlanS. */
export const BATCH_LIMITS = {
  /**
   * Most estimated planning time of one batch, CPU seconds of one core (5 minutes). A whole
   * commune's paddies (a few thousand 0.1–0.5 ha fields at 10–40 ms) is well inside; 10,000
   * fields at the per-field limit (~0.3–2 s each) are not.
   */
  maxBatchPlanS: 300,
} as const;

/**
 * Estimated CPU ms to plan one field: a fixed part, swaths (each is clipped and routed), swaths
 * × vertices (each swath is cut by the whole boundary) and vertices² (transits search the
 * visibility graph of reflex corners). Coefficients fitted to CPU times of planField on the
 * shared 2-core machine (2026-12-07, drone and transplanter, 4–500 vertices, 7–1,000 swaths;
 * e.g. a 400-vertex 12 ha field with a transplanter, 257 swaths: measured 605 ms, estimated 608);
 * they over-estimate large simple fields (1,000 swaths: ~750 ms estimated for ~130–260 ms), and
 * the 111 sample fields of fields/ (1.0 s estimated for 0.6 s with the drone, 2.2 s for 0.7 s with
 * the transplanter), so an accepted batch plans within its estimate.
 * A field the per-field guard refuses costs next to nothing: 1 ms.
 */
export function estimatedPlanMs(field: Field, workingWidthM: number, options: PlanOptions = {}): number {
  const vertices = fieldVertexCount(field);
  const swaths = estimatedSwaths(field, workingWidthM);
  const maxSwaths = options.maxSwaths ?? PLAN_LIMITS.maxSwaths;
  if (vertices > (options.maxVertices ?? PLAN_LIMITS.maxVertices) || swaths > maxSwaths) return 1;
  return 5 + 0.5 * swaths + 0.004 * vertices * swaths + 0.0004 * vertices * vertices;
}

/**
 * Refuses a batch whose estimated planning time is over `maxBatchPlanS` (`Infinity` or 0 turn it off).
 * @throws PlanError `PLAN_BATCH_TOO_LARGE` with the fields, the estimate and the limit;
 *   `PLAN_INVALID_OPTION` for a limit that is not a number ≥ 0
 * @example
 * ```ts
 * checkBatchPlanTime(fields, getVehicle('drone').workingWidthM, {}, 300); // throws for ~10,000 complex fields
 * ```
 */
export function checkBatchPlanTime(
  fields: Field[],
  workingWidthM: number,
  options: PlanOptions,
  maxBatchPlanS: number = BATCH_LIMITS.maxBatchPlanS,
): void {
  if (!(typeof maxBatchPlanS === 'number' && maxBatchPlanS >= 0))
    throw new PlanError(
      'PLAN_INVALID_OPTION',
      `option maxBatchPlanS must be a number of seconds ≥ 0 (0: no limit), got ${String(maxBatchPlanS)}`,
      { key: 'maxBatchPlanS' },
    );
  if (maxBatchPlanS === 0 || maxBatchPlanS === Infinity) return;
  let totalMs = 0;
  for (const field of fields) totalMs += estimatedPlanMs(field, workingWidthM, options);
  if (totalMs / 1000 <= maxBatchPlanS) return;
  const estimatedS = Math.round(totalMs / 100) / 10;
  const parts = Math.ceil(totalMs / 1000 / maxBatchPlanS);
  throw new PlanError(
    'PLAN_BATCH_TOO_LARGE',
    `${fields.length} fields would take about ${estimatedS} s of planning on one core, over the batch limit of ${maxBatchPlanS} s: ` +
      `split them into ${parts} or more files, simplify the boundaries (fewer vertices), or raise maxBatchPlanS`,
    { fields: fields.length, estimatedS, limitS: maxBatchPlanS },
  );
}
