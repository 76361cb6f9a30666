/**
 * Savings for the panel: what the telemetry feed put into `progress` (savingsVnd and its
 * breakdown, computed by the economics stage on the server, from the run's measured figures
 * once it is done). The viewer computes nothing of its own, so the page, the replayed
 * telemetry and `agrisim savings --run` show one figure.
 */

/** The savings fields of a telemetry `progress` (protocol WireProgress). */
export interface ProgressSavingsFields {
  savingsVnd?: number;
  savings?: { personDaysSaved?: number; basis?: string };
}

export interface LiveSavings {
  /** Savings in VND for the area covered so far (negative: the machine costs more). */
  savingsVnd: number;
  personDaysSaved: number;
}

/**
 * The savings a progress message carries, or undefined when the server sent none.
 * @example liveSavings({ coveredHa: 1, savingsVnd: 4_100_694, savings: { personDaysSaved: 29.75 } }); // { savingsVnd: 4100694, personDaysSaved: 29.75 }
 */
export function liveSavings(progress: ProgressSavingsFields | undefined): LiveSavings | undefined {
  const v = progress?.savingsVnd;
  if (typeof v !== 'number' || !Number.isFinite(v)) return undefined;
  const pd = progress?.savings?.personDaysSaved;
  return { savingsVnd: v, personDaysSaved: typeof pd === 'number' && Number.isFinite(pd) ? pd : 0 };
}
