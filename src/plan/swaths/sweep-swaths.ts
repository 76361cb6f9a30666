import { rotatePolygon } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import { bandPasses, swathCount } from './last-pass.js';
import { lineIntervals, lineIntervalsInto, type IntervalRun } from './line-intervals.js';
import { bandExtentInto, rowExtentsInto, STEP_MIN_REACH_M } from './swath-ends.js';
import { rowStepsFlat, type RowStep } from './row-steps.js';

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
  const table: StepTable | undefined = boundRotated && sectionWidthM ? { swaths: [], parts: [], nums: [], sectionWidthM } : undefined;
  const { cells, lines, pieces } = laidOut(parts, sweepPasses(parts, widthM, sectionWidthM), boundRotated, widthM, table);
  const plan: SweepPlan = { angleRad, swaths: cells, lines, pieces };
  if (table) stepTables.set(plan, table);
  return plan;
}

/** A pass of a sweep: its part (by index), its line y, its strip [lo, hi] and its width. */
interface SweepPass {
  part: number;
  y: number;
  lo: number;
  hi: number;
  widthM: number;
}

/** The passes over each part in turn, bottom to top ({@link bandPasses} over the part's height). */
function sweepPasses(parts: PolygonM[], widthM: number, sectionWidthM: number | undefined): SweepPass[] {
  const out: SweepPass[] = [];
  parts.forEach((part, i) => {
    const [y0, y1] = yRange(part);
    for (const pass of bandPasses(y1 - y0, widthM, sectionWidthM))
      out.push({ part: i, y: y0 + pass.offsetM, lo: y0 + pass.loM, hi: y0 + pass.hiM, widthM: pass.widthM });
  });
  return out;
}

/** Swaths of the rotated `parts` along `passes`, grouped into cells, with their ends ({@link boundedPieces} with `bound`), and the counts. */
function laidOut(
  parts: PolygonM[],
  passes: SweepPass[],
  bound: PolygonM[] | undefined,
  widthM: number,
  table: StepTable | undefined,
): { cells: SweepSwath[][]; lines: number; pieces: number } {
  const cells: SweepSwath[][] = [];
  let pieces = 0,
    below: Link[] = [];
  for (let line = 0; line < passes.length; line++) {
    const { part: i, y, lo, hi, widthM: passWidthM } = passes[line];
    if (line > 0 && passes[line - 1].part !== i) below = [];
    const part = parts[i];
    const here = bound
      ? boundedPieces(part, bound, y, lo, hi, line, passWidthM, table)
      : lineIntervals([part], y).map(([x0, x1]): SweepSwath => ({ y, x0, x1, line }));
    if (passWidthM < widthM) for (const p of here) p.widthM = passWidthM;
    pieces += here.length;
    below = chainPieces(here, below, cells);
  }
  return { cells, lines: passes.length, pieces };
}

/** The bound interval ({@link boundRun}) holding the midpoint of [a, b], by index; −1 when none does. */
function boundIndex(a: number, b: number): number {
  const bIv = boundRun.ends;
  for (let q = 0; q < boundRun.n; q += 2) if (bIv[q] <= (a + b) / 2 && (a + b) / 2 <= bIv[q + 1]) return q / 2;
  return -1;
}

/** One plan of several sweeps (regions swept at their own angles), cells in order. */
export function joinSweeps(sweeps: SweepPlan[]): SweepPlan {
  const plan: SweepPlan = {
    angleRad: sweeps[0]?.angleRad ?? 0,
    cellAngles: sweeps.flatMap((p) => p.swaths.map(() => p.angleRad)),
    swaths: sweeps.flatMap((p) => p.swaths),
    lines: sweeps.reduce((a, p) => a + p.lines, 0),
    pieces: sweeps.reduce((a, p) => a + p.pieces, 0),
  };
  const joined: StepTable = { swaths: [], parts: [], nums: [], sectionWidthM: 0 };
  for (const p of sweeps) {
    const t = stepTables.get(p);
    if (!t) continue;
    for (const s of t.swaths) joined.swaths.push(s);
    for (const part of t.parts) joined.parts.push(part);
    for (const x of t.nums) joined.nums.push(x);
    joined.sectionWidthM = t.sectionWidthM;
  }
  if (joined.sectionWidthM > 0) stepTables.set(plan, joined);
  return plan;
}

/** Scratch of {@link boundedPieces}: the bound's and the part's intervals of a line, a one-part list, an extent. */
const boundRun: IntervalRun = { ends: new Float64Array(16), n: 0 },
  partRun: IntervalRun = { ends: new Float64Array(16), n: 0 },
  onePart: PolygonM[] = [],
  extent = new Float64Array(2);

/**
 * Pieces of one line with their ends on the area's edge across their strip, clipped to `bound`.
 * With `table` (an implement with sections; this pass `passWidthM` wide) an end that runs past
 * its centre interval by {@link STEP_MIN_REACH_M} or more may get row steps ({@link addRowSteps}):
 * what they are worked out from goes into the table.
 */
function boundedPieces(
  part: PolygonM,
  bound: PolygonM[],
  y: number,
  lo: number,
  hi: number,
  line: number,
  passWidthM: number,
  table: StepTable | undefined,
): SweepSwath[] {
  lineIntervalsInto(bound, y, boundRun);
  onePart[0] = part;
  lineIntervalsInto(onePart, y, partRun);
  const pIv = partRun.ends,
    p1 = partRun.n;
  const bIv = boundRun.ends;
  const here: SweepSwath[] = [];
  // the bound interval of the last piece, and its entry in the table (−1: none)
  let lastBound = -1,
    lastEntry = -1;
  for (let p = 0; p < p1; p += 2) {
    const a = pIv[p],
      b = pIv[p + 1];
    const k = boundIndex(a, b);
    const u = k >= 0 ? bIv[2 * k] : -Infinity,
      v = k >= 0 ? bIv[2 * k + 1] : Infinity;
    // bandExtent only widens [a, b]: a bound interval inside [a, b] clips it back to the bound
    // interval itself (a no-lap layout, whose bound is the area), so it need not be computed
    let x0 = u,
      x1 = v;
    if (!(u >= a && v <= b)) {
      bandExtentInto(part, y, lo, hi, a, b, extent);
      x0 = Math.max(extent[0], u);
      x1 = Math.min(extent[1], v);
    }
    const prev = here.length > 0 ? here[here.length - 1] : undefined;
    if (prev && k >= 0 && k === lastBound) {
      prev.x1 = Math.max(prev.x1, x1);
      // merged across a notch: one straight piece
      if (lastEntry >= 0) table!.swaths[lastEntry] = undefined;
      lastEntry = -1;
    } else {
      const s: SweepSwath = { y, x0, x1, line };
      lastEntry = -1;
      if (table && Math.max(a - x0, x1 - b) >= STEP_MIN_REACH_M) {
        lastEntry = table.swaths.length;
        table.swaths.push(s);
        table.parts.push(part);
        table.nums.push(lo, hi, a, b, u, v, passWidthM);
      }
      here.push(s);
    }
    lastBound = k;
  }
  return here;
}

/**
 * What the row steps of a sweep's swaths are worked out from, per swath that may get them (in
 * the order made): the swath (undefined once merged across a notch: one straight piece), its
 * part, and {@link STEP_NUMS} numbers: its strip lo, hi, its centre interval a, b, its bound
 * interval u, v and its pass's width; and the implement's row width.
 */
interface StepTable {
  swaths: (SweepSwath | undefined)[];
  parts: PolygonM[];
  nums: number[];
  sectionWidthM: number;
}

/** Numbers per swath in a {@link StepTable}. */
const STEP_NUMS = 7;

/**
 * Each sweep's {@link StepTable}. The angle search sweeps many layouts and keeps one: steps are
 * worked out for that one only ({@link addRowSteps}). One entry per sweep, not per swath: each
 * entry of a weak map costs the collector.
 */
const stepTables = new WeakMap<SweepPlan, StepTable>();

/** Scratch of {@link steppedEnds}: each row's interval (flat) and whether it needs one. */
let needScratch = new Float64Array(16),
  hasScratch = new Uint8Array(8);

/**
 * Sets `steps` on the swaths of a sweep (made by {@link sweepSwaths} with `bound` and
 * `sectionWidthM`, or joined from such by {@link joinSweeps}) whose ends slant across the edge
 * enough to pay for switching rows off one group at a time (see `rowSteps`). Done once, on the
 * layout the planner keeps.
 */
export function addRowSteps(plan: SweepPlan): void {
  const table = stepTables.get(plan);
  if (!table) return;
  const { swaths, parts, nums } = table;
  for (let i = 0; i < swaths.length; i++) {
    const s = swaths[i];
    if (!s) continue;
    const o = STEP_NUMS * i;
    const steps = steppedEnds(s.y, parts[i], nums, o, table.sectionWidthM);
    if (steps) s.steps = steps;
  }
}

/**
 * Row steps of the swath on the line y whose {@link StepTable} numbers start at `nums[o]` (see
 * `rowSteps`), clipped to its bound interval; undefined when one piece serves.
 */
function steppedEnds(y: number, part: PolygonM, nums: number[], o: number, sectionWidthM: number): RowStep[] | undefined {
  const lo = nums[o],
    hi = nums[o + 1],
    a = nums[o + 2],
    b = nums[o + 3],
    u = nums[o + 4],
    v = nums[o + 5],
    passWidthM = nums[o + 6];
  const n = Math.round(passWidthM / sectionWidthM);
  if (hasScratch.length < n) [needScratch, hasScratch] = [new Float64Array(4 * n), new Uint8Array(2 * n)];
  const need = needScratch,
    has = hasScratch;
  rowExtentsInto(part, lo, hi, a, b, y - passWidthM / 2, n, sectionWidthM, need, has);
  for (let k = 0; k < n; k++) {
    if (!has[k]) continue;
    const x0 = Math.max(need[2 * k], u),
      x1 = Math.min(need[2 * k + 1], v);
    if (x1 > x0) {
      need[2 * k] = x0;
      need[2 * k + 1] = x1;
    } else has[k] = 0;
  }
  const steps = rowStepsFlat(need, has, n, -passWidthM / 2, sectionWidthM);
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
