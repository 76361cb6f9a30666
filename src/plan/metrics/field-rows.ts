/**
 * The coverage raster's field cells: the rows' crossings with the field's rings, found edge by
 * edge over the rows each edge spans (not every edge per row), and the cells between them.
 */
import { sortAscending } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';

/** The raster's frame: cell (ix, iy) has its centre at minX + (ix + 0.5) step, minY + (iy + 0.5) step. */
export interface GridFrame {
  minX: number;
  minY: number;
  step: number;
  nx: number;
  ny: number;
}

/** The centre height of row iy. */
export const rowY = (g: GridFrame, iy: number) => g.minY + (iy + 0.5) * g.step;

/** The columns whose centres lie within `[lo, hi]` in x, clamped to the grid. */
export function colSpan(g: GridFrame, lo: number, hi: number): [number, number] {
  return [Math.max(0, Math.ceil((lo - g.minX) / g.step - 0.5)), Math.min(g.nx - 1, Math.floor((hi - g.minX) / g.step - 0.5))];
}

/** 1 where a cell centre lies in the field (holes excluded), by {@link fieldRows}' crossings. */
export function paintField(g: GridFrame, field: PolygonM): Uint8Array {
  const inField = new Uint8Array(g.nx * g.ny);
  const { start, xs } = fieldRows(g, [field.outer, ...field.holes]);
  for (let iy = 0; iy < g.ny; iy++)
    for (let k = start[iy]; k + 1 < start[iy + 1]; k += 2) {
      // colSpan's arithmetic, without its pair
      const i0 = Math.max(0, Math.ceil((xs[k] - g.minX) / g.step - 0.5)),
        i1 = Math.min(g.nx - 1, Math.floor((xs[k + 1] - g.minX) / g.step - 0.5));
      for (let c = iy * g.nx + i0, end = iy * g.nx + i1; c <= end; c++) inField[c] = 1;
    }
  return inField;
}

/** The first row whose centre y has y ≥ lo (clamped to the grid). */
function firstRowFrom(g: GridFrame, lo: number): number {
  let r0 = Math.min(g.ny, Math.max(0, Math.ceil((lo - g.minY) / g.step - 0.5)));
  while (r0 > 0 && rowY(g, r0 - 1) >= lo) r0--;
  while (r0 < g.ny && rowY(g, r0) < lo) r0++;
  return r0;
}

/** The first row from r0 on whose centre y has y ≥ hi (clamped to the grid). */
function firstRowAt(g: GridFrame, r0: number, hi: number): number {
  let r1 = r0;
  while (r1 < g.ny && rowY(g, r1) < hi) r1++;
  return r1;
}

/**
 * Every row's crossings with the rings, sorted: row iy's in xs[start[iy], start[iy + 1]). The
 * crossings of `rowCrossings` (the same test and arithmetic per edge and row, so the same
 * numbers), found edge by edge over the rows each one spans rather than row by row over every
 * edge: an edge with ends at heights lo < hi crosses the rows whose centre y has lo ≤ y < hi
 * (as `a.y > y !== b.y > y`).
 */
function fieldRows(g: GridFrame, rings: XY[][]): { start: Int32Array; xs: Float64Array } {
  const count = new Int32Array(g.ny + 1);
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j],
        b = ring[i];
      if (a[1] === b[1]) continue;
      const r0 = firstRowFrom(g, Math.min(a[1], b[1])),
        r1 = firstRowAt(g, r0, Math.max(a[1], b[1]));
      for (let iy = r0; iy < r1; iy++) count[iy + 1]++;
    }
  for (let iy = 0; iy < g.ny; iy++) count[iy + 1] += count[iy];
  const xs = new Float64Array(count[g.ny]);
  const fill = count.slice(0, g.ny);
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j],
        b = ring[i];
      if (a[1] === b[1]) continue;
      const r0 = firstRowFrom(g, Math.min(a[1], b[1])),
        r1 = firstRowAt(g, r0, Math.max(a[1], b[1]));
      for (let iy = r0; iy < r1; iy++) {
        const y = rowY(g, iy);
        xs[fill[iy]++] = a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
      }
    }
  // in place, per row: a subarray per row to sort was an allocation per row (the order of −0
  // and +0 among equal crossings changes no cell: both give the same columns)
  for (let iy = 0; iy < g.ny; iy++) sortAscending(xs, count[iy], count[iy + 1]);
  return { start: count, xs };
}
