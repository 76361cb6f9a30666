/**
 * Dose part of the simulation stage: spread patterns, rate controller, wind and drift, the dose
 * raster and its metrics. Re-exported by the sim face.
 */
export { DoseModel, DOSE_DEFAULTS } from './dose-model.js';
export type { DoseModelConfig, DoseZone, DoseMachine } from './dose-model.js';
export { resolveDose } from './resolve-dose.js';
export type { DoseOptions } from './resolve-dose.js';
export { doseMetrics, DOSE_TOLERANCE } from './dose-metrics.js';
export { doseTable } from './format-dose.js';
export type { DoseMetrics, ZoneDose } from './dose-metrics.js';
export { createDoseRaster, OFF, BUFFER } from './dose-raster.js';
export type { DoseRaster } from './dose-raster.js';
export { parseWind, checkWind, createWind, CALM } from './wind.js';
export type { WindOptions, WindState } from './wind.js';
export { granularPattern, liquidPattern } from './spread-pattern.js';
export type { SpreadPattern } from './spread-pattern.js';
export { granuleCarryM, granuleDrift, sprayDrift, UREA_SIZE_CLASSES, RAUTMANN_FIELD_CROPS, DRIFT_REFERENCE_WIND_MPS } from './drift.js';
export { DEFAULT_RATE_TAU_S, stepRate } from './rate-controller.js';
