import { FieldError } from '../errors.js';

/**
 * Parses GeoJSON text to a plain value (no checks of its shape yet).
 * @throws FieldError FIELD_PARSE with the JSON error
 */
export function parseGeoJsonText(text: string, sourceName?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new FieldError('FIELD_PARSE', `${sourceName ? `${sourceName}: ` : ''}not valid JSON: ${why}`, {
      source: sourceName, cause: why,
    });
  }
}
