import type { PolygonM, XY } from '../../geometry/index.js';

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
