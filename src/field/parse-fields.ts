import { FieldError } from '../errors.js';
import { collectPolygons } from './collect-polygons.js';
import { fieldError } from './feature-ref.js';
import { checkCoordRanges } from './coord-range.js';
import { resolveLimits, type FieldLimits } from './limits.js';
import { parseGeoJsonText } from './parse-geojson.js';
import { parseKmlText, type FieldWarning } from './parse-kml.js';
import { toField } from './to-field.js';
import type { Field } from './types.js';
import { validateRing, type VertexBudget } from './validate-ring.js';

/** Input formats {@link parseFields} reads. */
export type FieldFormat = 'geojson' | 'kml';

/** Options of {@link parseFields}: the format, a name for messages, and the size limits. */
export interface ParseFieldsOptions extends Partial<FieldLimits> {
  /** `geojson` or `kml`; default: KML when the text starts with `<`, else GeoJSON. */
  format?: FieldFormat;
  /** File name or label put at the start of error messages. */
  sourceName?: string;
  /** Skip Point/LineString/null geometries instead of refusing them (FIELD_UNSUPPORTED_GEOMETRY). Default false. */
  ignoreOtherGeometries?: boolean;
  /** Told what was left out (KML pins, paths, empty placemarks: always skipped, never refused). */
  onWarning?: (warning: FieldWarning) => void;
}

/** Guesses the format from the first character: `<` means KML (XML), anything else GeoJSON. */
export function sniffFieldFormat(text: string): FieldFormat {
  const m = /^[\s\uFEFF]*(.)/.exec(text);
  return m && m[1] === '<' ? 'kml' : 'geojson';
}

/**
 * Reads field polygons from GeoJSON or KML text and validates them: one {@link Field} per
 * polygon, projected to metres around the first vertex of its outer ring.
 *
 * Accepted: a GeoJSON FeatureCollection, Feature, or bare Polygon / MultiPolygon /
 * GeometryCollection (its polygons are taken, like a MultiPolygon's); KML Placemarks with
 * Polygon or MultiGeometry, in Folders, with Styles (Google Earth, My Maps); KML pins and paths
 * are skipped and reported to `onWarning`. Ids: feature `id`, else `properties.id`, else `field-<n>` (n from 1
 * in input order); the k-th polygon of a MultiPolygon/GeometryCollection gets `<id>-<k>`.
 * Names: `properties.name` (KML `<name>`), else the id. Rings may wind either way; they are
 * returned outer CCW and holes CW. Consecutive duplicate positions are dropped silently.
 *
 * @param text - the file's content
 * @param opts - format, sourceName, limits (maxBytes 20 MiB, maxVertices 100,000, maxFeatures 10,000, maxAreaHa 10,000)
 * @returns the fields, in input order
 * @throws FieldError with a stable code: FIELD_PARSE, FIELD_EMPTY, FIELD_UNSUPPORTED_GEOMETRY,
 *   FIELD_RING_UNCLOSED, FIELD_RING_TOO_SHORT, FIELD_COORD_INVALID, FIELD_COORD_OUT_OF_RANGE,
 *   FIELD_LATLON_SWAPPED, FIELD_SELF_INTERSECTION, FIELD_HOLE_OUTSIDE, FIELD_TOO_LARGE, FIELD_DEGENERATE
 * @example
 * ```ts
 * import { parseFields } from 'agrisim';
 * // A 40 × 120 m paddy in Quỳnh Phụ, Thái Bình
 * const [paddy] = parseFields(JSON.stringify({
 *   type: 'Polygon',
 *   coordinates: [[[106.35, 20.65], [106.350384, 20.65], [106.350384, 20.651079], [106.35, 20.651079], [106.35, 20.65]]],
 * }));
 * paddy.areaM2; // ≈ 4800
 * ```
 */
export function parseFields(text: string, opts: ParseFieldsOptions = {}): Field[] {
  const limits = resolveLimits(opts);
  const src = opts.sourceName;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) {
    throw new FieldError('FIELD_TOO_LARGE', `${src ? `${src}: ` : ''}input is ${bytes} bytes, over the limit of ${limits.maxBytes}`, {
      source: src,
      bytes,
      limit: limits.maxBytes,
    });
  }
  const format = opts.format ?? sniffFieldFormat(text);
  let root: unknown;
  if (format === 'kml') {
    const parsed = parseKmlText(text, src);
    parsed.warnings.forEach((w) => opts.onWarning?.(w));
    root = parsed.geojson;
  } else root = parseGeoJsonText(text.replace(/^\uFEFF/, ''), src);
  const raws = collectPolygons(root, { sourceName: src, ignoreOtherGeometries: opts.ignoreOtherGeometries, limits });
  const budget: VertexBudget = { used: 0, max: limits.maxVertices };
  return raws.map((raw) => {
    if (!Array.isArray(raw.rings) || raw.rings.length === 0) {
      throw fieldError('FIELD_COORD_INVALID', raw.ref, 'polygon coordinates are not a non-empty array of rings');
    }
    const rings = raw.rings.map((ring, r) => validateRing(ring, r, raw.ref, budget));
    checkCoordRanges(rings, raw.ref);
    return toField({ ...raw, rings, maxAreaHa: limits.maxAreaHa, maxEdgePairTests: limits.maxEdgePairTests });
  });
}
