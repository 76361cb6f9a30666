/**
 * The viewer's formatting: the units module's functions (the one home of number, money and
 * area formats), with the language first as the panel calls them.
 */
import * as units from '../../units/index.js';
import type { Lang } from './i18n.js';

/** A number with a fixed count of decimals, grouped per language. */
export const formatNumber = (lang: Lang, value: number, decimals = 0): string =>
  Number.isFinite(value) ? units.formatNumber(value, lang, decimals) : '–';
/** Money: `1.250.000 ₫` (vi), `1,250,000 VND` (en). */
export const formatVnd = (lang: Lang, vnd: number): string => (Number.isFinite(vnd) ? units.formatVnd(vnd, lang) : '–');
/** Percent with one decimal: `42,5 %` (vi) or `42.5%` (en). */
export const formatPct = (lang: Lang, pct: number): string => units.formatPct(pct, lang);
/** Hectares with two decimals. */
export const formatHa = (lang: Lang, ha: number): string => units.formatHa(ha, lang);
/** An area in hectares written in sào with one decimal. */
export const formatSao = (lang: Lang, ha: number): string => units.formatSao(ha, lang);
/** Seconds as h:mm:ss (or m:ss under an hour). */
export const formatDuration = units.formatDuration;
/** Speed in km/h with one decimal. */
export const formatSpeed = (lang: Lang, speedMps: number): string => units.formatSpeed(speedMps, lang);
