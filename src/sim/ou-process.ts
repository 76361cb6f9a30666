/**
 * Ornstein–Uhlenbeck process: a mean-reverting random wander, the shape of GNSS error and of a
 * person's steering error (correlated over a time constant, bounded spread). Exact discrete update.
 */
import type { Rng } from './random.js';

/** One OU state with its stationary spread `sigma` and correlation time `tauS`. */
export interface OuState {
  value: number;
  sigma: number;
  tauS: number;
}

/** Starts an OU process at a draw from its stationary distribution. */
export function ouStart(rng: Rng, sigma: number, tauS: number): OuState {
  return { value: sigma * rng.normal(), sigma, tauS };
}

/**
 * Advances `s` by `dtS` seconds: x ← x·e^(−dt/τ) + σ·√(1 − e^(−2dt/τ))·N(0,1).
 * Changing `s.sigma` between calls makes the spread grow or shrink smoothly (fix changes).
 */
export function ouStep(s: OuState, rng: Rng, dtS: number): number {
  const a = Math.exp(-dtS / s.tauS);
  s.value = s.value * a + s.sigma * Math.sqrt(1 - a * a) * rng.normal();
  return s.value;
}
