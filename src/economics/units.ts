/**
 * Local area unit: 1 sào Bắc Bộ (Red River Delta) = 360 m², so 1 ha = 27.78 sào.
 * The constant is the field stage's (one definition; a types-only module, browser-safe).
 */
import { SAO_M2 } from '../field/types.js';

/** Hectares to sào Bắc Bộ. @example haToSao(1); // 27.777… */
export function haToSao(ha: number): number {
  return (ha * 10_000) / SAO_M2;
}

/** Sào Bắc Bộ to hectares. @example saoToHa(100); // 3.6 */
export function saoToHa(sao: number): number {
  return (sao * SAO_M2) / 10_000;
}

/** A per-hectare figure expressed per sào (× 0.036). @example perSao(9_000_000); // 324 000 */
export function perSao(perHa: number): number {
  return (perHa * SAO_M2) / 10_000;
}
