import { bounds } from '../../geometry/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';

/** Coverage of a field by working footprints, as docs/contracts.md defines it. */
export interface CoverageEstimate {
  coveragePct: number;
  overlapPct: number;
  samples: number;
}

/**
 * Corners a machine cannot reach without spreading outside the field (docs/contracts.md "Quality
 * bars"): near each vertex whose field-side angle is under 160°, a disc of radius
 * (w/2)/sin(angle/2), at most 3·w.
 */
export function unreachableCorners(field: PolygonM, widthM: number): { at: XY; radiusM: number }[] {
  const out: { at: XY; radiusM: number }[] = [];
  for (const ring of [field.outer, ...field.holes]) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[(i - 1 + n) % n],
        b = ring[i],
        c = ring[(i + 1) % n];
      const turn = Math.atan2(
        (b[0] - a[0]) * (c[1] - b[1]) - (b[1] - a[1]) * (c[0] - b[0]),
        (b[0] - a[0]) * (c[0] - b[0]) + (b[1] - a[1]) * (c[1] - b[1]),
      );
      const angle = Math.PI - turn;
      if (angle < (160 * Math.PI) / 180) out.push({ at: b, radiusM: Math.min(3 * widthM, widthM / 2 / Math.sin(angle / 2)) });
    }
  }
  return out;
}

/**
 * The x-interval where the horizontal line y meets the capsule (points within r of a–b), or
 * undefined: the union of the two end discs and the band between them, which is convex.
 * Written without allocation: it runs once per row per segment.
 */
function capsuleRow(ax: number, ay: number, bx: number, by: number, r: number, y: number, out: Float64Array): boolean {
  let lo = Infinity,
    hi = -Infinity;
  let dy = y - ay;
  if (dy <= r && dy >= -r) {
    const h = Math.sqrt(r * r - dy * dy);
    lo = ax - h;
    hi = ax + h;
  }
  dy = y - by;
  if (dy <= r && dy >= -r) {
    const h = Math.sqrt(r * r - dy * dy);
    if (bx - h < lo) lo = bx - h;
    if (bx + h > hi) hi = bx + h;
  }
  const dx = bx - ax,
    dyab = by - ay,
    l = Math.hypot(dx, dyab);
  if (l > 0 && dyab !== 0) {
    // the band: where the line meets the segment's two side lines, clipped to its ends
    const nx = (-dyab / l) * r,
      ny = (dx / l) * r;
    for (const sgn of [1, -1]) {
      const t = (y - (ay + sgn * ny)) / dyab;
      if (t >= 0 && t <= 1) {
        const x = ax + sgn * nx + t * dx;
        if (x < lo) lo = x;
        if (x > hi) hi = x;
      }
    }
  } else if (l > 0 && Math.abs(y - ay) <= r) {
    // horizontal segment: the band spans it whole
    lo = Math.min(lo, ax, bx);
    hi = Math.max(hi, ax, bx);
  }
  out[0] = lo;
  out[1] = hi;
  return lo <= hi;
}

/** Sorted x where the horizontal line y crosses the rings: pairs are inside intervals (even-odd). */
function rowCrossings(rings: XY[][], y: number): number[] {
  const xs: number[] = [];
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const a = ring[j],
        b = ring[i];
      if (a[1] > y !== b[1] > y) xs.push(a[0] + ((y - a[1]) / (b[1] - a[1])) * (b[0] - a[0]));
    }
  return xs.sort((u, v) => u - v);
}

/** Footprints rasterised on a grid over the field (row-major, `nx` × `ny` cells of `stepM`). */
export interface CoverageGrid {
  minX: number;
  minY: number;
  stepM: number;
  nx: number;
  ny: number;
  /** Distinct working paths covering each cell centre (saturates at 255). */
  passes: Uint8Array;
  /** 1 where the cell centre lies in the field (holes excluded). */
  inField: Uint8Array;
  /** 1 where the cell centre lies in an unreachable corner disc (left out of the count). */
  excluded: Uint8Array;
}

/**
 * Rasterises the working footprints (a disc of widthM/2 swept along each path) and the field
 * on a grid of about `samples` cells. Footprints go row by row, so the cost follows the
 * worked area.
 *
 * @param widthM - the implement's width (also sizes the unreachable corners)
 * @param pathWidthsM - per path, its own width where it differs (a narrowed pass); else `widthM`
 */
export function coverageGrid(
  field: PolygonM,
  paths: XY[][],
  widthM: number,
  samples = 5_000,
  pathWidthsM?: readonly (number | undefined)[],
): CoverageGrid {
  const [minX, minY, maxX, maxY] = bounds([field.outer]);
  const step = Math.max(0.05, Math.sqrt(((maxX - minX) * (maxY - minY)) / samples));
  const nx = Math.max(1, Math.ceil((maxX - minX) / step)),
    ny = Math.max(1, Math.ceil((maxY - minY) / step));
  const passes = new Uint8Array(nx * ny);
  const lastPath = new Int32Array(nx * ny).fill(-1);
  const rowY = (iy: number) => minY + (iy + 0.5) * step;
  const cols = (lo: number, hi: number): [number, number] => [
    Math.max(0, Math.ceil((lo - minX) / step - 0.5)),
    Math.min(nx - 1, Math.floor((hi - minX) / step - 0.5)),
  ];
  const iv = new Float64Array(2);
  paths.forEach((pts, id) => {
    const r = (pathWidthsM?.[id] ?? widthM) / 2 + 0.02;
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1],
        b = pts[i];
      const iy0 = Math.max(0, Math.floor((Math.min(a[1], b[1]) - r - minY) / step)),
        iy1 = Math.min(ny - 1, Math.ceil((Math.max(a[1], b[1]) + r - minY) / step));
      for (let iy = iy0; iy <= iy1; iy++) {
        if (!capsuleRow(a[0], a[1], b[0], b[1], r, rowY(iy), iv)) continue;
        const [i0, i1] = cols(iv[0], iv[1]);
        for (let ix = i0, k = iy * nx + i0; ix <= i1; ix++, k++)
          if (lastPath[k] !== id) {
            lastPath[k] = id;
            if (passes[k] < 255) passes[k]++;
          }
      }
    }
  });
  // unreachable corners, painted as discs into the same grid
  const excluded = new Uint8Array(nx * ny);
  for (const c of unreachableCorners(field, widthM)) {
    const iy0 = Math.max(0, Math.floor((c.at[1] - c.radiusM - minY) / step)),
      iy1 = Math.min(ny - 1, Math.ceil((c.at[1] + c.radiusM - minY) / step));
    for (let iy = iy0; iy <= iy1; iy++) {
      const dy = rowY(iy) - c.at[1];
      if (Math.abs(dy) >= c.radiusM) continue;
      const h = Math.sqrt(c.radiusM * c.radiusM - dy * dy);
      const [i0, i1] = cols(c.at[0] - h, c.at[0] + h);
      if (i1 >= i0) excluded.fill(1, iy * nx + i0, iy * nx + i1 + 1);
    }
  }
  const inField = new Uint8Array(nx * ny);
  const rings = [field.outer, ...field.holes];
  for (let iy = 0; iy < ny; iy++) {
    const xs = rowCrossings(rings, rowY(iy));
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const [i0, i1] = cols(xs[k], xs[k + 1]);
      if (i1 >= i0) inField.fill(1, iy * nx + i0, iy * nx + i1 + 1);
    }
  }
  return { minX, minY, stepM: step, nx, ny, passes, inField, excluded };
}

/**
 * Estimates coverage and overlap on a grid of about `samples` cell centres over the field: a
 * point is covered when it lies within widthM/2 of a working path (a disc swept along it), and
 * overlapped when two or more distinct working paths cover it. Unreachable corners are left
 * out of the count, unless the whole plot lies in them (a plot smaller than the implement).
 *
 * @param paths - working paths (one polyline per swath or headland pass), metres
 * @param pathWidthsM - per path, its own width where it differs from `widthM` (a narrowed pass)
 */
export function estimateCoverage(
  field: PolygonM,
  paths: XY[][],
  widthM: number,
  samples = 5_000,
  pathWidthsM?: readonly (number | undefined)[],
): CoverageEstimate {
  const g = coverageGrid(field, paths, widthM, samples, pathWidthsM);
  const count = (skipExcluded: boolean) => {
    let inside = 0,
      covered = 0,
      overlapped = 0;
    for (let k = 0; k < g.passes.length; k++) {
      if (!g.inField[k] || (skipExcluded && g.excluded[k])) continue;
      inside++;
      if (g.passes[k] >= 1) covered++;
      if (g.passes[k] >= 2) overlapped++;
    }
    return { inside, covered, overlapped };
  };
  let c = count(true);
  if (c.inside === 0) c = count(false);
  const { inside, covered, overlapped } = c;
  return {
    coveragePct: inside ? (100 * covered) / inside : 0,
    overlapPct: inside ? (100 * overlapped) / inside : 0,
    samples: inside,
  };
}
