/**
 * Block runs: a co-op's whole fleet on one block, one simulation (see {@link createFleetSimulation}).
 * Named exports only.
 */
export { createFleetSimulation } from './fleet-simulation.js';
export type { FleetRun } from './fleet-simulation.js';
export type { FleetSimulationInput } from './fleet-options.js';
export type { FleetMetrics, FleetMachineMetrics, FleetPaddyMetrics, FleetHouseholdMetrics } from './fleet-metrics.js';
export type { DepotQueueStats } from './depot-queue.js';
