/**
 * Block stage: a co-op's consolidated block (paddies, field roads, gates, depots, no-fly areas)
 * planned for a fleet of drones or transplanters. Named exports only.
 */
export type {
  Block,
  BlockPaddy,
  BlockRoad,
  BlockGate,
  BlockDepot,
  BlockNofly,
  BlockMachineKind,
  BlockRouteSegment,
  BlockVehicleMetrics,
  BlockPaddyMetrics,
  BlockMetrics,
  MachinePlan,
  BlockPlan,
  BlockPlanOptions,
  HouseholdSummary,
} from './types.js';
export { parseBlock, readBlockFile, BLOCK_KINDS, DEFAULT_ROAD_WIDTH_M } from './read.js';
export type { ParseBlockOptions } from './read.js';
export { BlockFeatureCollectionSchema } from './schema.js';
export { validateBlock, MAX_PADDY_OVERLAP_M2, GATE_TO_PADDY_M, ROAD_REACH_M } from './validate.js';
export type { BlockNetwork } from './validate.js';
export { planBlock, MAX_MACHINES } from './plan-block.js';
export { householdSchedule } from './metrics.js';
export type { WorkSchedule } from './metrics.js';
export { blockPlanToGeoJson } from './geojson.js';
export type { BlockFeature, BlockPlanFeatureCollection } from './geojson.js';
export { exportMachine, machineAsPlan } from './export.js';
