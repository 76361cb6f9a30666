/**
 * A simulated run's measured figures as assumption values: field capacity (turns, transit,
 * refills and battery swaps included), overlap and gaps, fuel and battery use, for the guided
 * run and the manual-driven one. Each value carries a sentence, in the report's language,
 * saying which run it came from.
 */
import { EconomicsError } from '../errors.js';
import type { MeasuredValue } from './resolve-assumptions.js';
import type { Lang, MeasuredRun, Operation, RunSummary } from './types.js';
import { formatNumber, roundTo } from '../units/index.js';

/** Rounded to `decimals` places (3 unless said). */
const rounded = (value: number, decimals = 3) => roundTo(value, decimals);

/** True for a run steered by GNSS (RTK or single-frequency), false for a person by eye. */
export function isGuided(run: MeasuredRun): boolean {
  return run.guidance !== 'manual';
}

/** What simulator metrics (a SimMetrics-like object) give the model. */
export interface MetricsLike {
  guidance: string;
  fieldCapacityHaPerH: number;
  overlapPct: number;
  gapPct: number;
  areaCoveredHa: number;
  timeS: MeasuredRun['timeS'];
  energy?: { batteryCycles?: number; fuelL?: number };
  inputUsed?: number;
  inputUnit?: string;
  fieldAreaHa?: number;
  vehicles?: number;
  /** Dose raster figures of a variable-rate or windy run (simulate --json `metrics.dose`). */
  dose?: { emittedKg: number; prescribedKg: number; onTargetKg: number };
}

/**
 * Plain measured figures from simulator metrics (the same for `savings --run` and the live feed).
 * @example measuredRunOf(sim.metrics(), sim.describe().fieldAreaHa, sim.describe().vehicles.length);
 */
export function measuredRunOf(m: MetricsLike, fieldAreaHa?: number, vehicles?: number): MeasuredRun {
  return {
    guidance: m.guidance,
    fieldAreaHa: fieldAreaHa ?? m.fieldAreaHa ?? m.areaCoveredHa,
    areaCoveredHa: m.areaCoveredHa,
    fieldCapacityHaPerH: m.fieldCapacityHaPerH,
    overlapPct: m.overlapPct,
    gapPct: m.gapPct,
    timeS: { ...m.timeS },
    energy: { ...m.energy },
    ...(m.inputUsed !== undefined ? { inputUsed: m.inputUsed } : {}),
    ...(m.inputUnit ? { inputUnit: m.inputUnit } : {}),
    vehicles: vehicles ?? m.vehicles ?? 1,
    ...(m.dose ? { dose: { emittedKg: m.dose.emittedKg, prescribedKg: m.dose.prescribedKg, onTargetKg: m.dose.onTargetKg } } : {}),
  };
}

const T = {
  en: {
    run: (label: string, g: string) => `simulated run ${label} (${g})`,
    time: (ha: string, total: string, turn: string, transit: string, refill: string) =>
      `${ha} ha in ${total} min (turns ${turn}, transit ${transit}, refills ${refill} min)`,
    perMachine: (n: number) => ` per machine (${n} machines)`,
    overlap: 'overlap',
    gap: 'gaps',
    ofField: '% of the field (coverage raster)',
    cycles: (c: string, ha: string) => `${c} battery cycles for ${ha} ha`,
    fuel: (l: string, h: string) => `${l} L of fuel in ${h} machine hours`,
    dose: (emitted: string, prescribed: string, on: string) =>
      `${emitted} kg spread for ${prescribed} kg prescribed (${on} kg landed on target; dose raster)`,
  },
  vi: {
    run: (label: string, g: string) => `lần mô phỏng ${label} (${g === 'manual' ? 'lái bằng mắt' : g.toUpperCase()})`,
    time: (ha: string, total: string, turn: string, transit: string, refill: string) =>
      `${ha} ha trong ${total} phút (quay đầu ${turn}, di chuyển ${transit}, nạp ${refill} phút)`,
    perMachine: (n: number) => ` mỗi máy (${n} máy)`,
    overlap: 'chồng lấn',
    gap: 'bỏ sót',
    ofField: '% diện tích (lưới phủ)',
    cycles: (c: string, ha: string) => `${c} lần sạc pin cho ${ha} ha`,
    fuel: (l: string, h: string) => `${l} L nhiên liệu trong ${h} giờ máy`,
    dose: (emitted: string, prescribed: string, on: string) =>
      `rải ${emitted} kg cho ${prescribed} kg theo bản đồ bón (${on} kg rơi đúng ruộng; lưới liều)`,
  },
};

/** How a measured value's source sentence is written: the run's label, the language, its words and number format. */
interface SourceWriter {
  label: string;
  lang: Lang;
  words: (typeof T)['en'];
  /** A number rounded and written the language's way (2 decimals unless said). */
  num: (value: number, decimals?: number) => string;
}

function sourceWriter(label: string, lang: Lang): SourceWriter {
  return { label, lang, words: T[lang], num: (value, decimals = 2) => formatNumber(rounded(value, decimals), lang, decimals) };
}

/** Field capacity per machine, from the run's area and time. @throws EconomicsError `ECON_RUN_INVALID` when nothing was covered */
function measuredCapacity(writer: SourceWriter, measured: MeasuredRun): MeasuredValue {
  const { words, num } = writer;
  const vehicles = Math.max(1, measured.vehicles ?? 1);
  if (!(measured.fieldCapacityHaPerH > 0)) {
    throw new EconomicsError(
      'ECON_RUN_INVALID',
      `run ${writer.label} (${measured.guidance}) has no measured field capacity (did it cover anything?)`,
      { run: writer.label },
    );
  }
  const perMachine = measured.fieldCapacityHaPerH / vehicles;
  const { total, turning, transit, refill } = measured.timeS;
  const timeText = words.time(
    num(measured.areaCoveredHa),
    num(total / 60, 1),
    num(turning / 60, 1),
    num(transit / 60, 1),
    num(refill / 60, 1),
  );
  const source = `${words.run(writer.label, measured.guidance)}: ${timeText} → ${num(perMachine, 3)} ha/${writer.lang === 'vi' ? 'giờ' : 'h'}${vehicles > 1 ? words.perMachine(vehicles) : ''}`;
  return { value: rounded(perMachine, 4), source };
}

/** The run's overlap or gap, % of the field. */
function measuredPct(writer: SourceWriter, measured: MeasuredRun, what: 'overlap' | 'gap'): MeasuredValue {
  const value = what === 'overlap' ? measured.overlapPct : measured.gapPct;
  const { words } = writer;
  return {
    value: rounded(value, 3),
    source: `${words.run(writer.label, measured.guidance)}: ${words[what]} ${writer.num(value)} ${words.ofField}`,
  };
}

/** A drone run's capacity, overlap (from the dose raster when it has one) and battery cycles per ha. */
function droneMeasurements(writer: SourceWriter, guided: MeasuredRun): Record<string, MeasuredValue> {
  const { words, num } = writer;
  const out: Record<string, MeasuredValue> = {};
  out['drone.capacityHaPerH'] = measuredCapacity(writer, guided);
  out['drone.overlapPct'] = measuredPct(writer, guided, 'overlap');
  // with a dose raster the extra product is measured, not inferred from the coverage overlap:
  // what left the tank beyond the prescription (the assumption's range 0–15 % bounds it)
  const dose = guided.dose;
  if (dose && dose.prescribedKg > 0) {
    const extraPct = Math.min(15, Math.max(0, (100 * (dose.emittedKg - dose.prescribedKg)) / dose.prescribedKg));
    out['drone.overlapPct'] = {
      value: rounded(extraPct, 3),
      source: `${words.run(writer.label, guided.guidance)}: ${words.dose(num(dose.emittedKg), num(dose.prescribedKg), num(dose.onTargetKg))} → ${num(extraPct)} %`,
    };
  }
  const cycles = guided.energy?.batteryCycles;
  if (cycles !== undefined && guided.areaCoveredHa > 0) {
    out['drone.batteryCyclesPerHa'] = {
      value: rounded(cycles / guided.areaCoveredHa, 4),
      source: `${words.run(writer.label, guided.guidance)}: ${words.cycles(num(cycles), num(guided.areaCoveredHa))}`,
    };
  }
  return out;
}

/** Transplanter runs: the guided run's capacity, overlap, gaps and fuel; the manual run's capacity, overlap and gaps. */
function transplanterMeasurements(writer: SourceWriter, guided?: MeasuredRun, manual?: MeasuredRun): Record<string, MeasuredValue> {
  const out: Record<string, MeasuredValue> = {};
  if (guided) {
    out['transplanter.capacityHaPerH'] = measuredCapacity(writer, guided);
    out['transplanter.guidedOverlapPct'] = measuredPct(writer, guided, 'overlap');
    out['transplanter.guidedGapPct'] = measuredPct(writer, guided, 'gap');
    const fuel = guided.energy?.fuelL;
    if (fuel !== undefined && guided.timeS.total > 0) {
      const machineH = (guided.timeS.total / 3600) * Math.max(1, guided.vehicles ?? 1);
      const source = `${writer.words.run(writer.label, guided.guidance)}: ${writer.words.fuel(writer.num(fuel), writer.num(machineH))}`;
      out['transplanter.fuelLPerH'] = { value: rounded(fuel / machineH, 4), source };
    }
  }
  if (manual) {
    out['transplanter.unguidedCapacityHaPerH'] = measuredCapacity(writer, manual);
    out['transplanter.unguidedOverlapPct'] = measuredPct(writer, manual, 'overlap');
    out['transplanter.unguidedGapPct'] = measuredPct(writer, manual, 'gap');
  }
  return out;
}

/**
 * Assumption values measured in a run, for one operation.
 * @throws EconomicsError `ECON_RUN_MISMATCH` (a transplanter run for fertilizing, or the reverse), `ECON_RUN_INVALID`
 * @example
 * ```ts
 * // inside the economics stage (its index.ts); not on the library face
 * measuredAssumptions('fertilizing', { label: 'demo', vehicleKind: 'drone', guided: metrics })['drone.capacityHaPerH'].value;
 * ```
 */
export function measuredAssumptions(operation: Operation, run: RunSummary, lang: Lang = 'en'): Record<string, MeasuredValue> {
  const wants = operation === 'transplanting' ? 'transplanter' : 'drone';
  if (run.vehicleKind !== wants) {
    throw new EconomicsError('ECON_RUN_MISMATCH', `run ${run.label} is a ${run.vehicleKind} run; ${operation} needs a ${wants} run`, {
      run: run.label,
      operation,
    });
  }
  const writer = sourceWriter(run.label, lang);
  // The drone itself is the mechanised method; a manually piloted drone run is not compared.
  if (operation !== 'transplanting') return run.guided ? droneMeasurements(writer, run.guided) : {};
  return transplanterMeasurements(writer, run.guided, run.manual);
}
