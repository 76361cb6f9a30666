/**
 * Layout of a field's work: headland laps, the area left for swaths, the sweep angle and the
 * swaths, with per-cell angles where a concave area is cheaper to work that way.
 */
import { offsetPolygons, hypot } from '../geometry/index.js';
import type { PolygonM } from '../geometry/index.js';
import type { Vehicle } from '../vehicles/index.js';
import { planHeadland, type Headland } from './headland/plan-headland.js';
import { costBelowM, footprintEstimate, GAP_WEIGHT, layoutCostM } from './layout-cost.js';
import type { Layout } from './layout-types.js';
import { bestAngle, sweepLines } from './swaths/best-angle.js';
import { boundedPieces, sweepCount } from './swaths/count-sweep.js';
import { hullOf } from './swaths/hull-cache.js';
import { perCellRegions } from './swaths/per-cell.js';
import { sweepPieces } from './swaths/sweep-pieces.js';
import { addRowSteps } from './swaths/step-table.js';
import { joinSweeps, sweepSwaths, type SweepPlan } from './swaths/sweep-swaths.js';
import type { PlanOptions } from './types.js';

export type { Layout } from './layout-types.js';

/** With no headland, swaths stop this far inside the boundary so turns along it stay inside, m. */
export const EDGE_INSET_M = 0.02;

/** Multirotor swaths run at most this many widths into the innermost lap (the gap passes close the rest). */
export const MULTIROTOR_REACH_WIDTHS = 0.25;

/**
 * How far swath ends may go (see `sweepSwaths`). Ground machines: to the innermost lap's centre
 * line, where they turn anyway. Multirotors spray while they fly, so every metre into the lap is
 * a double dose: {@link MULTIROTOR_REACH_WIDTHS} in at most, where the inner edge slants.
 */
function swathBound(poly: PolygonM, headland: Headland, w: number, vehicle: Vehicle, area: PolygonM[]): PolygonM[] {
  if (headland.laps === 0) return area;
  if (vehicle.kind !== 'multirotor') return headland.swathReach;
  return offsetPolygons([poly], -(headland.laps - MULTIROTOR_REACH_WIDTHS) * w, 'round');
}

/** The layout with row steps on the swaths of the sweep it keeps (implements with sections; see `addRowSteps`). */
function layoutWith(poly: PolygonM, vehicle: Vehicle, laps: number, fixedAngle: number | undefined, fieldAreaM2: number): Layout {
  const layout = chosenLayout(poly, vehicle, laps, fixedAngle, fieldAreaM2);
  if (vehicle.sectionWidthM) addRowSteps(layout.sweep);
  return layout;
}

function chosenLayout(poly: PolygonM, vehicle: Vehicle, laps: number, fixedAngle: number | undefined, fieldAreaM2: number): Layout {
  const w = vehicle.workingWidthM;
  const headland = planHeadland(poly, w, laps, vehicle.kind === 'ground' ? vehicle.minTurnRadiusM : 0);
  const area = headland.laps === 0 ? offsetPolygons([poly], -EDGE_INSET_M, 'miter') : headland.inner;
  const angleRad = fixedAngle ?? bestAngle(poly, area, w).angleRad;
  const bound = swathBound(poly, headland, w, vehicle, area);
  const first: Layout = { headland, area, angleRad, sweep: sweepSwaths(area, angleRad, w, bound, vehicle.sectionWidthM) };
  if (fixedAngle !== undefined) return first;
  const { layout: one, costM } = leastWorkAngle(first, poly, bound, vehicle, fieldAreaM2);
  const cells = perCellSweep(area, angleRad, w, bound, one.sweep.pieces, vehicle.sectionWidthM);
  if (!cells) return one;
  const split: Layout = { ...one, sweep: cells };
  return (costBelowM(split, poly, fieldAreaM2, vehicle, costM) ?? Infinity) < costM ? split : one;
}

/** Hull edges tried as sweep directions beside the fewest-swath angle, longest first (8: drone overlap median 4.4 % on fields/real, 4.7 % with 4). */
const ALTERNATIVE_EDGES = 8;

/**
 * The fewest-swath angle leaves the field's other long edges slanting across the swaths: along
 * each, a wedge that the outermost swath and the lap (or the swath beyond the edge) both work.
 * Sweeping along another long hull edge with no more swaths can work less twice; the layout of
 * least estimated work ({@link layoutCostM}) among them wins.
 */
function leastWorkAngle(
  best: Layout,
  poly: PolygonM,
  bound: PolygonM[],
  vehicle: Vehicle,
  fieldAreaM2: number,
): { layout: Layout; costM: number } {
  const w = vehicle.workingWidthM;
  const hull = hullOf(poly.outer);
  const edges = hull
    .map((a, i) => {
      const b = hull[(i + 1) % hull.length];
      return { lengthM: hypot(b[0] - a[0], b[1] - a[1]), angleRad: Math.atan2(b[1] - a[1], b[0] - a[0]) };
    })
    .sort((u, v) => v.lengthM - u.lengthM)
    .slice(0, ALTERNATIVE_EDGES);
  const lines = sweepLines(best.area, best.angleRad, w);
  let pick = best,
    pickCost = layoutCostM(best, poly, fieldAreaM2, vehicle);
  const tried: number[] = [best.angleRad];
  for (const { angleRad } of edges) {
    const same = (a: number) => Math.abs(Math.sin(a - angleRad)) < 0.01;
    if (tried.some(same) || sweepLines(best.area, angleRad, w) > lines) continue;
    tried.push(angleRad);
    // the sweep's pieces counted first: an angle with more is not laid out with exact ends
    if (piecesOf(best.area, angleRad, w, bound, vehicle.sectionWidthM) > best.sweep.pieces) continue;
    const sweep = sweepSwaths(best.area, angleRad, w, bound, vehicle.sectionWidthM);
    if (sweep.pieces > best.sweep.pieces) continue;
    const l: Layout = { ...best, angleRad, sweep };
    const cost = costBelowM(l, poly, fieldAreaM2, vehicle, pickCost);
    if (cost !== undefined && cost < pickCost) [pick, pickCost] = [l, cost];
  }
  return { layout: pick, costM: pickCost };
}

/**
 * `sweepSwaths(area, angleRad, w, bound, sectionWidthM).pieces`, counted: see count-sweep.ts
 * without sections (a no-lap layout's bound is its area, where no pieces merge) and
 * sweep-pieces.ts with them (the passes lie elsewhere).
 */
function piecesOf(area: PolygonM[], angleRad: number, w: number, bound: PolygonM[], sectionWidthM: number | undefined): number {
  if (sectionWidthM) return sweepPieces(area, angleRad, w, bound, sectionWidthM);
  return bound === area ? sweepCount(area, angleRad, w).pieces : boundedPieces(area, angleRad, w, bound);
}

/**
 * The area swept region by region at each one's own angle; undefined when no part has a notch,
 * or when the regions' own swath counts (the angle search's, before any sweep) save fewer than
 * two swaths on `singlePieces`: then one angle is as good, and the sweeps are not worth doing.
 */
function perCellSweep(
  area: PolygonM[],
  angleRad: number,
  w: number,
  bound: PolygonM[],
  singlePieces: number,
  sectionWidthM?: number,
): SweepPlan | undefined {
  // one part: a split must save two swaths on the single angle's pieces to be of use
  const perPart = area.map((part) => perCellRegions(part, w, area.length === 1 ? singlePieces - 2 : undefined));
  if (perPart.every((r) => r === undefined || r.length < 2)) return undefined;
  const regions = area.flatMap((part, i) => perPart[i] ?? [{ polygon: part, angleRad, swaths: sweepLines([part], angleRad, w) }]);
  if (regions.reduce((a, r) => a + r.swaths, 0) > singlePieces - 2) return undefined;
  return joinSweeps(regions.map((r) => sweepSwaths([r.polygon], r.angleRad, w, bound, sectionWidthM)));
}

/**
 * The lap plan's swath caps under the lap that the no-lap plan must beat by this share. The
 * contract's disc footprint (docs/contracts.md) counts every cap as worked twice; the
 * simulation's bar footprint counts none (the bar stops at the lap's inner edge). A spinner's
 * real pattern lies between: half, so a no-lap plan is taken only where it wins under both
 * models by a margin (on a 30 × 200 m paddy the lap stays: its 15 % leftover runs along
 * shorter swaths).
 */
const BAR_CAP_SHARE = 0.5;

/** Boundary laps a multirotor may fly for its edges (it needs none to turn), see {@link planLayout}. */
const MULTIROTOR_EDGE_LAPS = 1;

/**
 * Headland, swath area, sweep angle and swaths of a field for a vehicle; laps come from the
 * options, else the vehicle (its profile's laps are those its turns need: `turnSpaceLaps`). A
 * multirotor turns in place and needs no turning room (its profile says 0): unless the options
 * or the vehicle set laps, one edge lap ({@link MULTIROTOR_EDGE_LAPS}) is planned where the plan
 * with it works less area twice. The lap's use is at slanted ends, where a swath's footprint
 * would spread past the boundary or leave the strip's corners bare; its cost is the swath caps
 * under it and the lap's own corners. The estimate is a coarse raster of both layouts' footprints.
 */
export function planLayout(poly: PolygonM, vehicle: Vehicle, options: PlanOptions, fieldAreaM2: number): Layout {
  const fixed = options.angleDeg !== undefined ? (options.angleDeg * Math.PI) / 180 : undefined;
  const laps = options.headlandLaps ?? vehicle.headlandLaps;
  const none = layoutWith(poly, vehicle, laps, fixed, fieldAreaM2);
  if (options.headlandLaps !== undefined || vehicle.kind !== 'multirotor' || laps !== 0) return none;
  const one = layoutWith(poly, vehicle, MULTIROTOR_EDGE_LAPS, fixed, fieldAreaM2);
  const w = vehicle.workingWidthM;
  const disc = (l: Layout) => {
    const e = footprintEstimate(l, poly, w);
    return e.overlapM2 + GAP_WEIGHT * e.gapM2;
  };
  const [discNone, discOne] = [disc(none), disc(one)];
  // the simulation paints a bar across the swath: its ends stop at the lap's inner edge, where
  // the disc's round caps run under the lap; without them the lap must still not lose
  const capsM2 = one.sweep.pieces * ((Math.PI * w * w) / 4);
  return discNone <= discOne - capsM2 * BAR_CAP_SHARE ? none : one;
}
