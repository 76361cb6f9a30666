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

/**
 * The last few arcs asked, (radius, from, to) and their offsets: a cell's turns ask the same two
 * to five arcs over and over, and comparing three numbers is cheaper than three map lookups.
 * An entry is an array the maps gave (or would give again: the same numbers).
 */
const RECENT = 8;
const recentKeys = new Float64Array(3 * RECENT).fill(Number.NaN);
const recentOffsets: Float64Array[] = new Array(RECENT);
let recentNext = 0;

/** An arc's points relative to its centre (see {@link offsets}), the same array for the same radius and end angles while kept. */
export function arcOffsets(radiusM: number, fromRad: number, toRad: number): Float64Array {
  for (let i = 0; i < RECENT; i++)
    if (recentKeys[3 * i] === radiusM && recentKeys[3 * i + 1] === fromRad && recentKeys[3 * i + 2] === toRad) return recentOffsets[i];
  const out = keptOffsets(radiusM, fromRad, toRad);
  const i = recentNext;
  recentNext = (recentNext + 1) % RECENT;
  recentKeys[3 * i] = radiusM;
  recentKeys[3 * i + 1] = fromRad;
  recentKeys[3 * i + 2] = toRad;
  recentOffsets[i] = out;
  return out;
}

/** {@link arcOffsets} from the maps (computed on a miss). */
function keptOffsets(radiusM: number, fromRad: number, toRad: number): Float64Array {
  let byFrom = offsets.get(radiusM);
  if (!byFrom) offsets.set(radiusM, (byFrom = new Map()));
  let byTo = byFrom.get(fromRad);
  if (!byTo) byFrom.set(fromRad, (byTo = new Map()));
  let out = byTo.get(toRad);
  if (out) return out;
  if (kept > 500) {
    offsets.clear();
    kept = 0;
    return keptOffsets(radiusM, fromRad, toRad);
  }
  const sweep = toRad - fromRad;
  const n = arcSegments(radiusM, sweep);
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

/** How many chords an arc of `sweepRad` at `radiusM` is drawn with (a chord's sagitta at most 5 mm). */
export function arcSegments(radiusM: number, sweepRad: number): number {
  const maxStep = radiusM > SAGITTA_M ? 2 * Math.acos(1 - SAGITTA_M / radiusM) : Math.PI / 8;
  return Math.max(1, Math.ceil(Math.abs(sweepRad) / maxStep));
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
