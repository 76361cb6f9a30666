/** Pure parts of the phone features: names in each language, the tile URL check, drawn areas, replay strips. */
import { describe, expect, it } from 'vitest';
import { simLabel, vehicleLabel } from '../../src/viewer/app/names.js';
import { checkTilesUrl, tilesAttribution } from '../../src/viewer/app/tiles.js';
import { polygonOf, ringAreaM2, toLonLat } from '../../src/viewer/app/paddy/geo.js';
import { stripsUpTo, type TracePoint } from '../../src/viewer/app/paddy/replay.js';
import { TABLES } from '../../src/viewer/app/i18n.js';

describe('names in the page language', () => {
  const offer = {
    id: 'thai-binh-drone-manual',
    name: 'Thái Bình, Quỳnh Phụ: urea top-dressing by a fertilizer drone (Ô 1–4) (driven by eye)',
    guidance: 'manual',
    vehicles: ['drone-1'],
  };
  it('composes the simulation label from kind, guidance and paddies', () => {
    expect(simLabel('vi', offer, new Map())).toBe('Drone bón phân · lái tay (Ô 1–4)');
    expect(simLabel('en', offer, new Map())).toBe('Fertilizer drone · manual driving (Ô 1–4)');
    expect(simLabel('vi', { id: 'x', name: 'Two', guidance: 'rtk', vehicles: ['a', 'b'] }, new Map([['x', 'drone']]))).toBe(
      '2 × Drone bón phân · dẫn hướng RTK',
    );
    expect(simLabel('vi', { id: 'mqtt-1', name: 'Farm feed' }, new Map())).toBe('Farm feed'); // nothing better known
  });
  it('names machines by kind and number', () => {
    expect(vehicleLabel('vi', 'transplanter', 0)).toBe('Máy cấy 1');
    expect(vehicleLabel('en', 'drone', 1)).toBe('Fertilizer drone 2');
    expect(vehicleLabel('vi', 'tractor', 0)).toBe('tractor 1');
  });
  it('has every key in every language, none empty', () => {
    const keys = Object.keys(TABLES.en);
    expect(Object.keys(TABLES.vi).sort()).toEqual([...keys].sort());
    for (const lang of ['vi', 'en'] as const)
      for (const k of keys) expect((TABLES[lang] as Record<string, string>)[k].length).toBeGreaterThan(0);
  });
});

describe('online map background', () => {
  it('accepts only http(s) templates with {z}, {x} and {y}', () => {
    expect(checkTilesUrl(' https://tile.openstreetmap.org/{z}/{x}/{y}.png ')).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(checkTilesUrl('javascript:alert(1)/{z}/{x}/{y}')).toBe('');
    expect(checkTilesUrl('https://example.org/tiles.png')).toBe('');
  });
  it('credits OSM in the page language, else the tile host', () => {
    expect(tilesAttribution('vi', { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '' })).toBe(
      '© những người đóng góp OpenStreetMap',
    );
    expect(tilesAttribution('en', { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: '' })).toBe(
      '© OpenStreetMap contributors',
    );
    expect(tilesAttribution('vi', { url: 'https://sat.example.vn/{z}/{x}/{y}.jpg', attribution: '' })).toBe('© sat.example.vn');
    expect(tilesAttribution('vi', { url: 'https://sat.example.vn/{z}/{x}/{y}.jpg', attribution: 'Ảnh vệ tinh X' })).toBe('Ảnh vệ tinh X');
  });
});

describe('drawing a paddy', () => {
  it('measures the drawn corners in m² (a 40 × 80 m paddy is 3200 m², 8.9 sào)', () => {
    expect(
      ringAreaM2([
        [0, 0],
        [40, 0],
        [40, 80],
        [0, 80],
      ]),
    ).toBe(3200);
    expect(
      ringAreaM2([
        [0, 0],
        [40, 0],
        [40, 80],
      ]),
    ).toBe(1600);
  });
  it('turns metres around home into a closed lon/lat polygon (1 m north ≈ 9.0e-6° of latitude)', () => {
    const p = polygonOf(
      [106.35, 20.65],
      [
        [0, 0],
        [10, 0],
        [10, 100],
      ],
    );
    expect(p.coordinates[0]).toHaveLength(4);
    expect(p.coordinates[0][3]).toEqual(p.coordinates[0][0]);
    expect(toLonLat([106.35, 20.65], [0, 111.32])[1]).toBeCloseTo(20.651, 6);
  });
});

describe('replay strips', () => {
  it('paints one strip per run of implement-on points up to the index shown', () => {
    const trace: TracePoint[] = [
      [0, 1, 1, 0, 0],
      [1, 1, 2, 0, 1],
      [2, 1, 3, 0, 1],
      [3, 2, 3, 90, 0],
      [4, 2, 2, 180, 1],
      [5, 2, 1, 180, 1],
    ];
    expect(stripsUpTo(trace, 2, 1.8).features.map((f) => (f.geometry as { coordinates: unknown[] }).coordinates.length)).toEqual([2]);
    const all = stripsUpTo(trace, 5, 1.8);
    expect(all.features).toHaveLength(2);
    expect(all.features[1].properties).toEqual({ widthM: 1.8 });
  });
});
