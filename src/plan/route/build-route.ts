import { hypot } from '../../geometry/index.js';
import { signedArea } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import type { SweepPlan } from '../swaths/sweep-swaths.js';
import type { TurnSpace } from '../turns/plan-turn.js';
import type { RouteSegment } from '../types.js';
import { machinePoints } from './machine-path.js';
import { distToRingPoint, ringFrom } from './ring-from.js';
import { cellTour, type CellVisit, type Pattern, type WorldSwath } from './cell-tour.js';
import { cellSegments, plainSeg } from './cell-segments.js';
import { type LazySplit, lazySplitSorties, routeLengthM, type SortiePlan } from '../sorties/split-sorties.js';

/** Options of {@link buildRoute}. */
export interface RouteOptions {
  pattern: Pattern;
  /** Where the machine starts and ends (the service point). */
  start: XY;
}

/** Sortie splits already made, per route: each candidate's is bounded, then completed if it may win, and the chosen one asked again. */
const splits = new WeakMap<RouteSegment[], { vehicle: Vehicle; start: XY; space: TurnSpace; lazy: LazySplit }>();

/** `lazySplitSorties` of a route, kept per route object (it is pure: the same route, vehicle, start and space give the same split). */
function lazyOf(route: RouteSegment[], vehicle: Vehicle, start: XY, space: TurnSpace): LazySplit {
  const hit = splits.get(route);
  if (hit && hit.vehicle === vehicle && hit.start === start && hit.space === space) return hit.lazy;
  const lazy = lazySplitSorties(route, vehicle, start, space);
  splits.set(route, { vehicle, start, space, lazy });
  return lazy;
}

/** `splitSorties` of a route, kept per route object (see {@link lazyOf}). */
export function sortiesOf(route: RouteSegment[], vehicle: Vehicle, start: XY, space: TurnSpace): SortiePlan {
  return lazyOf(route, vehicle, start, space).complete();
}

/** Length of a route, m, with the refill trips a multirotor will fly (ground machines reload where they stand). */
function drivenLengthM(route: RouteSegment[], vehicle: Vehicle, start: XY, space: TurnSpace): number {
  return routeLengthM(vehicle.kind === 'ground' ? route : sortiesOf(route, vehicle, start, space).route);
}

/** A lower bound on {@link drivenLengthM} of a drone's route (the trips out to refill straight), less rounding slack. */
function lowerBoundM(route: RouteSegment[], vehicle: Vehicle, start: XY, space: TurnSpace): number {
  return lazyOf(route, vehicle, start, space).boundM * (1 - BOUND_ROUNDING);
}

/**
 * Relative slack on the refill bound (`LazySplit.boundM`) against rounding: a path's legs summed may come
 * out a few ulps (1e-16 each) under the straight line in floating point, over at most ~1e5 segments.
 */
const BOUND_ROUNDING = 1e-9;

/**
 * The shortest of some routes, refill trips included (see {@link routeCandidates}); the first
 * on a tie. A drone's candidate whose length with straight trips out to refill (a lower bound)
 * is already no shorter is dropped without searching those trips' paths.
 */
export function shortestRoute(routes: RouteSegment[][], vehicle: Vehicle, start: XY, space: TurnSpace): RouteSegment[] {
  if (routes.length === 1) return routes[0];
  if (routes.length === 2 && vehicle.kind !== 'ground') return shorterOfTwo(routes[0], routes[1], vehicle, start, space);
  let best = routes[0],
    bestM = drivenLengthM(best, vehicle, start, space);
  for (const r of routes.slice(1)) {
    if (vehicle.kind !== 'ground' && lowerBoundM(r, vehicle, start, space) >= bestM - 1e-6) continue;
    const m = drivenLengthM(r, vehicle, start, space);
    if (m < bestM - 1e-6) [best, bestM] = [r, m];
  }
  return best;
}

/**
 * {@link shortestRoute} of two drone routes (the search's usual case): both bounded first, the
 * one with the smaller bound measured whole, and the other only when its bound does not already
 * decide (the first kept unless the second is more than 1e-6 m shorter, as the loop keeps it).
 */
function shorterOfTwo(first: RouteSegment[], second: RouteSegment[], vehicle: Vehicle, start: XY, space: TurnSpace): RouteSegment[] {
  const bound = (r: RouteSegment[]) => lowerBoundM(r, vehicle, start, space);
  const length = (r: RouteSegment[]) => drivenLengthM(r, vehicle, start, space);
  const firstLo = bound(first),
    secondLo = bound(second);
  if (secondLo <= firstLo) {
    const secondM = length(second);
    // the first is certainly more than 1e-6 m longer (its length less 1e-6, rounded, is at least this): the second is kept
    if (secondM < firstLo - 1e-6) return second;
    return secondM < length(first) - 1e-6 ? second : first;
  }
  const firstM = length(first);
  if (secondLo >= firstM - 1e-6) return first;
  return length(second) < firstM - 1e-6 ? second : first;
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

/** Each cell's swaths in the world frame (each cell at its own angle). */
export function worldCells(sweep: SweepPlan): WorldSwath[][] {
  return sweep.swaths.map((list, i) => {
    const angle = sweep.cellAngles?.[i] ?? sweep.angleRad;
    // `rotate`'s arithmetic, its cosine and sine taken once per cell
    const c = Math.cos(angle),
      sn = Math.sin(angle);
    const at = (x: number, y: number): XY => [x * c - y * sn, x * sn + y * c];
    const out: WorldSwath[] = new Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const s = list[k];
      const steps = s.steps;
      if (!steps) {
        const whole: WorldSwath = { a: at(s.x0, s.y), b: at(s.x1, s.y) };
        if (s.widthM !== undefined) whole.widthM = s.widthM;
        out[k] = whole;
        continue;
      }
      // a piece at the implement's full width keeps widthM unset, as a whole swath does
      let full = s.widthM ?? -Infinity;
      if (s.widthM === undefined) for (const p of steps) full = Math.max(full, p.widthM);
      const pieces: NonNullable<WorldSwath['steps']> = new Array(steps.length);
      for (let j = 0; j < steps.length; j++) {
        const p = steps[j];
        const y = s.y + p.dy;
        pieces[j] = {
          a: at(p.x0, y),
          b: at(p.x1, y),
          widthM: p.widthM < full - 1e-9 || s.widthM !== undefined ? p.widthM : undefined,
          leftM: p.dy,
        };
      }
      // the machine drives the line itself, from the first piece's start to the last one's end: turns meet it there
      const stepped: WorldSwath = { a: at(steps[0].x0, s.y), b: at(steps[steps.length - 1].x1, s.y), steps: pieces };
      if (s.widthM !== undefined) stepped.widthM = s.widthM;
      out[k] = stepped;
    }
    return out;
  });
}

/** Each cell's swath spacing, m (0 for a one-swath cell). */
function cellSpacing(sweep: SweepPlan): number[] {
  return sweep.swaths.map((list) => (list.length > 1 ? (list[list.length - 1].y - list[0].y) / (list.length - 1) : 0));
}

/**
 * The headland rings of each lap split into those driven before the cells and those after. A
 * ground machine works the laps around holes (clockwise rings) first, nearest the hole first,
 * so it never crosses planted rows to reach them; drones fly over and keep them last.
 */
function lapsAroundCells(headlandRings: Ring[][], vehicle: Vehicle): { before: Ring[][]; after: Ring[][] } {
  const holeFirst = (r: Ring) => vehicle.kind === 'ground' && signedArea(r) < 0;
  return {
    before: headlandRings.map((rings) => rings.filter(holeFirst)),
    after: headlandRings.map((rings) => rings.filter((r) => !holeFirst(r))),
  };
}

/** The map under `key` in `map`, made when missing (keys compare as a string key's would: 0 and -0 alike, NaN alike). */
function nested<V>(map: Map<number, Map<number, V>>, key: number): Map<number, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

/** A route written segment by segment from the machine's position; transits kept across the candidates (they share many). */
class RouteWriter {
  route: RouteSegment[] = [];
  pos: XY;
  /** Paths by their ends' four coordinates, nested (a string key of four numbers costs more than the four lookups). */
  private readonly paths = new Map<number, Map<number, Map<number, Map<number, XY[]>>>>();

  constructor(
    start: XY,
    private readonly space: TurnSpace,
  ) {
    this.pos = start;
  }

  /** Starts again from `head` (segments already driven), at `pos`. */
  restart(head: RouteSegment[], pos: XY): void {
    this.route = head.slice();
    this.pos = pos;
  }

  /** A transit to `to` along the shortest path inside the field (none when already there). */
  transit(to: XY, purpose: RouteSegment['transitPurpose']): void {
    const pos = this.pos;
    if (hypot(to[0] - pos[0], to[1] - pos[1]) < 1e-6) return;
    const byTo = nested(nested(nested(this.paths, pos[0]), pos[1]), to[0]);
    let path = byTo.get(to[1]);
    if (!path) byTo.set(to[1], (path = shortestPathInside(pos, to, this.space.field, this.space.waypoints) ?? [pos, to]));
    const transit = plainSeg('transit', path);
    transit.transitPurpose = purpose;
    this.route.push(transit);
    this.pos = to;
  }

  /** A cell's swaths and turns, reached by a transit. */
  cell(segs: RouteSegment[]): void {
    this.transit(machinePoints(segs[0])[0], this.route.length === 0 ? 'start' : 'cell');
    // one by one: a spread of a cell's hundreds of segments is slower (and bounded by the stack)
    for (const s of segs) this.route.push(s);
    const last = machinePoints(segs[segs.length - 1]);
    this.pos = last[last.length - 1];
  }

  /** Works `list`, the rings of one headland lap, nearest first, each from its point nearest the machine. */
  rings(list: Ring[], lap: number): void {
    const rings = [...list];
    while (rings.length > 0) {
      let bi = 0;
      for (let i = 1; i < rings.length; i++) if (distToRingPoint(rings[i], this.pos) < distToRingPoint(rings[bi], this.pos)) bi = i;
      const path = ringFrom(rings.splice(bi, 1)[0], this.pos);
      this.transit(path[0], this.route.length === 0 ? 'start' : 'cell');
      const pass = plainSeg('swath', path);
      pass.headlandLap = lap;
      this.route.push(pass);
      this.pos = path[path.length - 1];
    }
  }
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
  const cells = worldCells(sweep);
  const { before, after } = lapsAroundCells(headlandRings, vehicle);
  const planned = new Map<string, RouteSegment[]>();
  const segmentsOf = (v: CellVisit) => {
    const key = `${v.cell}.${v.way}`;
    if (!planned.has(key)) planned.set(key, cellSegments(cells[v.cell], v.order, v.cell, vehicle, space));
    return planned.get(key)!;
  };
  const w = new RouteWriter(opts.start, space);
  for (let lap = 0; lap < headlandRings.length; lap++) w.rings(before[lap], lap);
  const head = w.route.slice(),
    from = w.pos;
  const tours = cellTour(cells, cellSpacing(sweep), vehicle, opts.pattern, { from, lapsAfter: after, start: opts.start });
  return tours.map((visits) => {
    w.restart(head, from);
    for (const v of visits) w.cell(segmentsOf(v));
    for (let lap = headlandRings.length - 1; lap >= 0; lap--) w.rings(after[lap], lap);
    w.transit(opts.start, 'end');
    // the next restart starts a new array
    return w.route;
  });
}
