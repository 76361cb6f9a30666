import type { XY } from '../geometry/index.js';
import { parseFields, type ParseFieldsOptions } from './parse-fields.js';
import { localProjection, toLonLat } from '../geodesy/index.js';
import type { Field } from './types.js';

/** Id, name and properties to give a field built by {@link fieldFromRings} or {@link fieldFromMetres}. */
export interface FieldMeta {
  id?: string;
  name?: string;
  properties?: Record<string, unknown>;
}

/**
 * Builds one validated field from lon/lat rings (outer first, then holes; open or closed),
 * with every check of {@link parseFields}.
 * @param rings - `[lon, lat]` rings in WGS84
 * @param meta - id (default `field-1`), name (default the id), properties
 * @throws FieldError as parseFields
 * @example
 * ```ts
 * import { fieldFromRings } from 'agrisim';
 * const f = fieldFromRings([[[106.35, 20.65], [106.3504, 20.65], [106.3504, 20.651], [106.35, 20.651]]], { name: 'Ruộng thử' });
 * ```
 */
export function fieldFromRings(rings: readonly (readonly number[])[][], meta: FieldMeta = {}, opts: ParseFieldsOptions = {}): Field {
  const closed = rings.map((r) => {
    const ring = r.map((p) => [p[0], p[1]]);
    const a = ring[0];
    const b = ring[ring.length - 1];
    if (ring.length > 0 && (a[0] !== b[0] || a[1] !== b[1])) ring.push([a[0], a[1]]);
    return ring;
  });
  const properties = { ...(meta.properties ?? {}), ...(meta.name !== undefined ? { name: meta.name } : {}) };
  const feature = { type: 'Feature', id: meta.id, properties, geometry: { type: 'Polygon', coordinates: closed } };
  return parseFields(JSON.stringify(feature), { ...opts, format: 'geojson' })[0];
}

/**
 * Builds one validated field from rings in metres east/north of a WGS84 origin (handy for
 * tests and examples: draw a 40 × 120 m rectangle, get a field). The result is re-projected
 * around its own first outer vertex, as every field is, so its `polygon` is shifted by that
 * vertex's offset from `originLonLat` (and possibly re-wound).
 * @param rings - open or closed rings in metres, outer first
 * @param originLonLat - `[lon, lat]` of the metres' origin
 * @example
 * ```ts
 * import { fieldFromMetres } from 'agrisim';
 * const f = fieldFromMetres([[[0, 0], [40, 0], [40, 120], [0, 120]]], [106.35, 20.65]); // f.areaM2 ≈ 4800
 * ```
 */
export function fieldFromMetres(
  rings: readonly (readonly XY[])[],
  originLonLat: readonly [number, number],
  meta: FieldMeta = {},
  opts: ParseFieldsOptions = {},
): Field {
  const p = localProjection(originLonLat[0], originLonLat[1]);
  return fieldFromRings(
    rings.map((r) => r.map((xy) => toLonLat(p, xy))),
    meta,
    opts,
  );
}
