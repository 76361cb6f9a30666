import type { PolygonM, XY } from '../../geometry/types.js';

/** A polygon edge oriented upwards (a.y < b.y). */
interface Edge {
  a: XY;
  b: XY;
}

/** A trapezoid of a cell: between heights y0 and y1, bounded by a left and a right edge. */
export interface Trapezoid {
  y0: number;
  y1: number;
  left: Edge;
  right: Edge;
}

/**
 * A cell of the boustrophedon decomposition, in the sweep frame (swaths run along x):
 * a stack of trapezoids, bottom to top, so every horizontal line meets it in one interval.
 */
export interface SweepCell {
  traps: Trapezoid[];
  y0: number;
  y1: number;
}

function xAt(e: Edge, y: number): number {
  const dy = e.b[1] - e.a[1];
  return dy === 0 ? e.a[0] : e.a[0] + ((y - e.a[1]) / dy) * (e.b[0] - e.a[0]);
}

/** The interval of a cell at height y (clamped to the cell), or undefined outside it. */
export function cellIntervalAt(cell: SweepCell, y: number): [number, number] | undefined {
  for (const t of cell.traps) if (y >= t.y0 - 1e-9 && y <= t.y1 + 1e-9) return [xAt(t.left, y), xAt(t.right, y)];
  return undefined;
}

/**
 * Boustrophedon cellular decomposition (Choset 2000) of polygons already rotated so the
 * sweep lines are horizontal. The plane is cut into slabs at every vertex height; each slab
 * meets the polygons in trapezoids; vertically adjacent trapezoids join one cell while the
 * connection is one-to-one, and a split or merge (a hole, a concave notch) starts new cells.
 *
 * @param polys - polygons in the sweep frame (outer CCW, holes CW)
 * @returns cells ordered bottom to top
 */
export function decompose(polys: PolygonM[]): SweepCell[] {
  const edges: Edge[] = [];
  const ys: number[] = [];
  for (const p of polys)
    for (const ring of [p.outer, ...p.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const u = ring[j], v = ring[i];
        ys.push(v[1]);
        if (u[1] === v[1]) continue;
        edges.push(u[1] < v[1] ? { a: u, b: v } : { a: v, b: u });
      }
  ys.sort((a, b) => a - b);
  const levels: number[] = [];
  for (const y of ys) if (levels.length === 0 || y - levels[levels.length - 1] > 1e-7) levels.push(y);
  edges.sort((e, f) => e.a[1] - f.a[1]);

  // Sweep the slabs, keeping the edges that span the current slab.
  let active: Edge[] = [];
  let next = 0;
  let below: { trap: Trapezoid; cell: SweepCell; ups: number }[] = [];
  const cells: SweepCell[] = [];
  for (let k = 0; k + 1 < levels.length; k++) {
    const y0 = levels[k], y1 = levels[k + 1], ym = (y0 + y1) / 2;
    active = active.filter((e) => e.b[1] > ym);
    while (next < edges.length && edges[next].a[1] < ym) {
      if (edges[next].b[1] > ym) active.push(edges[next]);
      next++;
    }
    const sorted = active.map((e) => ({ e, x: xAt(e, ym) })).sort((p, q) => p.x - q.x);
    const here: { trap: Trapezoid; cell: SweepCell; ups: number }[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      const trap: Trapezoid = { y0, y1, left: sorted[i].e, right: sorted[i + 1].e };
      // Trapezoids below that touch this one along y0.
      const l = xAt(trap.left, y0), r = xAt(trap.right, y0);
      const downs = below.filter((d) => Math.min(r, xAt(d.trap.right, y0)) - Math.max(l, xAt(d.trap.left, y0)) > 1e-9);
      let cell: SweepCell;
      if (downs.length === 1 && downs[0].ups === 0 && countUps(downs[0].trap, sorted, y0) === 1) {
        cell = downs[0].cell;
        cell.traps.push(trap);
        cell.y1 = y1;
      } else {
        cell = { traps: [trap], y0, y1 };
        cells.push(cell);
      }
      for (const d of downs) d.ups++;
      here.push({ trap, cell, ups: 0 });
    }
    below = here;
  }
  return cells;
}

/** How many trapezoids of the slab above touch `trap` along its top (height y). */
function countUps(trap: Trapezoid, sortedAbove: { e: Edge; x: number }[], y: number): number {
  const l = xAt(trap.left, y), r = xAt(trap.right, y);
  let n = 0;
  for (let i = 0; i + 1 < sortedAbove.length; i += 2) {
    const ul = xAt(sortedAbove[i].e, y), ur = xAt(sortedAbove[i + 1].e, y);
    if (Math.min(r, ur) - Math.max(l, ul) > 1e-9) n++;
  }
  return n;
}

/** The outline of a cell (sweep frame), counter-clockwise: right chain up, left chain down. */
export function cellOutline(cell: SweepCell): XY[] {
  const right: XY[] = [], left: XY[] = [];
  for (const t of cell.traps) {
    right.push([xAt(t.right, t.y0), t.y0]);
    left.push([xAt(t.left, t.y0), t.y0]);
  }
  const top = cell.traps[cell.traps.length - 1];
  right.push([xAt(top.right, top.y1), top.y1]);
  left.push([xAt(top.left, top.y1), top.y1]);
  return [...right, ...left.reverse()];
}
