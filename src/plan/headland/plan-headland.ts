import { offsetPolygons } from '../../geometry/offset.js';
import type { PolygonM, Ring } from '../../geometry/types.js';

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
}

/**
 * Plans `laps` headland passes of the implement width inside the boundary and around holes.
 * Lap k runs at `(k + 0.5) · widthM` from the boundary; corners of the inset follow the exact
 * offset curve (round joins around holes and concave corners).
 *
 * @param field - the field polygon, metres
 * @param widthM - implement working width, m
 * @param laps - laps asked for (0 for none)
 * @example
 * ```ts
 * const h = planHeadland(field.polygon, 1.8, 2); // two transplanter laps
 * ```
 */
export function planHeadland(field: PolygonM, widthM: number, laps: number): Headland {
  const rings: Ring[][] = [];
  for (let k = 0; k < laps; k++) {
    const centre = offsetPolygons([field], -(k + 0.5) * widthM, 'round');
    if (centre.length === 0) break;
    rings.push(centre.flatMap((p) => [p.outer, ...p.holes]));
  }
  const used = rings.length;
  const inner = used === 0 ? [field] : offsetPolygons([field], -used * widthM, 'round');
  const swathReach = used === 0 ? inner : offsetPolygons([field], -(used - 0.5) * widthM, 'round');
  return { laps: used, rings, inner, swathReach };
}
