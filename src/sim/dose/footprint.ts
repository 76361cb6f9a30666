/**
 * Footprint of one spreading point for the current heading and wind: where each share of the
 * product lands relative to the machine (world metres), spread pattern and drift together.
 */
import type { XY } from '../../geometry/index.js';
import type { GranuleDrift, SprayDrift } from './drift.js';
import type { SpreadPattern } from './spread-pattern.js';

/** Landing points relative to the machine with their mass fractions. */
export interface Footprint {
  dx: Float64Array;
  dy: Float64Array;
  weights: Float64Array;
  /** Fraction carried beyond the raster's reach (counted as lost off target). */
  lostFraction: number;
}

/**
 * Granules: each size class shifts the pattern downwind by its carry. The classes' lateral shifts
 * are re-binned onto the pattern's own grid (linear split) and their along-track shifts averaged
 * by mass, so the footprint keeps one point per lateral bin however many classes there are.
 */
export function granularFootprint(pattern: SpreadPattern, drift: GranuleDrift, dir: XY, toward: XY, windMps: number): Footprint {
  const n: XY = [dir[1], -dir[0]];
  const o = pattern.offsetsM;
  const step = o.length > 1 ? o[1] - o[0] : 1;
  const lat: number[] = [],
    along: number[] = [];
  let alongMean = 0,
    maxLat = 0;
  for (let c = 0; c < drift.fractions.length; c++) {
    const s = windMps > 0 ? drift.carryM(c, windMps) : 0;
    lat.push(s * (toward[0] * n[0] + toward[1] * n[1]));
    along.push(s * (toward[0] * dir[0] + toward[1] * dir[1]));
    alongMean += drift.fractions[c] * along[c];
    maxLat = Math.max(maxLat, Math.abs(lat[c]));
  }
  const pad = Math.ceil(maxLat / step) + 1;
  const bins = o.length + 2 * pad;
  const w = new Float64Array(bins);
  for (let c = 0; c < lat.length; c++) {
    const f = drift.fractions[c];
    const shift = lat[c] / step + pad;
    const k0 = Math.floor(shift),
      t = shift - k0;
    for (let i = 0; i < o.length; i++) {
      const m = pattern.weights[i] * f;
      w[i + k0] += m * (1 - t);
      if (t > 0) w[i + k0 + 1] += m * t;
    }
  }
  return toPoints(w, (k) => o[0] + (k - pad) * step, alongMean, n, dir, [], 0);
}

/** Spray: the pattern keeps what stays in the downwash; the airborne share lands along the drift curve from the swath edge. */
export function liquidFootprint(pattern: SpreadPattern, drift: SprayDrift, dir: XY, toward: XY, edgeM: number): Footprint {
  const n: XY = [dir[1], -dir[0]];
  const keep = 1 - drift.airborneFraction;
  const w = Float64Array.from(pattern.weights, (x) => x * keep);
  const extra: [number, number, number][] = [];
  for (let b = 0; b < drift.binsM.length; b++) {
    const d = edgeM + drift.binsM[b];
    if (drift.binFractions[b] > 0) extra.push([toward[0] * d, toward[1] * d, drift.binFractions[b]]);
  }
  return toPoints(w, (k) => pattern.offsetsM[k], 0, n, dir, extra, drift.lostFraction);
}

function toPoints(
  w: Float64Array,
  offsetOf: (k: number) => number,
  along: number,
  n: XY,
  dir: XY,
  extra: [number, number, number][],
  lostFraction: number,
): Footprint {
  const idx: number[] = [];
  for (let k = 0; k < w.length; k++) if (w[k] > 0) idx.push(k);
  const size = idx.length + extra.length;
  const fp: Footprint = { dx: new Float64Array(size), dy: new Float64Array(size), weights: new Float64Array(size), lostFraction };
  idx.forEach((k, i) => {
    const off = offsetOf(k);
    fp.dx[i] = n[0] * off + dir[0] * along;
    fp.dy[i] = n[1] * off + dir[1] * along;
    fp.weights[i] = w[k];
  });
  extra.forEach(([x, y, f], e) => {
    fp.dx[idx.length + e] = x;
    fp.dy[idx.length + e] = y;
    fp.weights[idx.length + e] = f;
  });
  return fp;
}
