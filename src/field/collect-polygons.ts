import { FieldError } from '../errors.js';
import { fieldError, type FeatureRef } from './feature-ref.js';
import type { FieldLimits } from './limits.js';

/**
 * A "type" value as messages may show it: a GeoJSON-like name in quotes, anything else
 * described, never quoted (a file that is not GeoJSON must not have its bytes echoed).
 */
function typeName(v: unknown): string {
  return typeof v === 'string' && /^[A-Za-z]{1,32}$/.test(v)
    ? `"${v}"`
    : `(a ${typeof v === 'string' ? `${v.length}-character string` : typeof v})`;
}
/** One polygon found in the input, not yet validated: `rings` is the raw `coordinates` value. */
export interface RawPolygon {
  ref: FeatureRef;
  /** Field id: feature id, `properties.id`, or `field-<n>`; `-<k>` appended per part of a multi-geometry. */
  id: string;
  /** `properties.name` if it is a string, else the id. */
  name: string;
  properties: Record<string, unknown>;
  rings: unknown;
}

/** How {@link collectPolygons} treats geometries that are not polygons. */
export interface CollectOptions {
  sourceName?: string;
  /** Skip Point/LineString/null geometries instead of refusing them. Default false. */
  ignoreOtherGeometries?: boolean;
  limits: FieldLimits;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);
/** Block features that are not paddies: the field reader skips them. */
const NOT_FIELD_KINDS = new Set(['road', 'gate', 'depot', 'nofly']);
/** Deepest GeometryCollection nesting accepted (RFC 7946 §3.1.8 advises against nesting at all). */
const MAX_NESTING = 8;

/**
 * Walks a parsed GeoJSON value (FeatureCollection, Feature, or bare geometry) and lists its
 * polygons. A MultiPolygon or a GeometryCollection of polygons gives one entry per polygon.
 * @throws FieldError FIELD_PARSE (not GeoJSON), FIELD_UNSUPPORTED_GEOMETRY, FIELD_EMPTY, FIELD_TOO_LARGE
 */
export function collectPolygons(root: unknown, opts: CollectOptions): RawPolygon[] {
  const src = opts.sourceName ? `${opts.sourceName}: ` : '';
  if (!isObj(root) || typeof root.type !== 'string') {
    throw new FieldError('FIELD_PARSE', `${src}not a GeoJSON object (no "type" member)`, { source: opts.sourceName });
  }
  let features: unknown[];
  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) {
      throw new FieldError('FIELD_PARSE', `${src}FeatureCollection without a "features" array`, { source: opts.sourceName });
    }
    features = root.features;
  } else if (root.type === 'Feature') {
    features = [root];
  } else if (GEOMETRY_TYPES.has(root.type)) {
    features = [{ type: 'Feature', properties: {}, geometry: root }];
  } else {
    throw new FieldError('FIELD_PARSE', `${src}unknown GeoJSON type ${typeName(root.type)}`, { source: opts.sourceName });
  }
  if (features.length > opts.limits.maxFeatures) {
    throw new FieldError('FIELD_TOO_LARGE', `${src}${features.length} features, over the limit of ${opts.limits.maxFeatures}`, {
      source: opts.sourceName,
      features: features.length,
      limit: opts.limits.maxFeatures,
    });
  }
  const out: RawPolygon[] = [];
  features.forEach((f, index) => collectFeature(f, index, opts, out));
  if (out.length === 0) {
    throw new FieldError('FIELD_EMPTY', `${src}no Polygon or MultiPolygon in the input`, { source: opts.sourceName });
  }
  if (out.length > opts.limits.maxFeatures) {
    throw new FieldError('FIELD_TOO_LARGE', `${src}${out.length} polygons, over the limit of ${opts.limits.maxFeatures}`, {
      source: opts.sourceName,
      polygons: out.length,
      limit: opts.limits.maxFeatures,
    });
  }
  return out;
}

function featureId(f: Obj, props: Obj): string | undefined {
  const raw = f.id ?? props.id;
  if (typeof raw === 'string' && raw.length > 0) return raw;
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw);
  return undefined;
}

function collectFeature(f: unknown, index: number, opts: CollectOptions, out: RawPolygon[]): void {
  const bare: FeatureRef = { index, sourceName: opts.sourceName };
  if (!isObj(f) || f.type !== 'Feature') {
    throw fieldError('FIELD_PARSE', bare, 'not a GeoJSON Feature (no "type": "Feature")');
  }
  const properties = isObj(f.properties) ? f.properties : {};
  // a co-op block file (docs/contracts.md "Block input") also holds roads, gates, depots and nofly areas: not fields
  if (typeof properties.kind === 'string' && NOT_FIELD_KINDS.has(properties.kind)) return;
  const givenId = featureId(f, properties);
  const id = givenId ?? `field-${index + 1}`;
  const name = typeof properties.name === 'string' && properties.name.length > 0 ? properties.name : id;
  const ref: FeatureRef = {
    index,
    id: givenId,
    name: typeof properties.name === 'string' ? properties.name : undefined,
    sourceName: opts.sourceName,
  };
  const parts: unknown[] = [];
  flattenGeometry(f.geometry, ref, opts, parts, 0);
  const multi = isMulti(f.geometry);
  parts.forEach((rings, k) => {
    const partRef = multi ? { ...ref, part: k } : ref;
    out.push({ ref: partRef, id: multi ? `${id}-${k + 1}` : id, name, properties, rings });
  });
}

function isMulti(g: unknown): boolean {
  return isObj(g) && (g.type === 'MultiPolygon' || g.type === 'GeometryCollection');
}

function flattenGeometry(g: unknown, ref: FeatureRef, opts: CollectOptions, parts: unknown[], depth: number): void {
  if (g === null || g === undefined) {
    if (opts.ignoreOtherGeometries) return;
    throw fieldError('FIELD_UNSUPPORTED_GEOMETRY', ref, 'has no geometry (null); expected Polygon or MultiPolygon', { type: null });
  }
  if (!isObj(g) || typeof g.type !== 'string') {
    throw fieldError('FIELD_PARSE', ref, 'geometry is not a GeoJSON geometry object');
  }
  if (g.type === 'Polygon') {
    parts.push(g.coordinates);
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates)) throw fieldError('FIELD_COORD_INVALID', ref, 'MultiPolygon coordinates are not an array');
    for (const p of g.coordinates) parts.push(p);
  } else if (g.type === 'GeometryCollection') {
    if (depth >= MAX_NESTING) throw fieldError('FIELD_UNSUPPORTED_GEOMETRY', ref, `GeometryCollection nested deeper than ${MAX_NESTING}`);
    if (!Array.isArray(g.geometries)) throw fieldError('FIELD_PARSE', ref, 'GeometryCollection without a "geometries" array');
    for (const member of g.geometries) flattenGeometry(member, ref, opts, parts, depth + 1);
  } else if (GEOMETRY_TYPES.has(g.type)) {
    if (opts.ignoreOtherGeometries) return;
    throw fieldError('FIELD_UNSUPPORTED_GEOMETRY', ref, `geometry is a ${g.type}; expected Polygon or MultiPolygon`, { type: g.type });
  } else {
    throw fieldError('FIELD_PARSE', ref, `unknown geometry type ${typeName(g.type)}`);
  }
}
