/**
 * Looks strings up in the per-language dictionaries (lang/en.ts defines the keys, lang/vi.ts
 * must have each of them) and picks the language. Vietnamese is the default when the
 * browser's first matching language is Vietnamese; `?lang=vi|en` and the switch override.
 */
import type { Lang } from '../../units/index.js';
import { EN, type StringKey } from './lang/en.js';
import { VI } from './lang/vi.js';

export type { Lang, StringKey };

/** Every language's dictionary: one file per language under lang/. */
export const TABLES: Record<Lang, Record<StringKey, string>> = { en: EN, vi: VI };

/** The string for `key` in `lang`. */
export function t(lang: Lang, key: StringKey): string {
  return TABLES[lang][key];
}

/** Looks up a dynamic key such as `fix.rtk-fixed`, falling back to the raw value. */
export function tDynamic(lang: Lang, prefix: string, value: string): string {
  const table = TABLES[lang] as Record<string, string>;
  return table[`${prefix}.${value}`] ?? value;
}

/**
 * Picks the language: an explicit `?lang=`, else the first of the browser's languages that
 * is Vietnamese or English, else English.
 * @example
 * pickLang(null, ['vi-VN', 'en-US']); // 'vi'
 */
export function pickLang(param: string | null, languages: readonly string[]): Lang {
  if (param === 'vi' || param === 'en') return param;
  for (const l of languages) {
    const base = l.toLowerCase().split('-')[0];
    if (base === 'vi' || base === 'en') return base;
  }
  return 'en';
}
