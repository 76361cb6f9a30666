import { offsetPolygons, offsetRoundJoins } from '../../geometry/index.js';
import { polylineInside } from '../../geometry/index.js';
import { reflexVertices } from '../../geometry/index.js';
import { signedArea } from '../../geometry/index.js';
import type { PolygonM, Ring } from '../../geometry/index.js';
import { filletLap } from './fillet-lap.js';

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
    // whether Clipper joined a corner matters only to the rounding (see roundedLap)
    const { polygons: centre, joined } =
      minTurnRadiusM > 0
        ? offsetRoundJoins([field], -(k + 0.5) * widthM)
        : { polygons: offsetPolygons([field], -(k + 0.5) * widthM, 'round'), joined: true };
    if (centre.length === 0) break;
    innermostCentre = centre;
    const lap = minTurnRadiusM > 0 ? roundedLap(field, centre, joined, (k + 0.5) * widthM, minTurnRadiusM) : undefined;
    if (lap) smoothedLaps++;
    rings.push((lap ?? centre).flatMap((p) => [p.outer, ...p.holes]));
  }
  const used = rings.length;
  const inner = used === 0 ? [field] : offsetPolygons([field], -used * widthM, 'round');
  const swathReach = used === 0 ? inner : innermostCentre;
  return { laps: used, rings, inner, swathReach, smoothedLaps };
}

/**
 * Miter limit of the sharp lap the fillets round, in offsets: a concave corner's apex may sit up
 * to 10 offsets from its field corner (field wedges down to ~6°); sharper ones are squared off
 * and their two corners filleted instead.
 */
const FILLET_MITER_LIMIT = 10;

/**
 * A lap with its corners rounded to the turning radius: per-corner fillets of the lap's mitred
 * offset ({@link filletLap}, linear time; the `centre` itself where Clipper `joined` no corner) where they fit, else the opening and closing by
 * polygon offsets ({@link smoothLap}). Undefined when the rounded lap loses too much area or
 * leaves the field.
 */
function roundedLap(field: PolygonM, centre: PolygonM[], joined: boolean, offsetM: number, radiusM: number): PolygonM[] | undefined {
  const maxLossM2 = MAX_SMOOTHING_LOSS * areaOf([field]);
  // with no corner joined (see offsetRoundJoins) the mitred offset is the round one
  const sharp = joined ? offsetPolygons([field], -offsetM, 'miter', undefined, FILLET_MITER_LIMIT) : centre;
  const filleted = sharp.length === centre.length ? filletLap(sharp, { radiusM, offsetM, arcToleranceM: SMOOTH_ARC_M }) : undefined;
  if (!filleted) return smoothLap(centre, field, offsetM, radiusM, maxLossM2);
  return acceptable(filleted, centre, field, maxLossM2) ? filleted : undefined;
}

/** A rounded lap is kept when it loses at most `maxLossM2` of the lap's area and stays in the field. */
function acceptable(smooth: PolygonM[], lap: PolygonM[], field: PolygonM, maxLossM2: number): boolean {
  if (smooth.length !== lap.length || Math.abs(areaOf(lap) - areaOf(smooth)) > maxLossM2) return false;
  return smooth.every((p) => [p.outer, ...p.holes].every((r) => polylineInside([...r, r[0]], field, 0)));
}

/**
 * Rounds a lap so a machine with turning radius R can drive it: a morphological opening
 * (erode then dilate by R) rounds its convex corners, a closing (dilate then erode) its
 * concave ones, so every corner becomes an arc of radius ≥ R. Offsets by round joins compose
 * (eroding by d then by R is eroding by d + R; dilating twice by R is dilating by 2R), so the
 * opening starts from the field itself, whose few vertices are cheaper to offset than the lap's
 * arcs, and the closing's two dilations are one: three offsets instead of five. A lap that would
 * vanish or leave the field, or that would cut off more than `maxLossM2`, is not smoothed
 * (undefined).
 */
function smoothLap(lap: PolygonM[], field: PolygonM, offsetM: number, radiusM: number, maxLossM2: number): PolygonM[] | undefined {
  const eroded = offsetPolygons([field], -(offsetM + radiusM), 'round', SMOOTH_ARC_M);
  // a convex lap has no concave corner to round: the closing would give it back unchanged
  const convex = lap.every((p) => p.holes.length === 0 && reflexVertices(p).length === 0);
  const smooth = convex
    ? offsetPolygons(eroded, radiusM, 'round', SMOOTH_ARC_M)
    : offsetPolygons(offsetPolygons(eroded, 2 * radiusM, 'round', SMOOTH_ARC_M), -radiusM, 'round', SMOOTH_ARC_M);
  return acceptable(smooth, lap, field, maxLossM2) ? smooth : undefined;
}
