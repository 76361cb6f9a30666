/**
 * The layout's cost model: a layout's estimated work in metres of swath (travel, turns, transits)
 * and its worked-twice and bare area on a coarse footprint raster, which ranks the angles and
 * splits the layout tries.
 */
import { hypot } from '../geometry/index.js';
import type { PolygonM, XY } from '../geometry/index.js';
import type { Vehicle } from '../vehicles/index.js';
import { coverageGrid, footprintPasses, type CoverageGrid } from './metrics/coverage.js';
import type { Headland } from './headland/plan-headland.js';
import type { Layout } from './layout-types.js';

/**
 * Weight of a metre of swath worked twice against a metre travelled: the product is spent
 * again and the crop under it dosed twice (urea burns), beside the time it takes.
 */
const OVERLAP_WEIGHT = 2;

/**
 * Rough time of one turn between neighbouring swaths, s: a multirotor slows, crosses a width,
 * yaws and speeds up again; a ground machine drives a half circle and, when its swaths are
 * closer than its turning circle, backs up that much (the K-turn; skip orders cost about the
 * same in longer loops). On the real-field set planned turns average 14 s (drone) and 22 s
 * (transplanter); these give 14 s and 26 s.
 */
function turnS(v: Vehicle): number {
  const w = v.workingWidthM,
    R = v.minTurnRadiusM;
  if (v.kind === 'multirotor' || R <= 0) return w / v.turnSpeedMps + v.stopTurnS + (2 * v.turnSpeedMps) / v.accelMps2;
  return (Math.PI * R + w) / v.turnSpeedMps + Math.max(0, 2 * R - w) / (v.reverseSpeedMps || v.turnSpeedMps);
}

/** Raster cells of the overlap and gap estimate of {@link layoutCostM} (coarse: it only ranks layouts). */
const ESTIMATE_SAMPLES = 2_500;

/**
 * A layout's swaths in the world frame, each as a segment at its cell's angle, and each one's own
 * width where it has one (a narrowed pass); the laps are painted apart ({@link lapRaster}).
 */
export function layoutPaths(l: Layout): { paths: XY[][]; widthsM: (number | undefined)[] } {
  const paths: XY[][] = [],
    widthsM: (number | undefined)[] = [];
  l.sweep.swaths.forEach((cell, i) => {
    const a = l.sweep.cellAngles?.[i] ?? l.angleRad;
    // `rotate`'s arithmetic, its cosine and sine taken once per cell rather than per end
    const c = Math.cos(a),
      sn = Math.sin(a);
    for (const s of cell) {
      paths.push([
        [s.x0 * c - s.y * sn, s.x0 * sn + s.y * c],
        [s.x1 * c - s.y * sn, s.x1 * sn + s.y * c],
      ]);
      widthsM.push(s.widthM);
    }
  });
  return { paths, widthsM };
}

/**
 * The raster of a headland's laps over the field ({@link rasterEstimate}'s frame): the same for
 * every layout of one headland (each angle tried), so drawn once per headland with the field's
 * cells and corners. A cell's count is the number of distinct paths over it, so the laps' counts
 * add to each layout's swaths'.
 */
function lapRaster(headland: Headland, field: PolygonM, widthM: number): CoverageGrid {
  const hit = lapRasters.get(headland);
  if (hit && hit.field === field && hit.widthM === widthM) return hit.grid;
  const laps: XY[][] = [];
  for (const rings of headland.rings) for (const r of rings) laps.push([...r, r[0]]);
  const grid = coverageGrid(field, laps, widthM, ESTIMATE_SAMPLES);
  lapRasters.set(headland, { field, widthM, grid });
  return grid;
}
const lapRasters = new WeakMap<Headland, { field: PolygonM; widthM: number; grid: CoverageGrid }>();

/**
 * Worked twice and not worked at all, m², on a coarse raster of the layout's footprints
 * (docs/contracts.md discs, unreachable corners left out).
 */
export function footprintEstimate(l: Layout, field: PolygonM, widthM: number): { overlapM2: number; gapM2: number } {
  // the picked layouts' estimates are asked again by planLayout (lap or none): keep them per layout
  const hit = estimates.get(l);
  if (hit && hit.field === field && hit.widthM === widthM) return hit.estimate;
  const estimate = rasterEstimate(l, field, widthM);
  estimates.set(l, { field, widthM, estimate });
  return estimate;
}

/** {@link footprintEstimate}s made, per layout object (a layout is not changed once made). */
const estimates = new WeakMap<Layout, { field: PolygonM; widthM: number; estimate: { overlapM2: number; gapM2: number } }>();

function rasterEstimate(l: Layout, field: PolygonM, widthM: number): { overlapM2: number; gapM2: number } {
  const { paths, widthsM } = layoutPaths(l);
  const g = lapRaster(l.headland, field, widthM);
  const swaths = footprintPasses(field, paths, widthM, ESTIMATE_SAMPLES, widthsM);
  let twice = 0,
    none = 0;
  for (let k = 0; k < g.passes.length; k++) {
    if (!g.inField[k] || g.excluded[k]) continue;
    // the painter's count saturates at 255: so does the sum
    const passes = Math.min(255, g.passes[k] + swaths[k]);
    if (passes >= 2) twice++;
    else if (passes === 0) none++;
  }
  const cellM2 = g.stepM * g.stepM;
  return { overlapM2: twice * cellM2, gapM2: none * cellM2 };
}

/**
 * A square metre left bare costs this many square metres worked twice: it needs a gap pass
 * (a transit there, a short pass that overlaps what is around it) or it is left unworked.
 */
export const GAP_WEIGHT = 4;

/**
 * Estimated work of a layout, in metres of swath: swaths and laps; per swath a turn (its
 * time, {@link turnS}, at working speed); half the field's breadth per cell after the first; and every
 * square metre worked twice (or, weighted by {@link GAP_WEIGHT}, left bare) counted again as the
 * metres of swath it costs (area / width), weighted by {@link OVERLAP_WEIGHT}.
 */
export function layoutCostM(l: Layout, field: PolygonM, fieldAreaM2: number, vehicle: Vehicle): number {
  const { overlapM2, gapM2 } = footprintEstimate(l, field, vehicle.workingWidthM);
  return travelCostM(l, fieldAreaM2, vehicle) + (OVERLAP_WEIGHT * (overlapM2 + GAP_WEIGHT * gapM2)) / vehicle.workingWidthM;
}

/** {@link layoutCostM} without the worked-twice and bare terms (never negative): swaths, laps, turns and transits, m. */
function travelCostM(l: Layout, fieldAreaM2: number, vehicle: Vehicle): number {
  let swathM = 0;
  for (const cell of l.sweep.swaths) for (const s of cell) swathM += s.x1 - s.x0;
  let lapM = 0;
  for (const rings of l.headland.rings)
    for (const r of rings)
      for (let i = 0; i < r.length; i++) lapM += hypot(r[(i + 1) % r.length][0] - r[i][0], r[(i + 1) % r.length][1] - r[i][1]);
  const turnM = turnS(vehicle) * vehicle.workSpeedMps;
  const transitM = (Math.max(0, l.sweep.swaths.length - 1) * Math.sqrt(fieldAreaM2)) / 2;
  return swathM + lapM + l.sweep.pieces * turnM + transitM;
}

/**
 * {@link layoutCostM}, or undefined when its travel alone already reaches `limitM`: then it
 * cannot beat a layout of that cost, and the footprint raster is not worth drawing.
 */
export function costBelowM(l: Layout, field: PolygonM, fieldAreaM2: number, vehicle: Vehicle, limitM: number): number | undefined {
  if (travelCostM(l, fieldAreaM2, vehicle) >= limitM) return undefined;
  return layoutCostM(l, field, fieldAreaM2, vehicle);
}
