/**
 * Dose part of the simulation stage: spread patterns, rate controller, wind and drift, the dose
 * raster and its metrics. The sim face re-exports what users need.
 */
export { DoseModel } from './dose-model.js';
export { resolveDose, resolveDoseAreas } from './resolve-dose.js';
export type { DoseOptions } from './resolve-dose.js';
export { doseMetrics } from './dose-metrics.js';
export type { DoseMetrics, ZoneDose } from './dose-metrics.js';
export { doseTable } from './format-dose.js';
export type { DoseRaster } from './dose-raster.js';
export { parseWind } from './wind.js';
export type { WindOptions } from './wind.js';
export { predictPlanDose } from './predict.js';
export { downwindCarryM } from './drift.js';
