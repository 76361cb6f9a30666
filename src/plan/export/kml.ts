import type { Plan } from '../types.js';
import { planToGeoJson, type PlanFeature, type PlanFeatureKind } from './geojson.js';
import { decimalText, escapeXml } from './xml.js';

/** KML colours are aabbggrr. One style per feature kind. */
const STYLES: Record<PlanFeatureKind, { line: string; width: number; fill?: string }> = {
  boundary: { line: 'ff00ffff', width: 2, fill: '3300ff00' },
  hole: { line: 'ff0000ff', width: 2, fill: '660000ff' },
  headland: { line: 'ffff8800', width: 1 },
  cell: { line: 'ffaaaaaa', width: 1, fill: '11ffffff' },
  swath: { line: 'ff00cc00', width: 3 },
  turn: { line: 'ff00a5ff', width: 2 },
  transit: { line: 'ffff00ff', width: 1 },
  refill: { line: 'ffffffff', width: 1 },
  zone: { line: 'ff0088ff', width: 1, fill: '330088ff' },
  buffer: { line: 'ffff0000', width: 1, fill: '44ff0000' },
};

const FOLDERS: [PlanFeatureKind, string][] = [
  ['boundary', 'Field boundary'],
  ['hole', 'Holes (not worked)'],
  ['headland', 'Headland laps (centre lines)'],
  ['cell', 'Cells'],
  ['swath', 'Swaths (implement on)'],
  ['turn', 'Turns'],
  ['transit', 'Transits'],
  ['refill', 'Refill stops'],
];

const coords = (pts: [number, number][]) => pts.map(([lon, lat]) => `${decimalText(lon)},${decimalText(lat)}`).join(' ');

function geometryKml(f: PlanFeature): string {
  const g = f.geometry;
  if (g.type === 'Point') return `<Point><coordinates>${coords([g.coordinates])}</coordinates></Point>`;
  if (g.type === 'LineString')
    return `<LineString><tessellate>1</tessellate><coordinates>${coords(g.coordinates)}</coordinates></LineString>`;
  const ring = (r: [number, number][]) => `<LinearRing><coordinates>${coords(r)}</coordinates></LinearRing>`;
  const polygon = ([outer, ...inner]: [number, number][][]) =>
    `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>${inner.map((r) => `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`).join('')}</Polygon>`;
  if (g.type === 'MultiPolygon') return `<MultiGeometry>${g.coordinates.map(polygon).join('')}</MultiGeometry>`;
  const [outer, ...inner] = g.coordinates;
  return `<Polygon><outerBoundaryIs>${ring(outer)}</outerBoundaryIs>${inner.map((r) => `<innerBoundaryIs>${ring(r)}</innerBoundaryIs>`).join('')}</Polygon>`;
}

function placemarkName(f: PlanFeature): string {
  const p = f.properties;
  if (p.kind === 'boundary') return String(p.name ?? p.fieldId);
  if (p.kind === 'refill') return `${p.seq}. refill (${p.reason}, ${p.durationS} s)`;
  if (p.seq > 0) return `${p.seq}. ${p.kind}${p.kind === 'turn' ? ` ${p.turnType}` : ''}`;
  return `${p.kind}`;
}

/**
 * The boundary placemark with the holes as inner rings: drawn that way in Google Earth, and read
 * back by `readFieldFile` as the field itself (same area), not as the field with its holes filled.
 * The GeoJSON keeps boundary and holes apart (docs/contracts.md kinds); the hole placemarks stay too.
 */
function withHoles(f: PlanFeature, holes: PlanFeature[]): PlanFeature {
  if (f.properties.kind !== 'boundary' || f.geometry.type !== 'Polygon') return f;
  const inner = holes.flatMap((h) => (h.geometry.type === 'Polygon' ? [h.geometry.coordinates[0]] : []));
  return { ...f, geometry: { type: 'Polygon', coordinates: [f.geometry.coordinates[0], ...inner] } };
}

function placemark(f: PlanFeature): string {
  const data = Object.entries(f.properties)
    .map(([k, v]) => `<Data name="${escapeXml(k)}"><value>${escapeXml(String(v))}</value></Data>`)
    .join('');
  return `<Placemark><name>${escapeXml(placemarkName(f))}</name><styleUrl>#${f.properties.kind}</styleUrl><ExtendedData>${data}</ExtendedData>${geometryKml(f)}</Placemark>`;
}

function style(kind: PlanFeatureKind): string {
  const s = STYLES[kind];
  const poly = s.fill ? `<PolyStyle><color>${s.fill}</color></PolyStyle>` : '';
  return `<Style id="${kind}"><LineStyle><color>${s.line}</color><width>${s.width}</width></LineStyle>${poly}</Style>`;
}

/**
 * Converts a plan to a KML 2.2 document (Google Earth): one Folder per feature kind, Placemarks
 * with the same geometry and properties (as ExtendedData) as {@link planToGeoJson} — except that
 * the boundary Polygon also carries the holes as inner rings, so the file re-reads as the field —
 * one style per kind. Properties round-trip through `@tmcw/togeojson`.
 *
 * @param plan - a plan from `planField`
 * @returns the KML text (UTF-8, with XML declaration)
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, planToKml } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/l-shaped-paddy.geojson');
 * const kml = planToKml(planField(paddy, getVehicle('transplanter')));
 * ```
 */
export function planToKml(plan: Plan): string {
  const fc = planToGeoJson(plan);
  const m = fc.properties.agrisim;
  const description =
    `${plan.vehicle.name}: ${m.swaths.count} swaths at ${m.swaths.angleDeg}°, coverage ${m.coveragePct} %, ` +
    `${m.field.areaHa} ha (${m.field.areaSao} sào), ${Math.round(m.timeS.total / 60)} min`;
  const holes = fc.features.filter((f) => f.properties.kind === 'hole');
  const folders = FOLDERS.map(([kind, name]) => {
    const items = fc.features.filter((f) => f.properties.kind === kind).map((f) => withHoles(f, holes));
    return items.length ? `<Folder><name>${escapeXml(name)}</name>\n${items.map(placemark).join('\n')}\n</Folder>` : '';
  }).filter(Boolean);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '<Document>',
    `<name>${escapeXml(`${plan.field.name} — ${plan.vehicle.id} plan`)}</name>`,
    `<description>${escapeXml(description)}</description>`,
    ...FOLDERS.map(([kind]) => style(kind)),
    ...folders,
    '</Document>',
    '</kml>',
    '',
  ].join('\n');
}
