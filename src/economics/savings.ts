/**
 * The savings report: manual vs mechanised cost for an area, per ha, per sào and whole,
 * with break-even areas, sensitivity and every assumption used (marked when it came from a
 * simulated run). Pure: takes plain data, returns plain data.
 */
import { EconomicsError } from '../errors.js';
import type { AssumptionValues, CostBlock, Operation, Ownership, RunSummary, SavingsReport } from './types.js';
import { OPERATIONS } from './types.js';
import { assumptionEntries, resolveAssumptions } from './resolve-assumptions.js';
import { measuredAssumptions } from './run-measurements.js';
import { machineCostPerHa, manualCostPerHa, METHODS } from './operations.js';
import { breakEven } from './break-even.js';
import { sensitivity } from './sensitivity.js';
import { haToSao, perSao } from '../units/index.js';
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
}

/**
 * Checks an area: a finite number > 0 (or ≥ 0 when `allowZero`) and ≤ {@link MAX_AREA_HA}.
 * @throws EconomicsError `ECON_INVALID_AREA`
 */
export function checkArea(areaHa: unknown, allowZero = false): number {
  if (typeof areaHa !== 'number' || !Number.isFinite(areaHa) || areaHa < 0 || (!allowZero && areaHa === 0) || areaHa > MAX_AREA_HA) {
    throw new EconomicsError('ECON_INVALID_AREA', `area must be a number greater than 0 and at most ${MAX_AREA_HA} ha, got ${JSON.stringify(areaHa)}`, { areaHa });
  }
  return areaHa;
}

/** @throws EconomicsError `ECON_INVALID_VALUE` for an unknown operation or ownership */
export function checkOperation(operation: unknown): Operation {
  if (!OPERATIONS.includes(operation as Operation)) {
    throw new EconomicsError('ECON_INVALID_VALUE', `operation must be one of ${OPERATIONS.join(', ')}, got ${JSON.stringify(operation)}`, { key: 'operation', value: operation });
  }
  return operation as Operation;
}

function checkOwnership(ownership: unknown): Ownership {
  if (ownership !== 'own' && ownership !== 'hire') {
    throw new EconomicsError('ECON_INVALID_VALUE', `ownership must be own or hire, got ${JSON.stringify(ownership)}`, { key: 'ownership', value: ownership });
  }
  return ownership;
}

const r0 = (v: number) => Math.round(v);
const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;

/** A per-ha block scaled to `areaHa` and rounded (VND to the đồng, days to 0.001, hours to 0.01). */
export function scaleBlock(b: CostBlock, areaHa: number): CostBlock {
  return {
    method: b.method,
    personDays: r(b.personDays * areaHa, 3),
    hours: r(b.hours * areaHa, 2),
    machineHours: r(b.machineHours * areaHa, 2),
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
    alternatives: m.alternatives.map((id) => machineCostPerHa(operation, v, ownership, id)),
  };
}

/**
 * Computes the savings report.
 * @param input - operation, area (ha), ownership, overrides, simulated run
 * @returns the report (`agrisim savings --json`)
 * @throws EconomicsError `ECON_INVALID_AREA`, `ECON_UNKNOWN_KEY`, `ECON_INVALID_VALUE`, `ECON_RUN_MISMATCH`, `ECON_RUN_INVALID`
 * @example
 * ```ts
 * import { computeSavings } from 'agrisim';
 * // manual transplanting of 1 ha on the Thái Bình defaults: (25 + 5) × 300 000 VND = 9 000 000 VND
 * const report = computeSavings({ operation: 'transplanting', areaHa: 1 });
 * report.manual.laborVnd; // 9000000
 * report.perSao.manualVnd; // 324000
 * ```
 */
export function computeSavings(input: SavingsInput): SavingsReport {
  const operation = checkOperation(input.operation ?? 'fertilizing');
  const ownership = checkOwnership(input.ownership ?? 'own');
  const areaHa = checkArea(input.areaHa);
  const measured = input.run ? measuredAssumptions(operation, input.run) : {};
  const resolved = resolveAssumptions(input.overrides ?? {}, measured);
  const v = resolved.values;
  const perHa = costsPerHa(operation, v, ownership);
  const manual = scaleBlock(perHa.manual, areaHa);
  const mechanized = scaleBlock(perHa.mechanized, areaHa);
  const savingsVnd = manual.totalVnd - mechanized.totalVnd;
  const pct = (saved: number) => (manual.totalVnd > 0 ? r((100 * saved) / manual.totalVnd, 1) : 0);
  const savingsPerHa = perHa.manual.totalVnd - perHa.mechanized.totalVnd;
  return {
    operation,
    ownership,
    areaHa: r(areaHa, 4),
    areaSao: r(haToSao(areaHa), 2),
    manual,
    mechanized,
    alternatives: perHa.alternatives.map((b) => {
      const s = scaleBlock(b, areaHa);
      return { ...s, savingsVnd: manual.totalVnd - s.totalVnd, savingsPct: pct(manual.totalVnd - s.totalVnd) };
    }),
    savings: { personDays: r(manual.personDays - mechanized.personDays, 3), vnd: savingsVnd, pct: pct(savingsVnd) },
    perHa: { manualVnd: r0(perHa.manual.totalVnd), mechanizedVnd: r0(perHa.mechanized.totalVnd), savingsVnd: r0(savingsPerHa) },
    perSao: { manualVnd: r0(perSao(perHa.manual.totalVnd)), mechanizedVnd: r0(perSao(perHa.mechanized.totalVnd)), savingsVnd: r0(perSao(savingsPerHa)) },
    breakEvenHaPerYear: breakEven(operation, v),
    sensitivity: sensitivity(operation, v, ownership),
    assumptions: assumptionEntries(resolved, operation),
    checks: modelChecks(operation, v, perHa.manual, perHa.mechanized),
    ...(input.run ? { run: input.run } : {}),
  };
}

/** Running savings for a progress figure (the live viewer and demo). */
export interface RunningSavings {
  areaHa: number;
  manualVnd: number;
  mechanizedVnd: number;
  /** Negative when the machine costs more than the manual work. */
  savingsVnd: number;
  personDaysSaved: number;
}

/**
 * Savings for `areaHa` worked so far: cheap (no break-even, no sensitivity), browser-safe
 * (no Node imports), accepts 0 ha.
 * @param operation - `fertilizing`, `transplanting` or `spraying`
 * @param areaHa - area done so far, ha (e.g. telemetry `progress.coveredHa`)
 * @param options - assumption overrides, ownership (default `own`), run measurements
 * @throws EconomicsError `ECON_INVALID_AREA`, `ECON_UNKNOWN_KEY`, `ECON_INVALID_VALUE`
 * @example
 * ```ts
 * import { savingsForArea } from 'agrisim';
 * savingsForArea('transplanting', 1.35).personDaysSaved; // manual 30 person-days/ha vs machine crew + nursery + gap filling
 * ```
 */
export function savingsForArea(
  operation: Operation,
  areaHa: number,
  options: { overrides?: Readonly<Record<string, unknown>>; ownership?: Ownership; run?: RunSummary } = {},
): RunningSavings {
  const op = checkOperation(operation);
  const ha = checkArea(areaHa, true);
  const measured = options.run ? measuredAssumptions(op, options.run) : {};
  const v = resolveAssumptions(options.overrides ?? {}, measured).values;
  const c = costsPerHa(op, v, checkOwnership(options.ownership ?? 'own'));
  return {
    areaHa: ha,
    manualVnd: r0(c.manual.totalVnd * ha),
    mechanizedVnd: r0(c.mechanized.totalVnd * ha),
    savingsVnd: r0((c.manual.totalVnd - c.mechanized.totalVnd) * ha),
    personDaysSaved: r((c.manual.personDays - c.mechanized.personDays) * ha, 3),
  };
}
