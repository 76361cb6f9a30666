/**
 * Machine ownership and repair cost per hectare, ASABE EP496 style: depreciation
 * (P − S)/L, interest i·(P + S)/2, taxes/insurance/housing as a share of P per year, all
 * divided by the area worked per year; repairs from ASABE D497's accumulated repair cost
 * RF1 · P · (h/1000)^RF2 over the machine's life hours, spread over the hectares of its life.
 */

/** What owning a machine costs depends on. */
export interface OwnershipInput {
  priceVnd: number;
  lifeYears: number;
  salvagePct: number;
  interestPctPerYear: number;
  tihPctPerYear: number;
  /** Hectares worked per year (all applications). */
  areaPerYearHa: number;
  capacityHaPerH: number;
  repairRf1: number;
  repairRf2: number;
}

/** Ownership cost split, VND per hectare worked. */
export interface OwnershipCost {
  fixedVndPerYear: number;
  fixedVndPerHa: number;
  repairVndPerHa: number;
  /** fixed + repair. */
  totalVndPerHa: number;
  hoursPerYear: number;
}

/**
 * Ownership and repair cost per hectare worked.
 * @example
 * ```ts
 * import { ownershipCost } from 'agrisim';
 * // 500 M VND drone, 5 years, 10 % salvage, 8 % interest, 1.5 % TIH, 1500 ha/year at 5 ha/h
 * ownershipCost({ priceVnd: 500e6, lifeYears: 5, salvagePct: 10, interestPctPerYear: 8, tihPctPerYear: 1.5,
 *   areaPerYearHa: 1500, capacityHaPerH: 5, repairRf1: 0.41, repairRf2: 1.3 }).fixedVndPerYear; // 119 500 000
 * ```
 */
export function ownershipCost(m: OwnershipInput): OwnershipCost {
  const salvageVnd = (m.priceVnd * m.salvagePct) / 100;
  const depreciation = (m.priceVnd - salvageVnd) / m.lifeYears;
  const interest = ((m.interestPctPerYear / 100) * (m.priceVnd + salvageVnd)) / 2;
  const tih = (m.tihPctPerYear / 100) * m.priceVnd;
  const fixedVndPerYear = depreciation + interest + tih;
  const hoursPerYear = m.areaPerYearHa / m.capacityHaPerH;
  const lifeHours = hoursPerYear * m.lifeYears;
  const lifeRepairVnd = m.repairRf1 * m.priceVnd * Math.pow(lifeHours / 1000, m.repairRf2);
  const repairVndPerHa = lifeRepairVnd / (m.areaPerYearHa * m.lifeYears);
  const fixedVndPerHa = fixedVndPerYear / m.areaPerYearHa;
  return { fixedVndPerYear, fixedVndPerHa, repairVndPerHa, totalVndPerHa: fixedVndPerHa + repairVndPerHa, hoursPerYear };
}
