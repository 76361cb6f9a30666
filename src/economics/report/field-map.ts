/**
 * The field map: boundary, holes and the plan's working swaths and turns from a plan GeoJSON
 * FeatureCollection (docs/contracts.md "Plan output"), drawn as plain SVG on a local equirectangular
 * projection (metres east/north of the centre), north up.
 */
import { metresPerDegree } from '../../geodesy/index.js';
import { esc, px } from './svg.js';

/** A plan GeoJSON FeatureCollection as plain data (features with `properties.kind`). */
export interface PlanGeoJsonLike {
  type?: string;
  features: unknown[];
}

type Pos = [number, number];
interface Feat {
  geometry?: { type?: string; coordinates?: unknown } | null;
  properties?: { kind?: string; widthM?: number } | null;
}

function rings(geometry: Feat['geometry']): Pos[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return geometry.coordinates as Pos[][];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Pos[][][]).flat();
  return [];
}

function lines(geometry: Feat['geometry']): Pos[][] {
  if (!geometry) return [];
  if (geometry.type === 'LineString') return [geometry.coordinates as Pos[]];
  if (geometry.type === 'MultiLineString') return geometry.coordinates as Pos[][];
  return [];
}

/**
 * SVG of a plan, or an empty string when it has no boundary.
 * @param plan - plan GeoJSON (WGS84 lon/lat)
 */
export function fieldMapSvg(plan: PlanGeoJsonLike, widthPx = 330, heightPx = 220, title = ''): string {
  const feats = (plan.features ?? []) as Feat[];
  const kind = (f: Feat) => f.properties?.kind ?? '';
  const boundaries = feats.filter((f) => kind(f) === 'boundary').flatMap((f) => rings(f.geometry));
  if (!boundaries.length) return '';
  const all = boundaries.flat();
  const lat0 = all.reduce((a, p) => a + p[1], 0) / all.length;
  const lon0 = all.reduce((a, p) => a + p[0], 0) / all.length;
  const [mPerDegLon, mPerDegLat] = metresPerDegree(lat0);
  const toM = (p: Pos): Pos => [(p[0] - lon0) * mPerDegLon, (p[1] - lat0) * mPerDegLat];
  const ms = all.map(toM);
  const minX = Math.min(...ms.map((p) => p[0]));
  const maxX = Math.max(...ms.map((p) => p[0]));
  const minY = Math.min(...ms.map((p) => p[1]));
  const maxY = Math.max(...ms.map((p) => p[1]));
  const pad = 6;
  const s = Math.min((widthPx - 2 * pad) / Math.max(1, maxX - minX), (heightPx - 2 * pad) / Math.max(1, maxY - minY));
  const ox = (widthPx - s * (maxX - minX)) / 2;
  const oy = (heightPx - s * (maxY - minY)) / 2;
  const P = (p: Pos) => {
    const m = toM(p);
    return `${px(ox + (m[0] - minX) * s)},${px(oy + (maxY - m[1]) * s)}`;
  };
  const path = (ring: Pos[], close: boolean) => 'M' + ring.map(P).join('L') + (close ? 'Z' : '');
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${widthPx}" height="${heightPx}" viewBox="0 0 ${widthPx} ${heightPx}" role="img" aria-label="${esc(title)}">`,
  ];
  out.push(`<path d="${boundaries.map((r) => path(r, true)).join('')}" fill="#e8f3dc" stroke="#3a6b1f" stroke-width="1.2"/>`);
  const holes = feats.filter((f) => kind(f) === 'hole').flatMap((f) => rings(f.geometry));
  if (holes.length) out.push(`<path d="${holes.map((r) => path(r, true)).join('')}" fill="#fff" stroke="#7a5c3a" stroke-width="1"/>`);
  const swaths = feats.filter((f) => kind(f) === 'swath');
  for (const f of swaths) {
    const wpx = Math.max(0.4, (f.properties?.widthM ?? 1) * s * 0.6);
    for (const l of lines(f.geometry))
      out.push(`<path d="${path(l, false)}" fill="none" stroke="#2f7d32" stroke-opacity="0.45" stroke-width="${px(wpx)}"/>`);
  }
  const turns = feats.filter((f) => kind(f) === 'turn').flatMap((f) => lines(f.geometry));
  if (turns.length) out.push(`<path d="${turns.map((l) => path(l, false)).join('')}" fill="none" stroke="#555" stroke-width="0.5"/>`);
  out.push('</svg>');
  return out.join('');
}
