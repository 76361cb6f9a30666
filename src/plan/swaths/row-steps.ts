/**
 * Row steps: the pieces of a swath whose rows switch off one by one where its end slants across
 * the edge (a transplanter's row clutches), chosen by least cost from where each row is needed
 * ({@link rowExtents} in swath-ends.ts).
 */
import { sortAscending } from '../../geometry/index.js';

/** One piece of a swath with rows switched off at its ends: [x0, x1] along the line, its rows' centre `dy` off the line and their width. */
export interface RowStep {
  x0: number;
  x1: number;
  /** Centre of the rows on, from the swath's line, m (across the sweep frame: +y). */
  dy: number;
  /** Width of the rows on, m. */
  widthM: number;
}

/**
 * Overlap a step between two pieces costs, per m² of the narrower piece's half-width squared:
 * the disc footprint's round cap of the piece that ends lies over the next piece's rows, and the
 * next piece's round start over the rows just worked. On fields/real (transplanter) the
 * checker's overlap median is 3.66 % with 0.5, 1 or 3: the choice hardly matters.
 */
export const STEP_COST_PER_R2 = 1.0;

/** The rows on over (u, v): the contiguous run from the lowest to the highest row needed there, as [{@link onK0}, {@link onK1}]; false when none is. */
function rowsOn(need: Float64Array, has: Uint8Array, rows: number, u: number, v: number): boolean {
  let k0 = -1,
    k1 = -1;
  for (let k = 0; k < rows; k++)
    if (has[k] && need[2 * k + 1] > u + 1e-9 && need[2 * k] < v - 1e-9) {
      if (k0 < 0) k0 = k;
      k1 = k;
    }
  onK0 = k0;
  onK1 = k1;
  return k0 >= 0;
}

/** The run {@link rowsOn} found. */
let onK0 = 0,
  onK1 = 0;

/** The rows' ends (kept between swaths: no array per swath). */
let endXs = new Float64Array(16);

/** Sets {@link endXs} to the rows' ends, each value once, ascending (as `[...new Set(ends)].sort()` gives them); returns how many. */
function rowEnds(need: Float64Array, has: Uint8Array, rows: number): number {
  if (endXs.length < 2 * rows) endXs = new Float64Array(4 * rows);
  const all = endXs;
  let n = 0;
  for (let k = 0; k < rows; k++)
    if (has[k]) {
      all[n++] = need[2 * k];
      all[n++] = need[2 * k + 1];
    }
  sortAscending(all, 0, n);
  // a Set keeps −0 as +0; the kept values are written back over the sorted run
  let m = 0;
  for (let i = 0; i < n; i++) {
    const x = all[i];
    if (m === 0 || all[m - 1] !== x) all[m++] = x === 0 ? 0 : x;
  }
  return m;
}

/**
 * A piece's rows centre at most this far off the machine's line, m, so its ends lie at most that
 * far sideways from its neighbours' (docs/contracts.md): route checkers read a larger gap between
 * segments as a jump (the shared block checker allows 1 m). The 6-row transplanter's largest
 * offset is 0.75 m; an 8-row implement's single edge row (1.05 m) stays on instead.
 */
const MAX_ROWS_OFFSET_M = 1;

/** {@link leastCostBreaks}' tables, kept between swaths (its answer is read before the next call). */
const dp = {
  best: new Float64Array(16),
  from: new Int32Array(16),
  /** Per end xs[i]: the rows (bits) needed past it (hi > xs[i]), and those needed before it (lo < xs[i]). */
  past: new Int32Array(16),
  before: new Int32Array(16),
};

/** Rows {@link leastCostBreaks} tracks as bits of one 32-bit mask; more take {@link leastCostBreaksWide}. */
const MASK_ROWS = 31;

/**
 * Least cost of working xs[0]..xs[n - 1] for every j, and the break before j it takes: the cost of a
 * piece (u, v) is the row-metres its rows (those needed there, one run) work where not needed,
 * times the row width, plus {@link STEP_COST_PER_R2} · r² for each piece after the first.
 *
 * The rows on over (xs[i], xs[j]) are those needed past xs[i] and before xs[j]: each end's two
 * row sets are bit masks made once, so a pair's run is two bit scans instead of a loop over the
 * rows. A piece costs at least its step: a start whose cost plus the step is no cheaper than the
 * best so far cannot win, and its row-metres are not summed (the sums that are summed are the
 * same sums, in the same order: the same numbers and the same breaks as the loop over rows).
 */
function leastCostBreaks(
  need: Float64Array,
  has: Uint8Array,
  rows: number,
  xs: Float64Array,
  n: number,
  passLoM: number,
  sectionWidthM: number,
): Int32Array {
  if (rows > MASK_ROWS) return leastCostBreaksWide(need, has, rows, xs, n, passLoM, sectionWidthM);
  // the tables are shared: `from` is valid until the next call
  if (dp.best.length < n)
    [dp.best, dp.from, dp.past, dp.before] = [new Float64Array(2 * n), new Int32Array(2 * n), new Int32Array(2 * n), new Int32Array(2 * n)];
  const { best, from, past, before } = dp;
  best.fill(Infinity, 0, n);
  from.fill(-1, 0, n);
  best[0] = 0;
  for (let i = 0; i < n; i++) {
    const x = xs[i];
    let p = 0,
      q = 0;
    for (let k = 0; k < rows; k++)
      if (has[k]) {
        if (need[2 * k + 1] > x + 1e-9) p |= 1 << k;
        if (need[2 * k] < x - 1e-9) q |= 1 << k;
      }
    past[i] = p;
    before[i] = q;
  }
  for (let j = 1; j < n; j++) {
    const v = xs[j],
      bj = before[j];
    for (let i = 0; i < j; i++) {
      // a piece costs ≥ 0: from a start no cheaper than the best so far it cannot win
      if (!(best[i] < best[j])) continue;
      const on = past[i] & bj;
      if (on === 0) continue;
      const k0 = 31 - Math.clz32(on & -on),
        k1 = 31 - Math.clz32(on);
      // rows centred too far off the machine's line: not a piece (the full run, centred, always is)
      if (Math.abs(passLoM + ((k0 + k1 + 1) * sectionWidthM) / 2) > MAX_ROWS_OFFSET_M) continue;
      const r = ((k1 - k0 + 1) * sectionWidthM) / 2;
      const step = i > 0 ? STEP_COST_PER_R2 * r * r : 0;
      // the row-metres are ≥ 0, so the cost is at least best[i] + step (rounding is monotone)
      if (!(best[i] + step < best[j])) continue;
      const u = xs[i];
      let m = 0;
      for (let k = k0; k <= k1; k++) m += v - u - (has[k] ? Math.max(0, Math.min(v, need[2 * k + 1]) - Math.max(u, need[2 * k])) : 0);
      const c = best[i] + (m * sectionWidthM + step);
      if (c < best[j]) {
        best[j] = c;
        from[j] = i;
      }
    }
  }
  return from;
}

/** {@link leastCostBreaks} for implements of more than {@link MASK_ROWS} rows: the loop over rows per piece. */
function leastCostBreaksWide(
  need: Float64Array,
  has: Uint8Array,
  rows: number,
  xs: Float64Array,
  n: number,
  passLoM: number,
  sectionWidthM: number,
): Int32Array {
  if (dp.best.length < n) [dp.best, dp.from] = [new Float64Array(2 * n), new Int32Array(2 * n)];
  const { best, from } = dp;
  best.fill(Infinity, 0, n);
  from.fill(-1, 0, n);
  best[0] = 0;
  for (let j = 1; j < n; j++)
    for (let i = 0; i < j; i++) {
      if (!(best[i] < best[j])) continue;
      const u = xs[i],
        v = xs[j];
      if (!rowsOn(need, has, rows, u, v)) continue;
      const k0 = onK0,
        k1 = onK1;
      if (Math.abs(passLoM + ((k0 + k1 + 1) * sectionWidthM) / 2) > MAX_ROWS_OFFSET_M) continue;
      let m = 0;
      for (let k = k0; k <= k1; k++) m += v - u - (has[k] ? Math.max(0, Math.min(v, need[2 * k + 1]) - Math.max(u, need[2 * k])) : 0);
      const r = ((k1 - k0 + 1) * sectionWidthM) / 2;
      const c = best[i] + (m * sectionWidthM + (i > 0 ? STEP_COST_PER_R2 * r * r : 0));
      if (c < best[j]) {
        best[j] = c;
        from[j] = i;
      }
    }
  return from;
}

/**
 * The pieces of a swath whose rows switch off one by one where its end slants across the edge
 * (a transplanter's row clutches): each row works from where it is first needed to where it is
 * last needed (`need`, from {@link rowExtents}), the rows on over a piece always one run.
 * Breaks are chosen among the rows' ends by least cost (dynamic programming): the row-metres
 * worked where not needed plus {@link STEP_COST_PER_R2} per step; no piece's rows centre more
 * than {@link MAX_ROWS_OFFSET_M} off the line. A single piece (no break pays) returns undefined.
 *
 * @param need - per row (from the pass's lower edge, at `passLoM` from the line), its interval
 * @param passLoM - the pass's lower edge from the line (−width/2), m
 */
export function rowSteps(need: ([number, number] | undefined)[], passLoM: number, sectionWidthM: number): RowStep[] | undefined {
  const flat = new Float64Array(2 * need.length),
    has = new Uint8Array(need.length);
  need.forEach((iv, k) => {
    if (!iv) return;
    [flat[2 * k], flat[2 * k + 1], has[k]] = [iv[0], iv[1], 1];
  });
  return rowStepsFlat(flat, has, need.length, passLoM, sectionWidthM);
}

/**
 * {@link rowSteps} of needs written flat: row k's interval `need[2k]`, `need[2k + 1]` where
 * `has[k]` is 1 (as `rowExtentsInto` writes them), for `rows` rows.
 */
export function rowStepsFlat(
  need: Float64Array,
  has: Uint8Array,
  rows: number,
  passLoM: number,
  sectionWidthM: number,
): RowStep[] | undefined {
  const n = rowEnds(need, has, rows);
  if (n < 3) return undefined;
  const xs = endXs;
  const from = leastCostBreaks(need, has, rows, xs, n, passLoM, sectionWidthM);
  // the breaks, counted from the last end back to the first
  let pieces = 0;
  for (let j = n - 1; j > 0; j = from[j]) {
    if (from[j] < 0) return undefined;
    pieces++;
  }
  if (pieces <= 1) return undefined;
  const out: RowStep[] = [];
  for (let j = n - 1; j > 0; j = from[j]) {
    const u = xs[from[j]],
      v = xs[j];
    rowsOn(need, has, rows, u, v);
    out.push({ x0: u, x1: v, dy: passLoM + ((onK0 + onK1 + 1) * sectionWidthM) / 2, widthM: (onK1 - onK0 + 1) * sectionWidthM });
  }
  return out.reverse();
}
