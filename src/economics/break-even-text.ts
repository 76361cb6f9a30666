/**
 * The break-even sentence of the reports, one correct sentence in the report's language:
 * both areas, or the reason owning never pays.
 */
import type { BreakEven, Lang } from './types.js';
import { formatNumber } from '../units/index.js';
import { words } from './i18n.js';

/**
 * @example breakEvenSentence({ ownVsHire: 18.9, ownVsManual: 9, reason: '' }, 'en');
 * // 'Owning the machine costs less than hiring the service from 18.9 ha/year, and less than doing the work by hand from 9 ha/year.'
 */
export function breakEvenSentence(be: BreakEven, lang: Lang): string {
  const w = words(lang);
  const ha = (x: number) => `${formatNumber(x, lang, Number.isInteger(x) ? 0 : 1)} ${w.haPerYear}`;
  if (be.ownVsHire !== null && be.ownVsManual !== null) return w.breakEvenSentence(ha(be.ownVsHire), ha(be.ownVsManual));
  const parts: string[] = [];
  if (be.ownVsHire !== null) parts.push(lang === 'vi' ? `Tự mua máy rẻ hơn thuê dịch vụ khi máy làm từ ${ha(be.ownVsHire)}.` : `Owning the machine costs less than hiring the service from ${ha(be.ownVsHire)}.`);
  if (be.ownVsManual !== null) parts.push(lang === 'vi' ? `Tự mua máy rẻ hơn làm tay khi máy làm từ ${ha(be.ownVsManual)}.` : `Owning the machine costs less than doing the work by hand from ${ha(be.ownVsManual)}.`);
  const reason = be.reason.charAt(0).toUpperCase() + be.reason.slice(1);
  return [...parts, `${reason}.`].join(' ');
}

/**
 * The break-even with support, short (the reasons are in the sentence without support), or
 * "the same" when support changes nothing.
 * @example supportSentence(withSupport, without, 'en'); // 'owning against hiring: never; owning against hand work: 1,445.3 ha/year.'
 */
export function supportSentence(withSupport: BreakEven, without: BreakEven, lang: Lang): string {
  const w = words(lang);
  if (withSupport.ownVsHire === without.ownVsHire && withSupport.ownVsManual === without.ownVsManual) return w.sameWithSupport;
  const be = (x: number | null) => (x === null ? w.never : `${formatNumber(x, lang, Number.isInteger(x) ? 0 : 1)} ${w.haPerYear}`);
  return `${w.ownVsHire}: ${be(withSupport.ownVsHire)}; ${w.ownVsManual}: ${be(withSupport.ownVsManual)}.`;
}
