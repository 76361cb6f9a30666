import { FieldError } from '../errors.js';

/**
 * What is wrong with text that JSON.parse refused, in words that never quote it: V8's message
 * echoes the first bytes ("Unexpected token 'r', "root:x:0:0"... is not valid JSON"), and a
 * mistyped path may point at any file on the machine.
 */
export function jsonProblem(e: unknown): string {
  const m = e instanceof Error ? e.message : '';
  if (/end of (JSON )?input|Unterminated/i.test(m)) return 'it ends too early (cut off?)';
  if (/Unexpected non-whitespace/i.test(m)) return 'there is more text after the JSON value';
  return 'it has a character JSON does not allow where one was expected (is it GeoJSON?)';
}

/**
 * Parses GeoJSON text to a plain value (no checks of its shape yet).
 * @throws FieldError FIELD_PARSE naming the source and the problem (never the text itself)
 */
export function parseGeoJsonText(text: string, sourceName?: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    const why = jsonProblem(e);
    throw new FieldError('FIELD_PARSE', `${sourceName ? `${sourceName}: ` : ''}not valid JSON: ${why}`, { source: sourceName, cause: why });
  }
}
