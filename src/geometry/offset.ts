import ClipperLib from 'clipper-lib';
import { signedArea, withWinding } from './ring.js';
import type { PolygonM, Ring } from './types.js';

/** Clipper works on integers: 1 unit = 1 mm. */
const SCALE = 1000;
/** Largest chord error on round joins: 1 cm (coverage and turn checks work to 5 cm). */
const ARC_TOLERANCE_M = 0.01;

function toPath(ring: Ring): ClipperLib.Path {
  return ring.map(([x, y]) => ({ X: Math.round(x * SCALE), Y: Math.round(y * SCALE) }));
}

function fromPath(path: ClipperLib.Path): Ring {
  return path.map((p) => [p.X / SCALE, p.Y / SCALE]);
}

/**
 * Offsets polygons (with holes) by `deltaM`: negative shrinks the worked area (insets the
 * outer ring, grows holes), positive grows it. Narrow parts may vanish or split into several
 * polygons; the result can be empty. Round joins give the exact offset curve (the locus of
 * points at that distance) to within `arcToleranceM` (default 1 cm), miter joins keep corners sharp
 * up to `miterLimit` times the offset from the vertex (Clipper's default 2; squared beyond it).
 *
 * Uses Angus Johnson's Clipper (clipper-lib), the de-facto offsetting library.
 */
export function offsetPolygons(
  polys: PolygonM[],
  deltaM: number,
  join: 'round' | 'miter' = 'round',
  arcToleranceM = ARC_TOLERANCE_M,
  miterLimit = 2,
): PolygonM[] {
  const co = new ClipperLib.ClipperOffset(miterLimit, arcToleranceM * SCALE);
  const jt = join === 'round' ? ClipperLib.JoinType.jtRound : ClipperLib.JoinType.jtMiter;
  for (const p of polys) {
    co.AddPath(toPath(withWinding(p.outer, true)), jt, ClipperLib.EndType.etClosedPolygon);
    for (const h of p.holes) co.AddPath(toPath(withWinding(h, false)), jt, ClipperLib.EndType.etClosedPolygon);
  }
  const tree = new ClipperLib.PolyTree();
  co.Execute(tree, deltaM * SCALE);
  return polyTreeToPolygons(tree);
}

/** The part of clipper-lib 6.4.2's ClipperOffset that {@link offsetRoundJoins} watches (not in its typings). */
interface OffsetJoins {
  DoRound(j: number, k: number): void;
}

/**
 * {@link offsetPolygons} with round joins, and whether Clipper joined any corner with an arc.
 * Clipper builds its raw outline vertex by vertex and picks the kind of join only at the
 * corners the offset pulls away from (reflex corners of an inset, convex ones of an outset;
 * `ClipperOffset.OffsetPoint`): elsewhere it adds the same points whatever the join. With no
 * such corner the raw outline, and so the cleaned-up result, is the same for every join type,
 * arc tolerance and miter limit: `joined` false says the mitred offset is this one too, and
 * the caller need not run Clipper's union (most of an offset's cost) again for it.
 *
 * @example
 * ```ts
 * const { polygons, joined } = offsetRoundJoins([field], -0.9);
 * const sharp = joined ? offsetPolygons([field], -0.9, 'miter', undefined, 10) : polygons;
 * ```
 */
export function offsetRoundJoins(
  polys: PolygonM[],
  deltaM: number,
  arcToleranceM = ARC_TOLERANCE_M,
): { polygons: PolygonM[]; joined: boolean } {
  const co = new ClipperLib.ClipperOffset(2, arcToleranceM * SCALE);
  let joined = false;
  const watched = co as unknown as OffsetJoins;
  const doRound = watched.DoRound;
  watched.DoRound = function (this: OffsetJoins, j: number, k: number) {
    joined = true;
    doRound.call(this, j, k);
  };
  for (const p of polys) {
    co.AddPath(toPath(withWinding(p.outer, true)), ClipperLib.JoinType.jtRound, ClipperLib.EndType.etClosedPolygon);
    for (const h of p.holes) co.AddPath(toPath(withWinding(h, false)), ClipperLib.JoinType.jtRound, ClipperLib.EndType.etClosedPolygon);
  }
  const tree = new ClipperLib.PolyTree();
  co.Execute(tree, deltaM * SCALE);
  return { polygons: polyTreeToPolygons(tree), joined };
}

/** Union of polygons (even-odd safe), as polygons with holes. */
export function unionPolygons(polys: PolygonM[]): PolygonM[] {
  const c = new ClipperLib.Clipper();
  for (const p of polys) {
    c.AddPath(toPath(withWinding(p.outer, true)), ClipperLib.PolyType.ptSubject, true);
    for (const h of p.holes) c.AddPath(toPath(withWinding(h, false)), ClipperLib.PolyType.ptSubject, true);
  }
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctUnion, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return polyTreeToPolygons(tree);
}

/** Intersection of polygons `a` with polygons `b` (each set read as a union), as polygons with holes. */
export function intersectPolygons(a: PolygonM[], b: PolygonM[]): PolygonM[] {
  const c = new ClipperLib.Clipper();
  const add = (polys: PolygonM[], type: ClipperLib.PolyType) => {
    for (const p of polys) {
      c.AddPath(toPath(withWinding(p.outer, true)), type, true);
      for (const h of p.holes) c.AddPath(toPath(withWinding(h, false)), type, true);
    }
  };
  add(a, ClipperLib.PolyType.ptSubject);
  add(b, ClipperLib.PolyType.ptClip);
  const tree = new ClipperLib.PolyTree();
  c.Execute(ClipperLib.ClipType.ctIntersection, tree, ClipperLib.PolyFillType.pftNonZero, ClipperLib.PolyFillType.pftNonZero);
  return polyTreeToPolygons(tree);
}

function polyTreeToPolygons(tree: ClipperLib.PolyTree): PolygonM[] {
  const out: PolygonM[] = [];
  for (const ex of ClipperLib.JS.PolyTreeToExPolygons(tree)) {
    const outer = fromPath(ex.outer);
    if (outer.length < 3 || Math.abs(signedArea(outer)) < 1e-4) continue;
    out.push({
      outer: withWinding(outer, true),
      holes: ex.holes
        .map(fromPath)
        .filter((h) => h.length >= 3)
        .map((h) => withWinding(h, false)),
    });
  }
  return out;
}
