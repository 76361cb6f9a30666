/**
 * KML as Google My Maps and Google Earth write it: folders, shared styles and style maps,
 * ExtendedData, MultiGeometry, pins and paths. Polygons become paddies; pins and paths are
 * left out with a warning (FIELD_IGNORED_GEOMETRY), never refused.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFields, type FieldWarning } from '../../src/field/index.js';
import { FieldError } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';

const MY_MAPS = readFileSync('tests/fixtures/field/my-maps-export.kml', 'utf8');

function parse(text: string, sourceName?: string) {
  const warnings: FieldWarning[] = [];
  const fields = parseFields(text, { sourceName, onWarning: (w) => warnings.push(w) });
  return { fields, warnings };
}

describe('KML from Google My Maps', () => {
  it('reads the four polygons of the export (one MultiGeometry has two) with their names and areas', () => {
    const { fields } = parse(MY_MAPS);
    expect(fields.map((f) => f.name)).toEqual(['Thửa 1 – Đồng Trên', 'Thửa 2 – Đồng Trên', 'Thửa 3 – hai mảnh', 'Thửa 3 – hai mảnh']);
    // 42–44 m × 118–120 m trapezoid: (42 + 42) / 2 … ≈ 5000 m²; 60 × 40 = 2400 m²; 50 × 40 ≈ 1980 m²
    expect(fields[0].areaM2).toBeCloseTo(5001, -1);
    expect(fields[2].areaM2).toBeCloseTo(2400, -1);
    expect(fields[3].areaM2).toBeCloseTo(1980, -1);
    expect(fields.map((f) => f.id)).toEqual(['field-1', 'field-2', 'field-3-1', 'field-3-2']);
  });

  it('warns once per placemark for the pin, the canal path and the pin inside the MultiGeometry', () => {
    const { warnings } = parse(MY_MAPS, 'ruong-ong-ba.kml');
    expect(warnings.map((w) => [w.code, w.index, w.name, w.type])).toEqual([
      ['FIELD_IGNORED_GEOMETRY', 2, 'Cống nước', 'Point'],
      ['FIELD_IGNORED_GEOMETRY', 3, 'Kênh tưới', 'LineString'],
      ['FIELD_IGNORED_GEOMETRY', 4, 'Thửa 3 – hai mảnh', 'Point'],
    ]);
    expect(warnings[0].message).toBe('ruong-ong-ba.kml: placemark 2 ("Cống nước"): Point ignored (only polygons become paddies)');
  });

  it('a file with only a pin has no paddy: FIELD_EMPTY, after the warning', () => {
    const pinOnly = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Cống</name><Point><coordinates>106.35,20.65,0</coordinates></Point></Placemark></Document></kml>`;
    const warnings: FieldWarning[] = [];
    let err: unknown;
    try {
      parseFields(pinOnly, { onWarning: (w) => warnings.push(w) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FieldError);
    expect((err as FieldError).code).toBe('FIELD_EMPTY');
    expect(warnings).toHaveLength(1);
  });
});

describe('KML from Google Earth Pro', () => {
  // Google Earth: gx namespace, LookAt, Placemark ids, nested folders, altitudes, a placemark without geometry.
  const EARTH = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2" xmlns:kml="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
<Document>
	<name>Ruộng.kml</name>
	<StyleMap id="m_ylw-pushpin"><Pair><key>normal</key><styleUrl>#s_ylw-pushpin</styleUrl></Pair></StyleMap>
	<Style id="s_ylw-pushpin"><IconStyle><scale>1.1</scale></IconStyle><PolyStyle><fill>0</fill></PolyStyle></Style>
	<Folder>
		<name>Vụ xuân</name>
		<open>1</open>
		<Folder>
			<name>Cánh đồng</name>
			<Placemark id="ruong-a">
				<name>Ruộng A</name>
				<LookAt><longitude>106.3515</longitude><latitude>20.6528</latitude><altitude>0</altitude><heading>0</heading><tilt>0</tilt><range>400</range><gx:altitudeMode>relativeToSeaFloor</gx:altitudeMode></LookAt>
				<styleUrl>#m_ylw-pushpin</styleUrl>
				<Polygon><tessellate>1</tessellate><outerBoundaryIs><LinearRing><coordinates>
					106.3512,20.6523,2.5 106.3516,20.6523,2.5 106.3516,20.6532,2.5 106.3512,20.6532,2.5 106.3512,20.6523,2.5 
				</coordinates></LinearRing></outerBoundaryIs></Polygon>
			</Placemark>
			<Placemark><name>Ghi chú</name><description>không có hình</description></Placemark>
			<Placemark><name>Máy bơm</name><styleUrl>#m_ylw-pushpin</styleUrl><Point><gx:drawOrder>1</gx:drawOrder><coordinates>106.3511,20.6522,0</coordinates></Point></Placemark>
		</Folder>
	</Folder>
</Document>
</kml>`;

  it('takes the polygon from nested folders with its id, ignores the pin and the empty placemark', () => {
    const { fields, warnings } = parse(EARTH);
    expect(fields.map((f) => [f.id, f.name])).toEqual([['ruong-a', 'Ruộng A']]);
    // 0.0004° lon × 0.0009° lat at 20.65° N ≈ 41.6 m × 100 m
    expect(fields[0].areaM2).toBeGreaterThan(4000);
    expect(fields[0].areaM2).toBeLessThan(4300);
    expect(warnings.map((w) => [w.name, w.type])).toEqual([
      ['Ghi chú', null],
      ['Máy bơm', 'Point'],
    ]);
    expect(warnings[0].message).toContain('no geometry ignored');
  });
});

describe('agrisim plan with a My Maps export', () => {
  it('plans the paddies (exit 0) and warns on stderr for each pin and path', async () => {
    const r = await runCli('plan', 'tests/fixtures/field/my-maps-export.kml', '--json');
    expect(r.status).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.startsWith('agrisim plan: warning:'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('placemark 2 ("Cống nước"): Point ignored');
  }, 60_000);
});
