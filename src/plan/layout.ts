/**
 * Layout of a field's work: headland laps, the area left for swaths, the sweep angle and the
 * swaths. Multirotors need no headland to turn in, so for them the bare field is weighed
 * against the profile's laps.
 */
import { offsetPolygons } from '../geometry/offset.js';
import type { PolygonM } from '../geometry/types.js';
import type { Vehicle } from '../vehicles/types.js';
import { planHeadland, type Headland } from './headland/plan-headland.js';
import { bestAngle } from './swaths/best-angle.js';
import { sweepSwaths, type SweepPlan } from './swaths/sweep-swaths.js';
import type { PlanOptions } from './types.js';

/** With no headland, swaths stop this far inside the boundary so turns along it stay inside, m. */
export const EDGE_INSET_M = 0.02;

/** What {@link planLayout} decides. */
export interface Layout {
  headland: Headland;
  /** The area left for swaths (inside the headland, or the field just inside its edge). */
  area: PolygonM[];
  angleRad: number;
  sweep: SweepPlan;
}

/**
 * How far swath ends may go (see `sweepSwaths`). Ground machines: to the innermost lap's centre
 * line, where they turn anyway. Multirotors: half a width inside the field, so the spray never
 * leaves it; in practice their ends stop at the headland's inner edge wherever it does not slant.
 */
function swathBound(poly: PolygonM, headland: Headland, w: number, vehicle: Vehicle, area: PolygonM[]): PolygonM[] {
  if (headland.laps === 0) return area;
  if (vehicle.kind !== 'multirotor') return headland.swathReach;
  return offsetPolygons([poly], -w / 2, 'round');
}

function layoutWith(poly: PolygonM, vehicle: Vehicle, laps: number, fixedAngle: number | undefined): Layout {
  const w = vehicle.workingWidthM;
  const headland = planHeadland(poly, w, laps, vehicle.kind === 'ground' ? vehicle.minTurnRadiusM : 0);
  const area = headland.laps === 0 ? offsetPolygons([poly], -EDGE_INSET_M, 'miter') : headland.inner;
  const angleRad = fixedAngle ?? bestAngle(poly, area, w).angleRad;
  return { headland, area, angleRad, sweep: sweepSwaths(area, angleRad, w, swathBound(poly, headland, w, vehicle, area)) };
}

/**
 * Estimated flight of a layout, m: swaths, a turn of one width between neighbours, the laps, a
 * field's breadth per cell, and every square metre sprayed twice counted again as the metres of
 * swath it costs ((footprint in the field − field area) / width), so product and time weigh alike.
 */
export function layoutCostM(l: Layout, fieldAreaM2: number, widthM: number): number {
  let swathM = 0;
  for (const cell of l.sweep.swaths) for (const s of cell) swathM += s.x1 - s.x0;
  let lapM = 0;
  for (const rings of l.headland.rings)
    for (const r of rings) for (let i = 0; i < r.length; i++) lapM += Math.hypot(r[(i + 1) % r.length][0] - r[i][0], r[(i + 1) % r.length][1] - r[i][1]);
  // the two half-disc ends of each swath's footprint: under the laps, or outside a bare field
  const caps = l.headland.laps > 0 ? (Math.PI * widthM * widthM) / 4 : 0;
  const footprintM2 = (swathM + lapM) * widthM + l.sweep.pieces * caps;
  const transitM = l.sweep.swaths.length * Math.sqrt(fieldAreaM2); // a cell change crosses the field, roughly
  return swathM + lapM + l.sweep.pieces * widthM + transitM + Math.max(0, footprintM2 - fieldAreaM2) / widthM;
}

/**
 * Headland, swath area, sweep angle and swaths of a field for a vehicle. Laps come from the
 * options, else the vehicle; a multirotor whose laps the caller did not fix also tries the bare
 * field (swath ends on the boundary, each one covered once instead of under a lap) and keeps
 * whichever {@link layoutCostM} finds cheaper: a ragged edge or a hole can split the bare field
 * into more cells than a lap's smooth inner edge does.
 */
export function planLayout(poly: PolygonM, vehicle: Vehicle, options: PlanOptions, fieldAreaM2: number): Layout {
  const fixed = options.angleDeg !== undefined ? (options.angleDeg * Math.PI) / 180 : undefined;
  const laps = options.headlandLaps ?? vehicle.headlandLaps;
  const withLaps = layoutWith(poly, vehicle, laps, fixed);
  if (options.headlandLaps !== undefined || vehicle.kind !== 'multirotor' || laps === 0) return withLaps;
  const bare = layoutWith(poly, vehicle, 0, fixed);
  const w = vehicle.workingWidthM;
  return layoutCostM(bare, fieldAreaM2, w) <= layoutCostM(withLaps, fieldAreaM2, w) ? bare : withLaps;
}
