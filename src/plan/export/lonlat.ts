import { toLonLat } from '../../geodesy/index.js';
import type { XY } from '../../geometry/index.js';
import type { Plan } from '../types.js';

/** Exported coordinates are rounded to 1e-8 degree (≈ 1.1 mm of latitude), docs/contracts.md "Plan output". */
export const EXPORT_DEG_DECIMALS = 8;
const SCALE = 10 ** EXPORT_DEG_DECIMALS;

/** Rounds a degree value to {@link EXPORT_DEG_DECIMALS} decimals. */
export function roundDeg(v: number): number {
  return Math.round(v * SCALE) / SCALE;
}

/** A function from the plan's local metres to WGS84 `[lon, lat]`, rounded for export. */
export function lonLatOf(plan: Plan): (xy: readonly number[]) => [number, number] {
  const p = plan.field.projection;
  return (xy) => {
    const [lon, lat] = toLonLat(p, xy);
    return [roundDeg(lon), roundDeg(lat)];
  };
}

/** A ring (open, in metres) as a closed WGS84 ring, the way GeoJSON and KML want it. */
export function closedRing(ring: readonly XY[], ll: (xy: readonly number[]) => [number, number]): [number, number][] {
  const out = ring.map(ll);
  if (out.length) out.push([out[0][0], out[0][1]]);
  return out;
}
