/**
 * A clearly labelled running estimate of savings against manual work, used by the viewer
 * until (or unless) the economics stage offers a browser-safe `computeSavings`. Every
 * constant is an ECONOMICS.md default ("Defaults (Red River Delta, 2023 prices)").
 */

/** Farm wage, VND per person-day (ECONOMICS.md: Vietnamese provincial press and GSO labour surveys, Thái Bình 2023). */
export const WAGE_VND_PER_DAY = 300_000;
/** Manual transplanting, person-days per ha (ECONOMICS.md: IRRI Rice Knowledge Bank; Vietnamese extension reports). */
export const MANUAL_TRANSPLANT_DAYS_PER_HA = 25;
/** Seedling pulling and carrying, person-days per ha (ECONOMICS.md: IRRI Rice Knowledge Bank). */
export const SEEDLING_DAYS_PER_HA = 5;
/** Labour reduction of mechanised transplanting (ECONOMICS.md: Vietnamese trial reports). */
export const TRANSPLANT_LABOUR_REDUCTION = 0.747;
/** Cost reduction of mechanised transplanting (ECONOMICS.md: Vietnamese trial reports). */
export const TRANSPLANT_COST_REDUCTION = 0.2965;
/** Manual fertilizer broadcasting, person-hours per ha (ECONOMICS.md: an assumption, stated as such). */
export const MANUAL_BROADCAST_H_PER_HA = 3;
/** Drone spreading service price, VND per ha (ECONOMICS.md: Mekong Delta service prices, press). */
export const DRONE_SERVICE_VND_PER_HA = 170_000;
/** Hours in a person-day: our assumption (one 8 h working day), not from ECONOMICS.md. */
export const HOURS_PER_DAY = 8;

export interface SavingsEstimate {
  /** Savings in VND for the area covered so far (negative: the machine costs more). */
  savingsVnd: number;
  personDaysSaved: number;
}

/**
 * Savings for `coveredHa` worked by a machine of `kind` instead of by hand.
 * Transplanter: manual labour (25 + 5 person-days/ha at the farm wage) reduced by the trial
 * reports' 29.65 % cost and 74.7 % labour cuts. Drone: manual broadcasting labour
 * (3 h/ha) minus the drone service price; the drone crew's time counts against it.
 * @example
 * estimateSavings('transplanter', 1, 0); // { savingsVnd: 2668500, personDaysSaved: 22.41 }
 */
export function estimateSavings(kind: string, coveredHa: number, machineHours: number): SavingsEstimate {
  const ha = Math.max(0, coveredHa);
  if (kind === 'transplanter') {
    const manualDays = (MANUAL_TRANSPLANT_DAYS_PER_HA + SEEDLING_DAYS_PER_HA) * ha;
    return {
      savingsVnd: manualDays * WAGE_VND_PER_DAY * TRANSPLANT_COST_REDUCTION,
      personDaysSaved: manualDays * TRANSPLANT_LABOUR_REDUCTION,
    };
  }
  const manualDays = (MANUAL_BROADCAST_H_PER_HA * ha) / HOURS_PER_DAY;
  const crewDays = Math.max(0, machineHours) / HOURS_PER_DAY;
  return {
    savingsVnd: manualDays * WAGE_VND_PER_DAY - DRONE_SERVICE_VND_PER_HA * ha,
    personDaysSaved: manualDays - crewDays,
  };
}
