/**
 * `Math.hypot` of two numbers, to the bit, without its allocation. V8's builtin copies its
 * arguments' absolute values into a fresh array on every call (src/builtins/math.tq, MathHypot):
 * on the planner's hot paths that was about a tenth of all bytes allocated (allocation sampling,
 * fields/real). This is the builtin's arithmetic for two arguments: each normalised by the
 * larger, the squares summed (Kahan's compensation is exactly zero for two terms), the root
 * times the larger. tests/geometry/hypot.test.ts holds it equal to `Math.hypot` bit for bit.
 *
 * @example
 * ```ts
 * hypot(3, 4); // 5
 * ```
 */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x),
    ay = Math.abs(y);
  if (ax === Number.POSITIVE_INFINITY || ay === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (Number.isNaN(ax) || Number.isNaN(ay)) return Number.NaN;
  const max = ax > ay ? ax : ay;
  if (max === 0) return 0;
  const a = ax / max,
    b = ay / max;
  return Math.sqrt(a * a + b * b) * max;
}
