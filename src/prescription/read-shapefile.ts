/**
 * Prescription zones from an ESRI shapefile (a .zip, or the .shp with its .dbf and optional .prj),
 * read with shpjs (calvinmetcalf/shapefile-js, MIT), which reprojects to WGS84 when a .prj is there.
 * Column names are the GeoJSON ones cut at 10 characters (`rateKgPerH`), or `RATE` with `UNIT`.
 */
import getShapefile from 'shpjs';
import { PrescriptionError } from '../errors.js';
import { zonesFromFeatures } from './parse-geojson.js';
import type { RawPrescription } from './types.js';

/** The parts of a shapefile: `.shp` geometry, `.dbf` attributes, `.prj` projection (WKT). */
export interface ShapefileParts {
  /** Geometry (.shp bytes). */
  shp: Uint8Array;
  /** Attributes (.dbf bytes): the zone rates and ids. */
  dbf?: Uint8Array;
  /** Projection (.prj WKT text); without it coordinates are taken as WGS84. */
  prj?: string;
}

/**
 * Reads a shapefile prescription map.
 * @param input - the bytes of a zipped shapefile, or its parts
 * @returns the zones in WGS84
 * @throws PrescriptionError `PRESCRIPTION_PARSE` (not a shapefile, several layers, no .dbf),
 *   and the zone errors of {@link parsePrescriptionGeoJson}
 * @example
 * ```ts
 * import { readFile } from 'node:fs/promises';
 * import { readPrescriptionShapefile } from 'agrisim';
 * const map = await readPrescriptionShapefile(await readFile('fields/prescriptions/paddy-40x120-zones.zip'));
 * ```
 */
export async function readPrescriptionShapefile(input: Uint8Array | ShapefileParts): Promise<RawPrescription> {
  if (!(input instanceof Uint8Array) && !input.dbf) {
    throw new PrescriptionError('PRESCRIPTION_PARSE', 'a shapefile prescription needs its .dbf (the zone rates) beside the .shp');
  }
  let fc: Awaited<ReturnType<typeof getShapefile>>;
  try {
    fc = await getShapefile(
      input instanceof Uint8Array ? input : { shp: input.shp, dbf: input.dbf, ...(input.prj ? { prj: input.prj } : {}) },
    );
  } catch (e) {
    throw new PrescriptionError('PRESCRIPTION_PARSE', `not a readable shapefile: ${(e as Error).message}`);
  }
  if (Array.isArray(fc)) {
    throw new PrescriptionError(
      'PRESCRIPTION_PARSE',
      `the zip holds ${fc.length} layers (${fc.map((l) => l.fileName).join(', ')}); give one`,
    );
  }
  if (fc.features.length === 0) throw new PrescriptionError('PRESCRIPTION_EMPTY', 'the shapefile has no zone');
  return { zones: zonesFromFeatures(fc.features), source: 'shapefile' };
}
