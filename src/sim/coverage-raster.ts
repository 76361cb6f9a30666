/**
 * Coverage raster: a grid over the field(s) in local metres that counts implement passes per
 * cell, so a run can say how much of the field was covered once, more than once, or missed,
 * and how much product fell off target.
 *
 * Memory: 4 bytes per cell (Uint8 pass count, Uint8 field mask, Uint16 pass stamp). At the
 * default 0.25 m cell a hectare is 160,000 cells = 0.64 MB, so a 100 ha square field costs
 * 16 M cells ≈ 64 MB (plus the margin ring). Above `maxCells` (default 40 M cells ≈ 160 MB)
 * the raster is coarsened (cell doubled until it fits) or refused, per `onOverflow`.
 */
import { SimError } from '../errors.js';
import type { PolygonM, XY } from '../geometry/index.js';
import type { RasterGrid } from './raster-grid.js';

/** Options of {@link createCoverageRaster}. */
export interface RasterOptions {
  /** Cell size, m (default 0.25). */
  cellM?: number;
  /** Extra border around the fields' bounding box, m, to see paint that leaves the field (default 10). */
  marginM?: number;
  /** Most cells allowed (default 40,000,000 ≈ 160 MB). */
  maxCells?: number;
  /** Over `maxCells`: `coarsen` doubles the cell until it fits (default), `error` throws SIM_INVALID_OPTION. */
  onOverflow?: 'coarsen' | 'error';
  /** Count field and covered cells per polygon too (block runs: per-paddy progress; default false). */
  perPolygon?: boolean;
}

/** Cells per polygon (index-aligned with the polygons given), when `perPolygon` was asked for. */
export interface PolygonStats {
  fieldCells: Uint32Array;
  covered: Uint32Array;
}

/** Counters of a raster, in cells. */
export interface RasterStats {
  fieldCells: number;
  /** Field cells with at least one pass. */
  covered: number;
  /** Field cells with two passes or more. */
  overlapped: number;
  /** Sum of passes over field cells (cell-passes on target). */
  passCellsOnTarget: number;
  /** Sum of passes over cells outside the field or in holes (within the raster). */
  passCellsOffTarget: number;
}

/** A coverage raster; see the file comment. */
export interface CoverageRaster extends RasterGrid {
  readonly stats: RasterStats;
  /** Pass counts, row-major from (originX, originY) (read-only view). */
  readonly counts: Uint8Array;
  /** 1 where the cell centre is inside a field and outside its holes. */
  readonly mask: Uint8Array;
  /** Per-polygon counters (option `perPolygon`), else undefined. */
  readonly perPolygon?: PolygonStats;
  /** Allocates a new pass id (1…65535, wrapping): cells already stamped with it are not counted again. */
  newPass(): number;
  /** Paints a convex quadrilateral (4 corners in order) as part of pass `passId`. */
  paintQuad(q: readonly XY[], passId: number): void;
}

const DEFAULT_MAX_CELLS = 40_000_000;

/** @throws SimError `SIM_INVALID_OPTION` naming the bad key */
function checkRasterOptions(cellM: number, marginM: number, maxCells: number): void {
  if (!Number.isFinite(cellM) || cellM < 0.01 || cellM > 100) {
    throw new SimError('SIM_INVALID_OPTION', `cellM must be between 0.01 and 100 m, got ${cellM}`, { key: 'cellM', value: cellM });
  }
  if (!Number.isFinite(marginM) || marginM < 0) {
    throw new SimError('SIM_INVALID_OPTION', `marginM must be a number ≥ 0, got ${marginM}`, { key: 'marginM', value: marginM });
  }
  if (!Number.isFinite(maxCells) || maxCells < 1) {
    throw new SimError('SIM_INVALID_OPTION', `maxCells must be ≥ 1, got ${maxCells}`, { key: 'maxCells', value: maxCells });
  }
}

/**
 * The grid over the polygons' bounding box plus the margin: origin, cell (doubled until the grid
 * fits in `maxCells`, unless `onOverflow` is `error`), columns and rows.
 */
function rasterFrame(polygons: readonly PolygonM[], options: RasterOptions, cellM: number, marginM: number, maxCells: number) {
  const box = boundsOf(polygons);
  const x0 = box[0] - marginM;
  const y0 = box[1] - marginM;
  const w = box[2] - box[0] + 2 * marginM;
  const h = box[3] - box[1] + 2 * marginM;
  const cellsAt = (c: number) => Math.ceil(w / c) * Math.ceil(h / c);
  if (cellsAt(cellM) > maxCells) {
    if (options.onOverflow === 'error') {
      throw new SimError(
        'SIM_INVALID_OPTION',
        `coverage raster of ${cellsAt(cellM)} cells at ${cellM} m is over maxCells ${maxCells}: use a coarser cellM or onOverflow 'coarsen'`,
        { key: 'cellM', cells: cellsAt(cellM), maxCells },
      );
    }
    while (cellsAt(cellM) > maxCells) cellM *= 2;
  }
  return { x0, y0, cellM, cols: Math.ceil(w / cellM), rows: Math.ceil(h / cellM) };
}

/**
 * Makes a raster covering `polygons` (one or more fields, the same local frame).
 * @param polygons - fields in metres (outer CCW, holes CW; winding does not matter here)
 * @param options - cell size, margin, limits
 * @throws SimError `SIM_INVALID_OPTION` for a bad cell size, or over `maxCells` with `onOverflow: 'error'`
 * @example
 * ```ts
 * // inside the sim stage (its index.ts); not on the library face
 * const r = createCoverageRaster([{ outer: [[0, 0], [100, 0], [100, 50], [0, 50]], holes: [] }], { cellM: 0.5 });
 * r.paintQuad([[0, 0], [10, 0], [10, 7], [0, 7]], r.newPass()); // r.stats.covered === 280
 * ```
 */
export function createCoverageRaster(polygons: readonly PolygonM[], options: RasterOptions = {}): CoverageRaster {
  const marginM = options.marginM ?? 10;
  const maxCells = options.maxCells ?? DEFAULT_MAX_CELLS;
  const requestedCellM = options.cellM ?? 0.25;
  checkRasterOptions(requestedCellM, marginM, maxCells);
  const { x0, y0, cellM, cols, rows } = rasterFrame(polygons, options, requestedCellM, marginM, maxCells);
  const counts = new Uint8Array(cols * rows);
  const stamps = new Uint16Array(cols * rows);
  const mask = new Uint8Array(cols * rows);
  const stats: RasterStats = { fieldCells: 0, covered: 0, overlapped: 0, passCellsOnTarget: 0, passCellsOffTarget: 0 };
  // label = polygon index + 1 (0: no polygon), so covered cells can be counted per paddy
  const labels = options.perPolygon ? new Uint16Array(cols * rows) : undefined;
  const perPolygon = labels ? { fieldCells: new Uint32Array(polygons.length), covered: new Uint32Array(polygons.length) } : undefined;
  polygons.forEach((p, i) => {
    const n = fillMask(mask, p, x0, y0, cellM, cols, rows, labels, i + 1);
    stats.fieldCells += n;
    if (perPolygon) perPolygon.fieldCells[i] = n;
  });
  let pass = 0;

  const paintCell = (c: number, passId: number): void => {
    if (stamps[c] === passId) return;
    stamps[c] = passId;
    const n = counts[c];
    if (n < 255) counts[c] = n + 1;
    if (mask[c] === 1) {
      stats.passCellsOnTarget++;
      if (n === 0) {
        stats.covered++;
        if (labels) perPolygon!.covered[labels[c] - 1]++;
      } else if (n === 1) stats.overlapped++;
    } else {
      stats.passCellsOffTarget++;
    }
  };

  return {
    cellM,
    cellAreaM2: cellM * cellM,
    cols,
    rows,
    originX: x0,
    originY: y0,
    stats,
    counts,
    mask,
    ...(perPolygon ? { perPolygon } : {}),
    newPass() {
      pass = pass >= 65535 ? 1 : pass + 1;
      return pass;
    },
    paintQuad(q, passId) {
      paintConvex(q, x0, y0, cellM, cols, rows, (c) => paintCell(c, passId));
    },
  };
}

function boundsOf(polygons: readonly PolygonM[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const p of polygons) {
    for (const [x, y] of p.outer) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  if (!Number.isFinite(minX)) throw new SimError('SIM_INVALID_OPTION', 'no field polygon to rasterise', { key: 'plans' });
  return [minX, minY, maxX, maxY];
}

/** Scan-line fill (even–odd over outer and holes) of cell centres; returns the cells set. */
function fillMask(
  mask: Uint8Array,
  p: PolygonM,
  x0: number,
  y0: number,
  cellM: number,
  cols: number,
  rows: number,
  labels?: Uint16Array,
  label = 0,
): number {
  const rings = [p.outer, ...p.holes];
  let set = 0;
  const xs: number[] = [];
  for (let r = 0; r < rows; r++) {
    const yc = y0 + (r + 0.5) * cellM;
    xs.length = 0;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i];
        const [xj, yj] = ring[j];
        if (yi > yc !== yj > yc) xs.push(xi + ((yc - yi) * (xj - xi)) / (yj - yi));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const c0 = Math.max(0, Math.ceil((xs[k] - x0) / cellM - 0.5));
      const c1 = Math.min(cols - 1, Math.floor((xs[k + 1] - x0) / cellM - 0.5));
      for (let c = c0; c <= c1; c++) {
        const idx = r * cols + c;
        if (mask[idx] === 0) {
          mask[idx] = 1;
          if (labels) labels[idx] = label;
          set++;
        }
      }
    }
  }
  return set;
}

/** Calls `visit` for every cell whose centre lies in the convex polygon `q`. */
function paintConvex(
  q: readonly XY[],
  x0: number,
  y0: number,
  cellM: number,
  cols: number,
  rows: number,
  visit: (cell: number) => void,
): void {
  let minY = Infinity;
  let maxY = -Infinity;
  for (const p of q) {
    if (p[1] < minY) minY = p[1];
    if (p[1] > maxY) maxY = p[1];
  }
  const r0 = Math.max(0, Math.ceil((minY - y0) / cellM - 0.5));
  const r1 = Math.min(rows - 1, Math.floor((maxY - y0) / cellM - 0.5));
  const n = q.length;
  for (let r = r0; r <= r1; r++) {
    const yc = y0 + (r + 0.5) * cellM;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const yi = q[i][1];
      const yj = q[j][1];
      if (yi > yc !== yj > yc) {
        const x = q[i][0] + ((yc - yi) * (q[j][0] - q[i][0])) / (yj - yi);
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
    if (lo > hi) continue;
    const c0 = Math.max(0, Math.ceil((lo - x0) / cellM - 0.5));
    const c1 = Math.min(cols - 1, Math.floor((hi - x0) / cellM - 0.5));
    const base = r * cols;
    for (let c = c0; c <= c1; c++) visit(base + c);
  }
}
