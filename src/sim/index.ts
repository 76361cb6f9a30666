/**
 * Simulation stage: vehicles doing the planned work on a virtual clock, with GNSS and driving
 * error, consumables and faults, measured on a coverage raster. Named exports only.
 */
export type {
  Guidance,
  FixQuality,
  VehicleState,
  SimEvent,
  SimProgress,
  SimFrame,
  SimMetrics,
  SimDescription,
  Simulation,
  SimulationFactory,
  BlockDescription,
} from './types.js';
export { createSimulation } from './simulation.js';
export type { SimRun } from './simulation.js';
export type { SimulationInput, SimVehicleInput } from './options.js';
export type { RunMetrics } from './metrics.js';
export { runToEnd } from './run.js';
export type { RunResult, RunOptions } from './run.js';
export { createCoverageRaster } from './coverage-raster.js';
export type { CoverageRaster, RasterOptions, RasterStats } from './coverage-raster.js';
export { createRng } from './random.js';
export type { Rng } from './random.js';
export { DEFAULT_FAULTS, NO_FAULTS } from './faults.js';
export type { FaultOptions } from './faults.js';
export { GNSS_ERROR, steeringModel } from './error-models.js';
export type { SteeringModel } from './error-models.js';
export { DRONE_EMPTY_KG, TRANSPLANTER_FUEL_L_PER_HA, DEFAULT_BATTERY_RESERVE } from './consumables.js';
export { simulate$, createSimController } from './observable.js';
export type { SimulateOptions, SimController } from './observable.js';
export {
  recordRun,
  recordToString,
  createSimRecorder,
  replayRecording,
  replaySimulation,
  recordingObjects,
  SIM_RECORDING_FORMAT,
} from './record.js';
export type { SimRecording, SimRecordingHeader, SimRecorder } from './record.js';
export { simMetricsTable, simCompareTable, formatSimDuration } from './format.js';
export { createFleetSimulation } from './fleet/index.js';
export type {
  FleetRun,
  FleetSimulationInput,
  FleetMetrics,
  FleetMachineMetrics,
  FleetPaddyMetrics,
  FleetHouseholdMetrics,
  DepotQueueStats,
} from './fleet/index.js';
export { doseTable, parseWind, predictPlanDose, downwindCarryM } from './dose/index.js';
export type { DoseOptions, DoseMetrics, ZoneDose, WindOptions, DoseModel, DoseRaster } from './dose/index.js';
