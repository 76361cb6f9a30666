import type { PolygonM } from '../geometry/index.js';
import type { LocalProjection } from '../geodesy/index.js';

/**
 * One field (a paddy): a single polygon with optional holes, validated and projected to metres.
 * A MultiPolygon or FeatureCollection input gives one Field per polygon.
 */
export interface Field {
  /** Stable id: the feature's `id` or `properties.id`, else `field-<n>` (`-<k>` per polygon of a MultiPolygon). */
  id: string;
  /** Human name: `properties.name` when present, else the id. */
  name: string;
  /** The projection used for `polygon`; its origin is the first vertex of the outer ring. */
  projection: LocalProjection;
  /** Outer ring CCW and holes CW, in metres, open rings. */
  polygon: PolygonM;
  /** The same polygon in WGS84 `[lon, lat]`, closed rings (RFC 7946 winding). */
  lonLat: number[][][];
  /** Area in m², holes excluded. */
  areaM2: number;
  /** The input feature's properties, untouched. */
  properties: Record<string, unknown>;
}
