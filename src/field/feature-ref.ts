import { FieldError, type ErrorCode } from '../errors.js';

/** Where a polygon came from in the input: used to name it in error messages. */
export interface FeatureRef {
  /** 0-based index of the feature (GeoJSON feature or KML Placemark) in the input. */
  index: number;
  /** The feature's id, when it has one. */
  id?: string;
  /** The feature's `properties.name`, when it has one. */
  name?: string;
  /** 0-based polygon index inside a MultiPolygon or GeometryCollection. */
  part?: number;
  /** File name or other label of the input, when known. */
  sourceName?: string;
}

/** `fields/a.geojson: feature 2 (id "b3", name "Ruộng Đông"), polygon 1` */
export function describeFeature(ref: FeatureRef): string {
  const labels: string[] = [];
  if (ref.id !== undefined) labels.push(`id "${ref.id}"`);
  if (ref.name !== undefined && ref.name !== ref.id) labels.push(`name "${ref.name}"`);
  let s = `feature ${ref.index}`;
  if (labels.length > 0) s += ` (${labels.join(', ')})`;
  if (ref.part !== undefined) s += `, polygon ${ref.part}`;
  return ref.sourceName ? `${ref.sourceName}: ${s}` : s;
}

/** Builds a {@link FieldError} whose message names the feature, then the problem. */
export function fieldError(code: ErrorCode, ref: FeatureRef, problem: string, extra: Record<string, unknown> = {}): FieldError {
  const details: Record<string, unknown> = { feature: ref.index, ...extra };
  if (ref.id !== undefined) details.id = ref.id;
  if (ref.name !== undefined) details.name = ref.name;
  if (ref.part !== undefined) details.polygon = ref.part;
  if (ref.sourceName !== undefined) details.source = ref.sourceName;
  return new FieldError(code, `${describeFeature(ref)}: ${problem}`, details);
}

/** Names ring `r` of a polygon: `outer ring` or `hole 2`. */
export function ringLabel(r: number): string {
  return r === 0 ? 'outer ring' : `hole ${r}`;
}
