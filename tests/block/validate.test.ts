import { describe, expect, it } from 'vitest';
import { BlockError, ERROR_CODES } from '../../src/errors.js';
import { parseBlock, planBlock, type BlockMachineKind } from '../../src/block/index.js';
import { gridBlock } from '../helpers/block-gen.js';

type Fc = {
  type: 'FeatureCollection';
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
};

/** A small good block: 1 band × 3 columns (6 paddies), roads, gates, a depot. */
function good(): Fc {
  return gridBlock({
    origin: [106.36, 20.64],
    rotateDeg: 12,
    bands: 1,
    columnsM: [30, 35, 30],
    depthM: 40,
    owners: ['A', 'B'],
  }) as unknown as Fc;
}
const props = (fc: Fc, id: string) => fc.features.find((f) => f.properties.id === id)!;
const without = (fc: Fc, pred: (f: Fc['features'][number]) => boolean): Fc => ({ ...fc, features: fc.features.filter((f) => !pred(f)) });

function refusal(fc: Fc | string, kind: BlockMachineKind = 'transplanter'): BlockError {
  try {
    const block = parseBlock(typeof fc === 'string' ? fc : JSON.stringify(fc));
    planBlock(block, kind, { machines: 2 });
  } catch (e) {
    expect(e).toBeInstanceOf(BlockError);
    return e as BlockError;
  }
  throw new Error('the block was not refused');
}

/** Moves a point feature by (dx, dy) degrees. */
function shift(f: Fc['features'][number], dLon: number, dLat: number): void {
  const [lon, lat] = f.geometry.coordinates as number[];
  f.geometry.coordinates = [lon + dLon, lat + dLat];
}

describe('block refusals: each its own BLOCK_ code naming the feature, exit 3', () => {
  it('the good block plans for both kinds', () => {
    for (const kind of ['drone', 'transplanter'] as const)
      expect(planBlock(parseBlock(JSON.stringify(good())), kind).machines).toHaveLength(1);
  });

  it('BLOCK_PARSE: not JSON, not a FeatureCollection, not KML', () => {
    expect(refusal('{oops').code).toBe('BLOCK_PARSE');
    expect(refusal(JSON.stringify({ type: 'Feature', properties: {}, geometry: null })).code).toBe('BLOCK_PARSE');
    expect(refusal('<html></html>').code).toBe('BLOCK_PARSE');
    expect(refusal('<html></html>').message).toBe('not KML: the root element is <html>, expected <kml>');
  });

  it('BLOCK_PARSE on malformed KML says what is wrong without quoting the file (the field reader does the same)', () => {
    const e = refusal('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>Ruộng 7</nam-secret></Placemark></kml>');
    expect(e.code).toBe('BLOCK_PARSE');
    expect(e.message).toBe('not valid XML: tags that do not match or are not closed');
    expect(e.message).not.toMatch(/secret/);
  });

  it('BLOCK_UNKNOWN_KIND names the feature', () => {
    const fc = good();
    props(fc, 'qp-road-1').properties.kind = 'canal';
    const e = refusal(fc);
    expect(e.code).toBe('BLOCK_UNKNOWN_KIND');
    expect(e.details.id).toBe('qp-road-1');
    expect(e.message).toMatch(/canal/);
  });

  it('BLOCK_DUPLICATE_ID', () => {
    const fc = good();
    props(fc, 'qp-2').properties.id = 'qp-1';
    const e = refusal(fc);
    expect([e.code, e.details.id]).toEqual(['BLOCK_DUPLICATE_ID', 'qp-1']);
  });

  it('BLOCK_BAD_GEOMETRY: a gate that is a polygon, a road of one point', () => {
    const fc = good();
    const gate = props(fc, 'qp-1-gate');
    gate.geometry = props(fc, 'qp-1').geometry;
    expect([refusal(fc).code, refusal(fc).details.id]).toEqual(['BLOCK_BAD_GEOMETRY', 'qp-1-gate']);
    const fc2 = good();
    const road = props(fc2, 'qp-road-1');
    road.geometry.coordinates = [(road.geometry.coordinates as unknown[])[0]];
    expect(refusal(fc2).code).toBe('BLOCK_BAD_GEOMETRY');
  });

  it('BLOCK_PADDY_INVALID carries the field stage code (a bow-tie paddy)', () => {
    const fc = good();
    const ring = (props(fc, 'qp-3').geometry.coordinates as number[][][])[0];
    [ring[1], ring[2]] = [ring[2], ring[1]];
    const e = refusal(fc);
    expect([e.code, e.details.id, e.details.fieldCode]).toEqual(['BLOCK_PADDY_INVALID', 'qp-3', 'FIELD_SELF_INTERSECTION']);
  });

  it('BLOCK_NO_PADDY', () => {
    expect(refusal(without(good(), (f) => f.properties.kind === 'paddy')).code).toBe('BLOCK_NO_PADDY');
  });

  it('BLOCK_PADDY_OVERLAP: two paddies sharing more than 1 m²', () => {
    const fc = good();
    const b = props(fc, 'qp-2');
    b.geometry = JSON.parse(JSON.stringify(props(fc, 'qp-1').geometry));
    (b.geometry.coordinates as number[][][])[0] = (b.geometry.coordinates as number[][][])[0].map(([x, y]) => [x + 0.00003, y]);
    const e = refusal(fc);
    expect(e.code).toBe('BLOCK_PADDY_OVERLAP');
    expect([e.details.id, e.details.other]).toEqual(['qp-1', 'qp-2']);
    expect(e.details.overlapM2 as number).toBeGreaterThan(1);
  });

  it('BLOCK_GATE_NO_PADDY, BLOCK_GATE_FAR_FROM_PADDY, BLOCK_GATE_FAR_FROM_ROAD', () => {
    const a = good();
    props(a, 'qp-2-gate').properties.paddy = 'qp-99';
    expect([refusal(a).code, refusal(a).details.id]).toEqual(['BLOCK_GATE_NO_PADDY', 'qp-2-gate']);
    const b = good();
    props(b, 'qp-2-gate').properties.paddy = 'qp-5';
    expect([refusal(b).code, refusal(b).details.id]).toEqual(['BLOCK_GATE_FAR_FROM_PADDY', 'qp-2-gate']);
    // 10 m along the paddy edge, away from every road: move the gate off the road side (into the ditch between rows)
    const c = without(good(), (f) => f.properties.id === 'qp-road-1');
    const e = refusal(c);
    expect(e.code).toBe('BLOCK_GATE_FAR_FROM_ROAD');
  });

  it('BLOCK_DEPOT_OFF_ROAD, and a drone-only depot may stand off the roads', () => {
    const fc = good();
    shift(props(fc, 'qp-depot'), -0.0003, 0);
    const e = refusal(fc);
    expect([e.code, e.details.id]).toEqual(['BLOCK_DEPOT_OFF_ROAD', 'qp-depot']);
    props(fc, 'qp-depot').properties.serves = ['drone'];
    expect(planBlock(parseBlock(JSON.stringify(fc)), 'drone').machines[0].depot).toBe('qp-depot');
    expect(refusal(fc, 'transplanter').code).toBe('BLOCK_NO_DEPOT');
  });

  it('BLOCK_NO_DEPOT: no depot serves the kind', () => {
    const fc = good();
    props(fc, 'qp-depot').properties.serves = ['transplanter'];
    expect(refusal(fc, 'drone').code).toBe('BLOCK_NO_DEPOT');
    expect(
      refusal(
        without(good(), (f) => f.properties.kind === 'depot'),
        'drone',
      ).code,
    ).toBe('BLOCK_NO_DEPOT');
  });

  it('BLOCK_PADDY_UNREACHABLE: a paddy without a gate, and a gate on a road cut off from the depot', () => {
    const a = without(good(), (f) => f.properties.id === 'qp-4-gate');
    expect([refusal(a).code, refusal(a).details.id]).toEqual(['BLOCK_PADDY_UNREACHABLE', 'qp-4']);
    // the north road cut off: no east road, and the west road stops a tenth of the way up
    const b = without(good(), (f) => f.properties.id === 'qp-road-east');
    const west = props(b, 'qp-road-west').geometry.coordinates as number[][];
    west[1] = [west[0][0] + (west[1][0] - west[0][0]) / 10, west[0][1] + (west[1][1] - west[0][1]) / 10];
    const e = refusal(b);
    expect(e.code).toBe('BLOCK_PADDY_UNREACHABLE');
    expect(String(e.details.id)).toMatch(/^qp-[4-6]$/);
  });

  it('BLOCK_NEEDS_ROADS: transplanters on a block without roads; drones plan it from the depot', () => {
    const fc = without(good(), (f) => f.properties.kind === 'road' || f.properties.kind === 'gate');
    expect(refusal(fc, 'transplanter').code).toBe('BLOCK_NEEDS_ROADS');
    const plan = planBlock(parseBlock(JSON.stringify(fc)), 'drone', { machines: 2 });
    expect(plan.machines.flatMap((m) => m.paddies)).toHaveLength(6);
  });

  it('BLOCK_NOFLY_BLOCKED: a depot walled in by a nofly ring', () => {
    const fc = good();
    const [lon, lat] = props(fc, 'qp-depot').geometry.coordinates as number[];
    const d = 0.0001,
      e = 0.00005;
    const sq = (r: number) => [
      [lon - r, lat - r],
      [lon + r, lat - r],
      [lon + r, lat + r],
      [lon - r, lat + r],
      [lon - r, lat - r],
    ];
    fc.features.push({
      type: 'Feature',
      properties: { kind: 'nofly', id: 'wall' },
      geometry: { type: 'Polygon', coordinates: [sq(d), sq(e).reverse()] },
    });
    const err = refusal(fc, 'drone');
    expect(err.code).toBe('BLOCK_NOFLY_BLOCKED');
    expect(err.exitCode).toBe(4);
  });

  it('BLOCK_INVALID_OPTION: fleet size out of range', () => {
    const block = parseBlock(JSON.stringify(good()));
    for (const n of [0, 1.5, 51])
      expect(() => planBlock(block, 'drone', { machines: n })).toThrow(expect.objectContaining({ code: 'BLOCK_INVALID_OPTION' }));
  });

  it('every BLOCK_ code for a bad file maps to exit 3', () => {
    const codes = Object.entries(ERROR_CODES).filter(([c]) => c.startsWith('BLOCK_'));
    expect(codes.length).toBeGreaterThanOrEqual(15);
    for (const [code, { exit }] of codes)
      expect([code, exit]).toEqual([code, code === 'BLOCK_NOFLY_BLOCKED' ? 4 : code === 'BLOCK_INVALID_OPTION' ? 2 : 3]);
  });
});
