import type { XY } from '../../geometry/index.js';

/** Largest gap between an arc and its polyline, m: 5 mm keeps turns well inside the 5 cm check. */
const SAGITTA_M = 0.005;

/**
 * Points along a circular arc from `fromRad` to `toRad` (counter-clockwise when `toRad > fromRad`),
 * including both ends, close enough that the chord error stays under 5 mm.
 */
export function arcPoints(center: XY, radiusM: number, fromRad: number, toRad: number): XY[] {
  const sweep = toRad - fromRad;
  const maxStep = radiusM > SAGITTA_M ? 2 * Math.acos(1 - SAGITTA_M / radiusM) : Math.PI / 8;
  const n = Math.max(1, Math.ceil(Math.abs(sweep) / maxStep));
  const pts: XY[] = [];
  for (let i = 0; i <= n; i++) {
    const a = fromRad + (sweep * i) / n;
    pts.push([center[0] + radiusM * Math.cos(a), center[1] + radiusM * Math.sin(a)]);
  }
  return pts;
}
