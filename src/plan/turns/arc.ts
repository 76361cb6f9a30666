import type { XY } from '../../geometry/index.js';

/** Largest gap between an arc and its polyline, m: 5 mm keeps turns well inside the 5 cm check. */
const SAGITTA_M = 0.005;

/**
 * Each arc's points relative to its centre, (r·cos a, r·sin a) interleaved, by radius and end
 * angles (exact numbers): a field's turns repeat a few arcs at many centres, and the offsets
 * are the products `arcPoints` adds to the centre, so the points are the same numbers. Emptied
 * past 500 arcs (an omega's angles vary with the swath gap).
 */
const offsets = new Map<number, Map<number, Map<number, Float64Array>>>();
let kept = 0;

export function arcOffsets(radiusM: number, fromRad: number, toRad: number): Float64Array {
  let byFrom = offsets.get(radiusM);
  if (!byFrom) offsets.set(radiusM, (byFrom = new Map()));
  let byTo = byFrom.get(fromRad);
  if (!byTo) byFrom.set(fromRad, (byTo = new Map()));
  let out = byTo.get(toRad);
  if (out) return out;
  if (kept > 500) {
    offsets.clear();
    kept = 0;
    return arcOffsets(radiusM, fromRad, toRad);
  }
  const sweep = toRad - fromRad;
  const maxStep = radiusM > SAGITTA_M ? 2 * Math.acos(1 - SAGITTA_M / radiusM) : Math.PI / 8;
  const n = Math.max(1, Math.ceil(Math.abs(sweep) / maxStep));
  out = new Float64Array(2 * (n + 1));
  for (let i = 0; i <= n; i++) {
    const a = fromRad + (sweep * i) / n;
    out[2 * i] = radiusM * Math.cos(a);
    out[2 * i + 1] = radiusM * Math.sin(a);
  }
  byTo.set(toRad, out);
  kept++;
  return out;
}

/**
 * Points along a circular arc from `fromRad` to `toRad` (counter-clockwise when `toRad > fromRad`),
 * including both ends, close enough that the chord error stays under 5 mm.
 */
export function arcPoints(center: XY, radiusM: number, fromRad: number, toRad: number): XY[] {
  const off = arcOffsets(radiusM, fromRad, toRad);
  const pts: XY[] = new Array(off.length / 2);
  for (let i = 0; i < pts.length; i++) pts[i] = [center[0] + off[2 * i], center[1] + off[2 * i + 1]];
  return pts;
}
