/**
 * Sensitivity of the savings per hectare to the figures people argue about: the wage, the
 * machine price, the area the machine works per year, the input price (and the service
 * price when hiring), each moved ±30 % with everything else at its value.
 */
import type { AssumptionValues, Operation, Ownership, SensitivityRow } from './types.js';
import { machineCostPerHa, manualCostPerHa } from './operations.js';
import { areaPerYearKey } from './break-even.js';

/** Default change of every factor, %. */
export const SENSITIVITY_CHANGE_PCT = 30;

/** Savings per ha (manual − mechanised) at the given values. */
export function savingsPerHa(operation: Operation, v: AssumptionValues, ownership: Ownership): number {
  return manualCostPerHa(operation, v).totalVnd - machineCostPerHa(operation, v, ownership).totalVnd;
}

/** The factors and the assumption keys each one moves. */
export function sensitivityFactors(operation: Operation, ownership: Ownership): { factor: string; keys: string[] }[] {
  const tp = operation === 'transplanting';
  const input =
    operation === 'fertilizing' ? 'urea.priceVndPerKg' : operation === 'spraying' ? 'spray.pesticideVndPerHa' : 'trays.seedlingVndPerTray';
  const rows = [
    { factor: 'wage', keys: ['wageVndPerDay'] },
    { factor: 'machinePrice', keys: tp ? ['transplanter.priceVnd', 'guidance.kitPriceVnd'] : ['drone.priceVnd'] },
    { factor: 'areaPerYear', keys: [areaPerYearKey(operation)] },
    { factor: 'inputPrice', keys: [input] },
  ];
  if (ownership === 'hire') {
    const service = tp
      ? 'transplanter.packageVndPerSao'
      : operation === 'spraying'
        ? 'drone.sprayServiceVndPerHa'
        : 'drone.spreadServiceVndPerSao';
    rows.push({ factor: 'servicePrice', keys: [service] });
  }
  return rows;
}

/**
 * The sensitivity table: savings per ha with each factor at −30 % and +30 %.
 * @example
 * ```ts
 * import { sensitivity, resolveAssumptions } from 'agrisim';
 * sensitivity('transplanting', resolveAssumptions().values, 'own')[0].factor; // 'wage'
 * ```
 */
export function sensitivity(
  operation: Operation,
  v: AssumptionValues,
  ownership: Ownership,
  changePct = SENSITIVITY_CHANGE_PCT,
): SensitivityRow[] {
  const base = savingsPerHa(operation, v, ownership);
  const at = (keys: string[], f: number) => {
    const w: Record<string, number> = { ...v };
    for (const k of keys) w[k] = v[k] * f;
    return Math.round(savingsPerHa(operation, w, ownership));
  };
  return sensitivityFactors(operation, ownership).map(({ factor, keys }) => ({
    factor,
    keys,
    changePct,
    baseSavingsVndPerHa: Math.round(base),
    lowSavingsVndPerHa: at(keys, 1 - changePct / 100),
    highSavingsVndPerHa: at(keys, 1 + changePct / 100),
  }));
}
