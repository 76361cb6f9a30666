/** The swaths of a sweep, as the layout and the route read them (see sweep-swaths.ts). */
import type { RowStep } from './row-steps.js';

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
