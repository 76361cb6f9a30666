/**
 * Dose raster: product landed per cell (kg), over the fields and a margin wide enough for the
 * spread pattern and drift. Each cell knows what it is: a prescription zone (index ≥ 0), a
 * water buffer strip (BUFFER), or off target (OFF: outside every paddy, or in a hole). Product
 * is placed with bilinear weights (mass-conserving), and what falls past the edge is `lostKg`.
 */
import { SimError } from '../../errors.js';
import { bounds } from '../../geometry/index.js';
import type { PolygonM } from '../../geometry/index.js';
import type { RasterGrid } from '../raster-grid.js';

/** Cell class of a cell off every paddy. */
export const OFF = -1;
/** Cell class of a buffer-strip cell. */
export const BUFFER = -2;

/** A dose raster; see the file comment. */
export interface DoseRaster extends RasterGrid {
  /** Product per cell, kg, row-major from (originX, originY). */
  readonly massKg: Float64Array;
  /** Class per cell: zone index, {@link BUFFER} or {@link OFF}. */
  readonly cellClass: Int16Array;
  /** Product that landed beyond the raster, kg. */
  lostKg: number;
  /** Places `kg` at `(x, y)`. */
  deposit(x: number, y: number, kg: number): void;
  /** Class of the cell under a point (OFF beyond the raster). */
  classAt(x: number, y: number): number;
}

/** Most cells of a dose raster (8 M ≈ 80 MB): over it the cell is doubled. */
const MAX_CELLS = 8_000_000;

/** Marks the cells whose centre is inside `polys` (even-odd scanline over every ring, holes included). */
function classify(
  cellClass: Int16Array,
  cols: number,
  rows: number,
  ox: number,
  oy: number,
  cellM: number,
  polys: readonly PolygonM[],
  value: number,
): void {
  const xs: number[] = [];
  for (const p of polys) {
    const rings = [p.outer, ...p.holes];
    const [, minY, , maxY] = bounds([p.outer]);
    const j0 = Math.max(0, Math.floor((minY - oy) / cellM)),
      j1 = Math.min(rows - 1, Math.ceil((maxY - oy) / cellM));
    for (let j = j0; j <= j1; j++) {
      const y = oy + (j + 0.5) * cellM;
      xs.length = 0;
      for (const r of rings) {
        for (let a = 0, b = r.length - 1; a < r.length; b = a++) {
          const [xa, ya] = r[a],
            [xb, yb] = r[b];
          if (ya > y !== yb > y) xs.push(xa + ((y - ya) * (xb - xa)) / (yb - ya));
        }
      }
      xs.sort((u, v) => u - v);
      for (let k = 0; k + 1 < xs.length; k += 2) {
        const i0 = Math.max(0, Math.ceil((xs[k] - ox) / cellM - 0.5)),
          i1 = Math.min(cols - 1, Math.floor((xs[k + 1] - ox) / cellM - 0.5));
        for (let i = i0; i <= i1; i++) cellClass[j * cols + i] = value;
      }
    }
  }
}

/**
 * Makes a dose raster.
 * @param zones - each zone's polygons (local metres); a cell belongs to the zone its centre is in
 * @param buffer - water buffer strips
 * @param cellM - cell size, m
 * @param marginM - border beyond the zones' and buffers' bounding box, m
 * @throws SimError `SIM_INVALID_OPTION` for a bad cell size
 */
export function createDoseRaster(zones: readonly PolygonM[][], buffer: readonly PolygonM[], cellM: number, marginM: number): DoseRaster {
  if (!(cellM >= 0.05 && cellM <= 20))
    throw new SimError('SIM_INVALID_OPTION', `dose.cellM must be 0.05 to 20 m, got ${cellM}`, { key: 'dose.cellM', value: cellM });
  const all = [...zones.flat(), ...buffer];
  const [minX, minY, maxX, maxY] = bounds(all.map((p) => p.outer));
  let cell = cellM;
  const dims = () => [Math.ceil((maxX - minX + 2 * marginM) / cell), Math.ceil((maxY - minY + 2 * marginM) / cell)];
  while (dims()[0] * dims()[1] > MAX_CELLS) cell *= 2;
  const [cols, rows] = dims();
  const originX = minX - marginM,
    originY = minY - marginM;
  const massKg = new Float64Array(cols * rows);
  const cellClass = new Int16Array(cols * rows).fill(OFF);
  zones.forEach((polys, k) => classify(cellClass, cols, rows, originX, originY, cell, polys, k));
  // a buffer strip drawn over a zone is a buffer: no product is meant to land there
  classify(cellClass, cols, rows, originX, originY, cell, buffer, BUFFER);
  const inv = 1 / cell;
  const raster: DoseRaster = {
    cellM: cell,
    cellAreaM2: cell * cell,
    cols,
    rows,
    originX,
    originY,
    massKg,
    cellClass,
    lostKg: 0,
    deposit(x, y, kg) {
      const fx = (x - originX) * inv - 0.5,
        fy = (y - originY) * inv - 0.5;
      const i = Math.floor(fx),
        j = Math.floor(fy);
      if (i < 0 || j < 0 || i >= cols - 1 || j >= rows - 1) {
        raster.lostKg += kg;
        return;
      }
      const tx = fx - i,
        ty = fy - j,
        k = j * cols + i;
      massKg[k] += kg * (1 - tx) * (1 - ty);
      massKg[k + 1] += kg * tx * (1 - ty);
      massKg[k + cols] += kg * (1 - tx) * ty;
      massKg[k + cols + 1] += kg * tx * ty;
    },
    classAt(x, y) {
      const i = Math.floor((x - originX) * inv),
        j = Math.floor((y - originY) * inv);
      return i < 0 || j < 0 || i >= cols || j >= rows ? OFF : cellClass[j * cols + i];
    },
  };
  return raster;
}
