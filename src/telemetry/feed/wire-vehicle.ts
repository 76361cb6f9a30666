import type { VehicleState } from '../../sim/index.js';
import type { WireVehicle } from '../protocol/messages.js';

/** A vehicle as sent: the simulator's state without the local x/y metres (clients use lon/lat). */
export function toWireVehicle(v: VehicleState | WireVehicle): WireVehicle {
  const { x: _x, y: _y, ...wire } = v as VehicleState;
  return wire;
}
