/**
 * `Math.hypot(x, y)`, the same bits, as a plain function. V8 (Node 20) does not inline the
 * builtin: every call takes its arguments as an array and returns a boxed number, so in the
 * planner's loops (route lengths, turn checks, shortest paths) it costs about three times this
 * and a heap allocation per call. The arithmetic is the builtin's (V8 src/builtins/math.tq
 * MathHypot): infinity before NaN, then NaN, zero, else each absolute value over the larger,
 * squared and summed in argument order (its Kahan compensation is exactly 0 for two terms: the
 * first sum is exact), the root times the larger. tests/geometry/hypot.test.ts holds it to
 * `Math.hypot` on every kind of double.
 */
export function hypot(x: number, y: number): number {
  const ax = Math.abs(x),
    ay = Math.abs(y);
  // NaN compares false: it never becomes the larger, as in the builtin's loop
  let max = 0;
  if (ax > max) max = ax;
  if (ay > max) max = ay;
  if (max === Number.POSITIVE_INFINITY) return max;
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.NaN;
  if (max === 0) return 0;
  const a = ax / max,
    b = ay / max;
  return Math.sqrt(a * a + b * b) * max;
}
