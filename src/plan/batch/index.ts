/** Batch planning: many fields, one vehicle, on worker threads when it pays off. */
export { planFieldsParallel, workerCount, BATCH_DEFAULTS } from './plan-fields-parallel.js';
export type { BatchOptions, FieldPlanResult } from './plan-fields-parallel.js';
export { BATCH_LIMITS, checkBatchPlanTime, estimatedPlanMs } from './batch-guard.js';
