/**
 * Consumables: what the machine carries and uses up (drone tank and battery, transplanter
 * seedling trays), with the drain models and their sources.
 */
import type { Vehicle } from '../vehicles/index.js';

/**
 * Empty mass of a T40-class drone with its battery, kg. Source: DJI Agras T40 specifications
 * (weight 50 kg with battery; max take-off weight for spreading 101 kg).
 */
export const DRONE_EMPTY_KG = 50;

/** Transplanter fuel per hectare, L/ha: docs/economics.md "transplanter fuel 4.5 L/ha" (manufacturers). */
export const TRANSPLANTER_FUEL_L_PER_HA = 4.5;
/** Riding transplanter capacity, ha/h: docs/economics.md "0.25 ha/h" (manufacturers, field efficiency 70 %). */
export const TRANSPLANTER_CAPACITY_HA_PER_H = 0.25;
/** Engine fuel rate, L/h = 4.5 L/ha × 0.25 ha/h: fuel then follows engine time, so slow manual work burns more. */
export const TRANSPLANTER_FUEL_L_PER_H = TRANSPLANTER_FUEL_L_PER_HA * TRANSPLANTER_CAPACITY_HA_PER_H;

/** Default battery level at which a drone returns to swap, fraction (assumption: crews swap at 20–30 %). */
export const DEFAULT_BATTERY_RESERVE = 0.2;

/** The load a vehicle carries and how fast it goes per m² worked. */
export interface LoadModel {
  unit: 'kg' | 'trays';
  capacity: number;
  /** Units per m² worked (rate/ha ÷ 10,000). */
  perM2: number;
  refillS: number;
}

/** Load model of a vehicle profile. */
export function loadModel(v: Vehicle): LoadModel {
  const p = v.payload;
  if (p.kind === 'tank') return { unit: 'kg', capacity: p.capacityKg, perM2: p.rateKgPerHa / 10_000, refillS: p.refillS };
  return { unit: 'trays', capacity: p.trays, perM2: p.traysPerHa / 10_000, refillS: p.refillS };
}

/**
 * Battery drain, fraction of a full battery per second, for a drone carrying `loadKg`.
 * Endurance is rated at full load; hover power of a rotor grows with thrust^1.5 (momentum
 * theory: P = T^{3/2} / √(2ρA)), so a lighter drone drains slower:
 * drain = (1 / enduranceS) · ((empty + load) / (empty + capacity))^1.5.
 */
export function batteryDrainPerS(v: Vehicle, loadKg: number): number {
  if (!v.battery) return 0;
  const cap = v.payload.kind === 'tank' ? v.payload.capacityKg : 0;
  const ratio = (DRONE_EMPTY_KG + Math.max(0, loadKg)) / (DRONE_EMPTY_KG + cap);
  return Math.pow(ratio, 1.5) / v.battery.enduranceS;
}
