import { lineCrossings, sortAscending } from '../../geometry/index.js';
import type { PolygonM } from '../../geometry/index.js';

/** Inside intervals of the horizontal line y through polygons (even-odd pairs of crossings, pieces over 1 mm). */
export function lineIntervals(polys: PolygonM[], y: number): [number, number][] {
  lineIntervalsInto(polys, y, pairsRun);
  const out: [number, number][] = [];
  for (let k = 0; k < pairsRun.n; k += 2) out.push([pairsRun.ends[k], pairsRun.ends[k + 1]]);
  return out;
}

/** A line's inside intervals, flat: `ends[0, n)` as (x0, x1) pairs, ascending. */
export interface IntervalRun {
  ends: Float64Array;
  n: number;
}

/**
 * The crossings of {@link lineIntervalsInto} queries, each appended after the last's. Emptied
 * only past {@link CROSS_LIST_MAX} numbers: setting a plain array's length to 0 frees its
 * backing store in V8, so emptying it per query would allocate it again each time.
 */
const crossList: number[] = [];
/** {@link lineIntervals}' run, read into pairs before it returns. */
const pairsRun: IntervalRun = { ends: new Float64Array(16), n: 0 };
const CROSS_LIST_MAX = 1 << 14;

/**
 * The inside intervals of the line y through polygons (even-odd pairs of crossings, pieces over
 * 1 mm) written to `run` (its array grown when short): no array per line or pair per interval.
 */
export function lineIntervalsInto(polys: readonly PolygonM[], y: number, run: IntervalRun): void {
  if (crossList.length > CROSS_LIST_MAX) crossList.length = 0;
  const from = crossList.length;
  for (const p of polys) lineCrossings(p, y, crossList);
  const m = crossList.length - from;
  if (run.ends.length < m) run.ends = new Float64Array(2 * m);
  const xs = run.ends;
  for (let k = 0; k < m; k++) xs[k] = crossList[from + k];
  sortAscending(xs, 0, m);
  // compacted in place: pair k is read before anything at or past 2k is written
  let n = 0;
  for (let k = 0; k + 1 < m; k += 2)
    if (xs[k + 1] - xs[k] > 1e-3) {
      const x0 = xs[k],
        x1 = xs[k + 1];
      xs[n++] = x0;
      xs[n++] = x1;
    }
  run.n = n;
}
