/**
 * The per-cell search as it was before its slabs read only their band (src/plan/swaths/band-ring.ts)
 * and before it stopped searching a direction that cannot win (test-only oracle;
 * tests/plan/per-cell-prune.test.ts holds the current one equal to it).
 */
import { intersectPolygons, rotatePolygon, signedArea, unionPolygons, hypot } from '../../../src/geometry/index.js';
import type { PolygonM, XY } from '../../../src/geometry/index.js';
import { bestAngle, coarseToleranceM, fewestSwaths, swathsAt } from '../../../src/plan/swaths/best-angle.js';
import { swathCount } from '../../../src/plan/swaths/sweep-swaths.js';
import { hullOf } from '../../../src/plan/swaths/hull-cache.js';
import { boxesApart, regionBox, type RegionBox } from '../../../src/plan/swaths/region-box.js';

/** A region of the area worked at one angle. */
interface AngleRegion {
  polygon: PolygonM;
  angleRad: number;
  /** Swath pieces at that angle (the angle search's count). */
  swaths: number;
}

/** A notch corner: an outer-ring vertex whose interior angle exceeds 180° by more than this. */
const NOTCH_TURN_RAD = (30 * Math.PI) / 180;
/** Parts filling more than this share of their convex hull are swept at one angle. */
const MIN_HULL_SHARE = 0.9;
/** At most this many cut levels per direction (real boundaries have many small dents). */
const MAX_CUTS = 6;

/** A notch corner: where the field turns inwards between two long edges, and the edges' directions. */
interface Notch {
  /** End of the incoming long edge and start of the outgoing one (the same point at a sharp corner). */
  points: [XY, XY];
  dirs: [number, number];
}

/**
 * Notch corners of a polygon's outer ring (counter-clockwise): between two consecutive edges at
 * least `minEdgeM` long, the ring turns right by more than {@link NOTCH_TURN_RAD}. Short edges
 * between them (the arc an inward offset puts at a notch, a surveyor's small steps) are part of
 * the corner.
 */
function notchCorners(p: PolygonM, minEdgeM: number): Notch[] {
  const r = p.outer,
    n = r.length;
  const long: number[] = [];
  for (let i = 0; i < n; i++) if (hypot(r[(i + 1) % n][0] - r[i][0], r[(i + 1) % n][1] - r[i][1]) >= minEdgeM) long.push(i);
  const out: Notch[] = [];
  for (let k = 0; k < long.length; k++) {
    const i = long[k],
      j = long[(k + 1) % long.length];
    const a = r[i],
      b = r[(i + 1) % n],
      c = r[j],
      d = r[(j + 1) % n];
    const e1: XY = [b[0] - a[0], b[1] - a[1]],
      e2: XY = [d[0] - c[0], d[1] - c[1]];
    const turn = Math.atan2(e1[0] * e2[1] - e1[1] * e2[0], e1[0] * e2[0] + e1[1] * e2[1]);
    if (turn < -NOTCH_TURN_RAD) out.push({ points: [b, c], dirs: [Math.atan2(e1[1], e1[0]), Math.atan2(e2[1], e2[0])] });
  }
  return out;
}

/** Slabs of `part` between cut lines at `levels` (in the frame rotated by −dir), in the world frame. */
function slabs(part: PolygonM, dir: number, levels: number[]): PolygonM[] {
  const rot = rotatePolygon(part, -dir);
  let x0 = Infinity,
    x1 = -Infinity,
    y0 = Infinity,
    y1 = -Infinity;
  for (const [x, y] of rot.outer) [x0, x1, y0, y1] = [Math.min(x0, x), Math.max(x1, x), Math.min(y0, y), Math.max(y1, y)];
  const cuts = [y0 - 1, ...levels.filter((y) => y > y0 + 0.5 && y < y1 - 0.5), y1 + 1];
  const out: PolygonM[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const box: PolygonM = {
      outer: [
        [x0 - 1, cuts[k]],
        [x1 + 1, cuts[k]],
        [x1 + 1, cuts[k + 1]],
        [x0 - 1, cuts[k + 1]],
      ],
      holes: [],
    };
    for (const piece of intersectPolygons([rot], [box])) out.push(rotatePolygon(piece, dir));
  }
  return out;
}

function region(polygon: PolygonM, widthM: number): AngleRegion {
  const c = bestAngle(polygon, [polygon], widthM);
  return { polygon, angleRad: c.angleRad, swaths: c.swaths };
}

/**
 * The pair merged into one region where one of their two angles serves both: the union swept at
 * that angle needs no more swaths than the two apart (the fewer of the two angles wins, the
 * first on a tie). Undefined when they do not touch or neither angle serves. A third angle is
 * not searched: cells are merged where one angle serves both (issue 17), and each try is then
 * two counts instead of an angle search of the union.
 */
function merged(a: AngleRegion, b: AngleRegion, widthM: number): AngleRegion | undefined {
  const limit = a.swaths + b.swaths;
  // an angle whose swath lines across the pair alone exceed the limit cannot serve: no union needed
  const angles = (a.angleRad === b.angleRad ? [a.angleRad] : [a.angleRad, b.angleRad]).filter(
    (angleRad) => linesAcrossAtLeast(a.polygon, b.polygon, angleRad, widthM) <= limit,
  );
  if (angles.length === 0) return undefined;
  const u = unionPolygons([a.polygon, b.polygon]);
  if (u.length !== 1) return undefined;
  let best: AngleRegion | undefined;
  for (const angleRad of angles) {
    const swaths = swathsAt(u[0], angleRad, widthM);
    if (swaths <= limit && (!best || swaths < best.swaths)) best = { polygon: u[0], angleRad, swaths };
  }
  if (best) unsearched.add(best);
  return best;
}

/**
 * A lower bound on the swaths of the union of `a` and `b` swept at `angleRad` (as {@link swathsAt}
 * counts them): the swath lines across the two outer rings' joint height, less what the union's
 * rounding (1 mm) and the count's simplification (its tolerance at each end) can take off it.
 * Pieces are never fewer than lines (the angle search's bound, see sweepLines).
 */
function linesAcrossAtLeast(a: PolygonM, b: PolygonM, angleRad: number, widthM: number): number {
  const c = Math.cos(angleRad),
    s = Math.sin(angleRad);
  let lo = Infinity,
    hi = -Infinity;
  for (const ring of [a.outer, b.outer])
    for (const [x, y] of ring) {
      const v = -x * s + y * c;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  return swathCount(hi - lo - 2 * coarseToleranceM(widthM) - 0.002, widthM);
}

/** Merged regions kept at one of their halves' angles, not yet searched on their own. */
const unsearched = new WeakSet<AngleRegion>();

/**
 * Merges touching regions while one angle serves the pair with no more swaths than the two apart.
 * A pair that did not merge is not tried again after another pair merged (the same two regions
 * give the same answer): each pair's union and counts run once. A pair whose boxes in
 * the cut frame ({@link RegionBox}) lie apart is not tried at all: its union is two polygons.
 */
function mergeRegions(regions: AngleRegion[], widthM: number, dir: number): AngleRegion[] {
  const list = regions.slice();
  const boxes = new Map<AngleRegion, RegionBox>();
  for (const r of regions) boxes.set(r, regionBox(r.polygon, dir));
  const failed = new Map<AngleRegion, Set<AngleRegion>>();
  const tried = (a: AngleRegion, b: AngleRegion) => failed.get(a)?.has(b) === true;
  for (let again = true; again; ) {
    again = false;
    for (let i = 0; i < list.length && !again; i++)
      for (let j = i + 1; j < list.length && !again; j++) {
        if (tried(list[i], list[j])) continue;
        const [ba, bb] = [boxes.get(list[i])!, boxes.get(list[j])!];
        const r = boxesApart(ba, bb) ? undefined : merged(list[i], list[j], widthM);
        if (!r) {
          if (!failed.has(list[i])) failed.set(list[i], new Set());
          failed.get(list[i])!.add(list[j]);
          continue;
        }
        boxes.set(r, regionBox(r.polygon, dir));
        list.splice(j, 1);
        list[i] = r;
        again = true;
      }
  }
  return list;
}

/**
 * Regions of `part` with their own sweep angles, or undefined when the part fills over 90 % of
 * its convex hull or has no notch corner (one angle is then as good as any split). Cut directions
 * tried: the edges meeting at each notch corner; cut levels: the notch corners. The split with
 * the fewest swaths wins; a single region means no split.
 *
 * @param part - one connected part of the swath area, world frame
 * @param widthM - implement width
 * @param maxSwaths - given when the part is the whole area and a split is only of use with at
 *   most this many swaths: then undefined also when no split is of use (its best is one region
 *   or needs more), and a direction whose regions cannot come under it (by their bound,
 *   {@link fewestSwaths}) is not searched
 */
export function perCellRegions(part: PolygonM, widthM: number, maxSwaths?: number): AngleRegion[] | undefined {
  // a part that fills most of its hull has no arm worth its own angle (saves the search on the
  // many near-convex fields whose edges only have small dents)
  if (signedArea(part.outer) > MIN_HULL_SHARE * signedArea(hullOf(part.outer))) return undefined;
  const notches = notchCorners(part, 2 * widthM);
  if (notches.length === 0) return undefined;
  const dirs = [...new Set(notches.flatMap((n) => n.dirs.map(normDir)))].slice(0, 3);
  const merges = dirs.map((dir) =>
    mergeRegions(
      slabs(part, dir, cutLevels(notches, dir)).map((p) => region(p, widthM)),
      widthM,
      dir,
    ),
  );
  const limited = maxSwaths !== undefined;
  // every direction merged back into one region: no split (its angle search is not needed)
  if (limited && merges.every((m) => m.length < 2)) return undefined;
  let best: AngleRegion[] | undefined,
    bestSwaths = Infinity;
  for (const list of merges) {
    // over the limit even by the bound: this direction cannot give the split kept, nor a useful one
    if (limited && leastTotal(list, widthM) > maxSwaths) continue;
    // a merged region was kept at one of its halves' angles: its own best angle may need fewer
    const regions = list.map((r) => (unsearched.has(r) ? region(r.polygon, widthM) : r));
    const total = regions.reduce((a, r) => a + r.swaths, 0);
    if (total < bestSwaths) [best, bestSwaths] = [regions, total];
  }
  if (limited && (!best || best.length < 2 || bestSwaths > maxSwaths)) return undefined;
  return best;
}

/** A lower bound on the regions' swaths once each is searched: a searched region's own, else {@link fewestSwaths}. */
function leastTotal(list: AngleRegion[], widthM: number): number {
  let total = 0;
  for (const r of list) total += unsearched.has(r) ? fewestSwaths(r.polygon, widthM) : r.swaths;
  return total;
}

/** A direction modulo 180°, rounded to 0.1 mrad so the two edges of a straight cut compare equal. */
function normDir(d: number): number {
  return Math.round((((d % Math.PI) + Math.PI) % Math.PI) * 1e4) / 1e4;
}

/** Cut levels of direction `dir` (across it, in the frame rotated by −dir): one per notch, at most {@link MAX_CUTS}. */
function cutLevels(notches: Notch[], dir: number): number[] {
  const c = Math.cos(dir),
    s = Math.sin(dir);
  // cut along the notch edge that runs this way (its line through the field), else through the corner
  const at = (n: Notch) => n.points[normDir(n.dirs[1]) === dir ? 1 : 0];
  return [...new Set(notches.map((n) => Math.round((-at(n)[0] * s + at(n)[1] * c) * 1e3) / 1e3))].sort((a, b) => a - b).slice(0, MAX_CUTS);
}
