/**
 * Wind over the field: a speed and the direction it blows from, constant or with seeded gusts
 * (an Ornstein–Uhlenbeck wander of the speed around its mean).
 */
import { PrescriptionError } from '../../errors.js';
import type { XY } from '../../geometry/index.js';
import { ouStart, ouStep, type OuState } from '../ou-process.js';
import type { Rng } from '../random.js';

/** Wind of a run. */
export interface WindOptions {
  /** Mean speed, m/s (0 to 30). */
  speedMps: number;
  /** Compass direction the wind blows from, degrees (0 = north, 90 = east). */
  fromDeg: number;
  /** Standard deviation of gusts around the mean, m/s (default 0: constant wind). */
  gustSigmaMps?: number;
  /**
   * Correlation time of gusts, s (default 5). Assumption: near the ground the integral time
   * scale of wind speed fluctuations is a few seconds to tens of seconds (surface-layer
   * turbulence), and crews spray only in light wind, where gusts come and go in seconds.
   */
  gustTauS?: number;
}

/** Calm air. */
export const CALM: WindOptions = { speedMps: 0, fromDeg: 0 };

/**
 * Parses `SPEED@FROM` or `SPEED@FROM~GUST` (m/s, degrees from, gust σ m/s), e.g. `6@270~1.5`.
 * @throws PrescriptionError `PRESCRIPTION_INVALID_OPTION`
 */
export function parseWind(text: string): WindOptions {
  const m = /^\s*([0-9.]+)\s*@\s*(-?[0-9.]+)\s*(?:~\s*([0-9.]+))?\s*$/.exec(text);
  const w = m
    ? { speedMps: Number(m[1]), fromDeg: Number(m[2]), ...(m[3] !== undefined ? { gustSigmaMps: Number(m[3]) } : {}) }
    : undefined;
  if (!w)
    throw new PrescriptionError(
      'PRESCRIPTION_INVALID_OPTION',
      `wind must be SPEED@FROM[~GUST] (m/s @ degrees the wind blows from), got "${text}"`,
      { key: 'wind', value: text },
    );
  return checkWind(w);
}

/** Validates a wind; throws `PRESCRIPTION_INVALID_OPTION` naming the key. */
export function checkWind(w: WindOptions): WindOptions {
  const bad = (key: string, why: string, value: unknown): never => {
    throw new PrescriptionError('PRESCRIPTION_INVALID_OPTION', `wind.${key}: ${why}, got ${String(value)}`, { key: `wind.${key}`, value });
  };
  if (!(w.speedMps >= 0 && w.speedMps <= 30)) bad('speedMps', 'must be 0 to 30 m/s', w.speedMps);
  if (!Number.isFinite(w.fromDeg)) bad('fromDeg', 'must be a number of degrees', w.fromDeg);
  if (w.gustSigmaMps !== undefined && !(w.gustSigmaMps >= 0 && w.gustSigmaMps <= 15))
    bad('gustSigmaMps', 'must be 0 to 15 m/s', w.gustSigmaMps);
  if (w.gustTauS !== undefined && !(w.gustTauS > 0 && w.gustTauS <= 600)) bad('gustTauS', 'must be > 0 and ≤ 600 s', w.gustTauS);
  return w;
}

/** The wind as the simulator steps it. */
export interface WindState {
  /** Unit vector the wind blows toward, local metres (x east, y north). */
  readonly towardUnit: XY;
  /** Speed now, m/s. */
  speedMps: number;
  step(dtS: number): void;
}

/** Starts the wind of a run; gusts draw from `rng` only, so a seed gives the same gusts. */
export function createWind(w: WindOptions, rng: Rng): WindState {
  const rad = (w.fromDeg * Math.PI) / 180;
  const towardUnit: XY = [-Math.sin(rad), -Math.cos(rad)];
  const sigma = w.gustSigmaMps ?? 0;
  const gust: OuState | undefined = sigma > 0 ? ouStart(rng, sigma, w.gustTauS ?? 5) : undefined;
  const state: WindState = {
    towardUnit,
    speedMps: Math.max(0, w.speedMps + (gust?.value ?? 0)),
    step(dtS) {
      if (gust) state.speedMps = Math.max(0, w.speedMps + ouStep(gust, rng, dtS));
    },
  };
  return state;
}
