import { rotatePolygon } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import { bandPasses, swathCount } from './last-pass.js';
import { lineIntervals, lineIntervalsInto, type IntervalRun } from './line-intervals.js';
import { bandExtentInto, STEP_MIN_REACH_M } from './swath-ends.js';
import { joinStepTables, keepStepTable, newStepTable, type StepTable } from './step-table.js';
import type { SweepPlan, SweepSwath } from './sweep-types.js';

export { lineIntervals, swathCount };
export type { SweepPlan, SweepSwath } from './sweep-types.js';

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
  const table = boundRotated && sectionWidthM ? newStepTable(sectionWidthM) : undefined;
  const { cells, lines, pieces } = laidOut(parts, sweepPasses(parts, widthM, sectionWidthM), boundRotated, widthM, table);
  const plan: SweepPlan = { angleRad, swaths: cells, lines, pieces };
  if (table) keepStepTable(plan, table);
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
  joinStepTables(sweeps, plan);
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
