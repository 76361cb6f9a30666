/**
 * Inputs (fertilizer, pesticide, seedling trays): the rate per hectare plus what overlap
 * wastes. Overlap is measured in the simulated run (guided vs manual), so a sloppier run
 * costs more product. Gaps are not product saved: they are work left undone (for
 * transplanting, filled by hand; see labour).
 */

/**
 * Cost of a product applied at `quantityPerHa` with `overlapPct` % of the field covered twice.
 * @example
 * ```ts
 * // inside the economics stage (its index.ts); not on the library face
 * productCostVnd(200, 10, 11_000); // 200 kg × 1.10 × 11 000 VND = 2 420 000
 * ```
 */
export function productCostVnd(quantityPerHa: number, overlapPct: number, priceVndPerUnit: number): number {
  return quantityPerHa * (1 + overlapPct / 100) * priceVndPerUnit;
}
