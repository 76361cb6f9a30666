/**
 * Areas: the local unit of the Red River Delta, 1 sào Bắc Bộ = 360 m² (so 1 ha = 27.78 sào;
 * Vietnamese customary measure, as in docs/contracts.md), and hectares. The one home of both constants.
 */

/** 1 sào Bắc Bộ (northern Vietnam) in m². */
export const SAO_M2 = 360;

/** 1 hectare in m². */
export const HA_M2 = 10_000;

/** Hectares to sào Bắc Bộ. @example haToSao(1); // 27.777… */
export function haToSao(ha: number): number {
  return (ha * HA_M2) / SAO_M2;
}

/** Sào Bắc Bộ to hectares. @example saoToHa(100); // 3.6 */
export function saoToHa(sao: number): number {
  return (sao * SAO_M2) / HA_M2;
}

/** A per-hectare figure expressed per sào (× 0.036). @example perSao(9_000_000); // 324 000 */
export function perSao(perHa: number): number {
  return (perHa * SAO_M2) / HA_M2;
}
