/**
 * Small geometry the block stage needs beyond the geometry stage: clipping (Clipper, as the
 * geometry stage's offsets), distances to polylines and polygons, bounding boxes.
 */
import ClipperLib from 'clipper-lib';
import { distToRing, pointInPolygon, signedArea, withWinding, type PolygonM, type Ring, type XY, hypot } from '../geometry/index.js';

/** Clipper works on integers: 1 unit = 1 mm (as src/geometry/offset.ts). */
const SCALE = 1000;

const toPath = (ring: Ring, ccw: boolean): ClipperLib.Path =>
  withWinding(ring, ccw).map(([x, y]) => ({ X: Math.round(x * SCALE), Y: Math.round(y * SCALE) }));
const paths = (p: PolygonM): ClipperLib.Path[] => [toPath(p.outer, true), ...p.holes.map((h) => toPath(h, false))];

function clip(type: ClipperLib.ClipType, a: PolygonM[], b: PolygonM[]): PolygonM[] {
  const c = new ClipperLib.Clipper();
  for (const p of a) c.AddPaths(paths(p), ClipperLib.PolyType.ptSubject, true);
  for (const p of b) c.AddPaths(paths(p), ClipperLib.PolyType.ptClip, true);
  const tree = new ClipperLib.PolyTree();
  c.Execute(type, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  const out: PolygonM[] = [];
  for (const ex of ClipperLib.JS.PolyTreeToExPolygons(tree)) {
    const outer: Ring = ex.outer.map((q) => [q.X / SCALE, q.Y / SCALE]);
    if (outer.length < 3 || Math.abs(signedArea(outer)) < 1e-4) continue;
    out.push({
      outer: withWinding(outer, true),
      holes: ex.holes
        .filter((h) => h.length >= 3)
        .map((h) =>
          withWinding(
            h.map((q) => [q.X / SCALE, q.Y / SCALE] as XY),
            false,
          ),
        ),
    });
  }
  return out;
}

/** Area of a polygon with holes, m². */
export function polygonAreaM2(p: PolygonM): number {
  return Math.abs(signedArea(p.outer)) - p.holes.reduce((s, h) => s + Math.abs(signedArea(h)), 0);
}

/** Area two polygons have in common, m². */
export function overlapAreaM2(a: PolygonM, b: PolygonM): number {
  return clip(ClipperLib.ClipType.ctIntersection, [a], [b]).reduce((s, p) => s + polygonAreaM2(p), 0);
}

/** `a` minus every polygon of `cut`. */
export function subtractPolygons(a: PolygonM, cut: PolygonM[]): PolygonM[] {
  return clip(ClipperLib.ClipType.ctDifference, [a], cut);
}

/** True when two boxes, each grown by `marginM`, meet. */
export function boxesMeet(p: readonly number[], q: readonly number[], marginM = 0): boolean {
  return p[0] - marginM <= q[2] && q[0] - marginM <= p[2] && p[1] - marginM <= q[3] && q[1] - marginM <= p[3];
}

/** Distance from a point to a polygon: 0 inside, else to the nearest ring. */
export function distToPolygon(p: XY, poly: PolygonM): number {
  if (pointInPolygon(p, poly)) return 0;
  return Math.min(distToRing(p, poly.outer), ...poly.holes.map((h) => distToRing(p, h)));
}

/** Nearest point of a polyline to `p`: where, how far, and on which segment (index, and `t` 0–1 along it). */
export function nearestOnPolyline(p: XY, line: readonly XY[]): { at: XY; distM: number; segment: number; t: number } {
  let best = { at: line[0], distM: Infinity, segment: 0, t: 0 };
  for (let i = 1; i < line.length; i++) {
    const [a, b] = [line[i - 1], line[i]];
    const dx = b[0] - a[0],
      dy = b[1] - a[1],
      l2 = dx * dx + dy * dy;
    const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2)) : 0;
    const at: XY = [a[0] + t * dx, a[1] + t * dy];
    const d = hypot(p[0] - at[0], p[1] - at[1]);
    if (d < best.distM) best = { at, distM: d, segment: i - 1, t };
  }
  return best;
}
