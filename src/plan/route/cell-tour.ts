/**
 * Which order the cells are worked in, and each cell's way of being worked (entry end,
 * direction, pattern): the ways of every cell with their estimated turning time, the
 * nearest-first tour the planner used before the search, and the candidate tours of
 * cell-order.ts scored by straight travel, turns, the run out to the headland laps and (for a
 * drone) the refill trips.
 */
import { hypot } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { candidateTours, type CellTour, type CellWay, type EndCostS, type TravelS } from './cell-order.js';
import { boustrophedon, skipOrder, type SwathVisit } from './order-swaths.js';
import { refillTripsS, type DrivenSwaths } from './refill-estimate.js';
import { RingsNearest } from './ring-from.js';

/** A swath in the world frame, from `a` to `b` (as laid; a visit may drive it reversed). */
export interface WorldSwath {
  a: XY;
  b: XY;
  /** A narrowed pass's own width (see SweepSwath.widthM). */
  widthM?: number;
  /** Pieces where rows switch off at a slanting end (see SweepSwath.steps), a to b, their rows' centre `leftM` left of the a→b line (the machine's path, which `a`/`b` end). */
  steps?: { a: XY; b: XY; widthM?: number; leftM: number }[];
}

/** Swath patterns allowed: `auto` picks per cell. */
export type Pattern = 'auto' | 'boustrophedon' | 'skip';

/** A cell in a tour: which, which of its ways (index into its orders), and the visit order. */
export interface CellVisit {
  cell: number;
  way: number;
  order: SwathVisit[];
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
      l = hypot(dx, dy) || 1;
    const d = Math.abs(((b.a[0] - a.a[0]) * -dy + (b.a[1] - a.a[1]) * dx) / l);
    if (v.kind === 'multirotor' || R <= 0) t += d / v.turnSpeedMps + v.stopTurnS;
    else if (d >= 2 * R) t += (Math.PI * R + d - 2 * R) / v.turnSpeedMps;
    else t += (Math.PI * R) / v.turnSpeedMps + (2 * R - d) / (v.reverseSpeedMps || v.turnSpeedMps) + 2 * stopS;
  }
  return t;
}

/** Orders for a cell: both ends × both directions, in each pattern allowed. */
function cellOrders(count: number, spacingM: number, vehicle: Vehicle, pattern: Pattern): SwathVisit[][] {
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

/**
 * What leaving the cells from an exit costs: the laps still to drive are driven from their
 * point nearest the machine, innermost first, then back to the start. Exits are swath ends (the
 * same objects across ways and tours) and the search asks each many times: kept per point.
 */
function lapsAfterCost(lapsAfter: Ring[][], start: XY, travel: TravelS, speedMps: number): EndCostS {
  const inner = lapsAfter.filter((r) => r.length > 0);
  const ends = new Map<XY, number>();
  // the innermost lap's rings and the outermost's (one lap: the same rings, asked once)
  const innermost = new RingsNearest(inner[inner.length - 1] ?? []),
    outermost = inner.length > 1 ? new RingsNearest(inner[0]) : innermost;
  return (p: XY) => {
    let t = ends.get(p);
    if (t === undefined) {
      const first = innermost.nearest(p),
        last = outermost === innermost ? first : outermost.nearest(p);
      ends.set(p, (t = first.d / speedMps + travel(last.at, start)));
    }
    return t;
  };
}

/** Nearest cell entry first (turns included), as the planner did before the search. */
function nearestFirstTour(ways: CellWay[][], from: XY, travel: TravelS): CellTour {
  const tour: CellTour = [];
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
    tour.push({ cell: b.cell, way: b.way });
    pos = ways[b.cell][b.way].exit;
  }
  return tour;
}

/** Each non-empty cell's orders and ways (ends and turning time), indexed like `ids`. */
function cellWays(cells: WorldSwath[][], ids: number[], spacing: number[], vehicle: Vehicle, pattern: Pattern) {
  const orders = ids.map((c) => cellOrders(cells[c].length, spacing[c], vehicle, pattern));
  const ways: CellWay[][] = ids.map((c, k) =>
    orders[k].map((order) => {
      const [entry, exit] = endsOf(cells[c], order);
      return { entry, exit, costS: estimateTurnsS(cells[c], order, vehicle) };
    }),
  );
  return { orders, ways };
}

/** The swaths of a tour as driven, cell by cell (what the refill estimate reads). */
function drivenSwaths(tour: CellTour, cells: WorldSwath[][], ids: number[], orders: SwathVisit[][][]): DrivenSwaths[] {
  return tour.map(({ cell, way }) =>
    orders[cell][way].map(({ index, reversed }): [XY, XY] => {
      const s = cells[ids[cell]][index];
      return reversed ? [s.b, s.a] : [s.a, s.b];
    }),
  );
}

/** Where the cells begin and what follows them. */
export interface TourEnds {
  /** Where the machine is when the cells begin. */
  from: XY;
  /** Headland rings driven after the cells, per lap. */
  lapsAfter: Ring[][];
  /** The service point the route ends at. */
  start: XY;
}

/**
 * Candidate orders of the cells and each one's way of being worked (see cell-order.ts): by
 * estimated time, straight travel at transit speed between cells, each way's turns
 * ({@link estimateTurnsS}), and from the last cell out to the headland laps still to drive and
 * back to the start. The old nearest-first order is kept unless the search beats it.
 */
export function cellTour(cells: WorldSwath[][], spacing: number[], vehicle: Vehicle, pattern: Pattern, at: TourEnds): CellVisit[][] {
  const ids = cells.map((_, i) => i).filter((i) => cells[i].length > 0);
  const { orders, ways } = cellWays(cells, ids, spacing, vehicle, pattern);
  const v = vehicle.transitSpeedMps;
  const travel = (a: XY, b: XY) => hypot(b[0] - a[0], b[1] - a[1]) / v;
  const end = lapsAfterCost(at.lapsAfter, at.start, travel, v);
  const greedy = nearestFirstTour(ways, at.from, travel);
  const refills = (tour: CellTour) =>
    vehicle.kind === 'ground' ? 0 : refillTripsS(drivenSwaths(tour, cells, ids, orders), at.from, at.start, vehicle);
  return candidateTours(ways, at.from, travel, end, greedy, refills).map((tour) =>
    tour.map(({ cell, way }) => ({ cell: ids[cell], way, order: orders[cell][way] })),
  );
}
