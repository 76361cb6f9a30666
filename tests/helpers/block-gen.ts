/**
 * Synthetic consolidated blocks (Quỳnh Phụ, Thái Bình layout): bands of two paddy rows between
 * parallel field roads, a cross road at each end, a gate from every paddy onto its road, a depot
 * beside the west road, optional tomb plots (holes), split household plots and house clusters
 * (`nofly`) in place of some paddies. Drawn in metres, rotated, converted with the field stage's
 * local projection. Used by the sample writer, the property tests and the benchmark.
 */
import { localProjection, toLonLat } from '../../src/field/index.js';

type P = [number, number];

/** What a generated block looks like. */
export interface GridBlockSpec {
  origin: [number, number];
  rotateDeg: number;
  /** Bands of two rows each (rows = 2 · bands). */
  bands: number;
  /** Paddy widths along the road, m, one per column. */
  columnsM: number[];
  /** Depth of each paddy row, m. */
  depthM: number;
  /** `row,col` of plots split in two halves (two households). */
  split?: string[];
  /** `row,col` of plots with a tomb plot (hole) of 6 m × 6 m. */
  tombs?: string[];
  /** `row,col` of plots replaced by a house cluster (`nofly`). */
  houses?: string[];
  /** Household names; plots are given to them in a fixed pattern. */
  owners: string[];
  /** Crews at the depot (default 1). */
  crews?: number;
  idPrefix?: string;
}

const ROAD_W = 3, BUND = 1, DITCH = 3, GATE_OUT = 1;

/** Builds the block as a GeoJSON FeatureCollection. */
export function gridBlock(spec: GridBlockSpec): { type: 'FeatureCollection'; name: string; features: object[] } {
  const proj = localProjection(spec.origin[0], spec.origin[1]);
  const a = (spec.rotateDeg * Math.PI) / 180;
  const ll = ([x, y]: P) => toLonLat(proj, [x * Math.cos(a) - y * Math.sin(a), x * Math.sin(a) + y * Math.cos(a)]).map((v) => Math.round(v * 1e8) / 1e8);
  const ring = (r: P[]) => [...r, r[0]].map(ll);
  const rect = (x0: number, y0: number, w: number, h: number): P[] => [[x0, y0], [x0 + w, y0], [x0 + w, y0 + h], [x0, y0 + h]];
  const pre = spec.idPrefix ?? 'qp';
  const width = spec.columnsM.reduce((s, w) => s + w, 0) + BUND * (spec.columnsM.length - 1);
  const bandM = 2 * spec.depthM + DITCH + 2 * (ROAD_W / 2 + GATE_OUT + 0.5);
  const roadsY = Array.from({ length: spec.bands + 1 }, (_, i) => i * bandM);
  const features: object[] = [];
  const west = -6, east = width + 6;
  roadsY.forEach((y, i) => features.push({ type: 'Feature', properties: { kind: 'road', id: `${pre}-road-${i + 1}`, widthM: ROAD_W, name: `Đường nội đồng ${i + 1}` }, geometry: { type: 'LineString', coordinates: [ll([west, y]), ll([east, y])] } }));
  features.push({ type: 'Feature', properties: { kind: 'road', id: `${pre}-road-west`, widthM: 4, name: 'Đường trục tây' }, geometry: { type: 'LineString', coordinates: [ll([west, 0]), ll([west, roadsY[roadsY.length - 1]])] } });
  features.push({ type: 'Feature', properties: { kind: 'road', id: `${pre}-road-east`, widthM: ROAD_W, name: 'Đường trục đông' }, geometry: { type: 'LineString', coordinates: [ll([east, 0]), ll([east, roadsY[roadsY.length - 1]])] } });
  const midRoad = roadsY[Math.floor(spec.bands / 2)];
  features.push({ type: 'Feature', properties: { kind: 'depot', id: `${pre}-depot`, name: 'Bãi tập kết máy HTX', crews: spec.crews ?? 1 }, geometry: { type: 'Point', coordinates: ll([west - 4, midRoad + 3]) } });
  let k = 0;
  for (let row = 0; row < 2 * spec.bands; row++) {
    const band = Math.floor(row / 2), south = row % 2 === 0;
    const y0 = south ? roadsY[band] + ROAD_W / 2 + GATE_OUT + 0.5 : roadsY[band + 1] - ROAD_W / 2 - GATE_OUT - 0.5 - spec.depthM;
    const gateY = south ? y0 - GATE_OUT : y0 + spec.depthM + GATE_OUT;
    let x = 0;
    spec.columnsM.forEach((w, col) => {
      const key = `${row},${col}`;
      const x0 = x;
      x += w + BUND;
      if (spec.houses?.includes(key)) {
        features.push({ type: 'Feature', properties: { kind: 'nofly', id: `${pre}-houses-${row}-${col}`, name: 'Cụm nhà dân' }, geometry: { type: 'Polygon', coordinates: [ring(rect(x0, y0, w, spec.depthM))] } });
        return;
      }
      const parts = spec.split?.includes(key) ? [[x0, (w - BUND) / 2], [x0 + (w + BUND) / 2, (w - BUND) / 2]] : [[x0, w]];
      for (const [px, pw] of parts) {
        k++;
        const id = `${pre}-${k}`;
        const rings = [rect(px, y0, pw, spec.depthM)];
        if (spec.tombs?.includes(key)) rings.push(rect(px + pw / 2 - 3, y0 + spec.depthM / 2 - 3, 6, 6).reverse());
        const owner = spec.owners[(k * 7 + row) % spec.owners.length];
        features.push({ type: 'Feature', properties: { kind: 'paddy', id, owner, name: `Thửa ${k}` }, geometry: { type: 'Polygon', coordinates: rings.map(ring) } });
        features.push({ type: 'Feature', properties: { kind: 'gate', id: `${id}-gate`, paddy: id }, geometry: { type: 'Point', coordinates: ll([px + pw / 2, gateY]) } });
      }
    });
  }
  return { type: 'FeatureCollection', name: `${pre} block`, features };
}
