/**
 * Money and number formatting for Vietnamese and English readers: 1.250.000 ₫ (vi),
 * 1,250,000 VND (en). Written by hand (no Intl) so every runtime prints the same bytes,
 * with a plain space before the symbol.
 */
import type { Lang } from './types.js';

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

/**
 * Money rounded as people say it: vi `≈ 126 nghìn ₫`, `≈ 1,25 triệu ₫`; en `≈ 126 thousand VND`,
 * `≈ 1.25 million VND` (three significant digits at most).
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
  if (a >= 1e3) return `≈ ${sign}${scaled(a / 1e3)} ${lang === 'vi' ? 'nghìn' : 'thousand'} ${unit}`;
  return `≈ ${sign}${formatNumber(a, lang)} ${unit}`;
}

/** A percentage: vi `1,5 %`, en `1.5 %`. @example formatPct(1.5, 'vi'); // '1,5 %' */
export function formatPct(value: number, lang: Lang, decimals = 1): string {
  return `${formatNumber(value, lang, decimals)} %`;
}
