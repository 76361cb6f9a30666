import { PlanError } from '../errors.js';
import type { Field } from '../field/index.js';
import { toXY } from '../geodesy/index.js';
import { offsetPolygons } from '../geometry/index.js';
import { rotateRing } from '../geometry/index.js';
import { reflexVertices } from '../geometry/index.js';
import type { Vehicle } from '../vehicles/index.js';
import { planMetrics } from './metrics/plan-metrics.js';
import { gapPasses } from './cleanup/gap-passes.js';
import { coverageGrid } from './metrics/coverage.js';
import { appendPasses } from './route/append-passes.js';
import { routeCandidates, shortestRoute, sortiesOf } from './route/build-route.js';
import { checkPlanComplexity } from './complexity.js';
import { servicePoint } from './service-point.js';
import { cellOutline } from './swaths/sweep-swaths.js';
import { EDGE_INSET_M, planLayout, type Layout } from './layout.js';
import type { TurnSpace } from './turns/plan-turn.js';
import type { Cell, Plan, PlanOptions, RouteSegment } from './types.js';
import type { XY } from '../geometry/index.js';

/** Defaults of {@link planField}'s options. */
export const PLAN_DEFAULTS = {
  pattern: 'auto' as const,
  sorties: true,
  maxSwaths: 20_000,
  /** Transits and fallback paths keep this far from the boundary, m. */
  clearanceM: 0.1,
  /** With no headland, swaths stop this far inside the boundary so turns along it stay inside, m. */
  edgeInsetM: EDGE_INSET_M,
  /** Route points may be this far outside the field (the checker allows 0.05 m). */
  insideTolM: 0.01,
  /** Raster cells for finding uncovered strips (about 0.1 m² per cell on a 0.1 ha plot). */
  gapSamples: 10_000,
  /** Gap passes are added until this much of the countable area is covered, % (bar: 99.5). */
  gapTargetPct: 99.8,
};

function checkOptions(o: PlanOptions): void {
  const bad = (key: string, why: string) => {
    throw new PlanError('PLAN_INVALID_OPTION', `option ${key} ${why}`, { key });
  };
  if (o.headlandLaps !== undefined && (!Number.isInteger(o.headlandLaps) || o.headlandLaps < 0 || o.headlandLaps > 20))
    bad('headlandLaps', `must be a whole number from 0 to 20, got ${o.headlandLaps}`);
  if (o.angleDeg !== undefined && !Number.isFinite(o.angleDeg)) bad('angleDeg', `must be a finite number, got ${o.angleDeg}`);
  if (o.pattern !== undefined && !['auto', 'boustrophedon', 'skip'].includes(o.pattern))
    bad('pattern', `must be auto, boustrophedon or skip, got ${String(o.pattern)}`);
  if (o.maxSwaths !== undefined && !(o.maxSwaths >= 1)) bad('maxSwaths', `must be ≥ 1, got ${o.maxSwaths}`);
  if (o.startLonLat !== undefined) {
    const [lon, lat] = o.startLonLat;
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90)) bad('startLonLat', `must be [lon, lat] in range, got ${o.startLonLat.join(',')}`);
  }
}

/** Throws when the layout has more swaths than allowed, or nothing to work. */
function checkSweep(field: Field, layout: Layout, widthM: number, maxSwaths: number): void {
  const pieces = layout.sweep.pieces;
  if (pieces > maxSwaths)
    throw new PlanError('PLAN_TOO_MANY_SWATHS', `field ${field.id} needs ${pieces} swaths, over the limit of ${maxSwaths}`, {
      field: field.id,
      swaths: pieces,
    });
  if (pieces === 0 && layout.headland.rings.length === 0)
    throw new PlanError('PLAN_NO_WORKING_AREA', `field ${field.id} is too small or narrow to work with a ${widthM} m implement`, {
      field: field.id,
    });
}

/** Where turns and transits may go (the field, bending at the inset's reflex corners) and the service point. */
function turnSpaceAndStart(field: Field, widthM: number, options: PlanOptions): { space: TurnSpace; start: XY } {
  const poly = field.polygon;
  const navigable = offsetPolygons([poly], -Math.min(PLAN_DEFAULTS.clearanceM, widthM / 4), 'miter');
  const space: TurnSpace = { field: poly, waypoints: navigable.flatMap(reflexVertices), tolM: PLAN_DEFAULTS.insideTolM };
  const near = options.startLonLat ? toXY(field.projection, options.startLonLat) : poly.outer[0];
  return { space, start: servicePoint(navigable.length ? navigable : [poly], near) };
}

/**
 * The route: the candidate cell orders, each with the gap passes appended (the same for all:
 * coverage ignores order), the shortest kept.
 */
function plannedRoute(layout: Layout, vehicle: Vehicle, space: TurnSpace, start: XY, pattern: PlanOptions['pattern']): RouteSegment[] {
  const poly = space.field,
    w = vehicle.workingWidthM;
  const candidates = routeCandidates(layout.sweep, layout.headland.rings, vehicle, space, {
    pattern: pattern ?? PLAN_DEFAULTS.pattern,
    start,
  });
  const work = candidates[0].filter((s) => s.kind === 'swath');
  const worked = coverageGrid(
    poly,
    work.map((s) => s.points),
    w,
    PLAN_DEFAULTS.gapSamples,
    work.map((s) => s.widthM),
  );
  const gaps = gapPasses(worked, poly, w, { targetPct: PLAN_DEFAULTS.gapTargetPct, insideTolM: PLAN_DEFAULTS.insideTolM });
  return shortestRoute(
    candidates.map((planned) => appendPasses(planned, gaps, space, start)),
    vehicle,
    start,
    space,
  );
}

/** Each cell's outline in the world frame and its swath count. */
function planCells(layout: Layout, widthM: number): Cell[] {
  const { sweep, angleRad } = layout;
  return sweep.swaths.map((c, id) => ({
    id,
    polygon: { outer: rotateRing(cellOutline(c, widthM), sweep.cellAngles?.[id] ?? angleRad), holes: [] },
    swathCount: c.length,
  }));
}

/**
 * Plans full coverage of a field by one machine: headland laps, the sweep angle with the
 * fewest swaths, boustrophedon cells around holes and concave corners, a route from the
 * service point with turns that stay inside the field, and refill sorties.
 *
 * @param field - a validated field (see `parseFields`)
 * @param vehicle - a machine profile (see `getVehicle`)
 * @param options - headland laps, fixed angle, pattern, start point…
 * @returns the plan, in local metres, with its metrics
 * @throws PlanError `PLAN_INVALID_OPTION`, `PLAN_NO_WORKING_AREA`, `PLAN_TOO_MANY_SWATHS`, `PLAN_TOO_COMPLEX`, `PLAN_START_TOO_FAR`
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/long-paddy-30x200.geojson');
 * const plan = planField(paddy, getVehicle('transplanter'));
 * console.log(plan.metrics.swaths.count, plan.metrics.coveragePct);
 * ```
 */
export function planField(field: Field, vehicle: Vehicle, options: PlanOptions = {}): Plan {
  const t0 = performance.now();
  checkOptions(options);
  checkPlanComplexity(field, vehicle.workingWidthM, options);
  const w = vehicle.workingWidthM;
  const layout = planLayout(field.polygon, vehicle, options, field.areaM2);
  const { headland, angleRad, sweep } = layout;
  checkSweep(field, layout, w, options.maxSwaths ?? PLAN_DEFAULTS.maxSwaths);
  const { space, start } = turnSpaceAndStart(field, w, options);
  const route = plannedRoute(layout, vehicle, space, start, options.pattern);
  const split =
    options.sorties === false
      ? { route, refills: [], sorties: [{ index: 0, firstSegment: 0, lastSegment: route.length - 1, workedM2: 0, used: 0 }] }
      : sortiesOf(route, vehicle, start, space);
  const metrics = planMetrics({
    field,
    vehicle,
    route: split.route,
    refills: split.refills,
    sorties: split.sorties.length,
    swathCount: sweep.lines,
    headlandPasses: headland.rings.reduce((a, r) => a + r.length, 0),
    headland: { laps: headland.laps, smoothedLaps: headland.smoothedLaps },
    angleRad,
    planMs: 0,
  });
  metrics.planMs = Math.round((performance.now() - t0) * 100) / 100;
  return {
    field,
    vehicle,
    headland: { laps: headland.laps, rings: headland.rings },
    cells: planCells(layout, w),
    route: split.route,
    refills: split.refills,
    sorties: split.sorties,
    servicePoint: start,
    metrics,
  };
}
