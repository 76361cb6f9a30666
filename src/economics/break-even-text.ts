/**
 * The break-even sentence of the reports, one correct sentence in the report's language:
 * both areas, or the reason owning never pays.
 */
import type { BreakEven, Lang } from './types.js';
import { formatNumber } from '../units/index.js';
import { words } from './i18n.js';

/**
 * The one sentence of the break-even (computed with it, in its language).
 * @example breakEvenSentence(computeSavings({ operation: 'transplanting', areaHa: 1 }).breakEvenHaPerYear);
 * // 'Owning the machine costs less than hiring the service from 18.9 ha/year, and less than doing the work by hand from 9 ha/year.'
 */
export function breakEvenSentence(be: BreakEven): string {
  return be.sentence;
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
