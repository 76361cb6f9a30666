/**
 * Polygon boolean operations for zones, with Angus Johnson's Clipper (clipper-lib, as the
 * geometry stage's offsets), on integer millimetres.
 */
import ClipperLib from 'clipper-lib';
import { signedArea } from '../geometry/index.js';
import type { PolygonM, Ring } from '../geometry/index.js';

const SCALE = 1000;

const toPath = (r: Ring): ClipperLib.Path => r.map(([x, y]) => ({ X: Math.round(x * SCALE), Y: Math.round(y * SCALE) }));
const fromPath = (p: ClipperLib.Path): Ring => p.map((q) => [q.X / SCALE, q.Y / SCALE]);

function addAll(c: ClipperLib.Clipper, polys: readonly PolygonM[], type: ClipperLib.PolyType): void {
  for (const p of polys) {
    c.AddPath(toPath(p.outer), type, true);
    for (const h of p.holes) c.AddPath(toPath(h), type, true);
  }
}

/** Runs one Clipper operation (even-odd fill, so ring winding does not matter). */
export function clipPolygons(op: 'intersection' | 'difference' | 'union', a: readonly PolygonM[], b: readonly PolygonM[]): PolygonM[] {
  const c = new ClipperLib.Clipper();
  addAll(c, a, ClipperLib.PolyType.ptSubject);
  addAll(c, b, ClipperLib.PolyType.ptClip);
  const type =
    op === 'intersection'
      ? ClipperLib.ClipType.ctIntersection
      : op === 'difference'
        ? ClipperLib.ClipType.ctDifference
        : ClipperLib.ClipType.ctUnion;
  const tree = new ClipperLib.PolyTree();
  c.Execute(type, tree, ClipperLib.PolyFillType.pftEvenOdd, ClipperLib.PolyFillType.pftEvenOdd);
  const out: PolygonM[] = [];
  for (const ex of ClipperLib.JS.PolyTreeToExPolygons(tree)) {
    const outer = fromPath(ex.outer);
    if (outer.length < 3) continue;
    out.push({ outer, holes: ex.holes.map(fromPath).filter((h) => h.length >= 3) });
  }
  return out;
}

/** Area of polygons with holes, m². */
export function polygonsAreaM2(polys: readonly PolygonM[]): number {
  return polys.reduce((a, p) => a + Math.abs(signedArea(p.outer)) - p.holes.reduce((b, h) => b + Math.abs(signedArea(h)), 0), 0);
}
