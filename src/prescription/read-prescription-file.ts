/**
 * Reads a prescription map file of any supported kind, told apart by extension and content:
 * `.geojson`/`.json` GeoJSON, `.zip` zipped shapefile, `.shp` (with `.dbf` and `.prj` beside it),
 * `.xml` ISOXML TASKDATA.XML.
 */
import { readFile } from 'node:fs/promises';
import { AgrisimError, PrescriptionError } from '../errors.js';
import { parsePrescriptionGeoJson } from './parse-geojson.js';
import { parsePrescriptionIsoxml } from './parse-isoxml.js';
import { readPrescriptionShapefile } from './read-shapefile.js';
import type { RawPrescription } from './types.js';

/** Largest prescription file read, bytes (a field's zones are a few kB; a farm's a few MB). */
export const MAX_PRESCRIPTION_BYTES = 50 * 1024 * 1024;

async function bytes(path: string, optional = false): Promise<Buffer | undefined> {
  try {
    const b = await readFile(path);
    if (b.length > MAX_PRESCRIPTION_BYTES)
      throw new PrescriptionError('PRESCRIPTION_PARSE', `${path} is over ${MAX_PRESCRIPTION_BYTES} bytes`, { path });
    return b;
  } catch (e) {
    if (e instanceof AgrisimError) throw e;
    if (optional && (e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new AgrisimError('IO_READ', `cannot read ${path}: ${(e as Error).message}`, { path });
  }
}

/**
 * Reads a prescription map (zones in WGS84, not yet clipped to a field).
 * @param path - `.geojson`, `.json`, `.zip`, `.shp` or `.xml`
 * @throws AgrisimError `IO_READ`; PrescriptionError as the parsers
 * @example
 * ```ts
 * import { readPrescriptionFile, clipPrescription, readFieldFile } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const rx = clipPrescription(await readPrescriptionFile('fields/prescriptions/paddy-40x120-zones.zip'), paddy);
 * ```
 */
export async function readPrescriptionFile(path: string): Promise<RawPrescription> {
  const lower = path.toLowerCase();
  if (lower.endsWith('.zip')) return readPrescriptionShapefile(new Uint8Array((await bytes(path))!));
  if (lower.endsWith('.shp')) {
    const base = path.slice(0, -4);
    const [shp, dbf, prj] = await Promise.all([bytes(path), bytes(`${base}.dbf`, true), bytes(`${base}.prj`, true)]);
    return readPrescriptionShapefile({
      shp: new Uint8Array(shp!),
      ...(dbf ? { dbf: new Uint8Array(dbf) } : {}),
      ...(prj ? { prj: prj.toString('utf8') } : {}),
    });
  }
  const text = (await bytes(path))!.toString('utf8');
  if (lower.endsWith('.xml') || text.trimStart().startsWith('<')) return parsePrescriptionIsoxml(text);
  return parsePrescriptionGeoJson(text);
}
