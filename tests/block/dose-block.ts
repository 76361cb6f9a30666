/**
 * A small drone block for the dose tests: two 60 m × 40 m paddies side by side (a 2 m bund
 * between them), a depot south of the bund and, optionally, a 4 m canal along the north edge as a
 * `buffer` feature; and a two-zone prescription map, 50 kg/ha over paddy a, 110 over paddy b.
 */
import { localProjection, toLonLat } from '../../src/geodesy/index.js';

const proj = localProjection(106.35, 20.45);
const ll = (p: number[]) => toLonLat(proj, p).map((v) => Math.round(v * 1e8) / 1e8);
/** A closed WGS84 ring of a rectangle given in block metres. */
export const rect = (x0: number, y0: number, x1: number, y1: number) => [
  [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ].map(ll),
];

/** The block as a GeoJSON object; `canal` adds the water buffer (with `bufferM` when given). */
export function doseBlock(canal?: { bufferM?: number }): object {
  return {
    type: 'FeatureCollection',
    name: 'two paddies by a canal',
    features: [
      {
        type: 'Feature',
        id: 'a',
        properties: { kind: 'paddy', id: 'a', owner: 'A' },
        geometry: { type: 'Polygon', coordinates: rect(0, 0, 60, 40) },
      },
      {
        type: 'Feature',
        id: 'b',
        properties: { kind: 'paddy', id: 'b', owner: 'B' },
        geometry: { type: 'Polygon', coordinates: rect(62, 0, 122, 40) },
      },
      {
        type: 'Feature',
        id: 'depot',
        properties: { kind: 'depot', serves: ['drone'] },
        geometry: { type: 'Point', coordinates: ll([61, -5]) },
      },
      ...(canal
        ? [
            {
              type: 'Feature',
              id: 'canal',
              properties: { kind: 'buffer', name: 'Kênh', ...(canal.bufferM !== undefined ? { bufferM: canal.bufferM } : {}) },
              geometry: { type: 'Polygon', coordinates: rect(-10, 41, 132, 45) },
            },
          ]
        : []),
    ],
  };
}

/** Zone `low` (50 kg/ha) over paddy a, `high` (110 kg/ha) over paddy b; `shiftM` moves both away (a map that misses). */
export function twoPaddyZones(shiftM = 0): object {
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'low',
        properties: { rateKgPerHa: 50 },
        geometry: { type: 'Polygon', coordinates: rect(-20 + shiftM, -20, 61 + shiftM, 60) },
      },
      {
        type: 'Feature',
        id: 'high',
        properties: { rateKgPerHa: 110 },
        geometry: { type: 'Polygon', coordinates: rect(61 + shiftM, -20, 140 + shiftM, 60) },
      },
    ],
  };
}
