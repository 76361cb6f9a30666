/**
 * The MapLibre style object: no vector tiles, no glyphs, only GeoJSON sources (plan,
 * coverage) over a plain background, plus an optional raster layer from `?tiles=`.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { COLORS } from './view.js';

const EMPTY = { type: 'FeatureCollection' as const, features: [] };
/** Earth circumference at the equator, m (WGS84), and MapLibre's 512 px world at zoom 0. */
const EQUATOR_M = 40_075_016.686;
const WORLD_PX = 512;

/**
 * line-width in pixels for a strip `widthM` metres wide at latitude `latDeg`: pixels per
 * metre double with each zoom level, so an exponential(2) interpolation over zoom is exact.
 * @example
 * metresToPixels(20.65); // ['interpolate', ['exponential', 2], ['zoom'], 0, …, 24, …]
 */
export function metresToPixels(latDeg: number): ExpressionSpecification {
  const pxPerMAtZ0 = WORLD_PX / (EQUATOR_M * Math.cos((latDeg * Math.PI) / 180));
  return [
    'interpolate',
    ['exponential', 2],
    ['zoom'],
    0,
    ['*', ['get', 'widthM'], pxPerMAtZ0],
    24,
    ['*', ['get', 'widthM'], pxPerMAtZ0 * 2 ** 24],
  ];
}

/** Coverage layers, each on its own GeoJSON source of the same name: finished passes, then the open ones. */
export const COVERAGE_LAYERS = ['coverage-done', 'coverage-open'] as const;

const kind = (k: string): ExpressionSpecification => ['==', ['get', 'kind'], k];

type FillPaint = Extract<LayerSpecification, { type: 'fill' }>['paint'];
type LinePaint = Extract<LayerSpecification, { type: 'line' }>['paint'];

/** A fill layer of the plan's features of one kind. */
const planFill = (id: string, k: string, paint: FillPaint): LayerSpecification => ({
  id,
  type: 'fill',
  source: 'plan',
  filter: kind(k),
  paint,
});
/** A line layer of the plan's features of one kind. */
const planLine = (id: string, k: string, paint: LinePaint): LayerSpecification => ({
  id,
  type: 'line',
  source: 'plan',
  filter: kind(k),
  paint,
});

/** Coverage strips at the implement's width (the width expression is exact at every zoom). */
function coverageLayers(latDeg: number): LayerSpecification[] {
  return COVERAGE_LAYERS.map(
    (id): LayerSpecification => ({
      id,
      type: 'line',
      source: id,
      layout: { 'line-cap': 'butt', 'line-join': 'round' },
      paint: { 'line-color': COLORS.coverage, 'line-opacity': COLORS.coverageOpacity, 'line-width': metresToPixels(latDeg) },
    }),
  );
}

/** The planned path: headland laps, swaths, turns and transits, thin over the coverage. */
function pathLayers(): LayerSpecification[] {
  return [
    planLine('headland', 'headland', { 'line-color': COLORS.headland, 'line-width': 1, 'line-dasharray': [3, 2] }),
    planLine('path-swath', 'swath', { 'line-color': COLORS.swath, 'line-width': 0.8, 'line-opacity': 0.7 }),
    planLine('path-turn', 'turn', { 'line-color': COLORS.turn, 'line-width': 0.8, 'line-opacity': 0.7 }),
    planLine('path-transit', 'transit', { 'line-color': COLORS.transit, 'line-width': 1, 'line-dasharray': [2, 2] }),
  ];
}

/** Layers of the plan and coverage; coverage sits under the thin planned path. */
export function planLayers(latDeg: number): LayerSpecification[] {
  return [
    planFill('field-fill', 'boundary', { 'fill-color': COLORS.fieldFill }),
    planFill('hole-fill', 'hole', { 'fill-color': COLORS.hole }),
    // prescription zones, coloured by rate once the plan's dose scale is known (map-view.ts)
    planFill('zone-fill', 'zone', { 'fill-color': COLORS.fieldFill, 'fill-opacity': 0.35 }),
    planLine('zone-line', 'zone', { 'line-color': COLORS.boundary, 'line-width': 1.5, 'line-dasharray': [3, 2] }),
    ...coverageLayers(latDeg),
    ...pathLayers(),
    planLine('boundary-line', 'boundary', { 'line-color': COLORS.boundary, 'line-width': 2 }),
    planLine('hole-line', 'hole', { 'line-color': COLORS.boundary, 'line-width': 1.5 }),
    {
      id: 'refill',
      type: 'circle',
      source: 'plan',
      filter: ['all', kind('refill'), ['==', ['geometry-type'], 'Point']],
      paint: { 'circle-color': COLORS.refill, 'circle-radius': 6, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
    },
  ];
}

/** The whole style; `tilesUrl` adds a raster layer under everything (online use only). */
export function buildStyle(latDeg: number, tilesUrl?: string): StyleSpecification {
  const style: StyleSpecification = {
    version: 8,
    sources: {
      plan: { type: 'geojson', data: EMPTY },
      'coverage-done': { type: 'geojson', data: EMPTY, tolerance: 0.2 },
      'coverage-open': { type: 'geojson', data: EMPTY, tolerance: 0.2 },
    },
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': COLORS.background } }, ...planLayers(latDeg)],
  };
  if (tilesUrl) {
    style.sources.tiles = { type: 'raster', tiles: [tilesUrl], tileSize: 256 };
    style.layers.splice(1, 0, { id: 'tiles', type: 'raster', source: 'tiles' });
  }
  return style;
}
