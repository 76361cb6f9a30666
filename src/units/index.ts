/**
 * Units: the one home of area units (sào Bắc Bộ = 360 m², ha) and of how numbers, money
 * (VND), percents, areas and durations are written in Vietnamese and English.
 * Pure and browser-safe: the viewer bundles it.
 */
export { SAO_M2, HA_M2, haToSao, saoToHa, perSao } from './area.js';
export { roundTo } from './round.js';
export {
  formatNumber,
  formatVnd,
  formatMillionVnd,
  formatRoughVnd,
  formatPct,
  formatHa,
  formatSao,
  formatDuration,
  formatSpeed,
} from './format.js';
export type { Lang } from './format.js';
