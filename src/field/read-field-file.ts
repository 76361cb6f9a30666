import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { FieldError } from '../errors.js';
import { resolveLimits } from './limits.js';
import { parseFields, type FieldFormat, type ParseFieldsOptions } from './parse-fields.js';
import type { Field } from './types.js';

/** Format by file extension: `.kml` → KML, `.geojson`/`.json` → GeoJSON, else sniffed from content. */
export function formatFromPath(path: string): FieldFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.kml') return 'kml';
  if (ext === '.geojson' || ext === '.json') return 'geojson';
  return undefined;
}

/**
 * Reads a GeoJSON or KML file and returns its validated fields (see {@link parseFields}).
 * The size limit is checked on the file size before reading. `.kmz` (zipped KML) is refused:
 * unzip it and pass the `doc.kml` inside.
 * @param path - a `.geojson`, `.json` or `.kml` file
 * @param opts - as for parseFields; `sourceName` defaults to the path
 * @throws FieldError IO_READ when the file cannot be read, and every code of parseFields
 * @example
 * ```ts
 * import { readFieldFile } from 'agrisim';
 * const fields = await readFieldFile('fields/thai-binh-block.geojson');
 * console.log(fields.map((f) => `${f.name}: ${(f.areaM2 / 360).toFixed(1)} sào`));
 * ```
 */
export async function readFieldFile(path: string, opts: ParseFieldsOptions = {}): Promise<Field[]> {
  const limits = resolveLimits(opts);
  const sourceName = opts.sourceName ?? path;
  if (extname(path).toLowerCase() === '.kmz') {
    throw new FieldError('FIELD_PARSE', `${sourceName}: KMZ (zipped KML) is not supported; unzip it and pass doc.kml`, {
      source: sourceName,
    });
  }
  let text: string;
  try {
    const info = await stat(path);
    if (info.size > limits.maxBytes) {
      throw new FieldError('FIELD_TOO_LARGE', `${sourceName}: file is ${info.size} bytes, over the limit of ${limits.maxBytes}`, {
        source: sourceName,
        bytes: info.size,
        limit: limits.maxBytes,
      });
    }
    text = await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof FieldError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new FieldError('IO_READ', `${sourceName}: cannot read the file: ${why}`, { source: sourceName, cause: why });
  }
  return parseFields(text, { ...opts, sourceName, format: opts.format ?? formatFromPath(path) });
}
