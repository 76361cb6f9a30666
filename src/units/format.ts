/**
 * Money, number, percent, area and duration formatting for Vietnamese and English readers
 * (the one home of it: CLI, reports and the viewer): 1.250.000 ₫ (vi), 1,250,000 VND (en).
 * Written by hand (no Intl) so every runtime, browser or Node, prints the same bytes, with a
 * plain space before the symbol.
 */
import { HA_M2, SAO_M2 } from './area.js';

/** The two languages of every screen and report: Vietnamese and English. */
export type Lang = 'vi' | 'en';

function group(intText: string, sep: string): string {
  return intText.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/**
 * A number with the language's separators: vi `1.250.000,5`, en `1,250,000.5`.
 * @param decimals - digits after the decimal mark (default 0)
 * @example formatNumber(1250000, 'vi'); // '1.250.000'
 */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  const neg = value < 0 && Math.abs(value) >= 0.5 * 10 ** -decimals;
  const [i, f] = Math.abs(value).toFixed(decimals).split('.');
  const thousands = lang === 'vi' ? '.' : ',';
  const mark = lang === 'vi' ? ',' : '.';
  return (neg ? '−' : '') + group(i, thousands) + (f ? mark + f : '');
}

/**
 * An amount of money in đồng, rounded to the đồng: vi `1.250.000 ₫`, en `1,250,000 VND`.
 * @example
 * ```ts
 * import { formatVnd } from 'agrisim';
 * formatVnd(1_250_000, 'vi'); // '1.250.000 ₫'
 * formatVnd(-324_000, 'en'); // '−324,000 VND'
 * ```
 */
export function formatVnd(value: number, lang: Lang): string {
  return `${formatNumber(Math.round(value), lang)} ${lang === 'vi' ? '₫' : 'VND'}`;
}

/**
 * Millions of đồng for chart axes: vi `1,25 tr ₫`, en `1.25 M VND`.
 * @example formatMillionVnd(1_250_000, 'vi'); // '1,25 tr ₫'
 */
export function formatMillionVnd(value: number, lang: Lang): string {
  const m = value / 1e6;
  const decimals = Math.abs(m) >= 100 ? 0 : Math.abs(m) >= 10 ? 1 : 2;
  return `${formatNumber(m, lang, decimals)} ${lang === 'vi' ? 'tr ₫' : 'M VND'}`;
}

/** Percent: vi `42,5 %` (space, decimal comma), en `42.5%`. @example formatPct(1.5, 'vi'); // '1,5 %' */
export function formatPct(pct: number, lang: Lang, decimals = 1): string {
  if (!Number.isFinite(pct)) return '–';
  return lang === 'vi' ? `${formatNumber(pct, lang, decimals)} %` : `${formatNumber(pct, lang, decimals)}%`;
}

/** Hectares with two decimals. @example formatHa(1.5, 'vi'); // '1,50 ha' */
export function formatHa(ha: number, lang: Lang): string {
  return `${formatNumber(ha, lang, 2)} ha`;
}

/** An area given in hectares, written in sào (360 m²) with one decimal. @example formatSao(1, 'en'); // '27.8 sào' */
export function formatSao(ha: number, lang: Lang): string {
  return `${formatNumber((ha * HA_M2) / SAO_M2, lang, 1)} sào`;
}

/** Seconds as h:mm:ss (or m:ss under an hour). @example formatDuration(3725); // '1:02:05' */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Speed in km/h with one decimal. @example formatSpeed(2, 'vi'); // '7,2 km/h' */
export function formatSpeed(speedMps: number, lang: Lang): string {
  return `${formatNumber(speedMps * 3.6, lang, 1)} km/h`;
}

/**
 * Money rounded as people say it: vi `≈ 126 nghìn ₫`, `≈ 1,25 triệu ₫`, `≈ 2.700 ₫`; en
 * `≈ 126 thousand VND`, `≈ 1.25 million VND` (millions to three significant digits).
 * @example formatRoughVnd(126_400, 'vi'); // '≈ 126 nghìn ₫'
 */
export function formatRoughVnd(value: number, lang: Lang): string {
  const a = Math.abs(value);
  const sign = value < 0 && a >= 0.5 ? '−' : '';
  const unit = lang === 'vi' ? '₫' : 'VND';
  const scaled = (v: number) => {
    const r = Number(v.toFixed(v >= 100 ? 0 : v >= 10 ? 1 : 2));
    return formatNumber(r, lang, (String(r).split('.')[1] ?? '').length);
  };
  if (a >= 1e9) return `≈ ${sign}${scaled(a / 1e9)} ${lang === 'vi' ? 'tỷ' : 'billion'} ${unit}`;
  if (a >= 1e6) return `≈ ${sign}${scaled(a / 1e6)} ${lang === 'vi' ? 'triệu' : 'million'} ${unit}`;
  // Thousands are said whole (≈ 126 nghìn); below 10,000 the amount is said to the hundred (≈ 2.700 ₫).
  if (a >= 1e4) return `≈ ${sign}${formatNumber(Math.round(a / 1e3), lang)} ${lang === 'vi' ? 'nghìn' : 'thousand'} ${unit}`;
  return `≈ ${sign}${formatNumber(Math.round(a / 100) * 100, lang)} ${unit}`;
}
