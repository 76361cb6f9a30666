/**
 * Test helpers for prescriptions: a two-zone map split across a paddy's long axis, as GeoJSON.
 */
import { readFieldFile, toLonLat, type Field } from '../../src/index.js';
import type { XY } from '../../src/geometry/types.js';

export const PADDY = 'fields/paddy-40x120.geojson';

export async function paddy(path = PADDY): Promise<Field> {
  return (await readFieldFile(path))[0];
}

/** Unit vector of the field's longest edge and the centroid of its vertices (metres). */
export function longAxis(field: Field): { u: XY; c: XY } {
  const r = field.polygon.outer;
  let best = 0,
    u: XY = [1, 0];
  r.forEach((p, i) => {
    const q = r[(i + 1) % r.length];
    const d = Math.hypot(q[0] - p[0], q[1] - p[1]);
    if (d > best) [best, u] = [d, [(q[0] - p[0]) / d, (q[1] - p[1]) / d]];
  });
  const c: XY = [r.reduce((a, p) => a + p[0], 0) / r.length, r.reduce((a, p) => a + p[1], 0) / r.length];
  return { u, c };
}

/** A rectangle in metres along the long axis from `a` to `b` (m from the centre), `halfWidthM` each side, as a lon/lat ring. */
export function bandLonLat(field: Field, a: number, b: number, halfWidthM = 200): number[][] {
  const { u, c } = longAxis(field);
  const n: XY = [-u[1], u[0]];
  const pt = (s: number, t: number) => toLonLat(field.projection, [c[0] + u[0] * s + n[0] * t, c[1] + u[1] * s + n[1] * t]);
  const ring = [pt(a, -halfWidthM), pt(b, -halfWidthM), pt(b, halfWidthM), pt(a, halfWidthM)];
  return [...ring, ring[0]];
}

/** Two zones meeting at the field's middle across its long axis: `low` (first half) and `high`. */
export function twoZoneGeoJson(field: Field, low = 50, high = 110, unit: 'rateKgPerHa' | 'rateLPerHa' = 'rateKgPerHa') {
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'low', properties: { [unit]: low }, geometry: { type: 'Polygon', coordinates: [bandLonLat(field, -300, 0)] } },
      {
        type: 'Feature',
        id: 'high',
        properties: { [unit]: high },
        geometry: { type: 'Polygon', coordinates: [bandLonLat(field, 0, 300)] },
      },
    ],
  };
}
