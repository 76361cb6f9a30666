/**
 * Machine ownership and repair cost per hectare, ASABE EP496 / D497:
 *  - years of use = min(life hours / hours per year, years until obsolete);
 *  - a year of ownership: depreciation (P' − S)/years, interest i·(P' + S)/2 less the share
 *    the state pays, taxes/insurance/housing as a share of P; divided by the area per year;
 *  - repairs: the accumulated repair cost over the whole life, P·RF1·(life/1000)^RF2 (D497),
 *    spread evenly over the life hours (the same cost every hour, not the marginal cost of the
 *    last hour), divided by the field capacity.
 * P' is the price the owner pays after a purchase subsidy (share of P, capped). So the cost
 * per ha falls as the area per year grows: fixed costs spread over more hectares, and a
 * machine worn out sooner loses its value over fewer years but no faster per hour.
 */

/** What owning a machine costs depends on. */
export interface OwnershipInput {
  priceVnd: number;
  /** ASABE D497 life, hours. */
  lifeHours: number;
  /** Years until the machine is obsolete even if not worn out. */
  obsolescenceYears: number;
  salvagePct: number;
  interestPctPerYear: number;
  tihPctPerYear: number;
  /** Hectares worked per year (all applications). */
  areaPerYearHa: number;
  capacityHaPerH: number;
  repairRf1: number;
  repairRf2: number;
  /** Purchase subsidy, % of the price (default 0). */
  subsidyPct?: number;
  /** Largest subsidy, VND (0 or missing: no cap). */
  subsidyCapVnd?: number;
  /** Years in which the state pays all the loan interest, then half of it (Decision 68/2013/QĐ-TTg: 2 and 1). */
  interestSupport?: { fullYears: number; halfYears: number };
}

/** Ownership cost split, VND per hectare worked. */
export interface OwnershipCost {
  hoursPerYear: number;
  yearsOfUse: number;
  /** Price the owner pays after the subsidy. */
  paidVnd: number;
  fixedVndPerYear: number;
  fixedVndPerHa: number;
  /** Accumulated repair cost over the life (D497). */
  lifeRepairVnd: number;
  repairVndPerHa: number;
  /** fixed + repair. */
  totalVndPerHa: number;
}

/**
 * Ownership and repair cost per hectare worked.
 * @example
 * ```ts
 * import { ownershipCost } from 'agrisim';
 * // 470 M VND guided transplanter, 1500 h life, 10 years at most, 60 ha/year at 0.25 ha/h → 240 h/year, 6.25 years
 * const c = ownershipCost({ priceVnd: 470e6, lifeHours: 1500, obsolescenceYears: 10, salvagePct: 10, interestPctPerYear: 8,
 *   tihPctPerYear: 1.5, areaPerYearHa: 60, capacityHaPerH: 0.25, repairRf1: 0.32, repairRf2: 2.1 });
 * c.yearsOfUse; // 6.25
 * ```
 */
export function ownershipCost(m: OwnershipInput): OwnershipCost {
  const hoursPerYear = m.areaPerYearHa / m.capacityHaPerH;
  const yearsOfUse = Math.min(m.lifeHours / hoursPerYear, m.obsolescenceYears);
  const subsidy = (m.priceVnd * (m.subsidyPct ?? 0)) / 100;
  const cap = m.subsidyCapVnd && m.subsidyCapVnd > 0 ? m.subsidyCapVnd : Infinity;
  const paidVnd = m.priceVnd - Math.min(subsidy, cap);
  const salvageVnd = (m.priceVnd * m.salvagePct) / 100;
  const depreciation = Math.max(0, paidVnd - salvageVnd) / yearsOfUse;
  const support = m.interestSupport;
  // Interest the state pays, as a share of the interest over the years of use.
  const supportShare = support ? Math.min(1, (support.fullYears + 0.5 * support.halfYears) / yearsOfUse) : 0;
  const interest = (((m.interestPctPerYear / 100) * (paidVnd + salvageVnd)) / 2) * (1 - supportShare);
  const tih = (m.tihPctPerYear / 100) * m.priceVnd;
  const fixedVndPerYear = depreciation + interest + tih;
  const lifeRepairVnd = m.priceVnd * m.repairRf1 * Math.pow(m.lifeHours / 1000, m.repairRf2);
  const repairVndPerHa = lifeRepairVnd / m.lifeHours / m.capacityHaPerH;
  const fixedVndPerHa = fixedVndPerYear / m.areaPerYearHa;
  return {
    hoursPerYear,
    yearsOfUse,
    paidVnd,
    fixedVndPerYear,
    fixedVndPerHa,
    lifeRepairVnd,
    repairVndPerHa,
    totalVndPerHa: fixedVndPerHa + repairVndPerHa,
  };
}
