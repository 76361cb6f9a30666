/**
 * The one table of model defaults (Red River Delta, 2023 prices): every number the savings
 * model uses, with its unit (in both languages), plausible range, the sources it comes from
 * (ids of SOURCES, full references in docs/economics.md) and a note saying how it was read,
 * so an extension officer can defend each one. Figures no source gives are marked assumptions.
 * The rows live by theme under defaults/; this joins them in report order.
 */
import type { AssumptionDef, Lang } from './types.js';
import { SOURCES_BY_ID } from './sources.js';
import { BLOCK_ROWS } from './defaults/block.js';
import { COMMON_ROWS } from './defaults/common.js';
import { DRONE_ROWS } from './defaults/drone.js';
import { FERTILIZING_SPRAYING_ROWS } from './defaults/fertilizing-spraying.js';
import { def } from './defaults/row.js';
import { TRANSPLANTING_ROWS } from './defaults/transplanting.js';

/** Every default, in report order. Keys are stable: the CLI's `--set key=value` and JSON files use them. */
export const ASSUMPTIONS: readonly AssumptionDef[] = [
  ...COMMON_ROWS,
  ...FERTILIZING_SPRAYING_ROWS,
  ...DRONE_ROWS,
  ...TRANSPLANTING_ROWS,
  ...BLOCK_ROWS,
].map(def);

/** The table by key. */
export const ASSUMPTIONS_BY_KEY: ReadonlyMap<string, AssumptionDef> = new Map(ASSUMPTIONS.map((a) => [a.key, a]));

/** Default values by key. */
export function defaultValues(): Record<string, number> {
  return Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.value]));
}

/** The unit of an assumption in a language. */
export function unitOf(a: AssumptionDef, lang: Lang): string {
  return lang === 'vi' ? a.unitVi : a.unit;
}

/**
 * Where a default comes from, in a language: the note, then the sources' short names
 * ("assumption" when none).
 * @example sourceText(ASSUMPTIONS_BY_KEY.get('wageVndPerDay')!, 'vi'); // 'cấy thuê ở Thái Bình …; Lao Động (Thái Bình); Tổng cục Thống kê'
 */
export function sourceText(a: AssumptionDef, lang: Lang): string {
  const names = a.refs.map((id) => SOURCES_BY_ID.get(id)?.short[lang] ?? id);
  const note = a.note[lang];
  const parts = [note, ...names].filter((x) => x !== '');
  return parts.length ? parts.join('; ') : lang === 'vi' ? 'giả định' : 'assumption';
}
