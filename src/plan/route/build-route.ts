import { signedArea } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import { rotate } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import type { SweepPlan } from '../swaths/sweep-swaths.js';
import { planTurn, type TurnSpace } from '../turns/plan-turn.js';
import type { RouteSegment } from '../types.js';
import { boustrophedon, skipOrder, type SwathVisit } from './order-swaths.js';
import { distToRingPoint, ringFrom } from './ring-from.js';

/** Options of {@link buildRoute}. */
export interface RouteOptions {
  pattern: 'auto' | 'boustrophedon' | 'skip';
  /** Where the machine starts and ends (the service point). */
  start: XY;
}

interface WorldSwath {
  a: XY;
  b: XY;
}

const seg = (kind: RouteSegment['kind'], points: XY[], extra: Partial<RouteSegment> = {}): RouteSegment => ({
  kind,
  points,
  reverse: false,
  cellId: -1,
  swathIndex: -1,
  headlandLap: -1,
  sortie: 0,
  ...extra,
});

/** The swath and turn segments of one cell worked in `order`. */
function cellSegments(swaths: WorldSwath[], order: SwathVisit[], cellId: number, vehicle: Vehicle, space: TurnSpace): RouteSegment[] {
  const out: RouteSegment[] = [];
  for (let k = 0; k < order.length; k++) {
    const { index, reversed } = order[k];
    const s = swaths[index];
    const [from, to] = reversed ? [s.b, s.a] : [s.a, s.b];
    if (k > 0) {
      const prev = out[out.length - 1].points;
      const end = prev[prev.length - 1], before = prev[prev.length - 2];
      const len = Math.hypot(end[0] - before[0], end[1] - before[1]) || 1;
      const turn = planTurn(end, [(end[0] - before[0]) / len, (end[1] - before[1]) / len], from, vehicle, space);
      for (const leg of turn.legs) out.push(seg('turn', leg.points, { reverse: leg.reverse, cellId, turnType: turn.type }));
    }
    out.push(seg('swath', [from, to], { cellId, swathIndex: index }));
  }
  return out;
}

/**
 * Estimated turning time of a visit order, s, from the gaps between consecutive swaths alone
 * (no geometry): U-turn when the gap is 2R or more, else a K-turn (ground) or a stop-turn.
 */
function estimateTurnsS(swaths: WorldSwath[], order: SwathVisit[], v: Vehicle): number {
  const R = v.minTurnRadiusM, stopS = 2 * (v.turnSpeedMps / v.accelMps2);
  let t = 0;
  for (let k = 1; k < order.length; k++) {
    const a = swaths[order[k - 1].index], b = swaths[order[k].index];
    // lateral gap between the two swath lines
    const dx = a.b[0] - a.a[0], dy = a.b[1] - a.a[1], l = Math.hypot(dx, dy) || 1;
    const d = Math.abs(((b.a[0] - a.a[0]) * -dy + (b.a[1] - a.a[1]) * dx) / l);
    if (v.kind === 'multirotor' || R <= 0) t += d / v.turnSpeedMps + v.stopTurnS;
    else if (d >= 2 * R) t += (Math.PI * R + d - 2 * R) / v.turnSpeedMps;
    else t += (Math.PI * R) / v.turnSpeedMps + (2 * R - d) / (v.reverseSpeedMps || v.turnSpeedMps) + 2 * stopS;
  }
  return t;
}

/** Orders for a cell: both ends × both directions, in each pattern allowed. */
function cellOrders(count: number, spacingM: number, vehicle: Vehicle, pattern: RouteOptions['pattern']): SwathVisit[][] {
  const k = vehicle.kind === 'ground' && spacingM > 0 ? Math.ceil((2 * vehicle.minTurnRadiusM) / spacingM - 1e-9) : 1;
  const useSkip = pattern === 'skip' || (pattern === 'auto' && k > 1 && count > k);
  const useBous = pattern !== 'skip' || k <= 1;
  const orders: SwathVisit[][] = [];
  for (const fromTop of [false, true])
    for (const rev of [false, true]) {
      if (useBous) orders.push(boustrophedon(count, fromTop, rev));
      if (useSkip) orders.push(skipOrder(count, k, fromTop, rev));
    }
  return orders;
}

/**
 * Builds the whole route: for ground machines first the headland laps around holes, then cells
 * in nearest-first order, each worked in the cheapest allowed pattern from its nearest corner,
 * turns inside the field, transits along shortest paths inside the field, then the headland
 * laps from the innermost out, and back to the start.
 */
export function buildRoute(
  sweep: SweepPlan,
  headlandRings: Ring[][],
  vehicle: Vehicle,
  space: TurnSpace,
  opts: RouteOptions,
): RouteSegment[] {
  const cells = sweep.swaths.map((list, i) => {
    const angle = sweep.cellAngles?.[i] ?? sweep.angleRad;
    return list.map((s): WorldSwath => ({ a: rotate([s.x0, s.y], angle), b: rotate([s.x1, s.y], angle) }));
  });
  const spacing = sweep.swaths.map((list) => (list.length > 1 ? (list[list.length - 1].y - list[0].y) / (list.length - 1) : 0));
  const route: RouteSegment[] = [];
  let pos = opts.start;
  const transit = (to: XY, purpose: RouteSegment['transitPurpose']) => {
    if (Math.hypot(to[0] - pos[0], to[1] - pos[1]) < 1e-6) return;
    const path = shortestPathInside(pos, to, space.field, space.waypoints) ?? [pos, to];
    route.push(seg('transit', path, { transitPurpose: purpose }));
    pos = to;
  };

  /** Works `rings` of one headland lap, nearest first, each from its point nearest the machine. */
  const visitRings = (list: Ring[], lap: number) => {
    const rings = [...list];
    while (rings.length > 0) {
      let bi = 0;
      for (let i = 1; i < rings.length; i++) if (distToRingPoint(rings[i], pos) < distToRingPoint(rings[bi], pos)) bi = i;
      const path = ringFrom(rings.splice(bi, 1)[0], pos);
      transit(path[0], route.length === 0 ? 'start' : 'cell');
      route.push(seg('swath', path, { headlandLap: lap }));
      pos = path[path.length - 1];
    }
  };
  // A ground machine works the laps around holes (clockwise rings) first, nearest the hole
  // first, so it never crosses planted rows to reach them; drones fly over and keep them last.
  const holeFirst = (r: Ring) => vehicle.kind === 'ground' && signedArea(r) < 0;
  for (let lap = 0; lap < headlandRings.length; lap++) visitRings(headlandRings[lap].filter(holeFirst), lap);

  const left = new Set(cells.map((_, i) => i).filter((i) => cells[i].length > 0));
  while (left.size > 0) {
    // nearest cell entry from here
    let best: { cell: number; order: SwathVisit[]; cost: number } | undefined;
    for (const c of left) {
      for (const order of cellOrders(cells[c].length, spacing[c], vehicle, opts.pattern)) {
        const first = cells[c][order[0].index];
        const entry = order[0].reversed ? first.b : first.a;
        const cost = Math.hypot(entry[0] - pos[0], entry[1] - pos[1]) / vehicle.transitSpeedMps + estimateTurnsS(cells[c], order, vehicle);
        if (!best || cost < best.cost) best = { cell: c, order, cost };
      }
    }
    if (!best) break;
    left.delete(best.cell);
    const segs = cellSegments(cells[best.cell], best.order, best.cell, vehicle, space);
    transit(segs[0].points[0], route.length === 0 ? 'start' : 'cell');
    route.push(...segs);
    const last = segs[segs.length - 1].points;
    pos = last[last.length - 1];
  }

  for (let lap = headlandRings.length - 1; lap >= 0; lap--) visitRings(headlandRings[lap].filter((r) => !holeFirst(r)), lap);
  transit(opts.start, 'end');
  return route;
}
