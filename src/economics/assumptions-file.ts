/**
 * The assumptions file (`agrisim savings --assumptions FILE.json`): its schema, declared once
 * with valibot from the one table of defaults (assumptions.ts). The types are inferred from it,
 * the checks come from it (each key's valid range is the table's), and `npm run schemas` writes
 * docs/schemas/assumptions.schema.json for users' editors. Two shapes are accepted: an object
 * `{"KEY": number, …}`, or the report's own list `{"assumptions": [{"key", "value"}, …]}` (so a
 * saved `savings --json` report can be fed back). Every problem names the file and key path:
 * `ECON_UNKNOWN_KEY` for a key the table does not have, `ECON_INVALID_VALUE` for anything else.
 */
import * as v from 'valibot';
import { EconomicsError } from '../errors.js';
import { deepestIssue, isUnknownKey, issueKeyPath } from '../validation/index.js';
import { ASSUMPTIONS } from './assumptions.js';
import type { AssumptionDef } from './types.js';

/**
 * One assumption's value: a finite number inside the table's valid range. The messages are the
 * sentence after the key (`wageVndPerDay must be greater than 0 (VND/person-day)`).
 */
export function assumptionValueSchema(def: AssumptionDef): v.GenericSchema<unknown, number> {
  const unit = `(${def.unit})`;
  const { positive, min, max } = def.valid;
  const bounds: v.GenericPipeAction<number, number>[] = [];
  if (positive) bounds.push(v.gtValue(0, `must be greater than 0 ${unit}`));
  if (min !== undefined) bounds.push(v.minValue(min, `must be at least ${min} ${unit}`));
  if (max !== undefined) bounds.push(v.maxValue(max, `must be at most ${max} ${unit}`));
  return v.pipe(
    v.number(`must be a finite number ${unit}`),
    v.finite(`must be a finite number ${unit}`),
    ...(bounds as [v.GenericPipeAction<number, number>]),
    v.description(`${def.label.en}, ${def.unit}; default ${def.value}`),
  ) as unknown as v.GenericSchema<unknown, number>;
}

const VALUE_SCHEMAS = new Map(ASSUMPTIONS.map((def) => [def.key, assumptionValueSchema(def)]));
const KEYS = ASSUMPTIONS.map((a) => a.key);

/** The object shape: `{"wageVndPerDay": 250000, …}`, every key optional, no other key. */
export const AssumptionsObjectSchema = v.pipe(
  v.strictObject(Object.fromEntries(ASSUMPTIONS.map((def) => [def.key, v.optional(VALUE_SCHEMAS.get(def.key)!)]))),
  v.description('overrides by assumption key (agrisim savings --list-assumptions)'),
);

/** One entry of the report's list; its other fields (unit, source, …) are ignored. */
export const AssumptionsListEntrySchema = v.looseObject({
  key: v.picklist(KEYS, 'must be a known assumption key'),
  value: v.pipe(v.number('must be a finite number'), v.finite('must be a finite number')),
});

/** The report's list shape: `{"assumptions": [{"key": "…", "value": number}, …]}`; other top-level fields are ignored. */
export const AssumptionsListSchema = v.looseObject({
  assumptions: v.array(AssumptionsListEntrySchema, 'must be a list of {"key": "…", "value": number}'),
});

/** An assumptions file: either shape. */
export const AssumptionsFileSchema = v.union([AssumptionsObjectSchema, AssumptionsListSchema]);

/** Overrides by assumption key, as the file gives them. */
export type AssumptionOverrides = Record<string, number>;

/** The sentence for a key the table does not have, naming the closest keys. */
export function unknownAssumptionMessage(key: string): string {
  const word = key.toLowerCase().split('.').pop() ?? key;
  const near = KEYS.filter((k) => k.toLowerCase().includes(word)).slice(0, 5);
  return `unknown assumption "${key}"${near.length ? `; did you mean ${near.join(', ')}?` : ''} (see agrisim savings --help)`;
}

/**
 * Checks one value against its key's schema.
 * @returns the issue's sentence (after the key), or undefined when valid
 */
export function assumptionValueProblem(key: string, value: unknown): string | undefined {
  const schema = VALUE_SCHEMAS.get(key);
  if (!schema) return unknownAssumptionMessage(key);
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success ? undefined : result.issues[0].message;
}

/** The object-shape issue as a coded error: an unknown key, or the key's value. */
function objectShapeError(issue: v.BaseIssue<unknown>, key: string, source: string): EconomicsError {
  if (isUnknownKey(issue))
    return new EconomicsError('ECON_UNKNOWN_KEY', `${source}: ${unknownAssumptionMessage(key)}`, { key, path: source });
  return new EconomicsError('ECON_INVALID_VALUE', `${source}: "${key}" ${issue.message}, got ${JSON.stringify(issue.input)}`, {
    key,
    value: issue.input,
    path: source,
  });
}

/** The list-shape issue as a coded error naming the entry (`assumptions[1].value`). */
function listShapeError(issue: v.BaseIssue<unknown>, key: string, source: string): EconomicsError {
  if (key.endsWith('.key') && typeof issue.input === 'string') {
    return new EconomicsError('ECON_UNKNOWN_KEY', `${source}: "${key}" ${unknownAssumptionMessage(issue.input)}`, {
      key: issue.input,
      path: source,
    });
  }
  const problem = issue.type === 'object' || issue.type === 'loose_object' ? 'must be {"key": "…", "value": number}' : issue.message;
  return new EconomicsError('ECON_INVALID_VALUE', `${source}: "${key}" ${problem}, got ${JSON.stringify(issue.input)}`, {
    key,
    value: issue.input,
    path: source,
  });
}

/**
 * Checks a parsed assumptions file and returns its overrides by key (ranges checked too).
 * @example
 * ```ts
 * import { parseAssumptionsFile } from 'agrisim';
 * parseAssumptionsFile({ wageVndPerDay: 250000 }); // { wageVndPerDay: 250000 }
 * parseAssumptionsFile({ assumptions: [{ key: 'hoursPerDay', value: 7 }] }); // { hoursPerDay: 7 }
 * ```
 * @param obj - the parsed JSON
 * @param source - file name for messages
 * @throws EconomicsError `ECON_UNKNOWN_KEY`, `ECON_INVALID_VALUE`
 */
export function parseAssumptionsFile(obj: unknown, source = 'assumptions'): AssumptionOverrides {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new EconomicsError('ECON_INVALID_VALUE', `${source}: expected a JSON object {"KEY": number, …}`, { path: source });
  }
  if (Array.isArray((obj as { assumptions?: unknown }).assumptions)) {
    const result = v.safeParse(AssumptionsListSchema, obj, { abortEarly: true });
    if (!result.success) {
      const { issue, path } = deepestIssue(result.issues[0]);
      throw listShapeError(issue, issueKeyPath(path), source);
    }
    const out: AssumptionOverrides = {};
    result.output.assumptions.forEach(({ key, value }, i) => {
      const problem = assumptionValueProblem(key, value);
      if (problem)
        throw new EconomicsError('ECON_INVALID_VALUE', `${source}: "assumptions[${i}].value" (${key}) ${problem}, got ${value}`, {
          key,
          value,
          path: source,
        });
      out[key] = value;
    });
    return out;
  }
  const result = v.safeParse(AssumptionsObjectSchema, obj, { abortEarly: true });
  if (!result.success) {
    const { issue, path } = deepestIssue(result.issues[0]);
    throw objectShapeError(issue, issueKeyPath(path), source);
  }
  return Object.fromEntries(Object.entries(result.output).filter((e): e is [string, number] => e[1] !== undefined));
}
