import { SAO_M2 } from '../units/index.js';
import type { Field } from './types.js';

/** A GeoJSON Feature for one field, as {@link fieldToGeoJsonFeature} makes it. */
export interface FieldFeature {
  type: 'Feature';
  id: string;
  properties: Record<string, unknown>;
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

/**
 * Turns a field back into a GeoJSON Feature (WGS84, RFC 7946 winding, closed rings). The
 * input properties are kept; `name` is set, and `areaHa` / `areaSao` are added (1 sào = 360 m²).
 * `parseFields` of the result gives the same field again.
 * @param field - a field from parseFields
 * @returns a Feature with a Polygon geometry
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * import { parseFields, fieldToGeoJsonFeature } from 'agrisim';
 * const [paddy] = parseFields(readFileSync('fields/paddy-40x120.geojson', 'utf8'));
 * const feature = fieldToGeoJsonFeature(paddy); // feature.properties.areaSao ≈ 13.3
 * ```
 */
export function fieldToGeoJsonFeature(field: Field): FieldFeature {
  return {
    type: 'Feature',
    id: field.id,
    properties: {
      ...field.properties,
      name: field.name,
      areaHa: round(field.areaM2 / 10_000, 4),
      areaSao: round(field.areaM2 / SAO_M2, 2),
    },
    geometry: { type: 'Polygon', coordinates: field.lonLat.map((r) => r.map((p) => [p[0], p[1]])) },
  };
}

function round(v: number, digits: number): number {
  const k = 10 ** digits;
  return Math.round(v * k) / k;
}
