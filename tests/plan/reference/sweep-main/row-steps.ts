/**
 * REFERENCE (tests only): src/plan/swaths/row-steps.ts as it was on main before the swath ends,
 * row steps and intervals were worked out on typed scratch and the row-step inputs kept per sweep
 * (plan-speed8-sweep), so the fast paths can be held equal to it.
 */
/**
 * Row steps: the pieces of a swath whose rows switch off one by one where its end slants across
 * the edge (a transplanter's row clutches), chosen by least cost from where each row is needed
 * ({@link rowExtents} in swath-ends.ts).
 */
import { sortAscending } from '../../../../src/geometry/index.js';

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

/** The rows on over (u, v): the contiguous run from the lowest to the highest row needed there; undefined when none is. */
function rowsOn(need: ([number, number] | undefined)[], u: number, v: number): [number, number] | undefined {
  let k0 = -1,
    k1 = -1;
  for (let k = 0; k < need.length; k++) {
    const iv = need[k];
    if (iv && iv[1] > u + 1e-9 && iv[0] < v - 1e-9) {
      if (k0 < 0) k0 = k;
      k1 = k;
    }
  }
  return k0 < 0 ? undefined : [k0, k1];
}

/** The rows' ends, each value once, ascending (as `[...new Set(ends)].sort()` gives them). */
function rowEnds(need: ([number, number] | undefined)[]): number[] {
  const all: number[] = [];
  for (const iv of need) if (iv) all.push(iv[0], iv[1]);
  sortAscending(all);
  const xs: number[] = [];
  // a Set keeps −0 as +0
  for (const x of all) if (xs.length === 0 || xs[xs.length - 1] !== x) xs.push(x === 0 ? 0 : x);
  return xs;
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
  lo: new Float64Array(8),
  hi: new Float64Array(8),
  has: new Uint8Array(8),
};

/**
 * Least cost of working xs[0]..xs[j] for every j, and the break before j it takes: the cost of a
 * piece (u, v) is the row-metres its rows (those needed there, one run) work where not needed,
 * times the row width, plus {@link STEP_COST_PER_R2} · r² for each piece after the first.
 */
function leastCostBreaks(need: ([number, number] | undefined)[], xs: number[], passLoM: number, sectionWidthM: number): Int32Array {
  // the tables are shared: `from` is valid until the next call
  const n = xs.length,
    rows = need.length;
  if (dp.best.length < n) [dp.best, dp.from] = [new Float64Array(2 * n), new Int32Array(2 * n)];
  if (dp.lo.length < rows) [dp.lo, dp.hi, dp.has] = [new Float64Array(2 * rows), new Float64Array(2 * rows), new Uint8Array(2 * rows)];
  const { best, from, lo, hi, has } = dp;
  best.fill(Infinity, 0, n);
  from.fill(-1, 0, n);
  best[0] = 0;
  for (let k = 0; k < rows; k++) {
    const iv = need[k];
    has[k] = iv ? 1 : 0;
    if (iv) {
      lo[k] = iv[0];
      hi[k] = iv[1];
    }
  }
  for (let j = 1; j < n; j++)
    for (let i = 0; i < j; i++) {
      // a piece costs ≥ 0: from a start no cheaper than the best so far it cannot win
      if (!(best[i] < best[j])) continue;
      const u = xs[i],
        v = xs[j];
      let k0 = -1,
        k1 = -1;
      for (let k = 0; k < rows; k++)
        if (has[k] && hi[k] > u + 1e-9 && lo[k] < v - 1e-9) {
          if (k0 < 0) k0 = k;
          k1 = k;
        }
      // rows centred too far off the machine's line: not a piece (the full run, centred, always is)
      if (k0 < 0 || Math.abs(passLoM + ((k0 + k1 + 1) * sectionWidthM) / 2) > MAX_ROWS_OFFSET_M) continue;
      let m = 0;
      for (let k = k0; k <= k1; k++) m += v - u - (has[k] ? Math.max(0, Math.min(v, hi[k]) - Math.max(u, lo[k])) : 0);
      const r = ((k1 - k0 + 1) * sectionWidthM) / 2;
      const c = best[i] + (m * sectionWidthM + (i > 0 ? STEP_COST_PER_R2 * r * r : 0));
      if (c < best[j]) [best[j], from[j]] = [c, i];
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
  const xs = rowEnds(need);
  if (xs.length < 3) return undefined;
  const n = xs.length;
  const from = leastCostBreaks(need, xs, passLoM, sectionWidthM);
  const breaks: number[] = [];
  for (let j = n - 1; j > 0; j = from[j]) {
    if (from[j] < 0) return undefined;
    breaks.push(j);
  }
  breaks.push(0);
  breaks.reverse();
  if (breaks.length <= 2) return undefined;
  const out: RowStep[] = [];
  for (let k = 1; k < breaks.length; k++) {
    const [u, v] = [xs[breaks[k - 1]], xs[breaks[k]]];
    const [k0, k1] = rowsOn(need, u, v)!;
    out.push({ x0: u, x1: v, dy: passLoM + ((k0 + k1 + 1) * sectionWidthM) / 2, widthM: (k1 - k0 + 1) * sectionWidthM });
  }
  return out;
}
