import { readdirSync } from 'node:fs';
import * as turf from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { fieldToGeoJsonFeature, readFieldFile, type Field } from '../../src/field/index.js';
import { SAO_M2 } from '../../src/units/index.js';
import { signedAreaM2 } from '../../src/field/ring-math.js';

const samples = readdirSync('fields')
  .filter((f) => /\.(geojson|kml)$/.test(f))
  .sort();

/** turf's spherical area (holes excluded) of the field's lon/lat polygon. */
const turfArea = (f: Field) => turf.area(turf.polygon(f.lonLat));

describe('sample fields in fields/', () => {
  it('has at least 6 GeoJSON samples and some KML', () => {
    expect(samples.filter((f) => f.endsWith('.geojson')).length).toBeGreaterThanOrEqual(6);
    expect(samples.filter((f) => f.endsWith('.kml')).length).toBeGreaterThanOrEqual(1);
  });

  for (const file of samples) {
    it(`${file} parses; area within 0.5 % of turf; windings normalised`, async () => {
      const fields = await readFieldFile(`fields/${file}`);
      expect(fields.length).toBeGreaterThan(0);
      for (const f of fields) {
        expect(Math.abs(f.areaM2 - turfArea(f)) / turfArea(f)).toBeLessThan(0.005);
        expect(f.polygon.outer[0]).toEqual([0, 0]);
        expect(signedAreaM2(f.polygon.outer)).toBeGreaterThan(0);
        for (const h of f.polygon.holes) expect(signedAreaM2(h)).toBeLessThan(0);
        // lon/lat: closed rings, RFC 7946 winding (outer CCW, holes CW).
        f.lonLat.forEach((r, i) => {
          expect(r[0]).toEqual(r[r.length - 1]);
          expect(turf.booleanClockwise(r)).toBe(i > 0);
        });
        expect(typeof f.name).toBe('string');
        expect(typeof f.properties.description).toBe('string');
        expect(typeof f.properties.source).toBe('string');
      }
    });
  }

  const twins = samples.filter((f) => f.endsWith('.kml') && samples.includes(f.replace(/\.kml$/, '.geojson')));
  for (const kmlFile of twins) {
    it(`${kmlFile} gives the same fields as its GeoJSON twin`, async () => {
      const fromKml = await readFieldFile(`fields/${kmlFile}`);
      const fromJson = await readFieldFile(`fields/${kmlFile.replace(/\.kml$/, '.geojson')}`);
      expect(fromKml.map((f) => [f.id, f.name, f.polygon.holes.length])).toEqual(
        fromJson.map((f) => [f.id, f.name, f.polygon.holes.length]),
      );
      fromKml.forEach((f, i) => expect(f.areaM2).toBeCloseTo(fromJson[i].areaM2, 6));
    });
  }

  it('thai-binh-block.geojson is a consolidated block of ≥ 6 paddies, ≥ 10 ha', async () => {
    const block = await readFieldFile('fields/thai-binh-block.geojson');
    expect(block.length).toBeGreaterThanOrEqual(6);
    const totalHa = block.reduce((s, f) => s + f.areaM2, 0) / 10_000;
    expect(totalHa).toBeGreaterThanOrEqual(10);
    expect(totalHa).toBeCloseTo(10.8, 2);
    expect(new Set(block.map((f) => f.id)).size).toBe(block.length);
  });

  it('paddy-with-tomb.geojson has one 8 × 8 m hole and 8936 m² (24.8 sào)', async () => {
    const [f] = await readFieldFile('fields/paddy-with-tomb.geojson');
    expect(f.polygon.holes).toHaveLength(1);
    expect(Math.abs(signedAreaM2(f.polygon.holes[0]))).toBeCloseTo(64, 0);
    expect(f.areaM2).toBeCloseTo(9000 - 64, -1);
    expect(f.areaM2 / SAO_M2).toBeCloseTo(24.82, 1);
  });

  it('the clockwise sample is re-wound; the real field keeps its source and licence', async () => {
    const [cw] = await readFieldFile('fields/clockwise-paddy.geojson');
    expect(cw.areaM2).toBeCloseTo(4500, -1);
    const [real] = await readFieldFile('fields/real-nl-field-188.geojson');
    expect(real.properties.source).toMatch(/Fields2Cover/);
    expect(real.properties.licence).toMatch(/BSD-3-Clause/);
    expect(real.polygon.outer).toHaveLength(21);
  });

  it('fieldToGeoJsonFeature gives a feature that parses back to the same field', async () => {
    const [f] = await readFieldFile('fields/paddy-with-tomb.kml');
    const feature = fieldToGeoJsonFeature(f);
    expect(feature.properties.areaSao).toBeCloseTo(24.82, 2);
    const { parseFields } = await import('../../src/field/index.js');
    const [again] = parseFields(JSON.stringify(feature));
    expect(again.id).toBe(f.id);
    expect(again.areaM2).toBeCloseTo(f.areaM2, 6);
    expect(again.polygon).toEqual(f.polygon);
  });
});
