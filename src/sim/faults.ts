/**
 * Fault options: seeded, with probabilities as options. Default on in scenarios, off when a
 * caller of createSimulation gives none (conservation tests).
 */

/** Rates and ranges of the faults a run may meet. */
export interface FaultOptions {
  /** RTK fix losses per hour of work (rtk vehicles); the fix falls to float, then single GNSS. */
  rtkLossPerHour: number;
  /** Duration range of an RTK loss, s. */
  rtkLossS: [number, number];
  /** Wind gusts per hour (drones): a lateral push of the true path. */
  gustPerHour: number;
  /** Peak lateral drift of a gust, m, and its duration, s. */
  gustM: [number, number];
  gustS: [number, number];
  /** Chance per sortie that a drone battery is weak (holds only a fraction of its charge). */
  batteryFaultPerSortie: number;
  /** Charge fraction a weak battery holds. */
  weakBatteryFraction: [number, number];
}

/**
 * Defaults used by scenarios. Assumptions for a demo, not measured rates: RTK corrections over
 * NTRIP/4G drop a few times a day in rural Vietnam; gusts in the Red River Delta dry season.
 */
export const DEFAULT_FAULTS: Readonly<FaultOptions> = Object.freeze({
  rtkLossPerHour: 1,
  rtkLossS: [20, 90] as [number, number],
  gustPerHour: 6,
  gustM: [0.3, 1.5] as [number, number],
  gustS: [3, 10] as [number, number],
  batteryFaultPerSortie: 0.05,
  weakBatteryFraction: [0.35, 0.6] as [number, number],
});

/** No faults at all. */
export const NO_FAULTS: Readonly<FaultOptions> = Object.freeze({
  ...DEFAULT_FAULTS,
  rtkLossPerHour: 0,
  gustPerHour: 0,
  batteryFaultPerSortie: 0,
});

/** Resolves `faults`: `true` → defaults, `false`/undefined → none, an object → defaults overridden. */
export function resolveFaults(faults: boolean | Partial<FaultOptions> | undefined): FaultOptions {
  if (faults === true) return { ...DEFAULT_FAULTS };
  if (!faults) return { ...NO_FAULTS };
  return { ...DEFAULT_FAULTS, ...faults };
}
