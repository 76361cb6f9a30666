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
