/**
 * agrisim: coverage planning, simulation, telemetry and savings for precision rice farming.
 * This is the library face: it re-exports each stage's public face (not the CLI, not the viewer).
 * The browser-safe telemetry client alone is also `agrisim/telemetry/client`.
 */
export * from './errors.js';
export type { XY, Ring, PolygonM } from './geometry/types.js';
export * from './vehicles/index.js';
export * from './field/index.js';
export * from './prescription/index.js';
export * from './plan/index.js';
export * from './sim/index.js';
export * from './telemetry/index.js';
export * from './telemetry/client/index.js';
// SAO_M2 (1 sào Bắc Bộ = 360 m²) comes from the field stage; economics uses the same value.
export * from './economics/index.js';
export { SAO_M2 } from './field/index.js';
