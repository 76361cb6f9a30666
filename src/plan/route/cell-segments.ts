/**
 * The segments of a route as the planner builds them: a cell's swaths and the turns between
 * them, and the plain segments (transits, headland passes) the route writer adds.
 */
import { hypot } from '../../geometry/index.js';
import type { XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { planTurn, type TurnSpace } from '../turns/plan-turn.js';
import type { RouteSegment } from '../types.js';
import type { WorldSwath } from './cell-tour.js';
import { machinePoints } from './machine-path.js';
import type { SwathVisit } from './order-swaths.js';

/**
 * A segment with no cell, swath or lap (a transit, or a headland pass with `headlandLap` set
 * after), keys in the order the route's JSON has them. Segments are built as literals with their
 * optional keys added after: one object shape per kind, no spread of an options object.
 */
export const plainSeg = (kind: RouteSegment['kind'], points: XY[]): RouteSegment => ({
  kind,
  points,
  reverse: false,
  cellId: -1,
  swathIndex: -1,
  headlandLap: -1,
  sortie: 0,
});

/** A turn's leg. */
const turnSeg = (points: XY[], reverse: boolean, cellId: number, turnType: RouteSegment['turnType']): RouteSegment => ({
  kind: 'turn',
  points,
  reverse,
  cellId,
  swathIndex: -1,
  headlandLap: -1,
  sortie: 0,
  turnType,
});

/** A swath (or a piece of one) of a cell, with its own width when it has one. */
function swathSeg(points: XY[], cellId: number, swathIndex: number, widthM: number | undefined): RouteSegment {
  const s: RouteSegment = { kind: 'swath', points, reverse: false, cellId, swathIndex, headlandLap: -1, sortie: 0 };
  if (widthM !== undefined) s.widthM = widthM;
  return s;
}

/** The turn from the end of the last segment out to `to`, its legs appended to `out`. */
function turnInto(out: RouteSegment[], to: XY, cellId: number, vehicle: Vehicle, space: TurnSpace): void {
  const prev = machinePoints(out[out.length - 1]);
  const end = prev[prev.length - 1],
    before = prev[prev.length - 2];
  const len = hypot(end[0] - before[0], end[1] - before[1]) || 1;
  const turn = planTurn(end, [(end[0] - before[0]) / len, (end[1] - before[1]) / len], to, vehicle, space);
  for (const leg of turn.legs) out.push(turnSeg(leg.points, leg.reverse, cellId, turn.type));
}

/** The swath and turn segments of one cell worked in `order`. */
export function cellSegments(
  swaths: WorldSwath[],
  order: SwathVisit[],
  cellId: number,
  vehicle: Vehicle,
  space: TurnSpace,
): RouteSegment[] {
  const out: RouteSegment[] = [];
  for (let k = 0; k < order.length; k++) {
    const { index, reversed } = order[k];
    const s = swaths[index];
    if (k > 0) turnInto(out, reversed ? s.b : s.a, cellId, vehicle, space);
    const steps = s.steps;
    if (!steps) {
      out.push(swathSeg(reversed ? [s.b, s.a] : [s.a, s.b], cellId, index, s.widthM));
      continue;
    }
    // rows switching off at a slanting end: one segment per piece, in the order driven
    for (let j = 0; j < steps.length; j++) {
      const p = steps[reversed ? steps.length - 1 - j : j];
      const piece = swathSeg(reversed ? [p.b, p.a] : [p.a, p.b], cellId, index, p.widthM);
      // rounded to µm: the full-width piece lies on the line, not 1e-16 off it
      piece.rowsOffsetM = Math.round((reversed ? -p.leftM : p.leftM) * 1e6) / 1e6 || 0;
      out.push(piece);
    }
  }
  return out;
}
