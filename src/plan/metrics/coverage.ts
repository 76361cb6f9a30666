import { bounds, hypot } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import { cellCounts } from './cell-counts.js';
import { unreachableCorners } from './unreachable-corners.js';
import { colSpan, paintField, rowY, type GridFrame } from './field-rows.js';

/** Coverage of a field by working footprints, as docs/contracts.md defines it. */
export interface CoverageEstimate {
  coveragePct: number;
  overlapPct: number;
  samples: number;
}

/**
 * A segment's capsule (points within r of a–b) as {@link paintCapsule} reads it: its ends, radius
 * and the two side lines' offsets, computed once per segment rather than once per row; and the
 * raster's frame, set once per painting.
 */
class Capsule {
  ax = 0;
  ay = 0;
  bx = 0;
  by = 0;
  r = 0;
  dx = 0;
  dyab = 0;
  /** 1: a slanted band (side lines meet rows), 2: a horizontal band, 0: a point. */
  band = 0;
  nx = 0;
  ny = 0;
  minX = 0;
  minY = 0;
  step = 1;
  cols = 1;
  rows = 1;

  set(ax: number, ay: number, bx: number, by: number, r: number): void {
    this.ax = ax;
    this.ay = ay;
    this.bx = bx;
    this.by = by;
    this.r = r;
    const dx = bx - ax,
      dyab = by - ay,
      l = hypot(dx, dyab);
    this.dx = dx;
    this.dyab = dyab;
    this.band = l > 0 && dyab !== 0 ? 1 : l > 0 ? 2 : 0;
    this.nx = (-dyab / l) * r;
    this.ny = (dx / l) * r;
  }
}

/**
 * A row whose centre lies this far (m) below the lowest point of a capsule (its lower end less
 * the reach) or above its highest misses it: the disc tests then have |dy| > r and the band's
 * side lines meet the row outside their segment, with the rounding of the arithmetic (about
 * 1e-12 m on a field's coordinates) far below this margin. A fifth of the rows the floor/ceil
 * span visited were such misses.
 */
const ROW_MISS_M = 1e-6;

/**
 * Adds path `id` to every cell whose centre the capsule covers, row by row: on each row the
 * x-interval where its centre line meets the capsule, the union of the two end discs and the
 * band between them (convex, so one interval). A one-segment path (`once`) meets a cell once;
 * another skips cells it already painted (`lastPath`). One call per segment, taking only
 * integers and objects: the row loop runs inside, as a double argument to a call that is not
 * inlined is boxed (16 bytes a call, once per row it was a tenth of the painter's time).
 */
function paintCapsule(c: Capsule, id: number, once: boolean, passes: Uint8Array, lastPath: Int32Array): void {
  const { ax, ay, bx, by, r, band, minX, minY, step, cols } = c;
  const loY = Math.min(ay, by) - r,
    hiY = Math.max(ay, by) + r;
  let iy0 = Math.max(0, Math.floor((loY - minY) / step)),
    iy1 = Math.min(c.rows - 1, Math.ceil((hiY - minY) / step));
  // the rows whose centre lies clearly below or above the capsule miss it: not asked
  while (iy0 <= iy1 && minY + (iy0 + 0.5) * step < loY - ROW_MISS_M) iy0++;
  while (iy1 >= iy0 && minY + (iy1 + 0.5) * step > hiY + ROW_MISS_M) iy1--;
  for (let iy = iy0; iy <= iy1; iy++) {
    const y = minY + (iy + 0.5) * step;
    let lo = Infinity,
      hi = -Infinity;
    let dy = y - ay;
    if (dy <= r && dy >= -r) {
      const h = Math.sqrt(r * r - dy * dy);
      lo = ax - h;
      hi = ax + h;
    }
    dy = y - by;
    if (dy <= r && dy >= -r) {
      const h = Math.sqrt(r * r - dy * dy);
      if (bx - h < lo) lo = bx - h;
      if (bx + h > hi) hi = bx + h;
    }
    if (band === 1) {
      // the band: where the line meets the segment's two side lines, clipped to its ends
      const { dx, dyab, nx, ny } = c;
      let t = (y - (ay + ny)) / dyab;
      if (t >= 0 && t <= 1) {
        const x = ax + nx + t * dx;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
      t = (y - (ay - ny)) / dyab;
      if (t >= 0 && t <= 1) {
        const x = ax - nx + t * dx;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    } else if (band === 2 && Math.abs(y - ay) <= r) {
      // horizontal segment: the band spans it whole
      lo = Math.min(lo, ax, bx);
      hi = Math.max(hi, ax, bx);
    }
    if (!(lo <= hi)) continue;
    const i0 = Math.max(0, Math.ceil((lo - minX) / step - 0.5)),
      i1 = Math.min(cols - 1, Math.floor((hi - minX) / step - 0.5));
    paintRow(passes, lastPath, iy * cols + i0, iy * cols + i1, id, once);
  }
}

/** Adds path `id` to cells k0..k1 (see {@link paintCapsule}); the count saturates at 255. */
function paintRow(passes: Uint8Array, lastPath: Int32Array, k0: number, k1: number, id: number, once: boolean): void {
  if (once) {
    for (let k = k0; k <= k1; k++) if (passes[k] < 255) passes[k]++;
    return;
  }
  for (let k = k0; k <= k1; k++)
    if (lastPath[k] !== id) {
      lastPath[k] = id;
      if (passes[k] < 255) passes[k]++;
    }
}

/** Footprints rasterised on a grid over the field (row-major, `nx` × `ny` cells of `stepM`). */
export interface CoverageGrid {
  minX: number;
  minY: number;
  stepM: number;
  nx: number;
  ny: number;
  /** Distinct working paths covering each cell centre (saturates at 255). */
  passes: Uint8Array;
  /** 1 where the cell centre lies in the field (holes excluded). */
  inField: Uint8Array;
  /** 1 where the cell centre lies in an unreachable corner disc (left out of the count). */
  excluded: Uint8Array;
}

/** The raster frame over a field's bounding box, of about `samples` cells. */
function gridFrame(field: PolygonM, samples: number): GridFrame {
  const [minX, minY, maxX, maxY] = bounds([field.outer]);
  const step = Math.max(0.05, Math.sqrt(((maxX - minX) * (maxY - minY)) / samples));
  const nx = Math.max(1, Math.ceil((maxX - minX) / step)),
    ny = Math.max(1, Math.ceil((maxY - minY) / step));
  return { minX, minY, step, nx, ny };
}

/** The rows whose centres may lie within `[lo, hi]` in y, clamped to the grid. */
function rowSpan(g: GridFrame, lo: number, hi: number): [number, number] {
  return [Math.max(0, Math.floor((lo - g.minY) / g.step)), Math.min(g.ny - 1, Math.ceil((hi - g.minY) / g.step))];
}

/**
 * The painter's scratch (the last path over each cell, the capsule): kept between
 * calls, as a plan paints several rasters of ~10,000 cells and a typed array that size is
 * allocated outside the JS heap.
 */
let lastPathScratch = new Int32Array(0);
const capsuleScratch = new Capsule();

/**
 * Counts, per cell, the distinct paths whose footprint (within their width/2 + 2 cm) covers its
 * centre, segment by segment ({@link paintCapsule}). The row and column spans are
 * {@link rowSpan}'s and {@link colSpan}'s arithmetic, written out: they run once per row per
 * segment, and their pairs were its allocations.
 */
function paintFootprints(g: GridFrame, paths: XY[][], widthM: number, pathWidthsM?: readonly (number | undefined)[]): Uint8Array {
  const { nx, ny } = g;
  const passes = new Uint8Array(nx * ny);
  if (lastPathScratch.length < nx * ny) lastPathScratch = new Int32Array(nx * ny);
  const lastPath = lastPathScratch;
  lastPath.fill(-1, 0, nx * ny);
  const capsule = capsuleScratch;
  capsule.minX = g.minX;
  capsule.minY = g.minY;
  capsule.step = g.step;
  capsule.cols = nx;
  capsule.rows = ny;
  for (let id = 0; id < paths.length; id++) {
    const pts = paths[id];
    const reachM = (pathWidthsM?.[id] ?? widthM) / 2 + 0.02;
    // a one-segment path meets each row in one interval (a capsule is convex): no cell twice
    const once = pts.length === 2;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1],
        b = pts[i];
      capsule.set(a[0], a[1], b[0], b[1], reachM);
      paintCapsule(capsule, id, once, passes, lastPath);
    }
  }
  return passes;
}

/** 1 where a cell centre lies in an unreachable corner disc. */
function paintCorners(g: GridFrame, field: PolygonM, widthM: number): Uint8Array {
  const excluded = new Uint8Array(g.nx * g.ny);
  for (const c of unreachableCorners(field, widthM)) {
    const [iy0, iy1] = rowSpan(g, c.at[1] - c.radiusM, c.at[1] + c.radiusM);
    for (let iy = iy0; iy <= iy1; iy++) {
      const dy = rowY(g, iy) - c.at[1];
      if (Math.abs(dy) >= c.radiusM) continue;
      const halfChordM = Math.sqrt(c.radiusM * c.radiusM - dy * dy);
      const [i0, i1] = colSpan(g, c.at[0] - halfChordM, c.at[0] + halfChordM);
      if (i1 >= i0) excluded.fill(1, iy * g.nx + i0, iy * g.nx + i1 + 1);
    }
  }
  return excluded;
}

/**
 * Rasterises the working footprints (a disc of widthM/2 swept along each path) and the field
 * on a grid of about `samples` cells. Footprints go row by row, so the cost follows the
 * worked area.
 *
 * @param widthM - the implement's width (also sizes the unreachable corners)
 * @param pathWidthsM - per path, its own width where it differs (a narrowed pass); else `widthM`
 */
export function coverageGrid(
  field: PolygonM,
  paths: XY[][],
  widthM: number,
  samples = 5_000,
  pathWidthsM?: readonly (number | undefined)[],
): CoverageGrid {
  const frame = gridFrame(field, samples);
  const { minX, minY, step, nx, ny } = frame;
  const passes = paintFootprints(frame, paths, widthM, pathWidthsM);
  const excluded = paintCorners(frame, field, widthM);
  const inField = paintField(frame, field);
  return { minX, minY, stepM: step, nx, ny, passes, inField, excluded };
}

/**
 * {@link coverageGrid}'s `passes` alone (the same frame and counts), for a caller that has the
 * field's cells and corners from an earlier raster of the same field and sample count.
 */
export function footprintPasses(
  field: PolygonM,
  paths: XY[][],
  widthM: number,
  samples: number,
  pathWidthsM?: readonly (number | undefined)[],
): Uint8Array {
  return paintFootprints(gridFrame(field, samples), paths, widthM, pathWidthsM);
}

/**
 * Estimates coverage and overlap on a grid of about `samples` cell centres over the field: a
 * point is covered when it lies within widthM/2 of a working path (a disc swept along it), and
 * overlapped when two or more distinct working paths cover it. Unreachable corners are left
 * out of the count, unless the whole plot lies in them (a plot smaller than the implement).
 *
 * @param paths - working paths (one polyline per swath or headland pass), metres
 * @param pathWidthsM - per path, its own width where it differs from `widthM` (a narrowed pass)
 */
export function estimateCoverage(
  field: PolygonM,
  paths: XY[][],
  widthM: number,
  samples = 5_000,
  pathWidthsM?: readonly (number | undefined)[],
): CoverageEstimate {
  const g = coverageGrid(field, paths, widthM, samples, pathWidthsM);
  let c = cellCounts(g);
  if (c.inside === 0) c = cellCounts(g, true);
  const { inside, covered, overlapped } = c;
  return {
    coveragePct: inside ? (100 * covered) / inside : 0,
    overlapPct: inside ? (100 * overlapped) / inside : 0,
    samples: inside,
  };
}
