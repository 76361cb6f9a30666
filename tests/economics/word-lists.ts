/**
 * Word lists of the language checks: a Vietnamese page or screen holds none of the English
 * words, an English one none of the Vietnamese words (whole words, any case).
 */
import type { Lang } from '../../src/units/index.js';

/** English words a Vietnamese page must not hold (whole words, any case). */
export const ENGLISH_WORDS = [
  'the',
  'and',
  'of',
  'per',
  'source',
  'sources',
  'assumption',
  'assumptions',
  'base',
  'machine',
  'owned',
  'owning',
  'hire',
  'hiring',
  'labour',
  'labor',
  'cost',
  'costs',
  'savings',
  'saves',
  'area',
  'year',
  'never',
  'because',
  'drone',
  'set',
  'user',
  'value',
  'range',
  'unit',
  'total',
  'manual',
  'season',
  'break-even',
  'seedlings',
  'trays',
  'price',
  'fuel',
  'battery',
  'repair',
  'repairs',
  'wage',
  'sensitivity',
  'simulated',
  'run',
  'field',
  'plan',
  'with',
  'without',
  'support',
];
/** Vietnamese words an English page must not hold. */
export const VIETNAMESE_WORDS = [
  'của',
  'và',
  'không',
  'tiết',
  'kiệm',
  'máy',
  'cấy',
  'công',
  'nguồn',
  'giả',
  'định',
  'năm',
  'mỗi',
  'thuê',
  'tay',
  'nghìn',
  'triệu',
  'giờ',
  '₫',
];

export function foreignWords(text: string, lang: Lang): string[] {
  const list = lang === 'vi' ? ENGLISH_WORDS : VIETNAMESE_WORDS;
  const tokens = new Set(text.toLowerCase().split(/[^\p{L}\p{N}₫-]+/u));
  return list.filter((w) => tokens.has(w));
}
