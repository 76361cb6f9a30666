/**
 * Labour: person-days to person-hours and VND at the farm wage.
 */
import type { AssumptionValues } from './types.js';

/** Labour of one method, per hectare. */
export interface Labour {
  personDays: number;
  hours: number;
  laborVnd: number;
}

/**
 * Prices person-days at the farm wage (`wageVndPerDay`) and converts them to hours (`hoursPerDay`).
 * @example
 * ```ts
 * // inside the economics stage (its index.ts); not on the library face
 * labour(25 + 5, defaultAssumptionValues()).laborVnd; // 30 × 375 000 = 11 250 000
 * ```
 */
export function labour(personDays: number, v: AssumptionValues): Labour {
  return { personDays, hours: personDays * v.hoursPerDay, laborVnd: personDays * v.wageVndPerDay };
}

/** Person-days of `persons` working `hours` hours each. */
export function personDaysOf(hours: number, persons: number, v: AssumptionValues): number {
  return (hours * persons) / v.hoursPerDay;
}
