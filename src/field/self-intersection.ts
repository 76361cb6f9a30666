import type { Ring, XY } from '../geometry/index.js';

/** Where two edges of a polygon meet when they should not. */
export interface RingCrossing {
  tooComplex?: false;
  /** Ring of the first edge (0 = outer) and the edge index (edge k joins vertex k and k+1). */
  ringA: number;
  edgeA: number;
  ringB: number;
  edgeB: number;
  /** `cross`: edges cross; `touch`: an endpoint lies on the other edge; `overlap`: collinear overlap. */
  kind: 'cross' | 'touch' | 'overlap';
  /** A point where they meet, in metres. */
  point: XY;
}

/**
 * Finds a place where the rings of one polygon cross or touch: an edge crossing another edge
 * of the same ring (not its neighbours), a ring touching itself at a vertex, a spike folding
 * back along its neighbour, or two rings meeting at any point (a hole must not touch the outer
 * ring or another hole). Returns the first found, or `undefined` when the rings are simple and
 * disjoint.
 *
 * Edges are put into a uniform grid of about one cell per edge (each edge into every cell its
 * span of columns and rows reaches), and only edges sharing a cell are tested: close to linear
 * time for field boundaries (100,000 vertices in well under a second).
 *
 * Crowded boundaries (very many long edges a few mm apart, e.g. a 50,000-spike star) would need
 * far more pair tests; past `maxPairTests` the function returns a {@link TooComplex} marker
 * instead of working for minutes.
 *
 * @param rings - open rings in metres
 * @param maxPairTests - most edge-pair tests to run; default no limit
 * @example
 * findRingCrossing([[[0, 0], [10, 10], [10, 0], [0, 10]]]); // bow-tie: { kind: 'cross', ... }
 */
export function findRingCrossing(rings: readonly Ring[], maxPairTests = Infinity): RingCrossing | TooComplex | undefined {
  const edges = flattenEdges(rings);
  const n = edges.ring.length;
  if (n === 0) return undefined;
  if (n <= SMALL_N) return allPairs(edges, rings);
  const { cellStart, cellItems } = buildGrid(edges);
  const pairTests = countPairTests(cellStart);
  if (pairTests > maxPairTests) return { tooComplex: true, pairTests };
  for (let c = 0; c + 1 < cellStart.length; c++) {
    const from = cellStart[c];
    const to = cellStart[c + 1];
    for (let i = from; i < to; i++) {
      for (let j = i + 1; j < to; j++) {
        const hit = testPair(edges, rings, cellItems[i], cellItems[j]);
        if (hit) return hit;
      }
    }
  }
  return undefined;
}

/** Up to this many edges every pair is tested directly: cheaper than building a grid (≤ 2,016 pairs). */
const SMALL_N = 64;

function allPairs(edges: Edges, rings: readonly Ring[]): RingCrossing | undefined {
  const n = edges.ring.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const hit = testPair(edges, rings, i, j);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** Returned instead of testing when the grid would need more than `maxPairTests` edge-pair tests. */
export interface TooComplex {
  tooComplex: true;
  /** Edge-pair tests the grid would need. */
  pairTests: number;
}

/** Edge pairs sharing a cell, summed over cells: the work the test would do. */
function countPairTests(cellStart: Int32Array): number {
  let pairs = 0;
  for (let c = 0; c + 1 < cellStart.length; c++) {
    const k = cellStart[c + 1] - cellStart[c];
    pairs += (k * (k - 1)) / 2;
  }
  return pairs;
}

interface Edges {
  ring: Int32Array;
  index: Int32Array;
  ax: Float64Array;
  ay: Float64Array;
  bx: Float64Array;
  by: Float64Array;
}

function flattenEdges(rings: readonly Ring[]): Edges {
  let n = 0;
  for (const r of rings) n += r.length;
  const e: Edges = {
    ring: new Int32Array(n),
    index: new Int32Array(n),
    ax: new Float64Array(n),
    ay: new Float64Array(n),
    bx: new Float64Array(n),
    by: new Float64Array(n),
  };
  let k = 0;
  rings.forEach((r, ri) => {
    for (let i = 0; i < r.length; i++, k++) {
      const a = r[i];
      const b = r[(i + 1) % r.length];
      e.ring[k] = ri;
      e.index[k] = i;
      e.ax[k] = a[0];
      e.ay[k] = a[1];
      e.bx[k] = b[0];
      e.by[k] = b[1];
    }
  });
  return e;
}

/** A uniform grid over the edges' bounding box, about one edge per cell. */
interface BucketGrid {
  minX: number;
  minY: number;
  cols: number;
  rows: number;
  cellW: number;
  cellH: number;
}

function gridOver(e: Edges): BucketGrid {
  const n = e.ring.length;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let k = 0; k < n; k++) {
    minX = Math.min(minX, e.ax[k]);
    maxX = Math.max(maxX, e.ax[k]);
    minY = Math.min(minY, e.ay[k]);
    maxY = Math.max(maxY, e.ay[k]);
  }
  const width = Math.max(maxX - minX, 1e-9);
  const height = Math.max(maxY - minY, 1e-9);
  const side = Math.max(Math.sqrt((width * height) / n), Math.max(width, height) / n);
  const cols = Math.max(1, Math.min(n, Math.ceil(width / side)));
  const rows = Math.max(1, Math.min(n, Math.ceil(height / side)));
  return { minX, minY, cols, rows, cellW: width / cols, cellH: height / rows };
}

const colOf = (grid: BucketGrid, x: number) => Math.min(grid.cols - 1, Math.max(0, Math.floor((x - grid.minX) / grid.cellW)));
const rowOf = (grid: BucketGrid, y: number) => Math.min(grid.rows - 1, Math.max(0, Math.floor((y - grid.minY) / grid.cellH)));

/**
 * Visits the cells edge k reaches (per column it spans, the rows of its y-range there): counts it
 * per cell (`fill` undefined), or files it in the cells' buckets (no closures: this runs per edge).
 */
function bucketEdge(e: Edges, k: number, grid: BucketGrid, count: Int32Array, cellItems: Int32Array, fill?: Int32Array): void {
  const ax = e.ax[k],
    ay = e.ay[k],
    bx = e.bx[k],
    by = e.by[k];
  const c0 = colOf(grid, Math.min(ax, bx)),
    c1 = colOf(grid, Math.max(ax, bx));
  const dx = bx - ax;
  for (let c = c0; c <= c1; c++) {
    let ya = ay,
      yb = by;
    if (c0 !== c1 && dx !== 0) {
      const xl = Math.max(Math.min(ax, bx), grid.minX + c * grid.cellW);
      const xr = Math.min(Math.max(ax, bx), grid.minX + (c + 1) * grid.cellW);
      ya = ay + ((xl - ax) / dx) * (by - ay);
      yb = ay + ((xr - ax) / dx) * (by - ay);
    }
    const r0 = rowOf(grid, Math.min(ya, yb) - 1e-9),
      r1 = rowOf(grid, Math.max(ya, yb) + 1e-9);
    for (let r = r0; r <= r1; r++) {
      const cell = r * grid.cols + c;
      if (!fill) count[cell + 1]++;
      else cellItems[fill[cell]++] = k;
    }
  }
}

/** Compressed bucket lists: edges of cell c are cellItems[cellStart[c] .. cellStart[c+1]). */
function buildGrid(e: Edges): { cellStart: Int32Array; cellItems: Int32Array } {
  const n = e.ring.length;
  const grid = gridOver(e);
  const cells = grid.cols * grid.rows;
  const count = new Int32Array(cells + 1);
  // two passes: count the edges per cell, then fill the buckets
  const noItems = new Int32Array(0);
  for (let k = 0; k < n; k++) bucketEdge(e, k, grid, count, noItems);
  for (let c = 0; c < cells; c++) count[c + 1] += count[c];
  const cellItems = new Int32Array(count[cells]);
  const fill = count.slice(0, cells);
  for (let k = 0; k < n; k++) bucketEdge(e, k, grid, count, cellItems, fill);
  return { cellStart: count, cellItems };
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** True when c (known collinear with a-b) lies within the closed segment a-b. */
const onSegment = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

/** Scratch for the meeting point of the last hit: no allocation per pair. */
const HIT = new Float64Array(2);
const NONE = 0,
  CROSS = 1,
  TOUCH = 2,
  OVERLAP = 3;
const KINDS = ['none', 'cross', 'touch', 'overlap'] as const;

function testPair(e: Edges, rings: readonly Ring[], i: number, j: number): RingCrossing | undefined {
  const code = pairCode(e, rings, i, j);
  if (code === NONE) return undefined;
  return {
    ringA: e.ring[i],
    edgeA: e.index[i],
    ringB: e.ring[j],
    edgeB: e.index[j],
    kind: KINDS[code] as RingCrossing['kind'],
    point: [HIT[0], HIT[1]],
  };
}

const setHit = (x: number, y: number, code: number) => {
  HIT[0] = x;
  HIT[1] = y;
  return code;
};

/** NONE when the two edges may meet as they do; else CROSS, TOUCH or OVERLAP with the point in HIT. */
function pairCode(e: Edges, rings: readonly Ring[], i: number, j: number): number {
  const ax = e.ax[i],
    ay = e.ay[i],
    bx = e.bx[i],
    by = e.by[i];
  const cx = e.ax[j],
    cy = e.ay[j],
    dx = e.bx[j],
    dy = e.by[j];
  // Quick reject on bounding boxes.
  if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) return NONE;
  if (Math.max(ay, by) < Math.min(cy, dy) || Math.max(cy, dy) < Math.min(ay, by)) return NONE;
  if (e.ring[i] === e.ring[j]) {
    const len = rings[e.ring[i]].length;
    const d = Math.abs(e.index[i] - e.index[j]);
    if (d === 1 || d === len - 1) return adjacentOverlap(e, i, j, len);
  }
  const o1 = orient(ax, ay, bx, by, cx, cy);
  const o2 = orient(ax, ay, bx, by, dx, dy);
  const o3 = orient(cx, cy, dx, dy, ax, ay);
  const o4 = orient(cx, cy, dx, dy, bx, by);
  if (((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0))) {
    const t = o3 / (o3 - o4);
    return setHit(ax + t * (bx - ax), ay + t * (by - ay), CROSS);
  }
  if (o1 !== 0 && o2 !== 0 && o3 !== 0 && o4 !== 0) return NONE;
  const kind = o1 === 0 && o2 === 0 && collinearOverlapLength(ax, ay, bx, by, cx, cy, dx, dy) > 0 ? OVERLAP : TOUCH;
  if (o1 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return setHit(cx, cy, kind);
  if (o2 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return setHit(dx, dy, kind);
  if (o3 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return setHit(ax, ay, kind);
  if (o4 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return setHit(bx, by, kind);
  return NONE;
}

/** Length of the shared part of two collinear segments, measured along the wider axis. */
function collinearOverlapLength(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): number {
  const useX = Math.abs(bx - ax) >= Math.abs(by - ay);
  const [a0, a1] = useX ? [Math.min(ax, bx), Math.max(ax, bx)] : [Math.min(ay, by), Math.max(ay, by)];
  const [c0, c1] = useX ? [Math.min(cx, dx), Math.max(cx, dx)] : [Math.min(cy, dy), Math.max(cy, dy)];
  return Math.min(a1, c1) - Math.max(a0, c0);
}

/** Neighbouring edges share a vertex; they are bad only when they fold back on each other. */
function adjacentOverlap(e: Edges, i: number, j: number, len: number): number {
  // Order so that edge `p` ends where edge `q` starts (p = k, q = k+1 mod len).
  const forward = (e.index[i] + 1) % len === e.index[j];
  const p = forward ? i : j;
  const q = forward ? j : i;
  const ax = e.ax[p],
    ay = e.ay[p],
    bx = e.bx[p],
    by = e.by[p],
    cx = e.bx[q],
    cy = e.by[q];
  if (orient(ax, ay, bx, by, cx, cy) !== 0) return NONE;
  const dot = (ax - bx) * (cx - bx) + (ay - by) * (cy - by);
  return dot > 0 ? setHit(bx, by, OVERLAP) : NONE;
}
