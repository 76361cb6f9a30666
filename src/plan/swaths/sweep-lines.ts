/**
 * The swath lines of the angle search's sweeps and lookups among them: where `sweepSwaths` lays
 * its lines (without the array it builds per angle), the first line at or above a height (by
 * binary search, or from the lines' even spacing), and the scratch buffers' growth.
 */
import { swathCount } from './sweep-swaths.js';

/** `a`, or a longer copy of it when it has fewer than `n` slots. */
export function grow(a: Float64Array, n: number): Float64Array {
  if (a.length >= n) return a;
  const b = new Float64Array(Math.max(n, 2 * a.length));
  b.set(a);
  return b;
}

/** First index of `ys[0, n)` (ascending) whose value is ≥ v. */
export function lowerIndex(ys: Float64Array, n: number, v: number): number {
  let lo = 0,
    hi = n;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (ys[m] < v) lo = m + 1;
    else hi = m;
  }
  return lo;
}

/**
 * First index of `ys[0, n)` (ascending, evenly spaced `1 / perM` apart) whose value is ≥ v: as
 * {@link lowerIndex}, from a guess corrected against the values themselves.
 */
export function firstAtLeast(ys: Float64Array, n: number, v: number, perM: number): number {
  let l = Math.ceil((v - ys[0]) * perM);
  if (!(l > 0)) l = 0;
  else if (l > n) l = n;
  while (l > 0 && ys[l - 1] >= v) l--;
  while (l < n && ys[l] < v) l++;
  return l;
}

/**
 * Writes the swath lines of a band of height `heightM` from `y0` into `out` (which must hold
 * `swathCount(heightM, widthM)`) and returns their count: y0 + `swathOffsets(heightM, widthM)`,
 * the same numbers (tests/plan/count-sweep.test.ts holds the two together), without the array
 * `swathOffsets` builds for every angle tried.
 */
export function swathLinesInto(heightM: number, widthM: number, y0: number, out: Float64Array): number {
  const n = swathCount(heightM, widthM);
  if (!(n >= 1)) return 0;
  if (n === 1) out[0] = y0 + heightM / 2;
  else {
    const spacing = (heightM - widthM) / (n - 1);
    for (let j = 0; j < n; j++) out[j] = y0 + (widthM / 2 + j * spacing);
  }
  return n;
}
