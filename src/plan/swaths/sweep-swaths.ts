import { rotatePolygon } from '../../geometry/transform.js';
import type { PolygonM } from '../../geometry/types.js';
import { cellIntervalAt, decompose, type SweepCell } from '../decompose/decompose.js';

/** A swath in the sweep frame: the line y from x0 to x1 (x0 < x1), implement centre. */
export interface SweepSwath {
  y: number;
  x0: number;
  x1: number;
}

/** Swaths of one sweep angle: the cells and their swaths, bottom to top within each cell. */
export interface SweepPlan {
  angleRad: number;
  cells: SweepCell[];
  swaths: SweepSwath[][];
  count: number;
}

/** How many swaths cover a band of height `heightM`: ceil(height / width), at least one. */
export function swathCount(heightM: number, widthM: number): number {
  return Math.max(1, Math.ceil(heightM / widthM - 1e-9));
}

/**
 * Heights of the swaths that cover a band of height `heightM` with implement width `widthM`:
 * the fewest that fit, the first and last half a width inside the band, and the leftover
 * spread evenly between them (no strip is left at the last swath).
 */
export function swathOffsets(heightM: number, widthM: number): number[] {
  const n = swathCount(heightM, widthM);
  if (n === 1) return [heightM / 2];
  const spacing = (heightM - widthM) / (n - 1);
  return Array.from({ length: n }, (_, j) => widthM / 2 + j * spacing);
}

/** Where the horizontal line y crosses the polygons' edges, sorted: pairs are inside intervals. */
function lineCrossings(polys: PolygonM[], y: number): number[] {
  const xs: number[] = [];
  for (const p of polys)
    for (const ring of [p.outer, ...p.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j], b = ring[i];
        if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
      }
  return xs.sort((u, v) => u - v);
}

/**
 * Lays parallel swaths over `area` at `angleRad` (direction of travel, from east,
 * counter-clockwise): rotates into the sweep frame, decomposes into cells, and covers each
 * cell with its own evenly spread swaths. Each swath then runs on, past the cell's sides,
 * to the edge of `reach` (the innermost headland lap's centre line), so its footprint meets
 * the headland's even where the headland edge slants against the swaths.
 */
export function sweepSwaths(area: PolygonM[], angleRad: number, widthM: number, reach: PolygonM[] = area): SweepPlan {
  const rotated = area.map((p) => rotatePolygon(p, -angleRad));
  const reachRotated = reach === area ? rotated : reach.map((p) => rotatePolygon(p, -angleRad));
  const cells = decompose(rotated).filter((c) => c.y1 - c.y0 > 1e-3);
  const swaths: SweepSwath[][] = [];
  let count = 0;
  for (const cell of cells) {
    const list: SweepSwath[] = [];
    for (const off of swathOffsets(cell.y1 - cell.y0, widthM)) {
      const y = cell.y0 + off;
      const iv = cellIntervalAt(cell, y);
      if (!iv || iv[1] - iv[0] < 1e-3) continue;
      const xs = lineCrossings(reachRotated, y), mid = (iv[0] + iv[1]) / 2;
      let [x0, x1] = iv;
      for (let k = 0; k + 1 < xs.length; k += 2) if (xs[k] <= mid && mid <= xs[k + 1]) [x0, x1] = [Math.min(x0, xs[k]), Math.max(x1, xs[k + 1])];
      list.push({ y, x0, x1 });
    }
    swaths.push(list);
    count += list.length;
  }
  return { angleRad, cells, swaths, count };
}
