/**
 * The machines of the model, read from the assumption values: what they cost to own or
 * hire, how fast they work, who runs them and what energy they use.
 */
import type { AssumptionValues } from './types.js';
import { ownershipCost, type OwnershipCost } from './ownership-cost.js';

/** Machine ids of the model. */
export type MachineId = 'drone' | 'guided-transplanter' | 'unguided-transplanter';

/** One machine's figures, from the assumption table. */
export interface MachineSpec {
  id: MachineId;
  priceVnd: number;
  lifeYears: number;
  areaPerYearHa: number;
  capacityHaPerH: number;
  crewPersons: number;
  repairRf1: number;
  repairRf2: number;
  /** Fuel or electricity per machine hour, VND. */
  energyVndPerH: number;
  /** Service price per ha when hired. */
  serviceVndPerHa: number;
}

/** Reads a machine's figures from the assumption values. */
export function machineSpec(id: MachineId, v: AssumptionValues): MachineSpec {
  if (id === 'drone') {
    const energyVndPerHa = v['drone.batteryCyclesPerHa'] * v['drone.batteryKwhPerCycle'] * v.electricityVndPerKwh;
    return {
      id,
      priceVnd: v['drone.priceVnd'],
      lifeYears: v['drone.lifeYears'],
      areaPerYearHa: v['drone.areaPerYearHa'],
      capacityHaPerH: v['drone.capacityHaPerH'],
      crewPersons: v['drone.crewPersons'],
      repairRf1: v['drone.repairRf1'],
      repairRf2: v['drone.repairRf2'],
      energyVndPerH: energyVndPerHa * v['drone.capacityHaPerH'],
      serviceVndPerHa: v['drone.serviceVndPerHa'],
    };
  }
  const guided = id === 'guided-transplanter';
  return {
    id,
    // The guidance kit is bought with the guided machine only.
    priceVnd: v['transplanter.priceVnd'] + (guided ? v['guidance.kitPriceVnd'] : 0),
    lifeYears: v['transplanter.lifeYears'],
    areaPerYearHa: v['transplanter.areaPerYearHa'],
    capacityHaPerH: guided ? v['transplanter.capacityHaPerH'] : v['transplanter.unguidedCapacityHaPerH'],
    crewPersons: v['transplanter.crewPersons'],
    repairRf1: v['transplanter.repairRf1'],
    repairRf2: v['transplanter.repairRf2'],
    energyVndPerH: v['transplanter.fuelLPerH'] * v.fuelVndPerL,
    serviceVndPerHa: v['transplanter.serviceVndPerHa'],
  };
}

/** Ownership cost of a machine at the assumption values. */
export function machineOwnership(m: MachineSpec, v: AssumptionValues): OwnershipCost {
  return ownershipCost({
    priceVnd: m.priceVnd,
    lifeYears: m.lifeYears,
    salvagePct: v.salvagePct,
    interestPctPerYear: v.interestPctPerYear,
    tihPctPerYear: v.tihPctPerYear,
    areaPerYearHa: m.areaPerYearHa,
    capacityHaPerH: m.capacityHaPerH,
    repairRf1: m.repairRf1,
    repairRf2: m.repairRf2,
  });
}
