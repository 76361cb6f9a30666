/**
 * Assumption values for one computation: defaults, replaced by a simulated run's measured
 * figures, replaced by the user's overrides (library, `--set key=value`, JSON file). Every
 * value is checked against the table: unknown keys and out-of-range values get coded errors.
 */
import { EconomicsError } from '../errors.js';
import { ASSUMPTIONS, ASSUMPTIONS_BY_KEY, defaultValues, sourceText, unitOf } from './assumptions.js';
import { assumptionValueProblem, unknownAssumptionMessage } from './assumptions-file.js';
import { formatNumber, roundTo } from '../units/index.js';
import type { AssumptionEntry, AssumptionValues, Lang, Operation } from './types.js';

/** A measured value from a run and the sentence that says where it came from. */
export interface MeasuredValue {
  value: number;
  source: string;
}

/** Values of one computation with where each came from. */
export interface ResolvedAssumptions {
  values: AssumptionValues;
  fromRun: ReadonlySet<string>;
  overridden: ReadonlySet<string>;
  /** Sources replaced by run measurements. */
  sources: Readonly<Record<string, string>>;
}

/**
 * Checks one value against the table.
 * @throws EconomicsError `ECON_UNKNOWN_KEY` (naming the closest keys), `ECON_INVALID_VALUE`
 */
export function checkAssumption(key: string, value: unknown): number {
  if (!ASSUMPTIONS_BY_KEY.has(key)) throw new EconomicsError('ECON_UNKNOWN_KEY', unknownAssumptionMessage(key), { key });
  const problem = assumptionValueProblem(key, value);
  if (problem) throw new EconomicsError('ECON_INVALID_VALUE', `${key} ${problem}, got ${JSON.stringify(value)}`, { key, value });
  return value as number;
}

/**
 * Parses a number typed by a person: `300000`, `300_000`, `3e5`, `1.5`. Refuses `300.000`
 * and `300,000` (a Vietnamese reader's thousands separator would silently mean 300).
 * @throws EconomicsError `ECON_INVALID_VALUE`
 */
export function parseAssumptionNumber(key: string, text: string): number {
  const t = text.trim().replace(/_/g, '');
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(t) || t.includes(',')) {
    throw new EconomicsError('ECON_INVALID_VALUE', `${key}: "${text}" is ambiguous; write digits without separators, e.g. 300000`, {
      key,
      value: text,
    });
  }
  const n = t === '' ? NaN : Number(t);
  if (!Number.isFinite(n)) throw new EconomicsError('ECON_INVALID_VALUE', `${key} must be a number, got "${text}"`, { key, value: text });
  return n;
}

/**
 * Merges defaults, run measurements and overrides (overrides win).
 * @param overrides - values by key, checked against the table
 * @param measured - values measured in a simulated run, by key
 * @throws EconomicsError `ECON_UNKNOWN_KEY`, `ECON_INVALID_VALUE`
 * @example
 * ```ts
 * import { resolveAssumptions } from 'agrisim';
 * resolveAssumptions({ wageVndPerDay: 250000 }).values.wageVndPerDay; // 250000
 * ```
 */
export function resolveAssumptions(
  overrides: Readonly<Record<string, unknown>> = {},
  measured: Readonly<Record<string, MeasuredValue>> = {},
): ResolvedAssumptions {
  const values = defaultValues();
  const fromRun = new Set<string>();
  const sources: Record<string, string> = {};
  for (const [key, m] of Object.entries(measured)) {
    values[key] = checkAssumption(key, m.value);
    fromRun.add(key);
    sources[key] = m.source;
  }
  const overridden = new Set<string>();
  for (const [key, v] of Object.entries(overrides)) {
    values[key] = checkAssumption(key, v);
    overridden.add(key);
    fromRun.delete(key);
  }
  return { values, fromRun, overridden, sources };
}

const round = (v: number) => roundTo(v, 6);

/** The assumptions an operation depends on, as the report and JSON list them, in a language. */
export function assumptionEntries(resolved: ResolvedAssumptions, operation: Operation, lang: Lang = 'en'): AssumptionEntry[] {
  return ASSUMPTIONS.filter((a) => a.ops.includes(operation)).map((a) => {
    const overridden = resolved.overridden.has(a.key);
    const def = `${formatNumber(a.value, lang, Number.isInteger(a.value) ? 0 : 3)} ${unitOf(a, lang)}`;
    const source = overridden
      ? lang === 'vi'
        ? `người dùng đặt (mặc định ${def})`
        : `set by the user (default ${def})`
      : (resolved.sources[a.key] ?? sourceText(a, lang));
    return {
      key: a.key,
      value: round(resolved.values[a.key]),
      unit: unitOf(a, lang),
      range: a.range ? [a.range[0], a.range[1]] : null,
      source,
      refs: [...a.refs],
      fromRun: resolved.fromRun.has(a.key),
      overridden,
    };
  });
}
