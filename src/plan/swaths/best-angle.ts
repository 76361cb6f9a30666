import { convexHull, simplifyPolygon, hypot } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import { sweepCount } from './count-sweep.js';
import { hullOf } from './hull-cache.js';
import { flatRings } from './flat-rings.js';
import { piecesAtLeast } from './pieces-bound.js';
import { swathCount } from './sweep-swaths.js';

/** The cost of a sweep angle: swaths driven first, then cells (each cell costs a transit). */
export interface AngleCost {
  angleRad: number;
  swaths: number;
  cells: number;
}

/** Swaths (pieces) and cells of `area` swept at `angleRad` (counted, not laid: see count-sweep.ts). */
export function angleCost(area: PolygonM[], angleRad: number, widthM: number): AngleCost {
  const { pieces, cells } = sweepCount(area, angleRad, widthM);
  return { angleRad, swaths: pieces, cells };
}

/**
 * Swath lines of `area` swept at `angleRad` without sweeping: each part's height across the
 * direction of travel over the width, as {@link sweepSwaths} lays them. A lower bound on pieces.
 */
export function sweepLines(area: PolygonM[], angleRad: number, widthM: number): number {
  const c = Math.cos(angleRad),
    s = Math.sin(angleRad);
  let lines = 0;
  for (const p of area) {
    const { xs, ys, ends } = flatRings(p);
    let lo = Infinity,
      hi = -Infinity;
    // y of rotate(p, -angle) = -x·sin + y·cos, over the outer ring
    for (let k = 0, n = ends[0]; k < n; k++) {
      const v = -xs[k] * s + ys[k] * c;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    lines += swathCount(hi - lo, widthM);
  }
  return lines;
}

/**
 * The area as the angle search sweeps it. Round headland joins give arcs of many short edges; a
 * few-centimetre simplification changes no swath count that matters and makes each of the ~80
 * sweeps tried several times cheaper.
 */
function coarseArea(area: PolygonM[], widthM: number): PolygonM[] {
  return area.map((p) => coarsePolygon(p, widthM));
}

/** How far the angle search's simplification may move a ring (a few centimetres; see {@link coarseArea}), m. */
export function coarseToleranceM(widthM: number): number {
  return Math.min(0.05, widthM / 50);
}

/** One polygon of {@link coarseArea}, kept per polygon: the per-cell search asks it twice of each merged pair (its bound, then its search). */
function coarsePolygon(p: PolygonM, widthM: number): PolygonM {
  const hit = coarse.get(p);
  if (hit && hit.widthM === widthM && hit.outer === p.outer && hit.holes === p.holes.length) return hit.polygon;
  const polygon = simplifyPolygon(p, coarseToleranceM(widthM));
  coarse.set(p, { widthM, outer: p.outer, holes: p.holes.length, polygon });
  return polygon;
}
const coarse = new WeakMap<PolygonM, { widthM: number; outer: PolygonM['outer']; holes: number; polygon: PolygonM }>();

/**
 * Swaths (pieces) of one polygon swept at `angleRad`, counted on the polygon the angle search
 * sweeps (its coarse copy), so a count here and one by {@link bestAngle} agree.
 */
export function swathsAt(p: PolygonM, angleRad: number, widthM: number): number {
  return sweepCount([coarsePolygon(p, widthM)], angleRad, widthM).pieces;
}

/**
 * A lower bound on the swaths {@link bestAngle} finds for one polygon at any angle: the swath
 * lines across its least width (the width of its hull between two parallel lines, least where
 * one runs along a hull edge), less a micrometre for rounding. Pieces are never fewer than lines.
 */
export function fewestSwaths(part: PolygonM, widthM: number): number {
  const hull = convexHull(coarsePolygon(part, widthM).outer);
  let least = Infinity;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i],
      b = hull[(i + 1) % hull.length];
    const l = hypot(b[0] - a[0], b[1] - a[1]);
    if (l < 1e-9) continue;
    let far = 0;
    for (const q of hull) far = Math.max(far, Math.abs((b[0] - a[0]) * (q[1] - a[1]) - (b[1] - a[1]) * (q[0] - a[0])) / l);
    least = Math.min(least, far);
  }
  return least === Infinity ? 1 : swathCount(least - 1e-6, widthM);
}

/**
 * Candidate angles: every edge direction of the field's hull and of the area's hulls (when
 * they have few edges: round offsets add many short ones), plus every `stepDeg`.
 */
export function candidateAngles(field: PolygonM, area: PolygonM[], stepDeg: number, fieldHull: XY[] = hullOf(field.outer)): number[] {
  const set = new Map<number, number>();
  const add = (a: number) => {
    let r = a % Math.PI;
    if (r < 0) r += Math.PI;
    set.set(Math.round(r * 1e6), r);
  };
  // a part that is the field itself (a per-cell region) adds the field hull's angles again: skipped
  const rings = [
    fieldHull,
    ...area
      .filter((p) => p !== field)
      .map((p) => hullOf(p.outer))
      .filter((h) => h.length <= 24),
  ];
  for (const ring of rings)
    for (let i = 0; i < ring.length; i++) {
      const a = ring[i],
        b = ring[(i + 1) % ring.length];
      if (hypot(b[0] - a[0], b[1] - a[1]) > 1e-6) add(Math.atan2(b[1] - a[1], b[0] - a[0]));
    }
  for (let d = 0; d < 180; d += stepDeg) add((d * Math.PI) / 180);
  return [...set.values()];
}

/**
 * Chooses the sweep angle that needs the fewest swaths, then the fewest cells; ties go to the
 * direction of the longest hull edge of the field (machines and farmers align with it), so
 * the choice is stable. Every hull edge direction is tried, plus a search every `stepDeg`
 * refined every `refineDeg` around the best.
 */
export function bestAngle(field: PolygonM, area: PolygonM[], widthM: number, stepDeg = 3, refineDeg = 0.5): AngleCost {
  const hull = hullOf(field.outer);
  let longest = 0,
    longestAngle = 0;
  for (let i = 0; i < hull.length; i++) {
    const a = hull[i],
      b = hull[(i + 1) % hull.length],
      l = hypot(b[0] - a[0], b[1] - a[1]);
    if (l > longest) [longest, longestAngle] = [l, Math.atan2(b[1] - a[1], b[0] - a[0])];
  }
  const deviation = (a: number) => {
    const d = Math.abs((((a - longestAngle) % Math.PI) + Math.PI) % Math.PI);
    return Math.min(d, Math.PI - d);
  };
  const coarse = coarseArea(area, widthM);
  let best: AngleCost | undefined;
  // pieces ≥ `least` and cells ≥ 1: an angle whose least piece count exceeds the best's cannot
  // win, nor can one that at best ties a one-cell best without a smaller deviation
  const cannotWin = (least: number, a: number) =>
    best !== undefined &&
    (least > best.swaths || (least === best.swaths && best.cells <= 1 && !(deviation(a) < deviation(best.angleRad) - 1e-9)));
  const consider = (a: number, lines = sweepLines(coarse, a, widthM)) => {
    // the line count first (the cheapest), then a closer bound from the crossings (piecesAtLeast)
    if (best && (cannotWin(lines, a) || cannotWin(piecesAtLeast(coarse, a, widthM, best.swaths), a))) return;
    const c = angleCost(coarse, a, widthM);
    if (
      !best ||
      c.swaths < best.swaths ||
      (c.swaths === best.swaths && (c.cells < best.cells || (c.cells === best.cells && deviation(a) < deviation(best.angleRad) - 1e-9)))
    )
      best = c;
  };
  // fewest lines first, so the bound above prunes most of the sweeps
  const candidates = candidateAngles(field, area, stepDeg, hull)
    .map((a) => ({ a, lines: sweepLines(coarse, a, widthM) }))
    .sort((u, v) => u.lines - v.lines);
  for (const { a, lines } of candidates) {
    // sorted: every angle after one with more lines than the best has pieces has more too
    if (best && lines > (best as AngleCost).swaths) break;
    consider(a, lines);
  }
  if (!best) return { angleRad: 0, swaths: 0, cells: 0 };
  // refine the coarse search around the winner
  const around = (best as AngleCost).angleRad;
  for (let d = -stepDeg; d <= stepDeg; d += refineDeg) if (d !== 0) consider(around + (d * Math.PI) / 180);
  return best;
}
