/**
 * agrisim: coverage planning, simulation, telemetry and savings for precision rice farming.
 * This is the library face: it re-exports each stage's public face (not the CLI, not the viewer).
 */
export * from './errors.js';
export type { XY, Ring, PolygonM } from './geometry/types.js';
export * from './vehicles/index.js';
export * from './field/index.js';
export * from './plan/index.js';
export * from './sim/index.js';
