export { planMetrics, minWidthM, swathLowerBound, OUTSIDE_TOLERANCE_M } from './plan-metrics.js';
export type { MetricsInput } from './plan-metrics.js';
export { estimateCoverage } from './coverage.js';
export { unreachableCorners } from './unreachable-corners.js';
export { segmentTimeS } from './segment-time.js';
