/**
 * Break-even area per year: the hectares a machine must work each year before owning it
 * costs less per hectare than hiring the service, or than doing the work by hand. Owning
 * spreads fixed costs over the area, so the cost per ha falls with area (repairs rise a
 * little with the hours, ASABE RF2 > 1): we scan a log grid and bisect the first crossing.
 */
import type { AssumptionValues, Operation } from './types.js';
import { machineCostPerHa, manualCostPerHa } from './operations.js';

/** Largest area per year searched, ha. */
export const BREAK_EVEN_MAX_HA = 100_000;
const MIN_HA = 0.1;

/** The assumption key holding the area per year of the operation's machine. */
export function areaPerYearKey(operation: Operation): string {
  return operation === 'transplanting' ? 'transplanter.areaPerYearHa' : 'drone.areaPerYearHa';
}

/** Smallest area per year (ha, 0.1 ha steps) at which owning costs at most `targetVndPerHa`; null when never. */
export function breakEvenArea(operation: Operation, v: AssumptionValues, targetVndPerHa: number): number | null {
  const key = areaPerYearKey(operation);
  const ownAt = (ha: number) => machineCostPerHa(operation, { ...v, [key]: ha }, 'own').totalVnd;
  if (ownAt(MIN_HA) <= targetVndPerHa) return MIN_HA;
  const steps = 200;
  let lo = MIN_HA;
  for (let i = 1; i <= steps; i++) {
    const hi = MIN_HA * Math.pow(BREAK_EVEN_MAX_HA / MIN_HA, i / steps);
    if (ownAt(hi) <= targetVndPerHa) {
      let a = lo;
      let b = hi;
      for (let k = 0; k < 60 && b - a > 0.01; k++) {
        const mid = (a + b) / 2;
        if (ownAt(mid) <= targetVndPerHa) b = mid;
        else a = mid;
      }
      return Math.ceil(b * 10) / 10;
    }
    lo = hi;
  }
  return null;
}

/**
 * Break-even areas per year of owning the operation's machine, against hiring and against manual work.
 * @example
 * ```ts
 * import { breakEven, defaultAssumptionValues } from 'agrisim';
 * breakEven('transplanting', defaultAssumptionValues()); // { ownVsHire: …, ownVsManual: … } ha/year
 * ```
 */
export function breakEven(operation: Operation, v: AssumptionValues): { ownVsHire: number | null; ownVsManual: number | null } {
  return {
    ownVsHire: breakEvenArea(operation, v, machineCostPerHa(operation, v, 'hire').totalVnd),
    ownVsManual: breakEvenArea(operation, v, manualCostPerHa(operation, v).totalVnd),
  };
}
