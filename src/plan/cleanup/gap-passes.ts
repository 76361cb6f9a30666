/**
 * Gap passes: short extra working passes over the strips the headland laps and swaths leave
 * uncovered. They appear where an inward headland lap vanishes in a spike narrower than two
 * lap widths (the strip between the last lap that fits and the spike's medial axis), and at
 * oblique swath ends. Found on the footprint raster, so they follow what was actually planned.
 */
import { polylineInside, hypot } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import type { CoverageGrid } from '../metrics/coverage.js';
import { cellCounts } from '../metrics/cell-counts.js';

/** Options of {@link gapPasses}. */
export interface GapPassOptions {
  /** Stop adding passes once coverage of the countable area reaches this, %. */
  targetPct: number;
  /** How far a pass may stray outside the field, m (the plan's inside tolerance). */
  insideTolM: number;
}

/** {@link gapClusters}' scratch, kept between plans (rasters of ~10,000 cells: typed arrays that size live outside the JS heap). */
let openScratch = new Uint8Array(0),
  stackScratch = new Int32Array(0);

/** Connected clusters (4-neighbour) of countable cells no footprint reaches, largest first. */
export function gapClusters(g: CoverageGrid): number[][] {
  const { inField, excluded, passes, nx } = g;
  const size = passes.length;
  // 1 where a cell is a gap not yet taken into a cluster (the raster has ~10,000 cells: no closures per cell)
  if (openScratch.length < size) [openScratch, stackScratch] = [new Uint8Array(size), new Int32Array(size)];
  const open = openScratch,
    stack = stackScratch;
  for (let k = 0; k < size; k++) open[k] = inField[k] === 1 && excluded[k] === 0 && passes[k] === 0 ? 1 : 0;
  const clusters: number[][] = [];
  for (let k0 = 0; k0 < size; k0++) {
    if (!open[k0]) continue;
    const cluster: number[] = [];
    let top = 0;
    stack[top++] = k0;
    open[k0] = 0;
    while (top > 0) {
      const k = stack[--top];
      cluster.push(k);
      const ix = k % nx;
      // neighbours left, right, below, above: each pushed as it is found (depth first)
      if (ix > 0 && open[k - 1]) {
        open[k - 1] = 0;
        stack[top++] = k - 1;
      }
      if (ix < nx - 1 && open[k + 1]) {
        open[k + 1] = 0;
        stack[top++] = k + 1;
      }
      if (k - nx >= 0 && open[k - nx]) {
        open[k - nx] = 0;
        stack[top++] = k - nx;
      }
      if (k + nx < size && open[k + nx]) {
        open[k + nx] = 0;
        stack[top++] = k + nx;
      }
    }
    clusters.push(cluster);
  }
  return clusters.sort((a, b) => b.length - a.length);
}

/** A segment inside the field, shrunk towards its middle until it fits; undefined if even the middle is outside. */
function fitInside(a: XY, b: XY, field: PolygonM, tolM: number): XY[] | undefined {
  const m: XY = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  const len = hypot(b[0] - a[0], b[1] - a[1]) || 1;
  for (const f of [1, 0.75, 0.5, 0.25]) {
    // at least 0.2 m long, so the pass has a heading
    const s = Math.max(f, 0.1 / len);
    const p: XY = [m[0] + (a[0] - m[0]) * s, m[1] + (a[1] - m[1]) * s];
    const q: XY = [m[0] + (b[0] - m[0]) * s, m[1] + (b[1] - m[1]) * s];
    if (polylineInside([p, q], field, tolM)) return [p, q];
  }
  return undefined;
}

/** Passes along a cluster's principal axis, one lane per implement width across it. */
function clusterPasses(cells: number[], g: CoverageGrid, widthM: number, field: PolygonM, tolM: number): XY[][] {
  const pts = cells.map((k): XY => [g.minX + ((k % g.nx) + 0.5) * g.stepM, g.minY + (Math.floor(k / g.nx) + 0.5) * g.stepM]);
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length,
    cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let sxx = 0,
    syy = 0,
    sxy = 0;
  for (const [x, y] of pts) {
    sxx += (x - cx) ** 2;
    syy += (y - cy) ** 2;
    sxy += (x - cx) * (y - cy);
  }
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  const u: XY = [Math.cos(theta), Math.sin(theta)],
    v: XY = [-u[1], u[0]];
  let t0 = Infinity,
    t1 = -Infinity,
    s0 = Infinity,
    s1 = -Infinity;
  for (const [x, y] of pts) {
    const t = (x - cx) * u[0] + (y - cy) * u[1],
      s = (x - cx) * v[0] + (y - cy) * v[1];
    t0 = Math.min(t0, t);
    t1 = Math.max(t1, t);
    s0 = Math.min(s0, s);
    s1 = Math.max(s1, s);
  }
  // the strip spans its cell centres plus up to one step; half a step and 2 % slack so a strip
  // of exactly k widths gets k lanes
  const lanes = Math.max(1, Math.ceil((s1 - s0 + g.stepM / 2) / widthM - 0.02));
  const out: XY[][] = [];
  for (let j = 0; j < lanes; j++) {
    const s = s0 + ((j + 0.5) * (s1 - s0)) / lanes;
    const at = (t: number): XY => [cx + t * u[0] + s * v[0], cy + t * u[1] + s * v[1]];
    const pass = fitInside(at(t0), at(t1), field, tolM);
    if (pass) out.push(pass);
  }
  return out;
}

/**
 * Extra passes over the largest uncovered clusters until the countable coverage reaches
 * `targetPct` (or no cluster is left).
 *
 * @param g - the footprint raster of the planned working paths ({@link coverageGrid})
 * @returns passes in local metres (two points each), empty when coverage already meets the target
 * @example
 * ```ts
 * const g = coverageGrid(field.polygon, workingPaths, 1.8, 10_000);
 * const extra = gapPasses(g, field.polygon, 1.8, { targetPct: 99.8, insideTolM: 0.04 });
 * ```
 */
export function gapPasses(g: CoverageGrid, field: PolygonM, widthM: number, opts: GapPassOptions): XY[][] {
  const { inside: countable, covered } = cellCounts(g);
  let uncovered = countable - covered;
  if (countable === 0) return [];
  const allowed = Math.floor(((100 - opts.targetPct) / 100) * countable);
  // already on target: no pass, and no clusters to find
  if (uncovered <= allowed) return [];
  const out: XY[][] = [];
  for (const cluster of gapClusters(g)) {
    if (uncovered <= allowed) break;
    out.push(...clusterPasses(cluster, g, widthM, field, opts.insideTolM));
    uncovered -= cluster.length;
  }
  return out;
}
