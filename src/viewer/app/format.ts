/**
 * Numbers, money, areas and durations formatted per locale: vi uses `1.250.000 ₫` and a
 * decimal comma, en uses `VND 1,250,000` and a decimal point.
 */
import type { Lang } from './i18n.js';

/** 1 sào Bắc Bộ = 360 m² (DESIGN.md, local unit of the Red River Delta). */
export const SAO_M2 = 360;
const HA_M2 = 10_000;

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-US' };
const cache = new Map<string, Intl.NumberFormat>();

function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(LOCALE[lang], opts);
    cache.set(key, f);
  }
  return f;
}

/** A number with a fixed count of decimals, grouped per locale. */
export function formatNumber(lang: Lang, value: number, decimals = 0): string {
  if (!Number.isFinite(value)) return '–';
  return nf(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
}

/**
 * Money in VND, no decimals.
 * @example
 * formatVnd('vi', 1250000); // '1.250.000 ₫'
 */
export function formatVnd(lang: Lang, vnd: number): string {
  if (!Number.isFinite(vnd)) return '–';
  return nf(lang, { style: 'currency', currency: 'VND', currencyDisplay: lang === 'vi' ? 'symbol' : 'code', maximumFractionDigits: 0 })
    .format(Math.round(vnd))
    .replace(/\u00a0/g, ' ');
}

/** Percent with one decimal: `42,5 %` (vi) or `42.5%` (en). */
export function formatPct(lang: Lang, pct: number): string {
  return lang === 'vi' ? `${formatNumber(lang, pct, 1)} %` : `${formatNumber(lang, pct, 1)}%`;
}

/** Hectares with two decimals. */
export function formatHa(lang: Lang, ha: number): string {
  return `${formatNumber(lang, ha, 2)} ha`;
}

/** Sào (360 m²) with one decimal. */
export function formatSao(lang: Lang, ha: number): string {
  return `${formatNumber(lang, (ha * HA_M2) / SAO_M2, 1)} sào`;
}

/** Seconds as h:mm:ss (or m:ss under an hour). */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Speed in km/h with one decimal. */
export function formatSpeed(lang: Lang, speedMps: number): string {
  return `${formatNumber(lang, speedMps * 3.6, 1)} km/h`;
}
