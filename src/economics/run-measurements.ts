/**
 * A simulated run's measured figures as assumption values: field capacity (turns, transit,
 * refills and battery swaps included), overlap and gaps, fuel and battery use, for the guided
 * run and the manual-driven one. Each value carries a sentence saying which run it came from.
 */
import { EconomicsError } from '../errors.js';
import type { MeasuredValue } from './resolve-assumptions.js';
import type { MeasuredRun, Operation, RunSummary } from './types.js';

const r = (v: number, d = 3) => Math.round(v * 10 ** d) / 10 ** d;
const min = (s: number) => `${(s / 60).toFixed(1)} min`;

/** True for a run steered by GNSS (RTK or single-frequency), false for a person by eye. */
export function isGuided(run: MeasuredRun): boolean {
  return run.guidance !== 'manual';
}

function describe(label: string, m: MeasuredRun): string {
  const t = m.timeS;
  return `simulated run ${label} (${m.guidance}): ${r(m.areaCoveredHa, 2)} ha in ${min(t.total)} (turns ${min(t.turning)}, transit ${min(t.transit)}, refills ${min(t.refill)})`;
}

function capacity(label: string, m: MeasuredRun): MeasuredValue {
  const vehicles = Math.max(1, m.vehicles ?? 1);
  if (!(m.fieldCapacityHaPerH > 0)) {
    throw new EconomicsError('ECON_RUN_INVALID', `run ${label} (${m.guidance}) has no measured field capacity (did it cover anything?)`, { run: label });
  }
  const perMachine = m.fieldCapacityHaPerH / vehicles;
  return { value: r(perMachine, 4), source: `${describe(label, m)} → ${r(perMachine, 3)} ha/h${vehicles > 1 ? ` per machine (${vehicles} machines)` : ''}` };
}

function pct(label: string, m: MeasuredRun, what: 'overlap' | 'gap'): MeasuredValue {
  const value = what === 'overlap' ? m.overlapPct : m.gapPct;
  return { value: r(value, 3), source: `simulated run ${label} (${m.guidance}): ${what} ${r(value, 2)} % of the field (coverage raster)` };
}

/**
 * Assumption values measured in a run, for one operation.
 * @throws EconomicsError `ECON_RUN_MISMATCH` (a transplanter run for fertilizing, or the reverse), `ECON_RUN_INVALID`
 * @example
 * ```ts
 * import { measuredAssumptions } from 'agrisim';
 * measuredAssumptions('fertilizing', { label: 'demo', vehicleKind: 'drone', guided: metrics })['drone.capacityHaPerH'].value;
 * ```
 */
export function measuredAssumptions(operation: Operation, run: RunSummary): Record<string, MeasuredValue> {
  const wants = operation === 'transplanting' ? 'transplanter' : 'drone';
  if (run.vehicleKind !== wants) {
    throw new EconomicsError('ECON_RUN_MISMATCH', `run ${run.label} is a ${run.vehicleKind} run; ${operation} needs a ${wants} run`, { run: run.label, operation });
  }
  const out: Record<string, MeasuredValue> = {};
  const g = run.guided;
  const m = run.manual;
  if (operation !== 'transplanting') {
    // The drone itself is the mechanised method; a manually piloted drone run is not compared.
    if (!g) return out;
    out['drone.capacityHaPerH'] = capacity(run.label, g);
    out['drone.overlapPct'] = pct(run.label, g, 'overlap');
    const cycles = g.energy?.batteryCycles;
    if (cycles !== undefined && g.areaCoveredHa > 0) {
      out['drone.batteryCyclesPerHa'] = { value: r(cycles / g.areaCoveredHa, 4), source: `simulated run ${run.label}: ${r(cycles, 2)} battery cycles for ${r(g.areaCoveredHa, 2)} ha` };
    }
    return out;
  }
  if (g) {
    out['transplanter.capacityHaPerH'] = capacity(run.label, g);
    out['transplanter.guidedOverlapPct'] = pct(run.label, g, 'overlap');
    out['transplanter.guidedGapPct'] = pct(run.label, g, 'gap');
    const fuel = g.energy?.fuelL;
    if (fuel !== undefined && g.timeS.total > 0) {
      const h = (g.timeS.total / 3600) * Math.max(1, g.vehicles ?? 1);
      out['transplanter.fuelLPerH'] = { value: r(fuel / h, 4), source: `simulated run ${run.label}: ${r(fuel, 2)} L of fuel in ${r(h, 2)} machine hours` };
    }
  }
  if (m) {
    out['transplanter.unguidedCapacityHaPerH'] = capacity(run.label, m);
    out['transplanter.unguidedOverlapPct'] = pct(run.label, m, 'overlap');
    out['transplanter.unguidedGapPct'] = pct(run.label, m, 'gap');
  }
  return out;
}
