import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FieldError } from '../../src/errors.js';
import { fieldFromMetres, fieldFromRings, parseFields, readFieldFile, sniffFieldFormat } from '../../src/field/index.js';

/** A square of `sizeM` metres at `[lon, lat]`, closed, counter-clockwise. */
function square(lon: number, lat: number, sizeM: number): number[][] {
  const dLon = sizeM / 104_050,
    dLat = sizeM / 111_195;
  return [
    [lon, lat],
    [lon + dLon, lat],
    [lon + dLon, lat + dLat],
    [lon, lat + dLat],
    [lon, lat],
  ];
}
const A = square(106.35, 20.65, 100);
const B = square(106.36, 20.65, 50);
const poly = (...rings: number[][][]) => ({ type: 'Polygon', coordinates: rings });
const feature = (geometry: unknown, extra: Record<string, unknown> = {}) => ({ type: 'Feature', properties: {}, geometry, ...extra });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof FieldError) return e.code;
    throw e;
  }
  return 'accepted';
}

describe('parseFields: ids, names, geometry forms', () => {
  it('takes feature.id, then properties.id, else field-<n>; name defaults to the id', () => {
    const fields = parseFields(
      fc(
        feature(poly(A), { id: 'ruong-1', properties: { name: 'Ruộng Đông' } }),
        feature(poly(B), { properties: { id: 42 } }),
        feature(poly(A)),
      ),
    );
    expect(fields.map((f) => [f.id, f.name])).toEqual([
      ['ruong-1', 'Ruộng Đông'],
      ['42', '42'],
      ['field-3', 'field-3'],
    ]);
  });

  it('gives one field per polygon of a MultiPolygon, ids <id>-1, <id>-2', () => {
    const fields = parseFields(
      JSON.stringify(feature({ type: 'MultiPolygon', coordinates: [[A], [B]] }, { id: 'mp', properties: { name: 'Hai thửa' } })),
    );
    expect(fields.map((f) => [f.id, f.name])).toEqual([
      ['mp-1', 'Hai thửa'],
      ['mp-2', 'Hai thửa'],
    ]);
    expect(fields[0].areaM2).toBeCloseTo(10_000, -1);
    expect(fields[1].areaM2).toBeCloseTo(2_500, -1);
  });

  it('accepts a bare Polygon, MultiPolygon and GeometryCollection of polygons', () => {
    expect(parseFields(JSON.stringify(poly(A))).map((f) => f.id)).toEqual(['field-1']);
    expect(parseFields(JSON.stringify({ type: 'MultiPolygon', coordinates: [[A], [B]] })).map((f) => f.id)).toEqual([
      'field-1-1',
      'field-1-2',
    ]);
    expect(
      parseFields(JSON.stringify({ type: 'GeometryCollection', geometries: [poly(A), { type: 'MultiPolygon', coordinates: [[B]] }] }))
        .length,
    ).toBe(2);
  });

  it('keeps the input properties untouched', () => {
    const props = { name: 'x', owner: 'HTX Quỳnh Hồng', crop: { kind: 'lúa', season: 'xuân' } };
    const [f] = parseFields(fc(feature(poly(A), { properties: props })));
    expect(f.properties).toEqual(props);
  });

  it('drops consecutive duplicate positions and a third (altitude) number silently', () => {
    const dup = [A[0], A[0], [...A[1], 3.5], A[1], A[2], A[3], A[3], A[4]];
    const [f] = parseFields(JSON.stringify(poly(dup)));
    expect(f.polygon.outer).toHaveLength(4);
    expect(f.lonLat[0]).toHaveLength(5);
  });

  it('projects around the first outer vertex; metres rings are open, outer CCW, holes CW', () => {
    const hole = square(106.3502, 20.6502, 10);
    const [f] = parseFields(JSON.stringify(poly([...A].reverse(), hole)));
    expect(f.projection).toEqual({ lon0: A[0][0], lat0: A[0][1] });
    expect(f.polygon.outer[0]).toEqual([0, 0]);
    expect(f.polygon.outer[1][0]).toBeCloseTo(100, 1); // re-wound CCW, first corner kept: next is east
    expect(f.polygon.holes[0]).toHaveLength(4);
    expect(f.areaM2).toBeCloseTo(10_000 - 100, 0);
  });

  it('reads KML Placemarks with MultiGeometry as one field per polygon', () => {
    const ring = (r: number[][]) => `<LinearRing><coordinates>${r.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing>`;
    const text = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>
      <Placemark id="pm"><name>Cánh đồng</name><MultiGeometry>
        <Polygon><outerBoundaryIs>${ring(A)}</outerBoundaryIs></Polygon>
        <Polygon><outerBoundaryIs>${ring(B)}</outerBoundaryIs></Polygon>
      </MultiGeometry></Placemark></Folder></Document></kml>`;
    expect(sniffFieldFormat(text)).toBe('kml');
    const fields = parseFields(text);
    expect(fields.map((f) => [f.id, f.name])).toEqual([
      ['pm-1', 'Cánh đồng'],
      ['pm-2', 'Cánh đồng'],
    ]);
  });

  it('skips points and lines with ignoreOtherGeometries, refuses them otherwise', () => {
    const text = fc(feature({ type: 'Point', coordinates: [106.35, 20.65] }), feature(poly(A)));
    expect(codeOf(() => parseFields(text))).toBe('FIELD_UNSUPPORTED_GEOMETRY');
    expect(parseFields(text, { ignoreOtherGeometries: true }).map((f) => f.id)).toEqual(['field-2']);
    expect(codeOf(() => parseFields(fc(feature({ type: 'Point', coordinates: [1, 2] })), { ignoreOtherGeometries: true }))).toBe(
      'FIELD_EMPTY',
    );
  });

  it('accepts a hole close to (not touching) the outer ring, and 2 holes side by side', () => {
    const lon = 106.35,
      lat = 20.65,
      m = 1 / 104_050,
      n = 1 / 111_195;
    const near = [
      [lon + 1 * m, lat + 0.01 * n],
      [lon + 1 * m, lat + 5 * n],
      [lon + 5 * m, lat + 5 * n],
      [lon + 5 * m, lat + 0.01 * n],
      [lon + 1 * m, lat + 0.01 * n],
    ];
    const side = [
      [lon + 5.02 * m, lat + 1 * n],
      [lon + 5.02 * m, lat + 5 * n],
      [lon + 9 * m, lat + 5 * n],
      [lon + 9 * m, lat + 1 * n],
      [lon + 5.02 * m, lat + 1 * n],
    ];
    const [f] = parseFields(JSON.stringify(poly(A, near, side)));
    expect(f.polygon.holes).toHaveLength(2);
  });
});

describe('fieldFromRings / fieldFromMetres', () => {
  it('builds a validated field from open rings in metres', () => {
    const f = fieldFromMetres(
      [
        [
          [0, 0],
          [40, 0],
          [40, 120],
          [0, 120],
        ],
        [
          [10, 10],
          [10, 18],
          [18, 18],
          [18, 10],
        ],
      ],
      [106.35, 20.65],
      { id: 'p', name: 'Ruộng thử' },
    );
    expect(f.id).toBe('p');
    expect(f.name).toBe('Ruộng thử');
    expect(f.areaM2).toBeCloseTo(4800 - 64, 0);
    expect(f.polygon.outer[2][0]).toBeCloseTo(40, 3);
    expect(f.polygon.outer[2][1]).toBeCloseTo(120, 3);
  });

  it('runs every check: a bow-tie in lon/lat is refused', () => {
    expect(
      codeOf(() =>
        fieldFromRings([
          [
            [106.35, 20.65],
            [106.351, 20.651],
            [106.351, 20.65],
            [106.35, 20.651],
          ],
        ]),
      ),
    ).toBe('FIELD_SELF_INTERSECTION');
  });
});

describe('readFieldFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'agrisim-field-'));

  it('reads .json and content-sniffed files; IO_READ for a missing file; refuses .kmz', async () => {
    writeFileSync(join(dir, 'a.json'), JSON.stringify(poly(A)));
    writeFileSync(
      join(dir, 'b.txt'),
      `<kml><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>${A.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></kml>`,
    );
    expect((await readFieldFile(join(dir, 'a.json')))[0].areaM2).toBeCloseTo(10_000, -1);
    expect((await readFieldFile(join(dir, 'b.txt')))[0].areaM2).toBeCloseTo(10_000, -1);
    await expect(readFieldFile(join(dir, 'missing.geojson'))).rejects.toMatchObject({ code: 'IO_READ' });
    await expect(readFieldFile(join(dir, 'x.kmz'))).rejects.toMatchObject({ code: 'FIELD_PARSE' });
  });

  it('puts the path at the start of error messages', async () => {
    writeFileSync(join(dir, 'bad.geojson'), '{"type":');
    await expect(readFieldFile(join(dir, 'bad.geojson'))).rejects.toThrow(new RegExp(`^${join(dir, 'bad.geojson')}: not valid JSON`));
  });
});

describe('KML safety', () => {
  const placemark =
    '<Placemark><name>&h;</name><Polygon><outerBoundaryIs><LinearRing><coordinates>106.35,20.65 106.351,20.65 106.351,20.651 106.35,20.65</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>';
  it('does not expand DTD entities (billion laughs is refused at once, as FIELD_PARSE)', () => {
    const defs = ['<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">'];
    for (const [k, prev] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
      ['g', 'f'],
      ['h', 'g'],
    ])
      defs.push(`<!ENTITY ${k} "${`&${prev};`.repeat(10)}">`);
    const bomb = `<?xml version="1.0"?><!DOCTYPE kml [${defs.join('')}]><kml><Document>${placemark}</Document></kml>`;
    expect(codeOf(() => parseFields(bomb))).toBe('FIELD_PARSE');
  });
  it('does not read external entities', () => {
    const ext = `<?xml version="1.0"?><!DOCTYPE kml [<!ENTITY h SYSTEM "file:///etc/hostname">]><kml><Document>${placemark}</Document></kml>`;
    expect(codeOf(() => parseFields(ext))).toBe('FIELD_PARSE');
  });
});
