/** Speed caps that let a machine brake in time (the simulator's acceleration limit). */

/**
 * Highest speed at the end of a step of `dtS` from speed `v0` that still lets the machine brake
 * at `a` to `vLimMps` within `dRemM`: v1²/2a + (v0 + v1)·dt/2 = dRem + vLim²/2a.
 */
export function brakeCapMps(v0: number, vLimMps: number, dRemM: number, a: number, dtS: number): number {
  const A = 1 / (2 * a);
  const B = dtS / 2;
  const C = (v0 * dtS) / 2 - dRemM - (vLimMps * vLimMps) / (2 * a);
  const disc = B * B - 4 * A * C;
  return disc <= 0 ? 0 : (-B + Math.sqrt(disc)) / (2 * A);
}
