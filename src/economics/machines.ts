/**
 * The machines of the model, read from the assumption values: what they cost to own or
 * hire, how fast they work, who runs them and what energy and batteries they use.
 */
import type { AssumptionValues, Operation } from './types.js';
import { ownershipCost, type OwnershipCost } from './ownership-cost.js';
import { perSao } from '../units/index.js';

/** Machine ids of the model. */
export type MachineId = 'drone' | 'guided-transplanter' | 'unguided-transplanter';

/** One machine's figures, from the assumption table. */
export interface MachineSpec {
  id: MachineId;
  priceVnd: number;
  lifeHours: number;
  obsolescenceYears: number;
  areaPerYearHa: number;
  capacityHaPerH: number;
  crewPersons: number;
  repairRf1: number;
  repairRf2: number;
  /** Fuel, generator fuel and battery wear per hectare of one pass, VND. */
  energyVndPerHa: number;
}

/**
 * Drone energy per hectare: battery wear (price / rated cycles per cycle) and the petrol a
 * generator burns to recharge each cycle at the field.
 * @example droneEnergyVndPerHa(defaultAssumptionValues()); // 1.2 × (35,000,000 / 1500 + 1.57 × 0.55 × 23,000) ≈ 51,833
 */
export function droneEnergyVndPerHa(v: AssumptionValues): { batteryVndPerHa: number; generatorVndPerHa: number } {
  const cycles = v['drone.batteryCyclesPerHa'];
  return {
    batteryVndPerHa: cycles * (v['drone.batteryPriceVnd'] / v['drone.batteryLifeCycles']),
    generatorVndPerHa: cycles * v['drone.batteryKwhPerCycle'] * v['generator.lPerKwh'] * v.fuelVndPerL,
  };
}

/** Reads a machine's figures from the assumption values. */
export function machineSpec(id: MachineId, v: AssumptionValues): MachineSpec {
  if (id === 'drone') {
    const e = droneEnergyVndPerHa(v);
    return {
      id,
      priceVnd: v['drone.priceVnd'],
      lifeHours: v['drone.lifeHours'],
      obsolescenceYears: v['drone.lifeYears'],
      areaPerYearHa: v['drone.areaPerYearHa'],
      capacityHaPerH: v['drone.capacityHaPerH'],
      crewPersons: v['drone.crewPersons'],
      repairRf1: v['drone.repairRf1'],
      repairRf2: v['drone.repairRf2'],
      energyVndPerHa: e.batteryVndPerHa + e.generatorVndPerHa,
    };
  }
  const guided = id === 'guided-transplanter';
  const capacityHaPerH = guided ? v['transplanter.capacityHaPerH'] : v['transplanter.unguidedCapacityHaPerH'];
  return {
    id,
    // The guidance kit is bought with the guided machine only.
    priceVnd: v['transplanter.priceVnd'] + (guided ? v['guidance.kitPriceVnd'] : 0),
    lifeHours: v['transplanter.lifeHours'],
    obsolescenceYears: v['transplanter.lifeYears'],
    areaPerYearHa: v['transplanter.areaPerYearHa'],
    capacityHaPerH,
    crewPersons: v['transplanter.crewPersons'],
    repairRf1: v['transplanter.repairRf1'],
    repairRf2: v['transplanter.repairRf2'],
    energyVndPerHa: (v['transplanter.fuelLPerH'] * v.fuelVndPerL) / capacityHaPerH,
  };
}

/** Ownership cost of a machine at the assumption values; support counted when `withSupport`. */
export function machineOwnership(m: MachineSpec, v: AssumptionValues, withSupport = v['support.applied'] === 1): OwnershipCost {
  return ownershipCost({
    priceVnd: m.priceVnd,
    lifeHours: m.lifeHours,
    obsolescenceYears: m.obsolescenceYears,
    salvagePct: v.salvagePct,
    interestPctPerYear: v.interestPctPerYear,
    tihPctPerYear: v.tihPctPerYear,
    areaPerYearHa: m.areaPerYearHa,
    capacityHaPerH: m.capacityHaPerH,
    repairRf1: m.repairRf1,
    repairRf2: m.repairRf2,
    ...(withSupport
      ? {
          subsidyPct: v['support.purchaseSubsidyPct'],
          subsidyCapVnd: v['support.purchaseSubsidyCapVnd'],
          interestSupport: { fullYears: v['support.interestFullYears'], halfYears: v['support.interestHalfYears'] },
        }
      : {}),
  });
}

/**
 * Price of a hired service for one pass over one hectare, as the market quotes it:
 * transplanting as a package per sào (tray seedlings included), drone spreading per sào or per
 * kg of product, drone spraying per ha.
 * @example hiredServiceVndPerHa('transplanting', defaultAssumptionValues()); // 290,000 × 10,000 / 360 ≈ 8,055,556
 */
export function hiredServiceVndPerHa(operation: Operation, v: AssumptionValues): number {
  const saoPerHa = 1 / perSao(1);
  if (operation === 'transplanting') return v['transplanter.packageVndPerSao'] * saoPerHa;
  if (operation === 'spraying') return v['drone.sprayServiceVndPerHa'];
  const perKg = v['drone.spreadServiceVndPerKg'];
  if (perKg > 0) return (perKg * v['urea.rateKgPerHaSeason']) / v['urea.applicationsPerSeason'];
  return v['drone.spreadServiceVndPerSao'] * saoPerHa;
}
