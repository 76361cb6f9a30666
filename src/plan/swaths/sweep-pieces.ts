/**
 * Pieces of a bounded sweep of an implement with sections, counted without laying the swaths:
 * the layout tries each alternative sweep angle this way first and lays out (with exact ends and
 * row steps) only the angles that could win. Without sections `boundedPieces` in count-sweep.ts
 * does the same on its flat buffers; with sections the passes lie where `bandPasses` puts them
 * (one width apart, a narrowed last pass), so this counts on those lines.
 */
import { rotatePolygon } from '../../geometry/index.js';
import type { PolygonM } from '../../geometry/index.js';
import { bandPasses } from './last-pass.js';
import { lineIntervalsInto, type IntervalRun } from './line-intervals.js';

/**
 * `sweepSwaths(area, angleRad, widthM, bound, sectionWidthM).pieces`: per pass, the area's
 * intervals on its line, each counted unless its centre lies in the same interval of `bound` as
 * the one before it on the line (the sweep merges those into one swath). The same rotation, the
 * same lines and the same interval arithmetic as the sweep, so the same count
 * (tests/plan/sweep-pieces.test.ts holds it equal).
 *
 * @example sweepPieces([rect], 0, 1.8, [rect], 0.3) of a 100 × 10 m rectangle: 6 (five full passes and a four-row one)
 */
export function sweepPieces(area: PolygonM[], angleRad: number, widthM: number, bound: PolygonM[], sectionWidthM?: number): number {
  const boundRotated = bound.map((p) => rotatePolygon(p, -angleRad));
  let pieces = 0;
  for (const p of area) {
    const part = rotatePolygon(p, -angleRad);
    let y0 = Infinity,
      y1 = -Infinity;
    for (const [, y] of part.outer) {
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    const one = [part];
    for (const pass of bandPasses(y1 - y0, widthM, sectionWidthM)) pieces += linePieces(one, boundRotated, y0 + pass.offsetM);
  }
  return pieces;
}

/** The bound's and the part's intervals on the line asked last (reused: no arrays per line). */
const boundRun: IntervalRun = { ends: new Float64Array(16), n: 0 },
  partRun: IntervalRun = { ends: new Float64Array(16), n: 0 };

/** Swaths on the line y: the part's intervals, those whose centres share a bound interval with the one before counted once. */
function linePieces(part: PolygonM[], bound: PolygonM[], y: number): number {
  lineIntervalsInto(bound, y, boundRun);
  lineIntervalsInto(part, y, partRun);
  const b = boundRun.ends,
    p = partRun.ends;
  let pieces = 0,
    last = -1;
  for (let i = 0; i < partRun.n; i += 2) {
    const mid = (p[i] + p[i + 1]) / 2;
    let k = -1;
    for (let j = 0; j < boundRun.n && k < 0; j += 2) if (b[j] <= mid && mid <= b[j + 1]) k = j;
    if (!(k >= 0 && k === last)) pieces++;
    last = k;
  }
  return pieces;
}
