import { offsetPolygons } from '../../geometry/index.js';
import { polylineInside } from '../../geometry/index.js';
import { reflexVertices } from '../../geometry/index.js';
import { signedArea } from '../../geometry/index.js';
import type { PolygonM, Ring } from '../../geometry/index.js';

/** What the headland stage gives the later stages. */
export interface Headland {
  /** Laps actually planned (fewer than asked when the field is too narrow for them). */
  laps: number;
  /** Centre line of each lap, outermost first: one closed ring per boundary (outer and around holes). */
  rings: Ring[][];
  /** What is left for parallel swaths: the field inset by `laps · widthM` (may be empty). */
  inner: PolygonM[];
  /**
   * How far swaths may reach into the headland: the innermost lap's centre line (as polygons),
   * so swath and headland footprints overlap and no sliver is left between them.
   */
  swathReach: PolygonM[];
  /** Laps whose corners were rounded to the turning radius (ground machines). */
  smoothedLaps: number;
}

/**
 * Rounding a lap's corners to the turning radius cuts them off. Accept it while a lap loses
 * under 0.2 % of the field's area, so coverage stays well over docs/contracts.md's 99.5 %; on
 * small spiky fields the sharp lap is kept and the corners are left to the driver.
 */
const MAX_SMOOTHING_LOSS = 0.002;

/** Arc tolerance of the rounded corners, m: 2 cm against a radius of metres. */
const SMOOTH_ARC_M = 0.02;

function areaOf(polys: PolygonM[]): number {
  return polys.reduce((a, p) => a + signedArea(p.outer) + p.holes.reduce((b, h) => b + signedArea(h), 0), 0);
}

/**
 * Plans `laps` headland passes of the implement width inside the boundary and around holes.
 * Lap k runs at `(k + 0.5) · widthM` from the boundary; corners of the inset follow the exact
 * offset curve (round joins around holes and concave corners).
 *
 * @param field - the field polygon, metres
 * @param widthM - implement working width, m
 * @param laps - laps asked for (0 for none)
 * @param minTurnRadiusM - ground machines: lap corners are rounded to this radius
 * @example
 * ```ts
 * const h = planHeadland(field.polygon, 1.8, 2); // two transplanter laps
 * ```
 */
export function planHeadland(field: PolygonM, widthM: number, laps: number, minTurnRadiusM = 0): Headland {
  const rings: Ring[][] = [];
  let smoothedLaps = 0;
  let innermostCentre: PolygonM[] = [];
  for (let k = 0; k < laps; k++) {
    const centre = offsetPolygons([field], -(k + 0.5) * widthM, 'round');
    if (centre.length === 0) break;
    innermostCentre = centre;
    const lap = minTurnRadiusM > 0 ? smoothLap(centre, minTurnRadiusM, field, MAX_SMOOTHING_LOSS * areaOf([field])) : undefined;
    if (lap) smoothedLaps++;
    rings.push((lap ?? centre).flatMap((p) => [p.outer, ...p.holes]));
  }
  const used = rings.length;
  const inner = used === 0 ? [field] : offsetPolygons([field], -used * widthM, 'round');
  const swathReach = used === 0 ? inner : innermostCentre;
  return { laps: used, rings, inner, swathReach, smoothedLaps };
}

/**
 * Rounds a lap so a machine with turning radius R can drive it: a morphological opening
 * (erode then dilate by R) rounds its convex corners, a closing (dilate then erode) its
 * concave ones, so every corner becomes an arc of radius ≥ R. A lap that would vanish or
 * leave the field, or that would cut off more than `maxLossM2`, is not smoothed (undefined).
 */
function smoothLap(lap: PolygonM[], radiusM: number, field: PolygonM, maxLossM2: number): PolygonM[] | undefined {
  const opened = offsetPolygons(offsetPolygons(lap, -radiusM, 'round', SMOOTH_ARC_M), radiusM, 'round', SMOOTH_ARC_M);
  // a convex lap has no concave corner to round: the closing would give it back unchanged
  const convex = lap.every((p) => p.holes.length === 0 && reflexVertices(p).length === 0);
  const smooth = convex ? opened : offsetPolygons(offsetPolygons(opened, radiusM, 'round', SMOOTH_ARC_M), -radiusM, 'round', SMOOTH_ARC_M);
  if (smooth.length !== lap.length || Math.abs(areaOf(lap) - areaOf(smooth)) > maxLossM2) return undefined;
  const inside = smooth.every((p) => [p.outer, ...p.holes].every((r) => polylineInside([...r, r[0]], field, 0)));
  return inside ? smooth : undefined;
}
