/**
 * The spreader's rate controller: the metering rotor follows the set-point with a first-order lag,
 * r' = (r_set − r)/τ, stepped exactly (r ← r_set + (r − r_set)·e^(−dt/τ)). The task controller
 * sends the set-point of the zone `lookAheadS` ahead of the machine, as ISOBUS task controllers
 * do to compensate a declared set-point latency, so the ramp straddles the border.
 */

/**
 * Time constant of the metering drive, s. Assumption: an electric fluted-roller or screw feeder
 * of a drone spreader settles in about 2 s (3τ); Fulton et al. (1999, ASAE Paper 991101, "Field
 * evaluation of a spinner disc variable-rate fertilizer applicator") measured rate transitions of
 * a hydraulic VRT spinner spreader and modelled them with a sigmoid, the shape a first-order lag
 * behind a dead time gives.
 */
export const DEFAULT_RATE_TAU_S = 0.6;

/** One machine's controller state. */
export interface RateController {
  /** Actual rate now, kg/ha. */
  rate: number;
  tauS: number;
}

/** Advances the actual rate toward `setPerHa` over `dtS`; returns the mean rate over the interval. */
export function stepRate(c: RateController, setPerHa: number, dtS: number): number {
  if (dtS <= 0) return c.rate;
  const e = Math.exp(-dtS / c.tauS);
  const start = c.rate;
  c.rate = setPerHa + (start - setPerHa) * e;
  // mean of r over the interval: r_set + (r0 − r_set)·τ(1 − e)/dt
  return setPerHa + ((start - setPerHa) * c.tauS * (1 - e)) / dtS;
}
