/**
 * The coverage raster's field cells: the rows' crossings with the field's rings, found edge by
 * edge over the rows each edge spans (not every edge per row), and the cells between them.
 */
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
      const [i0, i1] = colSpan(g, xs[k], xs[k + 1]);
      if (i1 >= i0) inField.fill(1, iy * g.nx + i0, iy * g.nx + i1 + 1);
    }
  return inField;
}

/** The rows an edge with ends at heights lo < hi crosses: rows whose centre y has lo ≤ y < hi (as `a.y > y !== b.y > y`). */
function edgeRows(g: GridFrame, lo: number, hi: number): [number, number] {
  let r0 = Math.min(g.ny, Math.max(0, Math.ceil((lo - g.minY) / g.step - 0.5)));
  while (r0 > 0 && rowY(g, r0 - 1) >= lo) r0--;
  while (r0 < g.ny && rowY(g, r0) < lo) r0++;
  let r1 = r0;
  while (r1 < g.ny && rowY(g, r1) < hi) r1++;
  return [r0, r1];
}

/**
 * Every row's crossings with the rings, sorted: row iy's in xs[start[iy], start[iy + 1]). The
 * crossings of `rowCrossings` (the same test and arithmetic per edge and row, so the same
 * numbers), found edge by edge over the rows each one spans rather than row by row over every
 * edge.
 */
function fieldRows(g: GridFrame, rings: XY[][]): { start: Int32Array; xs: Float64Array } {
  const count = new Int32Array(g.ny + 1);
  const each = (visit: (a: XY, b: XY, iy: number) => void) => {
    for (const ring of rings)
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j],
          b = ring[i];
        if (a[1] === b[1]) continue;
        const [r0, r1] = edgeRows(g, Math.min(a[1], b[1]), Math.max(a[1], b[1]));
        for (let iy = r0; iy < r1; iy++) visit(a, b, iy);
      }
  };
  each((_a, _b, iy) => count[iy + 1]++);
  for (let iy = 0; iy < g.ny; iy++) count[iy + 1] += count[iy];
  const xs = new Float64Array(count[g.ny]);
  const fill = count.slice(0, g.ny);
  each((a, b, iy) => {
    const y = rowY(g, iy);
    xs[fill[iy]++] = a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]);
  });
  for (let iy = 0; iy < g.ny; iy++) xs.subarray(count[iy], count[iy + 1]).sort();
  return { start: count, xs };
}
