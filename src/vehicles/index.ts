export type { Vehicle, Payload, Battery } from './types.js';
export { DRONE, TRANSPLANTER, VEHICLES } from './profiles.js';
export { getVehicle } from './get-vehicle.js';
export { turnSpaceLaps } from './turn-space.js';
export type { VehicleOverrides } from './get-vehicle.js';
