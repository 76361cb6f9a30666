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
const r = (v: number, decimals = 3) => roundTo(v, decimals);

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

/**
 * Assumption values measured in a run, for one operation.
 * @throws EconomicsError `ECON_RUN_MISMATCH` (a transplanter run for fertilizing, or the reverse), `ECON_RUN_INVALID`
 * @example
 * ```ts
 * import { measuredAssumptions } from 'agrisim';
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
  const w = T[lang];
  const n = (v: number, d = 2) => formatNumber(r(v, d), lang, d);
  const capacity = (m: MeasuredRun): MeasuredValue => {
    const vehicles = Math.max(1, m.vehicles ?? 1);
    if (!(m.fieldCapacityHaPerH > 0)) {
      throw new EconomicsError(
        'ECON_RUN_INVALID',
        `run ${run.label} (${m.guidance}) has no measured field capacity (did it cover anything?)`,
        { run: run.label },
      );
    }
    const perMachine = m.fieldCapacityHaPerH / vehicles;
    const t = m.timeS;
    const source = `${w.run(run.label, m.guidance)}: ${w.time(n(m.areaCoveredHa), n(t.total / 60, 1), n(t.turning / 60, 1), n(t.transit / 60, 1), n(t.refill / 60, 1))} → ${n(perMachine, 3)} ha/${lang === 'vi' ? 'giờ' : 'h'}${vehicles > 1 ? w.perMachine(vehicles) : ''}`;
    return { value: r(perMachine, 4), source };
  };
  const pct = (m: MeasuredRun, what: 'overlap' | 'gap'): MeasuredValue => {
    const value = what === 'overlap' ? m.overlapPct : m.gapPct;
    return { value: r(value, 3), source: `${w.run(run.label, m.guidance)}: ${w[what]} ${n(value)} ${w.ofField}` };
  };
  const out: Record<string, MeasuredValue> = {};
  const g = run.guided;
  const m = run.manual;
  if (operation !== 'transplanting') {
    // The drone itself is the mechanised method; a manually piloted drone run is not compared.
    if (!g) return out;
    out['drone.capacityHaPerH'] = capacity(g);
    out['drone.overlapPct'] = pct(g, 'overlap');
    // with a dose raster the extra product is measured, not inferred from the coverage overlap:
    // what left the tank beyond the prescription (the assumption's range 0–15 % bounds it)
    const d = g.dose;
    if (d && d.prescribedKg > 0) {
      const extraPct = Math.min(15, Math.max(0, (100 * (d.emittedKg - d.prescribedKg)) / d.prescribedKg));
      out['drone.overlapPct'] = {
        value: r(extraPct, 3),
        source: `${w.run(run.label, g.guidance)}: ${w.dose(n(d.emittedKg), n(d.prescribedKg), n(d.onTargetKg))} → ${n(extraPct)} %`,
      };
    }
    const cycles = g.energy?.batteryCycles;
    if (cycles !== undefined && g.areaCoveredHa > 0) {
      out['drone.batteryCyclesPerHa'] = {
        value: r(cycles / g.areaCoveredHa, 4),
        source: `${w.run(run.label, g.guidance)}: ${w.cycles(n(cycles), n(g.areaCoveredHa))}`,
      };
    }
    return out;
  }
  if (g) {
    out['transplanter.capacityHaPerH'] = capacity(g);
    out['transplanter.guidedOverlapPct'] = pct(g, 'overlap');
    out['transplanter.guidedGapPct'] = pct(g, 'gap');
    const fuel = g.energy?.fuelL;
    if (fuel !== undefined && g.timeS.total > 0) {
      const h = (g.timeS.total / 3600) * Math.max(1, g.vehicles ?? 1);
      out['transplanter.fuelLPerH'] = { value: r(fuel / h, 4), source: `${w.run(run.label, g.guidance)}: ${w.fuel(n(fuel), n(h))}` };
    }
  }
  if (m) {
    out['transplanter.unguidedCapacityHaPerH'] = capacity(m);
    out['transplanter.unguidedOverlapPct'] = pct(m, 'overlap');
    out['transplanter.unguidedGapPct'] = pct(m, 'gap');
  }
  return out;
}
