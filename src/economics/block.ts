/**
 * Economics of a co-op block, for the block stage to call: what each household saves on its
 * own sào, and the labour peak of the block, i.e. how many people manual transplanting needs
 * each day to finish within the seasonal window, against the fleet's crew, and the days saved.
 * Both are the one computation (computeSavings) applied to the household's or block's area.
 */
import { EconomicsError } from '../errors.js';
import type { Operation, Ownership } from './types.js';
import { checkArea, computeSavings } from './savings.js';
import { resolveAssumptions } from './resolve-assumptions.js';
import { machineSpec } from './machines.js';
import { METHODS } from './operations.js';
import { saoToHa, roundTo } from '../units/index.js';

/** Longest window accepted, days (a season). */
export const MAX_WINDOW_DAYS = 120;

function positive(key: string, value: unknown, max = Infinity, integer = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0 || value > max || (integer && !Number.isInteger(value))) {
    throw new EconomicsError(
      'ECON_INVALID_VALUE',
      `${key} must be ${integer ? 'a whole number' : 'a number'} greater than 0${max < Infinity ? ` and at most ${max}` : ''}, got ${JSON.stringify(value)}`,
      { key, value },
    );
  }
  return value;
}

/** One household of a block. */
export interface HouseholdInput {
  /** The household (the block's paddy `owner`). */
  id?: string;
  /** Its area, sào (360 m²). */
  areaSao: number;
  /** Default `transplanting`. */
  operation?: Operation;
  /** Default `hire` (the co-op's machines work for the households as a service). */
  ownership?: Ownership;
  overrides?: Readonly<Record<string, unknown>>;
  /** People of the household working by hand (default 2). */
  persons?: number;
  /** Day the fleet finishes this household's paddies in the block schedule; default: one machine's hours / working day. */
  machineDoneDay?: number;
}

/** What a household saves. */
export interface HouseholdSavings {
  id?: string;
  areaSao: number;
  areaHa: number;
  manualVnd: number;
  mechanizedVnd: number;
  savingsVnd: number;
  savingsPct: number;
  manualPersonDays: number;
  /** Days the household's own people need by hand. */
  manualDays: number;
  /** Days until the machines are done. */
  mechanizedDays: number;
  daysSaved: number;
}

/**
 * Cost manual vs mechanised, savings and days until done for one household.
 * @throws EconomicsError `ECON_INVALID_AREA`, `ECON_INVALID_VALUE`, `ECON_UNKNOWN_KEY`
 * @example
 * ```ts
 * import { householdSavings } from 'agrisim';
 * // 12 sào = 0.432 ha: by hand 0.432 × (30 × 375 000 + 1 000 000) = 5 292 000 VND; hired package 12 × 290 000 + gap filling
 * householdSavings({ areaSao: 12 }).savingsVnd; // 1 771 500
 * ```
 */
export function householdSavings(input: HouseholdInput): HouseholdSavings {
  const areaSao = checkArea(input.areaSao);
  const persons = positive('persons', input.persons ?? 2, 1000);
  const areaHa = saoToHa(areaSao);
  const operation = input.operation ?? 'transplanting';
  const report = computeSavings({ operation, areaHa, ownership: input.ownership ?? 'hire', overrides: input.overrides });
  const v = resolveAssumptions(input.overrides ?? {}).values;
  const machineDays = report.mechanized.machineHours / v.hoursPerDay;
  const mechanizedDays =
    input.machineDoneDay === undefined ? machineDays : positive('machineDoneDay', input.machineDoneDay, MAX_WINDOW_DAYS);
  const manualDays = report.manual.personDays / persons;
  return {
    ...(input.id !== undefined ? { id: input.id } : {}),
    areaSao,
    areaHa: roundTo(areaHa, 4),
    manualVnd: report.manual.totalVnd,
    mechanizedVnd: report.mechanized.totalVnd,
    savingsVnd: report.savings.vnd,
    savingsPct: report.savings.pct,
    manualPersonDays: report.manual.personDays,
    manualDays: roundTo(manualDays, 2),
    mechanizedDays: roundTo(mechanizedDays, 2),
    daysSaved: roundTo(manualDays - mechanizedDays, 2),
  };
}

/** A block's labour question. */
export interface LabourPeakInput {
  areaHa: number;
  /** Days the work must be done in; default the `block.windowDays` assumption (12, range 10–15). */
  windowDays?: number;
  /** Machines in the fleet. */
  machines: number;
  /** Default `transplanting`. */
  operation?: Operation;
  overrides?: Readonly<Record<string, unknown>>;
  /** Days the fleet needs, from the block plan's makespan; default: area / (machines × capacity × working hours a day). */
  fleetDays?: number;
  /** People the village can put in the field each day; default: as many as the window needs. */
  availablePersons?: number;
}

/** The labour peak of a block. */
export interface LabourPeak {
  areaHa: number;
  windowDays: number;
  manualPersonDays: number;
  /** People manual work needs each day to finish within the window. */
  manualPersonsPerDay: number;
  /** Days manual work takes with `availablePersons` (the window when not given). */
  manualDays: number;
  machines: number;
  /** People the fleet needs each day (its crews). */
  fleetCrewPersons: number;
  fleetDays: number;
  fitsWindow: boolean;
  /** Fewest machines that finish within the window. */
  machinesNeeded: number;
  daysSaved: number;
}

/**
 * Person-days per day manual work needs to finish a block within its window, against the fleet's crew.
 * @throws EconomicsError `ECON_INVALID_AREA`, `ECON_INVALID_VALUE`, `ECON_UNKNOWN_KEY`
 * @example
 * ```ts
 * import { labourPeak } from 'agrisim';
 * // 30 ha × 30 person-days/ha = 900 person-days in 12 days → 75 people a day; 2 transplanters × 2 ha/day → 7.5 days, crew 4
 * labourPeak({ areaHa: 30, windowDays: 12, machines: 2 }).manualPersonsPerDay; // 75
 * ```
 */
export function labourPeak(input: LabourPeakInput): LabourPeak {
  const areaHa = checkArea(input.areaHa);
  const operation = input.operation ?? 'transplanting';
  const v = resolveAssumptions(input.overrides ?? {}).values;
  const windowDays = positive('windowDays', input.windowDays ?? v['block.windowDays'], MAX_WINDOW_DAYS);
  const machines = positive('machines', input.machines, 10_000, true);
  const report = computeSavings({ operation, areaHa, overrides: input.overrides });
  const spec = machineSpec(METHODS[report.operation].mechanized, v);
  const haPerMachineDay = spec.capacityHaPerH * v.hoursPerDay;
  const fleetDays =
    input.fleetDays === undefined ? areaHa / (machines * haPerMachineDay) : positive('fleetDays', input.fleetDays, MAX_WINDOW_DAYS);
  const manualPersonDays = report.manual.personDays;
  const manualDays =
    input.availablePersons === undefined ? windowDays : manualPersonDays / positive('availablePersons', input.availablePersons, 1e6);
  return {
    areaHa,
    windowDays,
    manualPersonDays,
    manualPersonsPerDay: roundTo(manualPersonDays / windowDays, 2),
    manualDays: roundTo(manualDays, 2),
    machines,
    fleetCrewPersons: machines * spec.crewPersons,
    fleetDays: roundTo(fleetDays, 2),
    fitsWindow: fleetDays <= windowDays,
    machinesNeeded: Math.ceil(areaHa / (haPerMachineDay * windowDays) - 1e-9),
    daysSaved: roundTo(manualDays - fleetDays, 2),
  };
}
