/**
 * The shape of one row of the defaults table and the units, ranges and operation sets its rows
 * share (each row file under defaults/ holds one theme of the table; assumptions.ts joins them
 * in report order).
 */
import type { AssumptionDef, Operation } from '../types.js';

/** Operation sets a default applies to. */
export const ALL: readonly Operation[] = ['fertilizing', 'transplanting', 'spraying'];
export const DRONE_OPS: readonly Operation[] = ['fertilizing', 'spraying'];
export const FERT: readonly Operation[] = ['fertilizing'];
export const SPRAY: readonly Operation[] = ['spraying'];
export const TP: readonly Operation[] = ['transplanting'];

/** Validity rules: above 0, at least 0, a percentage. */
export const POS = { positive: true } as const;
export const NONNEG = { min: 0 } as const;
export const PCT = { min: 0, max: 100 } as const;

/** One default: key, value, unit (en, vi), plausible range, validity, operations, label, source ids, note. */
export type Row = [
  key: string,
  value: number,
  unit: [en: string, vi: string],
  range: [number, number] | null,
  valid: AssumptionDef['valid'],
  ops: readonly Operation[],
  label: [en: string, vi: string],
  refs: string[],
  note: [en: string, vi: string],
];

/** The row as the typed {@link AssumptionDef} the model reads. */
export const def = ([key, value, unit, range, valid, ops, label, refs, note]: Row): AssumptionDef => ({
  key,
  value,
  unit: unit[0],
  unitVi: unit[1],
  range,
  valid,
  ops,
  label: { en: label[0], vi: label[1] },
  refs,
  note: { en: note[0], vi: note[1] },
});

/** Units the rows share, [English, Vietnamese]. */
export const VND_DAY: [string, string] = ['VND/person-day', '₫/công'];
export const PD_HA: [string, string] = ['person-days/ha', 'công/ha'];
export const VND: [string, string] = ['VND', '₫'];
export const YEARS: [string, string] = ['years', 'năm'];
export const HOURS: [string, string] = ['h', 'giờ'];
export const PERSONS: [string, string] = ['persons', 'người'];
export const HA_H: [string, string] = ['ha/h', 'ha/giờ'];
export const HA_YEAR: [string, string] = ['ha/year', 'ha/năm'];
export const FIELD_PCT: [string, string] = ['% of field', '% diện tích'];
export const FACTOR: [string, string] = ['–', '–'];
/** The note of a figure no source gives. */
export const ASSUMED: [string, string] = ['assumption', 'giả định'];
