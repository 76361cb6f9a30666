import type { XY } from '../geometry/types.js';

/** Mean Earth radius, IUGG (Moritz 2000, Geodetic Reference System 1980). */
const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/**
 * A local equirectangular projection around an origin: metres east and north of it.
 * Over a field (< 2 km) its scale error is below 1e-5 (a few mm), and it is the same
 * projection the independent plan checker uses, so both see the same geometry.
 */
export interface LocalProjection {
  lon0: number;
  lat0: number;
}

/** Makes the projection centred on `[lon0, lat0]`. */
export function localProjection(lon0: number, lat0: number): LocalProjection {
  return { lon0, lat0 };
}

function scales(p: LocalProjection): [number, number] {
  return [Math.cos(p.lat0 * DEG) * DEG * EARTH_RADIUS_M, DEG * EARTH_RADIUS_M];
}

/** WGS84 `[lon, lat]` to local metres. */
export function toXY(p: LocalProjection, lonLat: readonly number[]): XY {
  const [kx, ky] = scales(p);
  return [(lonLat[0] - p.lon0) * kx, (lonLat[1] - p.lat0) * ky];
}

// module-level, not a closure per call: the simulator converts every vehicle every tick
const round9 = (v: number) => Math.round(v * 1e9) / 1e9;

/** Local metres to WGS84 `[lon, lat]`, rounded to 1e-9 degree (0.1 mm). */
export function toLonLat(p: LocalProjection, xy: readonly number[]): [number, number] {
  const [kx, ky] = scales(p);
  return [round9(p.lon0 + xy[0] / kx), round9(p.lat0 + xy[1] / ky)];
}
