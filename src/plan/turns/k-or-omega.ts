/**
 * Which of a K-turn and an omega a ground machine tries first (the faster), decided from the
 * shapes' lengths worked out, not from their points: an omega's arcs depend on the exact gap
 * between the swaths, so writing one computes its points afresh (dozens of cosines and sines),
 * and a transplanter's K-turn is nearly always the faster and fits, so the omega is then never
 * written. When the two times are within {@link CLOSE_S} the caller writes both and compares
 * them as before.
 */
import type { Vehicle } from '../../vehicles/index.js';
import { arcSegments } from './arc.js';

const HALF_PI = Math.PI / 2;

/**
 * Times closer than this, s, are left to the written shapes. The worked-out lengths differ from
 * the written points' by rounding only (about 1e-15 m a chord, a few dozen chords).
 */
const CLOSE_S = 1e-6;

/** Length of an arc's polyline as `FlatShape.arc` writes it: its chords, m. */
function chordsM(radiusM: number, fromRad: number, toRad: number): number {
  const sweep = toRad - fromRad,
    n = arcSegments(radiusM, sweep);
  return n * 2 * radiusM * Math.abs(Math.sin(sweep / (2 * n)));
}

/** Rough time of the K-turn `flatK` writes (as `shapeTimeS` sums it), s. */
export function kTimeS(bx: number, d: number, R: number, v: Vehicle): number {
  const x0 = Math.max(0, bx);
  const forwardM = (x0 > 1e-9 ? x0 : 0) + chordsM(R, -HALF_PI, 0) + chordsM(R, 0, HALF_PI) + (x0 - bx > 1e-9 ? x0 - bx : 0);
  const reverseM = Math.abs(R - (d - R));
  return forwardM / v.turnSpeedMps + reverseM / (v.reverseSpeedMps || v.turnSpeedMps) + 2 * 2 * (v.turnSpeedMps / v.accelMps2);
}

/** Rough time of the omega `flatOmega` writes (its one leg forward), s: the angles are its. */
export function omegaTimeS(bx: number, d: number, R: number, v: Vehicle): number {
  const x0 = Math.max(0, bx);
  const c1y = -R,
    c3y = d + R;
  const cx = Math.sqrt(4 * R * R - (d / 2 + R) ** 2);
  const Cx = x0 + cx,
    Cy = d / 2;
  const a1 = Math.atan2(Cy - c1y, Cx - x0);
  const a3 = Math.atan2(Cy - c3y, Cx - x0);
  const aStart = Math.atan2(c1y - Cy, x0 - Cx);
  let aEnd = Math.atan2(c3y - Cy, x0 - Cx);
  while (aEnd <= aStart) aEnd += 2 * Math.PI;
  const m =
    (x0 > 1e-9 ? x0 : 0) + chordsM(R, HALF_PI, a1) + chordsM(R, aStart, aEnd) + chordsM(R, a3, -HALF_PI) + (x0 - bx > 1e-9 ? x0 - bx : 0);
  return m / v.turnSpeedMps;
}

/**
 * Whether the K-turn is strictly faster than the omega for swaths `d` apart (0 < d < 2R), the
 * next one starting `bx` on: true or false when the worked-out times decide, undefined when they
 * are too close to (then the written shapes' times decide).
 */
export function kTurnFirst(bx: number, d: number, radiusM: number, v: Vehicle): boolean | undefined {
  const diff = kTimeS(bx, d, radiusM, v) - omegaTimeS(bx, d, radiusM, v);
  return Math.abs(diff) > CLOSE_S ? diff < 0 : undefined;
}
