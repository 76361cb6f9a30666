import { describe, expect, it } from 'vitest';
import { parseBlock, planBlock } from '../../src/block/index.js';
import { kindOfFolder } from '../../src/block/kml.js';
import { parseFields } from '../../src/field/index.js';

/** A 40 × 60 m paddy at Quỳnh Phụ, a road along its south side, its gate and the depot: folders only, no ExtendedData kind. */
const ring = '106.36,20.64,0 106.3603843,20.64,0 106.3603843,20.6405396,0 106.36,20.6405396,0 106.36,20.64,0';
const kml = (paddies: string, roads: string, gates: string, depots: string) => `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Khu thử</name>
 <Folder><name>${paddies}</name><Placemark><name>Thửa 1</name><ExtendedData><Data name="id"><value>p1</value></Data><Data name="owner"><value>Vũ Thị Dung</value></Data></ExtendedData>
  <Polygon><outerBoundaryIs><LinearRing><coordinates>${ring}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark></Folder>
 <Folder><name>${roads}</name><Placemark><name>Đường</name><ExtendedData><Data name="id"><value>r1</value></Data><Data name="widthM"><value>3</value></Data></ExtendedData>
  <LineString><coordinates>106.3599,20.639973,0 106.3605,20.639973,0</coordinates></LineString></Placemark></Folder>
 <Folder><name>${gates}</name><Placemark><name>Cửa</name><ExtendedData><Data name="id"><value>g1</value></Data><Data name="paddy"><value>p1</value></Data></ExtendedData>
  <Point><coordinates>106.36019,20.639991,0</coordinates></Point></Placemark></Folder>
 <Folder><name>${depots}</name><Placemark><name>Kho</name><ExtendedData><Data name="id"><value>d1</value></Data><Data name="serves"><value>drone,transplanter</value></Data><Data name="crews"><value>2</value></Data></ExtendedData>
  <Point><coordinates>106.3599,20.63995,0</coordinates></Point></Placemark></Folder>
</Document></kml>`;

describe('reading blocks', () => {
  it('KML: kinds from folder names (English or Vietnamese), ExtendedData values as numbers and lists', () => {
    for (const names of [
      ['Paddies', 'Roads', 'Gates', 'Depots'],
      ['Ruộng', 'Đường nội đồng', 'Cổng', 'Kho vật tư'],
    ] as const) {
      const block = parseBlock(kml(names[0], names[1], names[2], names[3]));
      expect(block.paddies.map((p) => [p.id, p.owner])).toEqual([['p1', 'Vũ Thị Dung']]);
      expect(block.paddies[0].areaHa).toBeCloseTo(0.24, 2);
      expect(block.roads.map((r) => [r.id, r.widthM])).toEqual([['r1', 3]]);
      expect(block.gates.map((g) => [g.id, g.paddy])).toEqual([['g1', 'p1']]);
      expect(block.depots.map((d) => [d.id, d.serves, d.crews])).toEqual([['d1', ['drone', 'transplanter'], 2]]);
      expect(planBlock(block, 'transplanter').machines[0].paddies).toEqual(['p1']);
    }
    expect(kindOfFolder('No-fly')).toBe('nofly');
    expect(kindOfFolder('Cấm bay')).toBe('nofly');
    expect(kindOfFolder('Notes')).toBeUndefined();
  });

  it("one projection for the block: origin at the first paddy's first vertex (as check-block)", () => {
    const block = parseBlock(kml('Paddies', 'Roads', 'Gates', 'Depots'));
    expect([block.projection.lon0, block.projection.lat0]).toEqual([106.36, 20.64]);
    expect(block.paddies[0].polygon.outer[0]).toEqual([0, 0]);
    // the gate sits 1 m south of the paddy's south edge (a point 1e-5° south ≈ 1.1 m)
    expect(block.gates[0].at[1]).toBeCloseTo(-1.0, 0);
  });

  it('the field reader takes the paddies of a block file and skips roads, gates, depots and nofly', () => {
    const fields = parseFields(
      kml('Paddies', 'Roads', 'Gates', 'Depots').replace(
        /<Data name="id"><value>(r1|g1|d1)<\/value><\/Data>/g,
        (m, id) => `${m}<Data name="kind"><value>${{ r1: 'road', g1: 'gate', d1: 'depot' }[id as 'r1']}</value></Data>`,
      ),
    );
    expect(fields.map((f) => f.id)).toEqual(['p1']);
  });
});
