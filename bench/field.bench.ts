/**
 * Field ingest benchmark: parse + validate + project throughput of parseFields against the
 * bare parser under it (JSON.parse for GeoJSON, xmldom's DOMParser for KML), measured in the
 * same run; the ratio is what validation costs on top of reading the text.
 * Cases: the 1,000-field seeded set of tests/helpers/random-fields.ts (all kinds), the same set
 * as KML, and one 99,999-vertex field (the self-intersection grid at the vertex limit).
 * Run alone: `npx tsx bench/field.bench.ts`.
 */
import { DOMParser } from '@xmldom/xmldom';
import { parseFields } from '../src/field/index.js';
import { randomFieldSet, type RandomFieldFeature } from '../tests/helpers/random-fields.js';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

/** Median wall time in ms of `runs` calls, after 3 warm-up calls (JIT). */
function medianMs(fn: () => unknown, runs: number): number {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

function toKml(features: RandomFieldFeature[]): string {
  const ring = (r: number[][]) => `<LinearRing><coordinates>${r.map((p) => `${p[0]},${p[1]}`).join(' ')}</coordinates></LinearRing>`;
  const pm = features.map((f) => {
    const [outer, ...holes] = f.geometry.coordinates;
    return (
      `<Placemark id="${f.id}"><name>${f.properties.name}</name><Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>` +
      `${holes.map((h) => `<innerBoundaryIs>${ring(h)}</innerBoundaryIs>`).join('')}</Polygon></Placemark>`
    );
  });
  return `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>${pm.join('')}</Document></kml>`;
}

function bigCircle(n: number): string {
  const ring = Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n;
    return [106.35 + (300 * Math.cos(t)) / 104_050, 20.65 + (300 * Math.sin(t)) / 111_195];
  });
  return JSON.stringify({ type: 'Polygon', coordinates: [[...ring, ring[0]]] });
}

function row(name: string, text: string, baseline: () => unknown, runs: number): Record<string, number | string> {
  const fields = parseFields(text, { maxBytes: 100 * 1024 * 1024 });
  const vertices = fields.reduce((s, f) => s + f.polygon.outer.length + f.polygon.holes.reduce((t, h) => t + h.length, 0), 0);
  const baselineMs = medianMs(baseline, runs);
  const parseMs = medianMs(() => parseFields(text, { maxBytes: 100 * 1024 * 1024 }), runs);
  return {
    case: name,
    inputKB: Math.round(Buffer.byteLength(text) / 1024),
    fields: fields.length,
    vertices,
    baselineMs: +baselineMs.toFixed(2),
    parseFieldsMs: +parseMs.toFixed(2),
    ratio: +(parseMs / baselineMs).toFixed(2),
    fieldsPerS: Math.round(fields.length / (parseMs / 1000)),
    verticesPerS: Math.round(vertices / (parseMs / 1000)),
  };
}

export async function run(): Promise<BenchSection> {
  const set = randomFieldSet(1, 1000);
  const geojson = JSON.stringify({ type: 'FeatureCollection', features: set });
  const kml = toKml(set);
  const circle = bigCircle(99_999);
  const rows = [
    row('1,000 random fields, GeoJSON (vs JSON.parse)', geojson, () => JSON.parse(geojson), 9),
    row('1,000 random fields, KML (vs DOMParser)', kml, () => new DOMParser().parseFromString(kml, 'text/xml'), 5),
    row('1 field of 99,999 vertices, GeoJSON (vs JSON.parse)', circle, () => JSON.parse(circle), 5),
  ];
  return {
    name: 'field',
    rows,
    notes: [
      'ratio = parseFields time ÷ bare parser time on the same text, same run (median of 5–9 runs after 3 warm-up runs).',
      'parseFields = parse + ring checks + lat/lon range + projection + grid self-intersection test + holes + areas.',
      'The random set is randomFieldSet(1, 1000): convex, concave, holes, sliver and clockwise fields of 0.05–20 ha.',
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await run();
  console.table(s.rows);
}
