/**
 * Field stage: read GeoJSON or KML paddies, validate them, project them to metres.
 * Named exports only; see {@link parseFields}.
 */
export { parseFields, sniffFieldFormat } from './parse-fields.js';
export type { FieldFormat, ParseFieldsOptions } from './parse-fields.js';
export type { FieldWarning, KmlDocument } from './parse-kml.js';
export { readKmlDocument } from './parse-kml.js';
export { readFieldFile, formatFromPath } from './read-field-file.js';
export { fieldFromRings, fieldFromMetres } from './from-rings.js';
export type { FieldMeta } from './from-rings.js';
export { fieldToGeoJsonFeature } from './to-geojson.js';
export type { FieldFeature } from './to-geojson.js';
export { DEFAULT_FIELD_LIMITS } from './limits.js';
export { jsonProblem } from './parse-geojson.js';
export type { FieldLimits } from './limits.js';
export { findRingCrossing } from './self-intersection.js';
export type { RingCrossing, TooComplex } from './self-intersection.js';
export { MIN_MEAN_WIDTH_M } from './to-field.js';
export type { Field } from './types.js';
