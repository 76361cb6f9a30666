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
  BlockBuffer,
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
export { parseBlock, readBlockFile } from './read.js';
export type { ParseBlockOptions } from './read.js';
export { BlockFeatureCollectionSchema } from './schema.js';
export { BlockScenarioSchema } from './scenario-schema.js';
export type { BlockScenarioFile } from './scenario-schema.js';
export { planBlock, MAX_MACHINES } from './plan-block.js';
export { householdSchedule } from './metrics.js';
export { paddyField } from './paddy-plan.js';
export { blockBufferStrips, paddyBufferSplit } from './buffers.js';
export type { PaddyBufferSplit } from './buffers.js';
export type { WorkSchedule } from './metrics.js';
export { blockPlanToGeoJson } from './geojson.js';
export type { BlockFeature, BlockPlanFeatureCollection } from './geojson.js';
export { exportMachine } from './export.js';
