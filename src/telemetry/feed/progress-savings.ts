/**
 * The savings a feed puts into `progress` (savingsVnd and its breakdown): the economics
 * stage's one computation (computeSavings) for the simulation's machine, scaled to the area
 * done so far; once the run is done, computed again from the run's measured figures on the
 * field's area, so the last telemetry says what `agrisim savings --run` says of the same run.
 */
import {
  computeSavings,
  measuredRunOf,
  savingsAtArea,
  type Operation,
  type ProgressSavings,
  type RunSummary,
  type SavingsReport,
} from '../../economics/index.js';
import type { SimDescription, SimMetrics, SimProgress } from '../../sim/index.js';
import { isAgrisimError } from '../../errors.js';
import type { WireProgress } from '../protocol/messages.js';

/** The operation a machine does in agrisim's scenarios: transplanters plant; drones spread fertilizer (kg) or spray (L). */
export function operationOf(kind: string, inputUnit?: string): Operation {
  if (kind === 'transplanter') return 'transplanting';
  return inputUnit === 'L' ? 'spraying' : 'fertilizing';
}

/** Adds savings to the progress of one simulation. */
export interface ProgressSavingsTracker {
  /** Progress with `savingsVnd` and `savings` for its covered area; `final` metrics once the run is done. */
  add(progress: SimProgress, final?: SimMetrics): WireProgress;
}

/**
 * @param description - the simulation (its first machine's kind and guidance pick the operation and method)
 * @example
 * ```ts
 * const savings = createProgressSavings(sim.describe());
 * const progress = savings.add(frame.progress, sim.done ? sim.metrics() : undefined);
 * progress.savingsVnd; // VND saved so far against manual work
 * ```
 */
export function createProgressSavings(description: SimDescription): ProgressSavingsTracker {
  const first = description.vehicles[0];
  const kind = first?.kind ?? 'drone';
  // A transplanter driven by eye is the economics model's unguided alternative.
  const unguided = kind === 'transplanter' && first?.guidance === 'manual';
  const pick = (report: SavingsReport, areaHa: number): ProgressSavings =>
    savingsAtArea(report, areaHa, unguided ? 'unguided-transplanter' : undefined);
  let perHa: SavingsReport | undefined;
  const perHaReport = () => (perHa ??= computeSavings({ operation: operationOf(kind), areaHa: 1 }));
  let done: ProgressSavings | undefined;
  return {
    add(progress, final) {
      if (!first) return progress;
      let s: ProgressSavings;
      if (final) {
        if (!done) {
          const operation = operationOf(kind, (final as { inputUnit?: string }).inputUnit);
          const measured = measuredRunOf(final, description.fieldAreaHa, description.vehicles.length);
          const run: RunSummary = { label: description.id, vehicleKind: kind, ...(unguided ? { manual: measured } : { guided: measured }) };
          try {
            done = pick(computeSavings({ operation, areaHa: description.fieldAreaHa, run }), description.fieldAreaHa);
          } catch (e) {
            // A run that measured nothing usable (a recording without metrics) keeps the defaults' figure: the feed must not stop.
            if (!isAgrisimError(e)) throw e;
            done = pick(perHaReport(), Math.min(Math.max(0, progress.coveredHa), description.fieldAreaHa));
          }
        }
        s = done;
      } else {
        s = pick(perHaReport(), Math.min(Math.max(0, progress.coveredHa), description.fieldAreaHa));
      }
      return { ...progress, savingsVnd: s.savingsVnd, savings: s };
    },
  };
}
