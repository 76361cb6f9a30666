import { closestOnSegment, polylineLength, signedArea } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import { rotate } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import type { SweepPlan } from '../swaths/sweep-swaths.js';
import { planTurn, type TurnSpace } from '../turns/plan-turn.js';
import type { RouteSegment } from '../types.js';
import { boustrophedon, skipOrder, type SwathVisit } from './order-swaths.js';
import { distToRingPoint, ringFrom } from './ring-from.js';
import { candidateTours, type CellTour, type CellWay } from './cell-order.js';
import { splitSorties } from '../sorties/split-sorties.js';
import { refillTripsS, type DrivenSwaths } from './refill-estimate.js';

/** Options of {@link buildRoute}. */
export interface RouteOptions {
  pattern: 'auto' | 'boustrophedon' | 'skip';
  /** Where the machine starts and ends (the service point). */
  start: XY;
}

interface WorldSwath {
  a: XY;
  b: XY;
  /** A narrowed pass's own width (see SweepSwath.widthM). */
  widthM?: number;
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
      const end = prev[prev.length - 1],
        before = prev[prev.length - 2];
      const len = Math.hypot(end[0] - before[0], end[1] - before[1]) || 1;
      const turn = planTurn(end, [(end[0] - before[0]) / len, (end[1] - before[1]) / len], from, vehicle, space);
      for (const leg of turn.legs) out.push(seg('turn', leg.points, { reverse: leg.reverse, cellId, turnType: turn.type }));
    }
    out.push(seg('swath', [from, to], { cellId, swathIndex: index, ...(s.widthM !== undefined ? { widthM: s.widthM } : {}) }));
  }
  return out;
}

/**
 * Estimated turning time of a visit order, s, from the gaps between consecutive swaths alone
 * (no geometry): U-turn when the gap is 2R or more, else a K-turn (ground) or a stop-turn.
 */
function estimateTurnsS(swaths: WorldSwath[], order: SwathVisit[], v: Vehicle): number {
  const R = v.minTurnRadiusM,
    stopS = 2 * (v.turnSpeedMps / v.accelMps2);
  let t = 0;
  for (let k = 1; k < order.length; k++) {
    const a = swaths[order[k - 1].index],
      b = swaths[order[k].index];
    // lateral gap between the two swath lines
    const dx = a.b[0] - a.a[0],
      dy = a.b[1] - a.a[1],
      l = Math.hypot(dx, dy) || 1;
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

/** Entry and exit of a cell worked in `order`. */
function endsOf(swaths: WorldSwath[], order: SwathVisit[]): [XY, XY] {
  const first = swaths[order[0].index],
    last = swaths[order[order.length - 1].index];
  return [order[0].reversed ? first.b : first.a, order[order.length - 1].reversed ? last.a : last.b];
}

/** Nearest point of some rings to `p`, and its distance (p itself and 0 when there are none). */
function nearestOnRings(rings: Ring[], p: XY): { at: XY; d: number } {
  let best = { at: p, d: rings.length ? Infinity : 0 };
  for (const r of rings)
    for (let i = 0; i < r.length; i++) {
      const q = closestOnSegment(p, r[i], r[(i + 1) % r.length]);
      const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
      if (d < best.d) best = { at: q, d };
    }
  return best;
}

/** A cell in a tour: which, which of its ways (index into its orders), and the visit order. */
interface CellVisit {
  cell: number;
  way: number;
  order: SwathVisit[];
}

/**
 * Candidate orders of the cells and each one's way of being worked (see cell-order.ts): by estimated time,
 * straight travel at transit speed between cells, each way's turns ({@link estimateTurnsS}), and
 * from the last cell out to the headland laps still to drive and back to the start. The old
 * nearest-first order is kept unless the search beats it.
 */
function cellTour(
  cells: WorldSwath[][],
  spacing: number[],
  vehicle: Vehicle,
  pattern: RouteOptions['pattern'],
  from: XY,
  lapsAfter: Ring[][],
  start: XY,
): CellVisit[][] {
  const ids = cells.map((_, i) => i).filter((i) => cells[i].length > 0);
  const orders = ids.map((c) => cellOrders(cells[c].length, spacing[c], vehicle, pattern));
  const ways: CellWay[][] = ids.map((c, k) =>
    orders[k].map((order) => {
      const [entry, exit] = endsOf(cells[c], order);
      return { entry, exit, costS: estimateTurnsS(cells[c], order, vehicle) };
    }),
  );
  const v = vehicle.transitSpeedMps;
  const travel = (a: XY, b: XY) => Math.hypot(b[0] - a[0], b[1] - a[1]) / v;
  const inner = lapsAfter.filter((r) => r.length > 0);
  // exits are swath ends (the same objects across ways and tours): the search asks each many times
  const ends = new Map<XY, number>();
  const end = (p: XY) => {
    let t = ends.get(p);
    if (t === undefined) {
      // the laps are driven from their point nearest the machine, innermost first, then back to the start
      const first = nearestOnRings(inner[inner.length - 1] ?? [], p),
        last = nearestOnRings(inner[0] ?? [], p);
      ends.set(p, (t = first.d / v + travel(last.at, start)));
    }
    return t;
  };
  // nearest cell entry first, as the planner did before the search
  const greedy: CellTour = [];
  const left = new Set(ways.map((_, k) => k));
  let pos = from;
  while (left.size > 0) {
    let best: { cell: number; way: number; cost: number } | undefined;
    for (const k of left)
      ways[k].forEach((w, j) => {
        const cost = travel(pos, w.entry) + w.costS;
        if (!best || cost < best.cost) best = { cell: k, way: j, cost };
      });
    if (!best) break;
    const b: { cell: number; way: number } = best;
    left.delete(b.cell);
    greedy.push({ cell: b.cell, way: b.way });
    pos = ways[b.cell][b.way].exit;
  }
  const driven = (tour: CellTour): DrivenSwaths[] =>
    tour.map(({ cell, way }) =>
      orders[cell][way].map(({ index, reversed }): [XY, XY] => {
        const s = cells[ids[cell]][index];
        return reversed ? [s.b, s.a] : [s.a, s.b];
      }),
    );
  const refills = (tour: CellTour) => (vehicle.kind === 'ground' ? 0 : refillTripsS(driven(tour), from, start, vehicle));
  return candidateTours(ways, from, travel, end, greedy, refills).map((tour) =>
    tour.map(({ cell, way }) => ({ cell: ids[cell], way, order: orders[cell][way] })),
  );
}

/** Length of a route, m, with the refill trips a multirotor will fly (ground machines reload where they stand). */
function drivenLengthM(route: RouteSegment[], vehicle: Vehicle, start: XY, space: TurnSpace): number {
  const all = vehicle.kind === 'ground' ? route : splitSorties(route, vehicle, start, space).route;
  return all.reduce((a, s) => a + polylineLength(s.points), 0);
}

/**
 * The shortest of some routes, refill trips included (see {@link routeCandidates}); the first
 * on a tie.
 */
export function shortestRoute(routes: RouteSegment[][], vehicle: Vehicle, start: XY, space: TurnSpace): RouteSegment[] {
  if (routes.length === 1) return routes[0];
  let best = routes[0],
    bestM = drivenLengthM(best, vehicle, start, space);
  for (const r of routes.slice(1)) {
    const m = drivenLengthM(r, vehicle, start, space);
    if (m < bestM - 1e-6) [best, bestM] = [r, m];
  }
  return best;
}

/**
 * Builds the whole route: for ground machines first the headland laps around holes, then the
 * cells, each worked in the cheapest allowed pattern, turns inside the field, transits along
 * shortest paths inside the field, then the headland laps from the innermost out, and back to
 * the start. The cells' order and entry corners: the shortest (see {@link shortestRoute}) of
 * {@link routeCandidates}.
 */
export function buildRoute(
  sweep: SweepPlan,
  headlandRings: Ring[][],
  vehicle: Vehicle,
  space: TurnSpace,
  opts: RouteOptions,
): RouteSegment[] {
  return shortestRoute(routeCandidates(sweep, headlandRings, vehicle, space, opts), vehicle, opts.start, space);
}

/**
 * Whole routes (as {@link buildRoute}) for the planner's old nearest-first cell order, first,
 * and for the few tours the search (cell-order.ts) estimates better; a cell's swaths and turns
 * are planned once for all of them. The caller appends what every route gets (gap passes) and
 * keeps the shortest.
 */
export function routeCandidates(
  sweep: SweepPlan,
  headlandRings: Ring[][],
  vehicle: Vehicle,
  space: TurnSpace,
  opts: RouteOptions,
): RouteSegment[][] {
  const cells = sweep.swaths.map((list, i) => {
    const angle = sweep.cellAngles?.[i] ?? sweep.angleRad;
    return list.map(
      (s): WorldSwath => ({
        a: rotate([s.x0, s.y], angle),
        b: rotate([s.x1, s.y], angle),
        ...(s.widthM !== undefined ? { widthM: s.widthM } : {}),
      }),
    );
  });
  const spacing = sweep.swaths.map((list) => (list.length > 1 ? (list[list.length - 1].y - list[0].y) / (list.length - 1) : 0));
  // A ground machine works the laps around holes (clockwise rings) first, nearest the hole
  // first, so it never crosses planted rows to reach them; drones fly over and keep them last.
  const holeFirst = (r: Ring) => vehicle.kind === 'ground' && signedArea(r) < 0;
  const before = headlandRings.map((rings) => rings.filter(holeFirst)),
    after = headlandRings.map((rings) => rings.filter((r) => !holeFirst(r)));
  const planned = new Map<string, RouteSegment[]>();
  const segmentsOf = (v: CellVisit) => {
    const key = `${v.cell}.${v.way}`;
    if (!planned.has(key)) planned.set(key, cellSegments(cells[v.cell], v.order, v.cell, vehicle, space));
    return planned.get(key)!;
  };

  // the candidates share many transits (to the first cell, to the laps, back to the start)
  const paths = new Map<string, XY[]>();
  const assemble = (tour: (from: XY) => CellVisit[][]) => {
    const route: RouteSegment[] = [];
    let pos = opts.start;
    const transit = (to: XY, purpose: RouteSegment['transitPurpose']) => {
      if (Math.hypot(to[0] - pos[0], to[1] - pos[1]) < 1e-6) return;
      const key = `${pos[0]},${pos[1]},${to[0]},${to[1]}`;
      let path = paths.get(key);
      if (!path) paths.set(key, (path = shortestPathInside(pos, to, space.field, space.waypoints) ?? [pos, to]));
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
    for (let lap = 0; lap < headlandRings.length; lap++) visitRings(before[lap], lap);
    const head = route.slice(),
      from = pos;
    return tour(from).map((visits) => {
      route.length = 0;
      route.push(...head);
      pos = from;
      for (const v of visits) {
        const segs = segmentsOf(v);
        transit(segs[0].points[0], route.length === 0 ? 'start' : 'cell');
        route.push(...segs);
        const last = segs[segs.length - 1].points;
        pos = last[last.length - 1];
      }
      for (let lap = headlandRings.length - 1; lap >= 0; lap--) visitRings(after[lap], lap);
      transit(opts.start, 'end');
      return route.slice();
    });
  };
  return assemble((from) => cellTour(cells, spacing, vehicle, opts.pattern, from, after, opts.start));
}
