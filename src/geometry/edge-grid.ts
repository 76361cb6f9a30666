import type { PolygonM } from './types.js';

/**
 * A polygon's edges in a uniform grid, so point-in-polygon and segment-crossing tests visit only
 * the edges near the point's row or the segment, not every edge. One plan tests thousands of
 * turn legs, transits and visibility lines against the same field polygon (real boundaries have
 * 50–300 vertices). The tests themselves are the plain loops' tests, edge by edge, with the same
 * arithmetic; the grid only skips edges that cannot pass them, so the answers are the same.
 */
export interface EdgeGrid {
  /** Edges as (ax, ay, bx, by): a the ring's previous vertex, b the next, as the plain loops read them. */
  edges: Float64Array;
  /** Ring of each edge: 0 outer, k the k-th hole. */
  ring: Int32Array;
  rings: number;
  x0: number;
  y0: number;
  cellM: number;
  nx: number;
  ny: number;
  /** CSR: cell c (row-major) holds edge indices idx[start[c] .. start[c + 1]). */
  start: Int32Array;
  idx: Int32Array;
  /** Last query that visited each edge (each edge tested once per query). */
  stamp: Int32Array;
  query: number;
}

/** Below this many edges the plain loops are as fast. */
const MIN_EDGES = 24;

interface Entry {
  outer: PolygonM['outer'];
  holes: number;
  uses: number;
  grid?: EdgeGrid;
}
const grids = new WeakMap<PolygonM, Entry>();

/**
 * Calls `visit(c)` for every grid cell the segment (ax, ay)–(bx, by) may touch: each row it
 * spans (rows by floor, monotone in y, so a point's row is always among its segment's rows),
 * the columns of its x-range within that row, one more on each side (rounding).
 */
function forCells(g: EdgeGrid, ax: number, ay: number, bx: number, by: number, visit: (c: number) => void): void {
  const { x0, y0, cellM, nx, ny } = g;
  const r0 = Math.max(0, Math.floor((Math.min(ay, by) - y0) / cellM));
  const r1 = Math.min(ny - 1, Math.floor((Math.max(ay, by) - y0) / cellM));
  const dy = by - ay;
  for (let r = r0; r <= r1; r++) {
    let xlo: number, xhi: number;
    if (dy === 0) [xlo, xhi] = ax < bx ? [ax, bx] : [bx, ax];
    else {
      const bandLo = y0 + r * cellM,
        bandHi = bandLo + cellM;
      let t0 = (bandLo - ay) / dy,
        t1 = (bandHi - ay) / dy;
      if (t0 > t1) [t0, t1] = [t1, t0];
      t0 = Math.max(0, t0);
      t1 = Math.min(1, t1);
      if (t0 > t1) continue;
      const u = ax + t0 * (bx - ax),
        v = ax + t1 * (bx - ax);
      [xlo, xhi] = u < v ? [u, v] : [v, u];
    }
    const c0 = Math.max(0, Math.floor((xlo - x0) / cellM) - 1),
      c1 = Math.min(nx - 1, Math.floor((xhi - x0) / cellM) + 1);
    for (let c = c0; c <= c1; c++) visit(r * nx + c);
  }
}

function buildGrid(poly: PolygonM): EdgeGrid {
  const rings = [poly.outer, ...poly.holes];
  let n = 0;
  for (const r of rings) n += r.length;
  const edges = new Float64Array(4 * n),
    ring = new Int32Array(n);
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity,
    e = 0;
  rings.forEach((rg, k) => {
    for (let i = 0, j = rg.length - 1; i < rg.length; j = i++) {
      const a = rg[j],
        b = rg[i];
      ring[e >> 2] = k;
      edges[e++] = a[0];
      edges[e++] = a[1];
      edges[e++] = b[0];
      edges[e++] = b[1];
      minX = Math.min(minX, b[0]);
      maxX = Math.max(maxX, b[0]);
      minY = Math.min(minY, b[1]);
      maxY = Math.max(maxY, b[1]);
    }
  });
  // about one cell per edge
  const cellM = Math.max(1e-3, Math.sqrt(((maxX - minX) * (maxY - minY)) / n), Math.max(maxX - minX, maxY - minY) / 256);
  const nx = Math.max(1, Math.ceil((maxX - minX) / cellM) + 1),
    ny = Math.max(1, Math.ceil((maxY - minY) / cellM) + 1);
  const g: EdgeGrid = {
    edges,
    ring,
    rings: rings.length,
    x0: minX,
    y0: minY,
    cellM,
    nx,
    ny,
    start: new Int32Array(nx * ny + 1),
    idx: new Int32Array(0),
    stamp: new Int32Array(n),
    query: 0,
  };
  const each = (visit: (k: number, c: number) => void) => {
    for (let k = 0; k < n; k++) forCells(g, edges[4 * k], edges[4 * k + 1], edges[4 * k + 2], edges[4 * k + 3], (c) => visit(k, c));
  };
  each((_, c) => g.start[c + 1]++);
  for (let c = 0; c < nx * ny; c++) g.start[c + 1] += g.start[c];
  const fill = g.start.slice(0, nx * ny);
  g.idx = new Int32Array(g.start[nx * ny]);
  each((k, c) => {
    g.idx[fill[c]++] = k;
  });
  return g;
}

/** The grid of a polygon with enough edges, built the second time the polygon is tested (a one-off test is cheaper without). */
export function edgeGridOf(poly: PolygonM): EdgeGrid | undefined {
  let entry = grids.get(poly);
  if (!entry || entry.outer !== poly.outer || entry.holes !== poly.holes.length) {
    entry = { outer: poly.outer, holes: poly.holes.length, uses: 0 };
    grids.set(poly, entry);
  }
  if (entry.grid) return entry.grid;
  if (++entry.uses < 2) return undefined;
  let n = poly.outer.length;
  for (const h of poly.holes) n += h.length;
  if (n < MIN_EDGES) return undefined;
  entry.grid = buildGrid(poly);
  return entry.grid;
}

/** Signed side of (cx, cy) relative to the line a→b, as `orient` in inside.ts computes it. */
function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/** Whether edge k passes the bounding-box filter and properly crosses p–q (segmentCrossesPolygon's tests). */
function edgeCrosses(g: EdgeGrid, k: number, px: number, py: number, qx: number, qy: number): boolean {
  const { edges } = g;
  const e = 4 * k,
    ax = edges[e],
    ay = edges[e + 1],
    bx = edges[e + 2],
    by = edges[e + 3];
  if (
    Math.max(ax, bx) < Math.min(px, qx) ||
    Math.min(ax, bx) > Math.max(px, qx) ||
    Math.max(ay, by) < Math.min(py, qy) ||
    Math.min(ay, by) > Math.max(py, qy)
  )
    return false;
  const d1 = orient(ax, ay, bx, by, px, py),
    d2 = orient(ax, ay, bx, by, qx, qy);
  const d3 = orient(px, py, qx, qy, ax, ay),
    d4 = orient(px, py, qx, qy, bx, by);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/** `segmentCrossesPolygon` on the grid: the same bounding-box filter and proper-crossing test per edge, over the cells of {@link forCells}. */
export function gridSegmentCrosses(g: EdgeGrid, px: number, py: number, qx: number, qy: number): boolean {
  const q = ++g.query;
  const { idx, start, stamp, x0, y0, cellM, nx, ny } = g;
  // the rows and columns forCells visits, written out (this runs once per visibility test)
  const r0 = Math.max(0, Math.floor((Math.min(py, qy) - y0) / cellM));
  const r1 = Math.min(ny - 1, Math.floor((Math.max(py, qy) - y0) / cellM));
  const dy = qy - py;
  for (let r = r0; r <= r1; r++) {
    let xlo: number, xhi: number;
    if (dy === 0) [xlo, xhi] = px < qx ? [px, qx] : [qx, px];
    else {
      const bandLo = y0 + r * cellM,
        bandHi = bandLo + cellM;
      let t0 = (bandLo - py) / dy,
        t1 = (bandHi - py) / dy;
      if (t0 > t1) [t0, t1] = [t1, t0];
      t0 = Math.max(0, t0);
      t1 = Math.min(1, t1);
      if (t0 > t1) continue;
      const u = px + t0 * (qx - px),
        v = px + t1 * (qx - px);
      [xlo, xhi] = u < v ? [u, v] : [v, u];
    }
    const c0 = Math.max(0, Math.floor((xlo - x0) / cellM) - 1),
      c1 = Math.min(nx - 1, Math.floor((xhi - x0) / cellM) + 1);
    for (let c = r * nx + c0, end = r * nx + c1; c <= end; c++)
      for (let m = start[c], stop = start[c + 1]; m < stop; m++) {
        const k = idx[m];
        if (stamp[k] === q) continue;
        stamp[k] = q;
        if (edgeCrosses(g, k, px, py, qx, qy)) return true;
      }
  }
  return false;
}

/** Each ring's crossing parity, reused by every {@link gridPointInPolygon} call (one per point tested). */
let parityScratch = new Uint8Array(8);

/**
 * `pointInPolygon` on the grid: each ring's even-odd count of the edges a ray to +x crosses
 * (the test of `pointInRing`), over the edges of the point's row. A closed ring meets the line
 * y in an even number of edges (by the y test alone), so the count to +x has the parity of the
 * count of the others: the shorter side of the row is scanned.
 */
export function gridPointInPolygon(g: EdgeGrid, x: number, y: number): boolean {
  const r = Math.floor((y - g.y0) / g.cellM);
  if (r < 0 || r >= g.ny) return false;
  const q = ++g.query;
  const { edges, idx, start, stamp, ring, nx } = g;
  if (parityScratch.length < g.rings) parityScratch = new Uint8Array(2 * g.rings);
  const parity = parityScratch;
  parity.fill(0, 0, g.rings);
  const col = Math.floor((x - g.x0) / g.cellM);
  const right = col >= nx / 2;
  const [c0, c1] = right ? [Math.max(0, col - 1), nx - 1] : [0, Math.min(nx - 1, col + 1)];
  for (let c = r * nx + c0, end = r * nx + c1; c <= end; c++)
    for (let m = start[c], stop = start[c + 1]; m < stop; m++) {
      const k = idx[m];
      if (stamp[k] === q) continue;
      stamp[k] = q;
      // pointInRing names the edge's vertices i (next, b) and j (previous, a)
      const e = 4 * k,
        xj = edges[e],
        yj = edges[e + 1],
        xi = edges[e + 2],
        yi = edges[e + 3];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi === right) parity[ring[k]] ^= 1;
    }
  if (!parity[0]) return false;
  for (let k = 1; k < g.rings; k++) if (parity[k]) return false;
  return true;
}
