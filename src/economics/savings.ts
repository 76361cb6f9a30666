/**
 * The savings report: manual vs mechanised cost for an area, per ha, per sào and whole,
 * with break-even areas, sensitivity and every assumption used (marked when it came from a
 * simulated run). Pure: takes plain data, returns plain data.
 */
import { EconomicsError } from '../errors.js';
import type { AssumptionValues, CostBlock, Lang, Operation, Ownership, RunSummary, SavingsReport } from './types.js';
import { OPERATIONS } from './types.js';
import { verdict } from './verdict.js';
import { SOURCES_BY_ID } from './sources.js';
import { assumptionEntries, resolveAssumptions } from './resolve-assumptions.js';
import { measuredAssumptions } from './run-measurements.js';
import { machineCostPerHa, manualCostPerHa, METHODS } from './operations.js';
import { breakEven } from './break-even.js';
import { sensitivity } from './sensitivity.js';
import { haToSao, perSao, roundTo } from '../units/index.js';
import { modelChecks } from './checks.js';

/** Largest area accepted, ha (a province is about 150 000 ha; this bounds typos). */
export const MAX_AREA_HA = 1_000_000;

/** What a savings computation takes. */
export interface SavingsInput {
  /** Default `fertilizing`. */
  operation?: Operation;
  /** Area worked, ha. */
  areaHa: number;
  /** Default `own`. */
  ownership?: Ownership;
  /** Assumption overrides by key (see ASSUMPTIONS). */
  overrides?: Readonly<Record<string, unknown>>;
  /** A simulated run whose measured figures replace textbook ones. */
  run?: RunSummary;
  /** Language of the texts in the report (reason, verdict, sources, units); default `en`. */
  lang?: Lang;
}

/**
 * Checks an area: a finite number > 0 (or ≥ 0 when `allowZero`) and ≤ {@link MAX_AREA_HA}.
 * @throws EconomicsError `ECON_INVALID_AREA`
 */
export function checkArea(areaHa: unknown, allowZero = false): number {
  if (typeof areaHa !== 'number' || !Number.isFinite(areaHa) || areaHa < 0 || (!allowZero && areaHa === 0) || areaHa > MAX_AREA_HA) {
    throw new EconomicsError(
      'ECON_INVALID_AREA',
      `area must be a number greater than 0 and at most ${MAX_AREA_HA} ha, got ${JSON.stringify(areaHa)}`,
      { areaHa },
    );
  }
  return areaHa;
}

/** @throws EconomicsError `ECON_INVALID_VALUE` for a language other than vi or en */
export function checkLang(lang: unknown): Lang {
  if (lang !== 'vi' && lang !== 'en')
    throw new EconomicsError('ECON_INVALID_VALUE', `lang must be vi or en, got ${JSON.stringify(lang)}`, { key: 'lang', value: lang });
  return lang;
}

/** @throws EconomicsError `ECON_INVALID_VALUE` for an unknown operation */
export function checkOperation(operation: unknown): Operation {
  if (!OPERATIONS.includes(operation as Operation)) {
    throw new EconomicsError('ECON_INVALID_VALUE', `operation must be one of ${OPERATIONS.join(', ')}, got ${JSON.stringify(operation)}`, {
      key: 'operation',
      value: operation,
    });
  }
  return operation as Operation;
}

/** @throws EconomicsError `ECON_INVALID_VALUE` for an ownership other than own or hire */
export function checkOwnership(ownership: unknown): Ownership {
  if (ownership !== 'own' && ownership !== 'hire') {
    throw new EconomicsError('ECON_INVALID_VALUE', `ownership must be own or hire, got ${JSON.stringify(ownership)}`, {
      key: 'ownership',
      value: ownership,
    });
  }
  return ownership;
}

const r0 = (v: number) => Math.round(v);

/** A per-ha block scaled to `areaHa` and rounded (VND to the đồng, days to 0.001, hours to 0.01). */
export function scaleBlock(b: CostBlock, areaHa: number): CostBlock {
  return {
    method: b.method,
    personDays: roundTo(b.personDays * areaHa, 3),
    hours: roundTo(b.hours * areaHa, 2),
    machineHours: roundTo(b.machineHours * areaHa, 2),
    laborVnd: r0(b.laborVnd * areaHa),
    machineVnd: r0(b.machineVnd * areaHa),
    inputVnd: r0(b.inputVnd * areaHa),
    totalVnd: r0(b.totalVnd * areaHa),
  };
}

/** Per-ha cost blocks of every method of an operation at the given values. */
export function costsPerHa(operation: Operation, v: AssumptionValues, ownership: Ownership) {
  const m = METHODS[operation];
  return {
    manual: manualCostPerHa(operation, v),
    mechanized: machineCostPerHa(operation, v, ownership, m.mechanized),
    // A hired package is one price whoever drives; the unguided alternative is an owner's choice.
    alternatives: ownership === 'hire' ? [] : m.alternatives.map((id) => machineCostPerHa(operation, v, ownership, id)),
  };
}

/** The sources a report cites: those of the assumptions it lists, in table order. */
function citedSources(refs: readonly string[], lang: Lang): SavingsReport['sources'] {
  return [...new Set(refs)].flatMap((id) => {
    const src = SOURCES_BY_ID.get(id);
    return src ? [{ id, name: src.short[lang], text: src.full[lang] }] : [];
  });
}

/**
 * Computes the savings report.
 * @param input - operation, area (ha), ownership, overrides, simulated run
 * @returns the report (`agrisim savings --json`)
 * @throws EconomicsError `ECON_INVALID_AREA`, `ECON_UNKNOWN_KEY`, `ECON_INVALID_VALUE`, `ECON_RUN_MISMATCH`, `ECON_RUN_INVALID`
 * @example
 * ```ts
 * import { computeSavings } from 'agrisim';
 * // manual transplanting of 1 ha on the Thái Bình defaults: (25 + 5) × 375 000 VND = 11 250 000 VND + 1 000 000 seedbed
 * const report = computeSavings({ operation: 'transplanting', areaHa: 1, lang: 'vi' });
 * report.manual.laborVnd; // 11250000
 * report.perSao.manualVnd; // 441000
 * report.breakEvenHaPerYear.sentence; // 'Tự mua máy rẻ hơn thuê dịch vụ khi máy làm từ 18,9 ha/năm, và rẻ hơn làm tay khi máy làm từ 9 ha/năm.'
 * ```
 */
export function computeSavings(input: SavingsInput): SavingsReport {
  const operation = checkOperation(input.operation ?? 'fertilizing');
  const ownership = checkOwnership(input.ownership ?? 'own');
  const areaHa = checkArea(input.areaHa);
  const lang = checkLang(input.lang ?? 'en');
  const measured = input.run ? measuredAssumptions(operation, input.run, lang) : {};
  const resolved = resolveAssumptions(input.overrides ?? {}, measured);
  const v = resolved.values;
  const perHa = costsPerHa(operation, v, ownership);
  const manual = scaleBlock(perHa.manual, areaHa);
  const mechanized = scaleBlock(perHa.mechanized, areaHa);
  const savingsVnd = manual.totalVnd - mechanized.totalVnd;
  const pct = (saved: number) => (manual.totalVnd > 0 ? roundTo((100 * saved) / manual.totalVnd, 1) : 0);
  const savingsPerHa = perHa.manual.totalVnd - perHa.mechanized.totalVnd;
  const assumptions = assumptionEntries(resolved, operation, lang);
  return {
    operation,
    ownership,
    areaHa: roundTo(areaHa, 4),
    areaSao: roundTo(haToSao(areaHa), 2),
    manual,
    mechanized,
    alternatives: perHa.alternatives.map((b) => {
      const s = scaleBlock(b, areaHa);
      return { ...s, savingsVnd: manual.totalVnd - s.totalVnd, savingsPct: pct(manual.totalVnd - s.totalVnd) };
    }),
    savings: { personDays: roundTo(manual.personDays - mechanized.personDays, 3), vnd: savingsVnd, pct: pct(savingsVnd) },
    perHa: { manualVnd: r0(perHa.manual.totalVnd), mechanizedVnd: r0(perHa.mechanized.totalVnd), savingsVnd: r0(savingsPerHa) },
    perSao: {
      manualVnd: r0(perSao(perHa.manual.totalVnd)),
      mechanizedVnd: r0(perSao(perHa.mechanized.totalVnd)),
      savingsVnd: r0(perSao(savingsPerHa)),
    },
    lang,
    breakEvenHaPerYear: breakEven(operation, v, lang),
    breakEvenSupport: { without: breakEven(operation, v, lang, false), with: breakEven(operation, v, lang, true) },
    verdict: verdict(operation, v, perHa.manual, perHa.mechanized, lang),
    sources: citedSources(
      assumptions.flatMap((a) => a.refs),
      lang,
    ),
    sensitivity: sensitivity(operation, v, ownership),
    assumptions,
    checks: modelChecks(operation, v, perHa.manual, perHa.mechanized),
    ...(input.run ? { run: input.run } : {}),
  };
}

/** Savings of the area done so far, as telemetry `progress.savings` carries it (VND, whole area done). */
export interface ProgressSavings {
  operation: Operation;
  ownership: Ownership;
  /** The machine's method (`drone`, `guided-transplanter`, `unguided-transplanter`). */
  method: string;
  /** Area the figures are for, ha. */
  areaHa: number;
  manualVnd: number;
  mechanizedVnd: number;
  /** Negative when the machine costs more than the manual work. */
  savingsVnd: number;
  pct: number;
  personDaysSaved: number;
  perSaoSavingsVnd: number;
  /** `run`: from the finished run's measured figures; `defaults`: from the assumption table. */
  basis: 'defaults' | 'run';
}

/**
 * The figures of a report for another area (the model is linear in area): what a live feed
 * shows for the hectares done so far. Accepts 0 ha.
 * @param report - from {@link computeSavings}
 * @param areaHa - area done, ha (e.g. telemetry `progress.coveredHa`)
 * @param method - an alternative's method (`unguided-transplanter`) instead of the mechanised one
 * @throws EconomicsError `ECON_INVALID_AREA`
 * @example
 * ```ts
 * import { computeSavings, savingsAtArea } from 'agrisim';
 * savingsAtArea(computeSavings({ operation: 'transplanting', areaHa: 1 }), 0.5).savingsVnd; // half the 1-ha saving
 * ```
 */
export function savingsAtArea(report: SavingsReport, areaHa: number, method?: string): ProgressSavings {
  const ha = checkArea(areaHa, true);
  const per = (v: number) => v / report.areaHa;
  const block = (method && report.alternatives.find((a) => a.method === method)) || report.mechanized;
  const manualVnd = r0(per(report.manual.totalVnd) * ha);
  const mechanizedVnd = r0(per(block.totalVnd) * ha);
  const savedPerHa = per(report.manual.totalVnd - block.totalVnd);
  return {
    operation: report.operation,
    ownership: report.ownership,
    areaHa: roundTo(ha, 4),
    manualVnd,
    mechanizedVnd,
    savingsVnd: manualVnd - mechanizedVnd,
    method: block.method,
    pct: report.manual.totalVnd > 0 ? roundTo((100 * (report.manual.totalVnd - block.totalVnd)) / report.manual.totalVnd, 1) : 0,
    personDaysSaved: roundTo(per(report.manual.personDays - block.personDays) * ha, 3),
    perSaoSavingsVnd: r0(perSao(savedPerHa)),
    basis: report.run ? 'run' : 'defaults',
  };
}

/**
 * Savings for `areaHa` worked so far at the defaults (or overrides, or a run): the one
 * computation ({@link computeSavings}) scaled by {@link savingsAtArea}. Accepts 0 ha.
 * @throws EconomicsError `ECON_INVALID_AREA`, `ECON_UNKNOWN_KEY`, `ECON_INVALID_VALUE`
 * @example
 * ```ts
 * import { savingsForArea } from 'agrisim';
 * savingsForArea('transplanting', 1.35).personDaysSaved;
 * ```
 */
export function savingsForArea(
  operation: Operation,
  areaHa: number,
  options: { overrides?: Readonly<Record<string, unknown>>; ownership?: Ownership; run?: RunSummary } = {},
): ProgressSavings {
  const ha = checkArea(areaHa, true);
  return savingsAtArea(computeSavings({ operation, areaHa: 1, ...options }), ha);
}
