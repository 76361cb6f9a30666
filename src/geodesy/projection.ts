import type { XY } from '../geometry/index.js';
import { roundTo } from '../units/index.js';

/**
 * The one Earth model of agrisim: the mean radius R1 = (2a + b) / 3 of the WGS84 / GRS80
 * ellipsoid (IUGG, Moritz 2000, "Geodetic Reference System 1980"). Over a block (< 3 km) a
 * local projection on it differs from the ellipsoid by < 0.3 % in scale and < 1e-5 in shape,
 * and it is the model the independent plan and block checkers use, so all see one geometry.
 */
export const EARTH_RADIUS_M = 6_371_008.8;
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

/**
 * Metres per degree of longitude and of latitude at a latitude.
 * @example metresPerDegree(20.65); // [104074.6…, 111195.1…]
 */
export function metresPerDegree(latDeg: number): [number, number] {
  return [Math.cos(latDeg * DEG) * DEG * EARTH_RADIUS_M, DEG * EARTH_RADIUS_M];
}

function scales(p: LocalProjection): [number, number] {
  return metresPerDegree(p.lat0);
}

/** WGS84 `[lon, lat]` to local metres. */
export function toXY(p: LocalProjection, lonLat: readonly number[]): XY {
  const [kx, ky] = scales(p);
  return [(lonLat[0] - p.lon0) * kx, (lonLat[1] - p.lat0) * ky];
}

// module-level, not a closure per call: the simulator converts every vehicle every tick
const round9 = (v: number) => roundTo(v, 9);

/** Local metres to WGS84 `[lon, lat]`, rounded to 1e-9 degree (0.1 mm). */
export function toLonLat(p: LocalProjection, xy: readonly number[]): [number, number] {
  const [kx, ky] = scales(p);
  return [round9(p.lon0 + xy[0] / kx), round9(p.lat0 + xy[1] / ky)];
}

/**
 * Great-circle distance in metres between two WGS84 `[lon, lat]` points (haversine on the
 * same Earth model). Good to 0.5 % anywhere; use a local projection for field-scale work.
 * @example distanceM([106.35, 20.65], [106.36, 20.65]); // ≈ 1040.7
 */
export function distanceM(a: readonly number[], b: readonly number[]): number {
  const dLat = (b[1] - a[1]) * DEG;
  const dLon = (b[0] - a[0]) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}
