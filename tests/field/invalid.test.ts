import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, FieldError } from '../../src/errors.js';
import { parseFields } from '../../src/field/index.js';

const DIR = 'tests/fixtures/field/in';
const files = readdirSync(DIR).sort();

/** Parses and returns the error thrown; fails the test when the input is accepted. */
function refusal(text: string, opts: Parameters<typeof parseFields>[1]): FieldError {
  try {
    parseFields(text, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(FieldError);
    return e as FieldError;
  }
  throw new Error('input was accepted');
}

describe('invalid field inputs (tests/fixtures/field/in/<CODE>[-variant].<ext>)', () => {
  it('has at least one fixture for every FIELD_* code', () => {
    const codes = Object.keys(ERROR_CODES).filter((c) => c.startsWith('FIELD_'));
    const covered = new Set(files.map((f) => f.split(/[-.]/)[0]));
    expect(codes.filter((c) => !covered.has(c))).toEqual([]);
  });

  for (const file of files) {
    it(`${file} is refused with its code`, () => {
      const code = file.split(/[-.]/)[0];
      const text = readFileSync(join(DIR, file), 'utf8');
      const err = refusal(text, { sourceName: file, format: file.endsWith('.kml') ? 'kml' : 'geojson' });
      expect(err.code).toBe(code);
      expect(err.exitCode).toBe(3);
      expect(err.message.startsWith(`${file}: `)).toBe(true);
      expect(err.details.source).toBe(file);
      if (file.endsWith('.geojson') && text.includes('"expect"')) {
        const expected = JSON.parse(text).expect as Record<string, unknown>;
        expect(err.details).toMatchObject(expected);
        expect(err.message).toContain(`feature ${expected.feature}`);
      }
    });
  }

  it('a KML refusal says what is wrong, with the XML problem as the cause and nothing quoted', () => {
    const bad = refusal('<kml><Placemark><name>Ruộng</nam-secret></Placemark></kml>', { sourceName: 'r.kml', format: 'kml' });
    expect([bad.code, bad.message]).toEqual(['FIELD_PARSE', 'r.kml: not valid XML: tags that do not match or are not closed']);
    expect(bad.details.cause).toBe('tags that do not match or are not closed');
    const html = refusal('<html></html>', { sourceName: 'r.kml', format: 'kml' });
    expect(html.message).toBe('r.kml: not KML: the root element is <html>, expected <kml>');
    expect(html.details.cause).toBeUndefined();
  });

  it('names the feature by id and name in the message', () => {
    const err = refusal(readFileSync(join(DIR, 'FIELD_SELF_INTERSECTION.geojson'), 'utf8'), {});
    expect(err.message).toBe(
      'feature 1 (id "bad", name "Ruộng lỗi"): outer ring crosses itself (edges 0 and 2) near [106.350288325,20.650269795]',
    );
  });

  it('says which value is not a number, Infinity included', () => {
    const err = refusal(readFileSync(join(DIR, 'FIELD_COORD_INVALID-infinite.geojson'), 'utf8'), {});
    expect(err.message).toContain('position 1 is ["Infinity",20.65]');
  });

  it('refuses a MultiPolygon part and names the polygon index', () => {
    const err = refusal(readFileSync(join(DIR, 'FIELD_DEGENERATE-multipolygon-part.geojson'), 'utf8'), {});
    expect(err.message).toMatch(/^feature 0 \(id "mp"\), polygon 1: outer ring has \(almost\) no area/);
  });

  it('refuses a GeometryCollection member that is not a polygon, unless told to skip it', () => {
    const square = [
      [106.35, 20.65],
      [106.351, 20.65],
      [106.351, 20.651],
      [106.35, 20.651],
      [106.35, 20.65],
    ];
    const gc = JSON.stringify({
      type: 'GeometryCollection',
      geometries: [
        { type: 'Point', coordinates: [106.35, 20.65] },
        { type: 'Polygon', coordinates: [square] },
      ],
    });
    expect(refusal(gc, {}).code).toBe('FIELD_UNSUPPORTED_GEOMETRY');
    const fields = parseFields(gc, { ignoreOtherGeometries: true });
    expect(fields.map((f) => f.id)).toEqual(['field-1-1']);
  });
});
