import { pointInPolygon } from '../../geometry/inside.js';
import { bounds, distToSegment } from '../../geometry/ring.js';
import type { PolygonM, XY } from '../../geometry/types.js';

/** Coverage of a field by working footprints, as DESIGN.md defines it. */
export interface CoverageEstimate {
  coveragePct: number;
  overlapPct: number;
  samples: number;
}

/**
 * Corners a machine cannot reach without spreading outside the field (DESIGN.md "Quality
 * bars"): near each vertex whose field-side angle is under 160°, a disc of radius
 * (w/2)/sin(angle/2), at most 3·w.
 */
export function unreachableCorners(field: PolygonM, widthM: number): { at: XY; radiusM: number }[] {
  const out: { at: XY; radiusM: number }[] = [];
  for (const ring of [field.outer, ...field.holes]) {
    const n = ring.length;
    for (let i = 0; i < n; i++) {
      const a = ring[(i - 1 + n) % n], b = ring[i], c = ring[(i + 1) % n];
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
 * Estimates coverage and overlap on a grid of about `samples` points over the field: a point
 * is covered when it lies within widthM/2 of a working path (a disc swept along it), and
 * overlapped when two or more distinct working paths cover it. Unreachable corners are left
 * out of the count.
 *
 * @param paths - working paths (one polyline per swath or headland pass), metres
 */
export function estimateCoverage(field: PolygonM, paths: XY[][], widthM: number, samples = 10_000): CoverageEstimate {
  const [minX, minY, maxX, maxY] = bounds([field.outer]);
  const step = Math.max(0.05, Math.sqrt(((maxX - minX) * (maxY - minY)) / samples));
  const r = widthM / 2 + 0.02;
  const cellM = Math.max(2 * r, step * 4);
  const grid = new Map<string, { id: number; a: XY; b: XY }[]>();
  paths.forEach((pts, id) => {
    for (let i = 1; i < pts.length; i++) {
      const a = pts[i - 1], b = pts[i];
      for (let gx = Math.floor((Math.min(a[0], b[0]) - r) / cellM); gx <= Math.floor((Math.max(a[0], b[0]) + r) / cellM); gx++)
        for (let gy = Math.floor((Math.min(a[1], b[1]) - r) / cellM); gy <= Math.floor((Math.max(a[1], b[1]) + r) / cellM); gy++) {
          const key = gx + ',' + gy;
          let list = grid.get(key);
          if (!list) grid.set(key, (list = []));
          list.push({ id, a, b });
        }
    }
  });
  const corners = unreachableCorners(field, widthM);
  let inside = 0, covered = 0, overlapped = 0;
  for (let x = minX + step / 2; x < maxX; x += step)
    for (let y = minY + step / 2; y < maxY; y += step) {
      const p: XY = [x, y];
      if (!pointInPolygon(p, field)) continue;
      if (corners.some((c) => Math.hypot(p[0] - c.at[0], p[1] - c.at[1]) < c.radiusM)) continue;
      inside++;
      const list = grid.get(Math.floor(x / cellM) + ',' + Math.floor(y / cellM));
      if (!list) continue;
      let first = -1, count = 0;
      for (const s of list) {
        if (s.id === first || distToSegment(p, s.a, s.b) > r) continue;
        if (first < 0) first = s.id;
        count = s.id !== first ? 2 : Math.max(count, 1);
        if (count >= 2) break;
      }
      if (count >= 1) covered++;
      if (count >= 2) overlapped++;
    }
  return {
    coveragePct: inside ? (100 * covered) / inside : 0,
    overlapPct: inside ? (100 * overlapped) / inside : 0,
    samples: inside,
  };
}
