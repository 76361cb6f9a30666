/**
 * The planning stage: field + vehicle → coverage plan (headland, cells, swaths, route, turns,
 * sorties) and its metrics; exports to GeoJSON, KML, QGroundControl .plan and ISOXML.
 */
export { planField, PLAN_DEFAULTS } from './plan-field.js';
export { checkPlanComplexity, estimatedSwaths, fieldVertexCount, PLAN_LIMITS } from './complexity.js';
export type { Plan, PlanOptions, PlanMetrics, RouteSegment, RefillStop, Sortie, Cell, SegmentKind } from './types.js';
export { planHeadland } from './headland/index.js';
export type { Headland } from './headland/index.js';
export { sweepSwaths, swathOffsets, swathCount, lineIntervals, cellOutline, bestAngle } from './swaths/index.js';
export type { SweepSwath, SweepPlan, AngleCost } from './swaths/index.js';
export { buildRoute, appendPasses, boustrophedon, skipOrder, machinePoints } from './route/index.js';
export type { RouteOptions, SwathVisit } from './route/index.js';
export { gapPasses, gapClusters } from './cleanup/index.js';
export type { GapPassOptions } from './cleanup/index.js';
export { planTurn, uTurn, omegaTurn, kTurn, stopTurn } from './turns/index.js';
export type { Turn, TurnSpace, TurnShape, TurnLeg } from './turns/index.js';
export { splitSorties } from './sorties/index.js';
export type { SortiePlan } from './sorties/index.js';
export { coverageGrid } from './metrics/coverage.js';
export type { CoverageGrid, CoverageEstimate } from './metrics/coverage.js';
export type { MetricsInput } from './metrics/index.js';
export {
  planMetrics,
  estimateCoverage,
  unreachableCorners,
  minWidthM,
  swathLowerBound,
  segmentTimeS,
  OUTSIDE_TOLERANCE_M,
} from './metrics/index.js';
export * from './export/index.js';
export * from './batch/index.js';
