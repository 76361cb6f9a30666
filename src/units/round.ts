/**
 * Rounding figures for output: metrics, savings and JSON are written with a fixed number of
 * decimals so the same run prints the same bytes and people read figures as they say them.
 */

/**
 * `value` rounded to `decimals` places (half away from zero for positives, as Math.round).
 * @example
 * roundTo(12.34567, 2); // 12.35
 */
export function roundTo(value: number, decimals: number): number {
  const k = 10 ** decimals;
  return Math.round(value * k) / k;
}
