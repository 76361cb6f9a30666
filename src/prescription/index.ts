/**
 * Prescription stage: variable-rate zone maps (GeoJSON, ESRI shapefile, ISOXML treatment zones)
 * read, checked and clipped to a field. Sits beside the field stage (it needs a Field); the
 * planner's exports and the simulator's dose model read its output. Named exports only.
 */
export type { RateUnit, RawZone, RawPrescription, PrescriptionZone, Prescription } from './types.js';
export { parsePrescriptionGeoJson } from './parse-geojson.js';
export { readPrescriptionShapefile } from './read-shapefile.js';
export type { ShapefileParts } from './read-shapefile.js';
export { parsePrescriptionIsoxml } from './parse-isoxml.js';
export { readPrescriptionFile } from './read-prescription-file.js';
export { clipPrescription } from './clip.js';
export type { ClipOptions } from './clip.js';
export { polygonsAreaM2 } from './clip-polygons.js';
export { withoutBuffer } from './buffer.js';
export type { BufferedField, BufferOptions } from './buffer.js';
