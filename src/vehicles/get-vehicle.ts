import { VehicleError } from '../errors.js';
import { VEHICLES } from './profiles.js';
import { turnSpaceLaps } from './turn-space.js';
import type { Vehicle } from './types.js';

/** Overrides a caller may apply to a profile. */
export interface VehicleOverrides {
  workingWidthM?: number;
  minTurnRadiusM?: number;
  headlandLaps?: number;
  workSpeedMps?: number;
}

/**
 * Looks up a built-in vehicle profile and applies overrides. The profile's headland laps are
 * those its turns need (ceil(turning radius / width) for ground machines, 0 for multirotors); overriding the width or turning radius without
 * the laps sizes them again for the new turn space.
 *
 * @param id - `drone` or `transplanter`
 * @param overrides - figures to replace (width in m, speed in m/s…)
 * @returns a new Vehicle; the built-in table is not changed
 * @throws VehicleError `VEHICLE_UNKNOWN`, `VEHICLE_INVALID` (also for an override key that is
 *   not one of {@link VehicleOverrides}: from JavaScript a misspelt or unsupported key would
 *   otherwise be spread into the vehicle and silently change nothing, or change what it must not)
 * @example
 * ```ts
 * import { getVehicle } from 'agrisim';
 * const drone = getVehicle('drone', { workingWidthM: 9 });
 * ```
 */
export function getVehicle(id: string, overrides: VehicleOverrides = {}): Vehicle {
  const base = VEHICLES[id];
  if (!base) {
    throw new VehicleError('VEHICLE_UNKNOWN', `unknown vehicle "${id}"; known: ${Object.keys(VEHICLES).join(', ')}`, { id });
  }
  checkOverrideKeys(overrides);
  const v: Vehicle = { ...base, ...stripUndefined(overrides) };
  // laps follow the turn space of an overridden width or radius, unless they are set too
  if (overrides.headlandLaps === undefined && (overrides.workingWidthM !== undefined || overrides.minTurnRadiusM !== undefined))
    v.headlandLaps = turnSpaceLaps(v);
  // a width that is not a whole number of the profile's rows has no row clutches to narrow a pass with
  if (v.sectionWidthM !== undefined && !wholeSections(v.workingWidthM, v.sectionWidthM)) delete v.sectionWidthM;
  checkRange(v.workingWidthM, 0.2, 50, 'workingWidthM');
  checkRange(v.minTurnRadiusM, 0, 50, 'minTurnRadiusM');
  checkRange(v.headlandLaps, 0, 20, 'headlandLaps');
  checkRange(v.workSpeedMps, 0.05, 30, 'workSpeedMps');
  if (!Number.isInteger(v.headlandLaps)) {
    throw new VehicleError('VEHICLE_INVALID', `headlandLaps must be a whole number, got ${v.headlandLaps}`, { key: 'headlandLaps' });
  }
  return v;
}

/** The keys {@link VehicleOverrides} allows; anything else is refused, not spread into the vehicle. */
const OVERRIDE_KEYS: ReadonlySet<string> = new Set(['workingWidthM', 'minTurnRadiusM', 'headlandLaps', 'workSpeedMps']);

function checkOverrideKeys(overrides: object): void {
  const unknown = Object.keys(overrides).filter((k) => !OVERRIDE_KEYS.has(k));
  if (unknown.length > 0) {
    throw new VehicleError(
      'VEHICLE_INVALID',
      `cannot override ${unknown.map((k) => `"${k}"`).join(', ')}; overridable: ${[...OVERRIDE_KEYS].join(', ')}`,
      { key: unknown[0] },
    );
  }
}

function wholeSections(widthM: number, sectionWidthM: number): boolean {
  const n = widthM / sectionWidthM;
  return n >= 1 && Math.abs(n - Math.round(n)) < 1e-6;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkRange(value: number, min: number, max: number, key: string): void {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new VehicleError('VEHICLE_INVALID', `${key} must be between ${min} and ${max}, got ${value}`, { key, value });
  }
}
