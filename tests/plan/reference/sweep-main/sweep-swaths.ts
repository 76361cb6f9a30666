/**
 * REFERENCE (tests only): src/plan/swaths/sweep-swaths.ts as it was on main before the swath ends,
 * row steps and intervals were worked out on typed scratch and the row-step inputs kept per sweep
 * (plan-speed8-sweep), so the fast paths can be held equal to it.
 */
import { rotatePolygon } from '../../../../src/geometry/index.js';
import type { PolygonM, XY } from '../../../../src/geometry/index.js';
import { bandPasses, swathCount } from '../../../../src/plan/swaths/last-pass.js';
import { lineIntervals } from './line-intervals.js';
import { bandExtent, rowExtents, STEP_MIN_REACH_M } from './swath-ends.js';
import { rowSteps, type RowStep } from './row-steps.js';

export { lineIntervals, swathCount };

/** A swath in the sweep frame: the line y from x0 to x1 (x0 < x1), implement centre. */
export interface SweepSwath {
  y: number;
  x0: number;
  x1: number;
  /** Index of its swath line; pieces of one line share it. */
  line: number;
  /** Working width when narrower than the implement (a narrowed last pass, some rows off), m. */
  widthM?: number;
  /**
   * Pieces from x0 to x1 where rows switch off one by one at a slanting end (implements with
   * sections only), each with its rows' centre off the line and their width; absent: one piece.
   */
  steps?: RowStep[];
}

/**
 * Swaths of one sweep angle, grouped into cells: a cell is a chain of pieces, one per line,
 * bottom to top, each touching the next — a boustrophedon decomposition sampled on the swath
 * lines, so a cell starts or ends only where the field splits (a hole, a notch wider than a swath).
 */
export interface SweepPlan {
  /** Sweep angle (of the first cell when cells have their own). */
  angleRad: number;
  /** Each cell's own angle, when cells were swept at different angles (else all `angleRad`). */
  cellAngles?: number[];
  /** Pieces per cell, bottom to top. */
  swaths: SweepSwath[][];
  /** Swath lines (the docs/contracts.md swath count). */
  lines: number;
  /** Pieces: swaths actually driven. */
  pieces: number;
}

/**
 * Heights of the swaths that cover a band of height `heightM` with implement width `widthM`:
 * the fewest that fit, the first and last half a width inside the band, and the leftover
 * spread evenly between them (no strip is left at the last swath).
 */
export function swathOffsets(heightM: number, widthM: number): number[] {
  return bandPasses(heightM, widthM).map((p) => p.offsetM);
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
  let lo = Infinity,
    hi = -Infinity;
  for (const [, y] of p.outer) {
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  return [lo, hi];
}

/**
 * Lays parallel swaths over `area` at `angleRad` (direction of travel, from east,
 * counter-clockwise). Each connected part of the area gets the fewest lines that cover its
 * height, the leftover spread evenly between them. Each line meets the area in intervals.
 *
 * Without `bound` a swath is its centre interval (enough to count swaths and cells, as the
 * angle search does). With `bound` (how far swath ends may go: the innermost headland lap's
 * centre line for ground machines, half a width inside the field for drones) each swath's ends
 * meet the area's edge across its own strip (half the spacing either side of its line, the
 * area's edge for the first and last): the footprint reaches the headland's inner edge even
 * where that edge slants, and runs no further under the headland than that needs. Pieces of
 * one line inside one `bound` interval (split by a notch or hole narrower than the headland,
 * which the machine can cross) merge into one swath. With `sectionWidthM` (an implement whose
 * rows switch off one by one) the lines lie one width apart and each part's last line is a
 * narrowed pass of only the rows the leftover needs (see `bandPasses`), its `widthM` set.
 */
export function sweepSwaths(area: PolygonM[], angleRad: number, widthM: number, bound?: PolygonM[], sectionWidthM?: number): SweepPlan {
  const parts = area.map((p) => rotatePolygon(p, -angleRad));
  const boundRotated = bound?.map((p) => rotatePolygon(p, -angleRad));
  const cells: SweepSwath[][] = [];
  let lines = 0,
    pieces = 0;
  for (const part of parts) {
    const [y0, y1] = yRange(part);
    let below: Link[] = [];
    for (const pass of bandPasses(y1 - y0, widthM, sectionWidthM)) {
      const y = y0 + pass.offsetM,
        line = lines++;
      const rows = sectionWidthM ? { widthM: pass.widthM, sectionWidthM } : undefined;
      const here = boundRotated
        ? boundedPieces(part, boundRotated, y, y0 + pass.loM, y0 + pass.hiM, line, rows)
        : lineIntervals([part], y).map(([x0, x1]): SweepSwath => ({ y, x0, x1, line }));
      if (pass.widthM < widthM) for (const p of here) p.widthM = pass.widthM;
      pieces += here.length;
      below = chainPieces(here, below, cells);
    }
  }
  return { angleRad, swaths: cells, lines, pieces };
}

/** One plan of several sweeps (regions swept at their own angles), cells in order. */
export function joinSweeps(sweeps: SweepPlan[]): SweepPlan {
  return {
    angleRad: sweeps[0]?.angleRad ?? 0,
    cellAngles: sweeps.flatMap((p) => p.swaths.map(() => p.angleRad)),
    swaths: sweeps.flatMap((p) => p.swaths),
    lines: sweeps.reduce((a, p) => a + p.lines, 0),
    pieces: sweeps.reduce((a, p) => a + p.pieces, 0),
  };
}

/** A pass's rows: its working width and the width of one section. */
interface PassRows {
  widthM: number;
  sectionWidthM: number;
}

/**
 * Pieces of one line with their ends on the area's edge across their strip, clipped to `bound`.
 * With `rows` (an implement with sections) an end that runs past its centre interval by
 * {@link STEP_MIN_REACH_M} or more may get row steps ({@link addRowSteps}).
 */
function boundedPieces(part: PolygonM, bound: PolygonM[], y: number, lo: number, hi: number, line: number, rows?: PassRows): SweepSwath[] {
  const boundIv = lineIntervals(bound, y);
  const here: SweepSwath[] = [];
  let lastBound = -1;
  for (const [a, b] of lineIntervals([part], y)) {
    const k = boundIv.findIndex(([u, v]) => u <= (a + b) / 2 && (a + b) / 2 <= v);
    const [u, v] = k >= 0 ? boundIv[k] : [-Infinity, Infinity];
    // bandExtent only widens [a, b]: a bound interval inside [a, b] clips it back to the bound
    // interval itself (a no-lap layout, whose bound is the area), so it need not be computed
    let [x0, x1] = u >= a && v <= b ? [u, v] : bandExtent(part, y, lo, hi, a, b, (hi - lo) / 2);
    [x0, x1] = [Math.max(x0, u), Math.min(x1, v)];
    const prev = here[here.length - 1];
    if (prev && k >= 0 && k === lastBound) {
      prev.x1 = Math.max(prev.x1, x1);
      stepInputs.delete(prev); // merged across a notch: one straight piece
    } else {
      const s: SweepSwath = { y, x0, x1, line };
      if (rows && Math.max(a - x0, x1 - b) >= STEP_MIN_REACH_M) stepInputs.set(s, { part, lo, hi, a, b, rows, u, v });
      here.push(s);
    }
    lastBound = k;
  }
  return here;
}

/** What a swath's row steps are worked out from: its part, strip, centre interval, rows and bound interval. */
interface StepInput {
  part: PolygonM;
  lo: number;
  hi: number;
  a: number;
  b: number;
  rows: PassRows;
  u: number;
  v: number;
}

/**
 * Swaths whose ends may get row steps, with what they are worked out from. The angle search
 * sweeps many layouts and keeps one: steps are worked out for that one only ({@link addRowSteps}).
 */
const stepInputs = new WeakMap<SweepSwath, StepInput>();

/**
 * Sets `steps` on the swaths of a sweep (made by {@link sweepSwaths} with `bound` and
 * `sectionWidthM`) whose ends slant across the edge enough to pay for switching rows off one
 * group at a time (see `rowSteps`). Done once, on the layout the planner keeps.
 */
export function addRowSteps(plan: SweepPlan): void {
  for (const cell of plan.swaths)
    for (const s of cell) {
      const input = stepInputs.get(s);
      if (!input) continue;
      const steps = steppedEnds(s.y, input);
      if (steps) s.steps = steps;
    }
}

/** Row steps of a swath on the line y (see {@link rowSteps}), clipped to the bound interval [u, v]; undefined when one piece serves. */
function steppedEnds(y: number, { part, lo, hi, a, b, rows, u, v }: StepInput): RowStep[] | undefined {
  const n = Math.round(rows.widthM / rows.sectionWidthM);
  const need = rowExtents(part, lo, hi, a, b, y - rows.widthM / 2, n, rows.sectionWidthM);
  const clipped = need.map((iv): [number, number] | undefined => (iv ? [Math.max(iv[0], u), Math.min(iv[1], v)] : undefined));
  const steps = rowSteps(
    clipped.map((iv) => (iv && iv[1] > iv[0] ? iv : undefined)),
    -rows.widthM / 2,
    rows.sectionWidthM,
  );
  return steps && steps.length > 1 ? steps : undefined;
}

/** Chains one line's pieces into cells: a piece joins the cell below when the link is one-to-one. */
function chainPieces(here: SweepSwath[], below: Link[], cells: SweepSwath[][]): Link[] {
  const next: Link[] = [];
  for (const piece of here) {
    let down: Link | undefined,
      downs = 0;
    for (const d of below) if (overlaps(d.piece, piece)) [down, downs] = [d, downs + 1];
    let cell: SweepSwath[];
    if (downs === 1 && countOverlaps(here, down!.piece) === 1) cell = down!.cell;
    else cells.push((cell = []));
    cell.push(piece);
    next.push({ piece, cell });
  }
  return next;
}

/** Outline of a cell in the sweep frame: its pieces' ends, widened half a swath at top and bottom. */
export function cellOutline(cell: SweepSwath[], widthM: number): XY[] {
  const h = widthM / 2;
  const first = cell[0],
    last = cell[cell.length - 1];
  const right: XY[] = [[first.x1, first.y - h], ...cell.map((s): XY => [s.x1, s.y]), [last.x1, last.y + h]];
  const left: XY[] = [[first.x0, first.y - h], ...cell.map((s): XY => [s.x0, s.y]), [last.x0, last.y + h]];
  return [...right, ...left.reverse()];
}
