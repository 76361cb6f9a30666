import { rotatePolygon } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';

/** A swath in the sweep frame: the line y from x0 to x1 (x0 < x1), implement centre. */
export interface SweepSwath {
  y: number;
  x0: number;
  x1: number;
  /** Index of its swath line; pieces of one line share it. */
  line: number;
}

/**
 * Swaths of one sweep angle, grouped into cells: a cell is a chain of pieces, one per line,
 * bottom to top, each touching the next — a boustrophedon decomposition sampled on the swath
 * lines, so a cell starts or ends only where the field splits (a hole, a notch wider than a swath).
 */
export interface SweepPlan {
  angleRad: number;
  /** Pieces per cell, bottom to top. */
  swaths: SweepSwath[][];
  /** Swath lines (the DESIGN.md swath count). */
  lines: number;
  /** Pieces: swaths actually driven. */
  pieces: number;
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

/** Inside intervals of the horizontal line y through polygons (even-odd pairs of crossings). */
export function lineIntervals(polys: PolygonM[], y: number): [number, number][] {
  const xs: number[] = [];
  for (const p of polys)
    for (const ring of [p.outer, ...p.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const a = ring[j], b = ring[i];
        if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
      }
  xs.sort((u, v) => u - v);
  const out: [number, number][] = [];
  for (let k = 0; k + 1 < xs.length; k += 2) if (xs[k + 1] - xs[k] > 1e-3) out.push([xs[k], xs[k + 1]]);
  return out;
}

/** A piece of the previous line and the cell it belongs to. */
interface Link {
  piece: SweepSwath;
  cell: SweepSwath[];
}

/** Whether two pieces on neighbouring lines share some x (written out: it runs per piece pair). */
function overlaps(a: SweepSwath, b: SweepSwath): boolean {
  return Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > 1e-6;
}

function countOverlaps(pieces: SweepSwath[], p: SweepSwath): number {
  let n = 0;
  for (const q of pieces) if (overlaps(p, q)) n++;
  return n;
}

function yRange(p: PolygonM): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const [, y] of p.outer) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  return [lo, hi];
}

/**
 * Lays parallel swaths over `area` at `angleRad` (direction of travel, from east,
 * counter-clockwise). Each connected part of the area gets the fewest lines that cover its
 * height, evenly spread. Each line meets the area in intervals; each interval runs on to the
 * edge of `reach` (how far swaths may run into the headland: the innermost lap's centre line
 * for ground machines, a quarter width for drones), so footprints meet the headland's even
 * where its edge slants, and intervals split only by a notch or hole narrower than the reach
 * merge into one swath.
 */
export function sweepSwaths(area: PolygonM[], angleRad: number, widthM: number, reach: PolygonM[] = area): SweepPlan {
  const parts = area.map((p) => rotatePolygon(p, -angleRad));
  const reachRotated = reach === area ? parts : reach.map((p) => rotatePolygon(p, -angleRad));
  const cells: SweepSwath[][] = [];
  let lines = 0, pieces = 0;
  for (const part of parts) {
    const [y0, y1] = yRange(part);
    let below: Link[] = [];
    for (const off of swathOffsets(y1 - y0, widthM)) {
      const y = y0 + off, line = lines++;
      const reachIv = reachRotated === parts ? [] : lineIntervals(reachRotated, y);
      const here: SweepSwath[] = [];
      for (const [a, b] of lineIntervals([part], y)) {
        const mid = (a + b) / 2;
        const r = reachIv.find(([u, v]) => u <= mid && mid <= v);
        const [x0, x1] = r ? [Math.min(a, r[0]), Math.max(b, r[1])] : [a, b];
        const prev = here[here.length - 1];
        if (prev && prev.x0 === x0 && prev.x1 === x1) continue; // same reach interval
        here.push({ y, x0, x1, line });
      }
      pieces += here.length;
      // chain pieces into cells: join the cell below when the link is one-to-one
      const next: Link[] = [];
      for (const piece of here) {
        let down: Link | undefined, downs = 0;
        for (const d of below) if (overlaps(d.piece, piece)) [down, downs] = [d, downs + 1];
        let cell: SweepSwath[];
        if (downs === 1 && countOverlaps(here, down!.piece) === 1) cell = down!.cell;
        else cells.push((cell = []));
        cell.push(piece);
        next.push({ piece, cell });
      }
      below = next;
    }
  }
  return { angleRad, swaths: cells, lines, pieces };
}

/** Outline of a cell in the sweep frame: its pieces' ends, widened half a swath at top and bottom. */
export function cellOutline(cell: SweepSwath[], widthM: number): XY[] {
  const h = widthM / 2;
  const first = cell[0], last = cell[cell.length - 1];
  const right: XY[] = [[first.x1, first.y - h], ...cell.map((s): XY => [s.x1, s.y]), [last.x1, last.y + h]];
  const left: XY[] = [[first.x0, first.y - h], ...cell.map((s): XY => [s.x0, s.y]), [last.x0, last.y + h]];
  return [...right, ...left.reverse()];
}
