import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { BlockError } from '../../src/errors.js';
import { BlockFeatureCollectionSchema, parseBlock } from '../../src/block/index.js';
import { gridBlock } from '../helpers/block-gen.js';

type Fc = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
};

const good = (): Fc =>
  gridBlock({ origin: [106.36, 20.64], rotateDeg: 12, bands: 1, columnsM: [30, 35, 30], depthM: 40, owners: ['A', 'B'] }) as unknown as Fc;
const byKind = (fc: Fc, kind: string) => fc.features.find((f) => f.properties.kind === kind)!;

function refusal(fc: Fc): BlockError {
  try {
    parseBlock(JSON.stringify(fc));
  } catch (e) {
    expect(e).toBeInstanceOf(BlockError);
    return e as BlockError;
  }
  throw new Error('the block was not refused');
}

describe('block input schema (declared once: properties checked by it, JSON Schema from it)', () => {
  it('the sample blocks pass the schema', () => {
    for (const f of ['thai-binh-block', 'quynh-phu-block-large']) {
      const fc = JSON.parse(readFileSync(`fields/${f}.geojson`, 'utf8'));
      expect(v.safeParse(BlockFeatureCollectionSchema, fc).success).toBe(true);
    }
  });

  it('a bad property is refused with the existing code, naming the feature and the key', () => {
    const road = good();
    byKind(road, 'road').properties.widthM = 0;
    const e = refusal(road);
    expect(e.code).toBe('BLOCK_BAD_GEOMETRY');
    expect(e.message).toMatch(/^road "[^"]+" \(feature \d+\): properties\.widthM must be a positive number, got 0$/);

    const depot = good();
    byKind(depot, 'depot').properties.serves = ['drone', 'tractor'];
    expect(refusal(depot).message).toMatch(
      /depot "[^"]+" \(feature \d+\): properties\.serves must list drone and\/or transplanter, got \["drone","tractor"\]/,
    );

    const crews = good();
    byKind(crews, 'depot').properties.crews = 'two';
    expect(refusal(crews).message).toContain('properties.crews must be a positive number, got "two"');

    const paddy = good();
    byKind(paddy, 'paddy').properties.owner = { name: 'An' };
    const p = refusal(paddy);
    expect(p.code).toBe('BLOCK_PADDY_INVALID');
    expect(p.message).toContain('properties.owner');
  });

  it('KML-style text values are read as numbers and lists; blanks take the defaults', () => {
    const fc = good();
    const depot = byKind(fc, 'depot');
    depot.properties.crews = '2';
    depot.properties.serves = 'drone, transplanter';
    byKind(fc, 'road').properties.widthM = '4.5';
    const block = parseBlock(JSON.stringify(fc));
    expect(block.depots[0]).toMatchObject({ crews: 2, serves: ['drone', 'transplanter'] });
    expect(block.roads.find((r) => r.id === byKind(fc, 'road').properties.id)?.widthM).toBe(4.5);
    depot.properties.crews = '';
    depot.properties.serves = null;
    byKind(fc, 'road').properties.widthM = null;
    const again = parseBlock(JSON.stringify(fc));
    expect(again.depots[0]).toMatchObject({ crews: 1, serves: ['drone', 'transplanter'] });
    expect(again.roads[0].widthM).toBe(3);
  });

  it('the JSON Schema has one feature shape per kind with its geometry', () => {
    const json = JSON.parse(readFileSync('docs/schemas/block.schema.json', 'utf8'));
    const shapes = json.properties.features.items.anyOf;
    expect(
      shapes.map(
        (s: { properties: { properties: { properties: { kind: { const: string } } } } }) => s.properties.properties.properties.kind.const,
      ),
    ).toEqual(['paddy', 'road', 'gate', 'depot', 'nofly', 'buffer']);
    expect(shapes[0].properties.properties.required ?? []).not.toContain('kind');
    expect(shapes[2].properties.geometry.properties.type.const).toBe('Point');
    expect(shapes[1].properties.properties.properties.widthM.anyOf[1].anyOf[0]).toEqual({ type: 'number', exclusiveMinimum: 0 });
  });
});
