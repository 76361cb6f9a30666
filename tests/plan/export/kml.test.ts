import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFields, readFieldFile } from '../../../src/field/index.js';
import { toLonLat } from '../../../src/geodesy/index.js';
import { exportPlan } from '../../../src/plan/export/index.js';
import { planField } from '../../../src/plan/plan-field.js';
import type { Plan } from '../../../src/plan/types.js';
import { getVehicle } from '../../../src/vehicles/index.js';
import { randomPlans, samplePlans, ZERO_CROSSING_RINGS } from './plans.js';

type Geometry = { type: string; coordinates: any };
type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: Geometry };

/** Parses the KML as src/field/parse-kml.ts does: xmldom (errors are fatal) then @tmcw/togeojson. */
function parseBack(text: string): { features: Feature[]; styleIds: string[] } {
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(msg);
    },
  }).parseFromString(text, 'text/xml');
  expect(doc.documentElement?.localName).toBe('kml');
  expect(doc.documentElement?.namespaceURI).toBe('http://www.opengis.net/kml/2.2');
  const styleIds = Array.from(doc.getElementsByTagName('Style')).map((s) => s.getAttribute('id') ?? '');
  return { features: (kml(doc as any) as { features: Feature[] }).features, styleIds };
}

const kinds = (features: Feature[], kind: string) => features.filter((f) => f.properties.kind === kind);

/** Largest difference, in degrees, between two lists of [lon, lat]. */
function maxDiffDeg(a: number[][], b: number[][]): number {
  expect(a.length).toBe(b.length);
  return Math.max(...a.map((p, i) => Math.max(Math.abs(p[0] - b[i][0]), Math.abs(p[1] - b[i][1]))));
}

function checkRoundTrip(name: string, plan: Plan, features: Feature[]): void {
  const [outer, ...holes] = plan.field.lonLat;
  const [boundary] = kinds(features, 'boundary');
  expect(boundary.properties.name).toBe(plan.field.name);
  expect(boundary.geometry.type).toBe('Polygon');
  expect(maxDiffDeg(boundary.geometry.coordinates[0], outer)).toBeLessThan(1e-7);
  // the boundary polygon carries the holes, so the field re-reads (and draws) without them
  expect({ name, rings: boundary.geometry.coordinates.length }).toEqual({ name, rings: 1 + holes.length });
  holes.forEach((h, k) => expect(maxDiffDeg(boundary.geometry.coordinates[1 + k], h)).toBeLessThan(1e-7));
  const holeFeatures = kinds(features, 'hole');
  expect(holeFeatures.length).toBe(holes.length);
  holeFeatures.forEach((f, k) => expect(maxDiffDeg(f.geometry.coordinates[0], holes[k])).toBeLessThan(1e-7));
  expect(kinds(features, 'cell').length).toBe(plan.cells.length);
  expect(kinds(features, 'headland').length).toBe(plan.headland.rings.reduce((a, r) => a + r.length, 0));
  for (const kind of ['swath', 'turn', 'transit'] as const) {
    expect({ name, kind, n: kinds(features, kind).length }).toEqual({ name, kind, n: plan.route.filter((s) => s.kind === kind).length });
  }
  const route = features.filter((f) => ['swath', 'turn', 'transit'].includes(String(f.properties.kind)));
  for (const f of route) {
    const seg = plan.route[Number(f.properties.segment)];
    expect(f.properties.kind).toBe(seg.kind);
    expect(f.geometry.type).toBe('LineString');
    expect(
      maxDiffDeg(
        f.geometry.coordinates,
        seg.points.map((p) => toLonLat(plan.field.projection, p)),
      ),
    ).toBeLessThan(1e-7);
  }
  const refills = kinds(features, 'refill');
  expect(refills.map((f) => Number(f.properties.durationS))).toEqual(plan.refills.map((r) => r.durationS));
  refills.forEach((f) => expect(f.geometry.type).toBe('Point'));
  // route order survives: seq 1..n over the route and refill placemarks
  const onRoute = features
    .filter((f) => Number(f.properties.seq) > 0)
    .map((f) => Number(f.properties.seq))
    .sort((a, b) => a - b);
  expect(onRoute).toEqual(onRoute.map((_, i) => i + 1));
  expect(onRoute.length).toBe(plan.route.length + plan.refills.length);
}

describe('planToKml / exportPlan kml', () => {
  let samples: { name: string; plan: Plan }[] = [];
  beforeAll(async () => {
    samples = await samplePlans();
  });

  it('parses back with @tmcw/togeojson: boundary and holes to 1e-7°, every route segment and refill, in order', () => {
    expect(samples.length).toBeGreaterThanOrEqual(12);
    for (const { name, plan } of samples) {
      const { features, styleIds } = parseBack(exportPlan(plan, 'kml'));
      checkRoundTrip(name, plan, features);
      // every placemark's style exists in the document
      for (const f of features) expect(styleIds).toContain(String(f.properties.styleUrl).replace('#', ''));
    }
  });

  it('parses back for seeded random fields (convex, concave, holes, clockwise)', () => {
    for (const { name, plan } of randomPlans(8)) checkRoundTrip(name, plan, parseBack(exportPlan(plan, 'kml')).features);
  });

  it('re-reads as fields with readFieldFile: the boundary placemark is the field, with the same area (±0.5 %)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-kml-'));
    for (const { name, plan } of samples) {
      const path = join(dir, 'plan.kml');
      writeFileSync(path, exportPlan(plan, 'kml'));
      // the plan's lines are not fields; its polygons are: the boundary, each hole and each cell
      const fields = await readFieldFile(path, { ignoreOtherGeometries: true });
      expect({ name, n: fields.length }).toEqual({ name, n: 1 + plan.field.polygon.holes.length + plan.cells.length });
      const field = fields.find((f) => f.name === plan.field.name)!;
      expect({ name, holes: field.polygon.holes.length }).toEqual({ name, holes: plan.field.polygon.holes.length });
      expect(Math.abs(field.areaM2 - plan.field.areaM2) / plan.field.areaM2).toBeLessThan(0.005);
      // and planning the re-read field gives the same number of swaths (on the fields with a hole or a notch: planning is slow)
      if (/tomb|l-shaped/.test(name)) {
        expect({ name, swaths: planField(field, plan.vehicle).metrics.swaths.count }).toEqual({ name, swaths: plan.metrics.swaths.count });
      }
    }
  });

  it('escapes names with XML characters and Vietnamese text, which round-trip exactly', () => {
    const fieldName = 'Ruộng <Đồng Sau> & "Bờ Tây" \'3\'';
    const [field] = parseFields(
      JSON.stringify({
        type: 'Feature',
        properties: { name: fieldName },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [106.35, 20.65],
              [106.350384, 20.65],
              [106.350384, 20.651079],
              [106.35, 20.651079],
              [106.35, 20.65],
            ],
          ],
        },
      }),
    );
    const plan = planField(field, getVehicle('drone'));
    const text = exportPlan(plan, 'kml');
    const { features } = parseBack(text);
    expect(kinds(features, 'boundary')[0].properties.name).toBe(fieldName);
    expect(text).toContain('<name>Ruộng &lt;Đồng Sau&gt; &amp; &quot;Bờ Tây&quot; &apos;3&apos; — drone plan</name>');
  });

  it('writes plain decimals for a field on the prime meridian and the equator (no "5e-7")', () => {
    for (const ring of ZERO_CROSSING_RINGS) {
      const [field] = parseFields(JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
      const plan = planField(field, getVehicle('drone'));
      const text = exportPlan(plan, 'kml');
      expect(text).not.toMatch(/<coordinates>[^<]*\de-?\d/);
      checkRoundTrip('meridian', plan, parseBack(text).features);
    }
  });

  it('is deterministic: the same plan exports to the same bytes', () => {
    const { plan } = samples[3];
    expect(exportPlan(plan, 'kml')).toBe(exportPlan(plan, 'kml'));
  });
});
