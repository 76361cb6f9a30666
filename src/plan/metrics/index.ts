export { planMetrics, minWidthM, swathLowerBound, OUTSIDE_TOLERANCE_M } from './plan-metrics.js';
export type { MetricsInput } from './plan-metrics.js';
export { estimateCoverage, unreachableCorners } from './coverage.js';
export { segmentTimeS } from './segment-time.js';
