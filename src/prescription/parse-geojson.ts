/**
 * Prescription zones from GeoJSON (RFC 7946): a FeatureCollection (or one Feature) of Polygon or
 * MultiPolygon zones, each with `rateKgPerHa` or `rateLPerHa` and an `id`. The collection may
 * carry `properties.defaultRateKgPerHa` / `defaultRateLPerHa` (a foreign member) for the field
 * parts no zone covers.
 */
import { PrescriptionError } from '../errors.js';
import { zoneId, zoneRate } from './rate-props.js';
import type { RawPrescription, RawZone } from './types.js';

type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a GeoJSON Polygon/MultiPolygon geometry and returns MultiPolygon coordinates. */
export function zoneCoordinates(geometry: unknown, id: string): number[][][][] {
  const bad = (why: string): never => {
    throw new PrescriptionError('PRESCRIPTION_BAD_GEOMETRY', `zone "${id}": ${why}`, { zone: id });
  };
  if (!isObj(geometry)) return bad('no geometry');
  const polys =
    geometry.type === 'Polygon'
      ? [geometry.coordinates]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates
        : bad(`geometry ${String(geometry.type)} is not Polygon or MultiPolygon`);
  if (!Array.isArray(polys) || polys.length === 0) return bad('empty coordinates');
  return polys.map((rings) => {
    if (!Array.isArray(rings) || rings.length === 0) return bad('a polygon without rings');
    return rings.map((ring: unknown) => {
      if (!Array.isArray(ring) || ring.length < 4) return bad('a ring with fewer than 4 positions');
      return ring.map((p: unknown) => {
        if (
          !Array.isArray(p) ||
          p.length < 2 ||
          !Number.isFinite(p[0]) ||
          !Number.isFinite(p[1]) ||
          Math.abs(p[0]) > 180 ||
          Math.abs(p[1]) > 90
        ) {
          return bad(`position ${JSON.stringify(p)} is not [lon, lat] in degrees`);
        }
        return [p[0] as number, p[1] as number];
      });
    });
  }) as number[][][][];
}

/** Zones of GeoJSON features (also used for a shapefile read as GeoJSON). */
export function zonesFromFeatures(features: unknown[]): RawZone[] {
  return features.map((f, i) => {
    const feature = isObj(f) ? f : {};
    const props = isObj(feature.properties) ? feature.properties : {};
    const id = zoneId(props, feature.id, `zone-${i + 1}`);
    const { ratePerHa, unit } = zoneRate(props, id);
    return { id, ratePerHa, unit, lonLat: zoneCoordinates(feature.geometry, id) };
  });
}

function defaultRate(props: unknown): number | undefined {
  if (!isObj(props)) return undefined;
  const v = props.defaultRateKgPerHa ?? props.defaultRateLPerHa;
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new PrescriptionError('PRESCRIPTION_NEGATIVE_RATE', `default rate must be a number ≥ 0, got ${JSON.stringify(v)}`, {
      zone: 'default',
    });
  }
  return v;
}

/**
 * Parses a GeoJSON prescription map.
 * @param text - GeoJSON text or an already parsed object
 * @returns the zones in WGS84 and the map's default rate, if it gives one
 * @throws PrescriptionError `PRESCRIPTION_PARSE`, `PRESCRIPTION_EMPTY`, `PRESCRIPTION_UNKNOWN_UNIT`,
 *   `PRESCRIPTION_NEGATIVE_RATE`, `PRESCRIPTION_BAD_GEOMETRY` (each naming the zone)
 * @example
 * ```ts
 * import { parsePrescriptionGeoJson } from 'agrisim';
 * const map = parsePrescriptionGeoJson('{"type":"Feature","id":"low","properties":{"rateKgPerHa":50},"geometry":{"type":"Polygon","coordinates":[[[106.35,20.65],[106.351,20.65],[106.351,20.651],[106.35,20.65]]]}}');
 * ```
 */
export function parsePrescriptionGeoJson(text: string | object): RawPrescription {
  let doc: unknown = text;
  if (typeof text === 'string') {
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new PrescriptionError('PRESCRIPTION_PARSE', `not JSON: ${(e as Error).message}`);
    }
  }
  if (!isObj(doc)) throw new PrescriptionError('PRESCRIPTION_PARSE', 'not a GeoJSON object');
  const features = doc.type === 'FeatureCollection' ? doc.features : doc.type === 'Feature' ? [doc] : undefined;
  if (!Array.isArray(features))
    throw new PrescriptionError('PRESCRIPTION_PARSE', `GeoJSON type ${String(doc.type)} is not Feature or FeatureCollection`);
  if (features.length === 0) throw new PrescriptionError('PRESCRIPTION_EMPTY', 'the map has no zone');
  const dflt = defaultRate(doc.properties);
  return { zones: zonesFromFeatures(features), source: 'geojson', ...(dflt !== undefined ? { defaultRatePerHa: dflt } : {}) };
}
