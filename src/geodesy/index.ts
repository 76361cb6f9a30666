/**
 * Geodesy: the one Earth model (WGS84 mean radius) and the local projection every stage uses
 * to work in metres (lon/lat ↔ metres east/north of an origin). Pure and browser-safe.
 */
export { EARTH_RADIUS_M, localProjection, toXY, toLonLat, metresPerDegree, distanceM } from './projection.js';
export type { LocalProjection } from './projection.js';
