import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  clipPrescription,
  parsePrescriptionGeoJson,
  parsePrescriptionIsoxml,
  readPrescriptionFile,
  readPrescriptionShapefile,
  withoutBuffer,
  toLonLat,
  polygonsAreaM2,
  type AgrisimError,
  type Field,
} from '../../src/index.js';
import { bandLonLat, longAxis, paddy, twoZoneGeoJson } from './helpers.js';
import { PRJ_UTM48N, writeShapefile, zipFiles } from './shapefile-writer.js';

const codeOf = (f: () => unknown): { code?: string; details?: Record<string, unknown>; message?: string } => {
  try {
    f();
  } catch (e) {
    return { code: (e as AgrisimError).code, details: (e as AgrisimError).details, message: (e as Error).message };
  }
  return {};
};

const feature = (id: string, props: Record<string, unknown>, ring: number[][]) => ({
  type: 'Feature',
  id,
  properties: props,
  geometry: { type: 'Polygon', coordinates: [ring] },
});

/** WGS84 → UTM 48N (Snyder 1987, Map Projections — A Working Manual, eqs. 8-9…8-15), for writing a projected shapefile. */
function utm48(lon: number, lat: number): [number, number] {
  const a = 6378137,
    f = 1 / 298.257223563,
    k0 = 0.9996,
    e2 = f * (2 - f),
    ep2 = e2 / (1 - e2);
  const phi = (lat * Math.PI) / 180,
    lam = ((lon - 105) * Math.PI) / 180;
  const N = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2),
    T = Math.tan(phi) ** 2,
    C = ep2 * Math.cos(phi) ** 2,
    A = Math.cos(phi) * lam;
  const M =
    a *
    ((1 - e2 / 4 - (3 * e2 ** 2) / 64 - (5 * e2 ** 3) / 256) * phi -
      ((3 * e2) / 8 + (3 * e2 ** 2) / 32 + (45 * e2 ** 3) / 1024) * Math.sin(2 * phi) +
      ((15 * e2 ** 2) / 256 + (45 * e2 ** 3) / 1024) * Math.sin(4 * phi) -
      ((35 * e2 ** 3) / 3072) * Math.sin(6 * phi));
  const x = k0 * N * (A + ((1 - T + C) * A ** 3) / 6 + ((5 - 18 * T + T * T + 72 * C - 58 * ep2) * A ** 5) / 120) + 500000;
  const y =
    k0 *
    (M +
      N *
        Math.tan(phi) *
        ((A * A) / 2 + ((5 - T + 9 * C + 4 * C * C) * A ** 4) / 24 + ((61 - 58 * T + T * T + 600 * C - 330 * ep2) * A ** 6) / 720));
  return [x, y];
}

function shapefileOf(field: Field, project?: (lon: number, lat: number) => [number, number]) {
  const rings = [bandLonLat(field, -300, 0), bandLonLat(field, 0, 300)].map((r) => (project ? r.map((p) => project(p[0], p[1])) : r));
  return writeShapefile(
    [
      { name: 'ID', type: 'C', length: 16 },
      { name: 'rateKgPerH', type: 'N', length: 8, decimals: 1 },
    ],
    [
      { rings: [rings[0]], values: ['low', 50] },
      { rings: [rings[1]], values: ['high', 110] },
    ],
    ...(project ? [PRJ_UTM48N] : []),
  );
}

describe('prescription maps: GeoJSON, shapefile, ISOXML', () => {
  it('clips a two-zone GeoJSON map to the paddy: zones tile the field, no default left', async () => {
    const field = await paddy();
    const rx = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field)), field);
    expect(rx.zones.map((z) => [z.id, z.ratePerHa])).toEqual([
      ['low', 50],
      ['high', 110],
    ]);
    const total = rx.zones.reduce((a, z) => a + z.areaM2, 0);
    expect(total).toBeCloseTo(field.areaM2, 0);
    expect(rx.zones[0].areaM2).toBeCloseTo(field.areaM2 / 2, -1);
    expect(rx.prescribedKg).toBeCloseTo(((50 + 110) * (field.areaM2 / 2)) / 10_000, 1);
    expect(rx.product).toBe('granular');
  });

  it('gives the default rate to the field part no zone covers', async () => {
    const field = await paddy();
    const map = parsePrescriptionGeoJson({ type: 'FeatureCollection', features: [twoZoneGeoJson(field).features[1]] });
    const rx = clipPrescription(map, field, { defaultRatePerHa: 70 });
    expect(rx.zones.map((z) => [z.id, z.ratePerHa, z.isDefault])).toEqual([
      ['high', 110, false],
      ['default', 70, true],
    ]);
    expect(rx.zones[1].areaM2).toBeCloseTo(field.areaM2 / 2, -1);
  });

  it('reads the same zones from a .shp + .dbf (10-character column names) and from a .zip', async () => {
    const field = await paddy();
    const parts = shapefileOf(field);
    const fromParts = clipPrescription(await readPrescriptionShapefile({ shp: parts.shp, dbf: parts.dbf, prj: parts.prj }), field);
    const fromZip = clipPrescription(
      await readPrescriptionShapefile(
        zipFiles({ 'zones.shp': parts.shp, 'zones.shx': parts.shx, 'zones.dbf': parts.dbf, 'zones.prj': parts.prj }),
      ),
      field,
    );
    const fromJson = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field)), field);
    for (const rx of [fromParts, fromZip]) {
      expect(rx.zones.map((z) => [z.id, z.ratePerHa])).toEqual([
        ['low', 50],
        ['high', 110],
      ]);
      rx.zones.forEach((z, i) => expect(z.areaM2).toBeCloseTo(fromJson.zones[i].areaM2, 0));
    }
  });

  it('reprojects a shapefile drawn in UTM zone 48N (.prj) to the same zones', async () => {
    const field = await paddy();
    const parts = shapefileOf(field, utm48);
    const rx = clipPrescription(await readPrescriptionShapefile({ shp: parts.shp, dbf: parts.dbf, prj: parts.prj }), field);
    const ref = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field)), field);
    rx.zones.forEach((z, i) => expect(Math.abs(z.areaM2 - ref.zones[i].areaM2) / ref.zones[i].areaM2).toBeLessThan(0.005));
  });

  it('reads files by extension: .geojson, .shp with its .dbf beside it, .zip', async () => {
    const field = await paddy();
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-rx-'));
    const parts = shapefileOf(field);
    writeFileSync(join(dir, 'z.geojson'), JSON.stringify(twoZoneGeoJson(field)));
    writeFileSync(join(dir, 'z.shp'), parts.shp);
    writeFileSync(join(dir, 'z.dbf'), parts.dbf);
    writeFileSync(join(dir, 'z.prj'), parts.prj);
    writeFileSync(join(dir, 'z.zip'), zipFiles({ 'z.shp': parts.shp, 'z.dbf': parts.dbf }));
    for (const name of ['z.geojson', 'z.shp', 'z.zip']) {
      const map = await readPrescriptionFile(join(dir, name));
      expect(map.zones.map((z) => [z.id, z.ratePerHa, z.unit])).toEqual([
        ['low', 50, 'kg/ha'],
        ['high', 110, 'kg/ha'],
      ]);
    }
    writeFileSync(join(dir, 'only.shp'), parts.shp);
    await expect(readPrescriptionFile(join(dir, 'only.shp'))).rejects.toMatchObject({ code: 'PRESCRIPTION_PARSE' });
    await expect(readPrescriptionFile(join(dir, 'missing.geojson'))).rejects.toMatchObject({ code: 'IO_READ' });
  });

  it('reads ISOXML treatment zones (DDI 0006 mg/m², default zone of the task)', async () => {
    const field = await paddy();
    const ring = (r: number[][]) =>
      `<LSG A="1">${r
        .slice(0, -1)
        .map((p) => `<PNT A="2" C="${p[1]}" D="${p[0]}"/>`)
        .join('')}</LSG>`;
    const xml = `<?xml version="1.0"?><ISO11783_TaskData VersionMajor="4" VersionMinor="3" DataTransferOrigin="1">
      <TSK A="TSK1" G="1" H="3"><TZN A="1" B="low"><PLN A="2">${ring(bandLonLat(field, -300, 0))}</PLN><PDV A="0006" B="5000"/></TZN>
      <TZN A="2" B="high"><PLN A="2">${ring(bandLonLat(field, 0, 300))}</PLN><PDV A="0006" B="11000"/></TZN>
      <TZN A="3" B="default"><PDV A="0006" B="7000"/></TZN></TSK></ISO11783_TaskData>`;
    const map = parsePrescriptionIsoxml(xml);
    expect(map.defaultRatePerHa).toBe(70);
    expect(map.zones.map((z) => [z.id, z.ratePerHa, z.unit])).toEqual([
      ['low', 50, 'kg/ha'],
      ['high', 110, 'kg/ha'],
    ]);
    expect(codeOf(() => parsePrescriptionIsoxml(xml.replace('A="0006" B="5000"', 'A="0010" B="5000"')))).toMatchObject({
      code: 'PRESCRIPTION_UNKNOWN_UNIT',
      details: { zone: 'low' },
    });
    expect(codeOf(() => parsePrescriptionIsoxml('<ISO11783_TaskData><TSK A="TSK1"/></ISO11783_TaskData>')).code).toBe('PRESCRIPTION_EMPTY');
  });

  describe('refusals name the zone', () => {
    it('overlapping zones', async () => {
      const field = await paddy();
      const map = parsePrescriptionGeoJson({
        type: 'FeatureCollection',
        features: [
          feature('a', { rateKgPerHa: 50 }, bandLonLat(field, -300, 10)),
          feature('b', { rateKgPerHa: 110 }, bandLonLat(field, 0, 300)),
        ],
      });
      const e = codeOf(() => clipPrescription(map, field));
      expect(e.code).toBe('PRESCRIPTION_ZONE_OVERLAP');
      expect(e.details).toMatchObject({ zone: 'b', other: 'a' });
      expect(e.details?.areaM2 as number).toBeGreaterThan(300);
    });

    it('negative rates, unknown units, no rate, mixed units, bad geometry', async () => {
      const field = await paddy();
      const r = bandLonLat(field, -300, 0);
      expect(
        codeOf(() => parsePrescriptionGeoJson({ type: 'FeatureCollection', features: [feature('n', { rateKgPerHa: -5 }, r)] })),
      ).toMatchObject({ code: 'PRESCRIPTION_NEGATIVE_RATE', details: { zone: 'n' } });
      expect(
        codeOf(() => parsePrescriptionGeoJson({ type: 'FeatureCollection', features: [feature('u', { rate: 40, unit: 'lb/ac' }, r)] })),
      ).toMatchObject({ code: 'PRESCRIPTION_UNKNOWN_UNIT', details: { zone: 'u' } });
      expect(
        codeOf(() => parsePrescriptionGeoJson({ type: 'FeatureCollection', features: [feature('m', { name: 'x' }, r)] })),
      ).toMatchObject({ code: 'PRESCRIPTION_UNKNOWN_UNIT', details: { zone: 'm' } });
      const mixed = parsePrescriptionGeoJson({
        type: 'FeatureCollection',
        features: [feature('k', { rateKgPerHa: 5 }, r), feature('l', { rateLPerHa: 15 }, bandLonLat(field, 0, 300))],
      });
      expect(codeOf(() => clipPrescription(mixed, field)).code).toBe('PRESCRIPTION_MIXED_UNITS');
      expect(
        codeOf(() =>
          parsePrescriptionGeoJson({
            type: 'Feature',
            id: 'p',
            properties: { rateKgPerHa: 5 },
            geometry: { type: 'Point', coordinates: [106, 20] },
          }),
        ),
      ).toMatchObject({ code: 'PRESCRIPTION_BAD_GEOMETRY', details: { zone: 'p' } });
      expect(codeOf(() => parsePrescriptionGeoJson('{not json')).code).toBe('PRESCRIPTION_PARSE');
      expect(codeOf(() => parsePrescriptionGeoJson({ type: 'FeatureCollection', features: [] })).code).toBe('PRESCRIPTION_EMPTY');
    });

    it('a map that misses the field', async () => {
      const field = await paddy();
      const { c } = longAxis(field);
      const far = [
        [0, 0],
        [50, 0],
        [50, 50],
        [0, 50],
        [0, 0],
      ].map(([x, y]) => toLonLat(field.projection, [c[0] + 5000 + x, c[1] + y]));
      const e = codeOf(() =>
        clipPrescription(
          parsePrescriptionGeoJson({ type: 'FeatureCollection', features: [feature('elsewhere', { rateKgPerHa: 60 }, far)] }),
          field,
        ),
      );
      expect(e).toMatchObject({ code: 'PRESCRIPTION_MISSES_FIELD', details: { zones: ['elsewhere'] } });
    });
  });

  it('takes a water buffer strip out of the worked area', async () => {
    const field = await paddy();
    const { worked, buffer } = withoutBuffer(field, 3);
    expect(worked.areaM2).toBeCloseTo((40 - 6) * (120 - 6), -1);
    const bufferM2 = polygonsAreaM2(buffer);
    expect(bufferM2 + worked.areaM2).toBeCloseTo(field.areaM2, -1);
    expect(codeOf(() => withoutBuffer(field, 25)).code).toBe('PRESCRIPTION_INVALID_OPTION');
  });
});
