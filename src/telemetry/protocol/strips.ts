/**
 * How coverage strips are cut on variable-rate runs, the same on the server (snapshot trails)
 * and in the viewer (live strips), so a late joiner sees the strips everyone else sees: a pass
 * is cut where the rate the machine delivers moves more than {@link STRIP_RATE_STEP} from the
 * rate it started with, and each strip is drawn in the colour of its one rate.
 */

/**
 * 5 %: a quarter of the ±20 % band in which a dose counts as on rate (docs/contracts.md `dose`),
 * fine enough to show the ramp at a zone border, coarse enough to keep strips few.
 */
export const STRIP_RATE_STEP = 0.05;

/**
 * True when `rate` is far enough from a strip's `stripRate` to start a new strip (or one of them
 * is missing and the other is not).
 * @example
 * stripRateMoved(50, 51); // false (2 %)
 * stripRateMoved(50, 60); // true (20 %)
 */
export function stripRateMoved(stripRate: number | undefined, rate: number | undefined): boolean {
  if (rate === undefined || stripRate === undefined) return rate !== stripRate;
  return Math.abs(rate - stripRate) > STRIP_RATE_STEP * Math.max(1, Math.abs(stripRate));
}
