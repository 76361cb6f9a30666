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

/** Layers of the plan and coverage; coverage sits under the thin planned path. */
export function planLayers(latDeg: number): LayerSpecification[] {
  return [
    { id: 'field-fill', type: 'fill', source: 'plan', filter: kind('boundary'), paint: { 'fill-color': COLORS.fieldFill } },
    { id: 'hole-fill', type: 'fill', source: 'plan', filter: kind('hole'), paint: { 'fill-color': COLORS.hole } },
    // prescription zones, coloured by rate once the plan's dose scale is known (map-view.ts)
    {
      id: 'zone-fill',
      type: 'fill',
      source: 'plan',
      filter: kind('zone'),
      paint: { 'fill-color': COLORS.fieldFill, 'fill-opacity': 0.35 },
    },
    {
      id: 'zone-line',
      type: 'line',
      source: 'plan',
      filter: kind('zone'),
      paint: { 'line-color': COLORS.boundary, 'line-width': 1.5, 'line-dasharray': [3, 2] },
    },
    ...COVERAGE_LAYERS.map(
      (id): LayerSpecification => ({
        id,
        type: 'line',
        source: id,
        layout: { 'line-cap': 'butt', 'line-join': 'round' },
        paint: { 'line-color': COLORS.coverage, 'line-opacity': COLORS.coverageOpacity, 'line-width': metresToPixels(latDeg) },
      }),
    ),
    {
      id: 'headland',
      type: 'line',
      source: 'plan',
      filter: kind('headland'),
      paint: { 'line-color': COLORS.headland, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      id: 'path-swath',
      type: 'line',
      source: 'plan',
      filter: kind('swath'),
      paint: { 'line-color': COLORS.swath, 'line-width': 0.8, 'line-opacity': 0.7 },
    },
    {
      id: 'path-turn',
      type: 'line',
      source: 'plan',
      filter: kind('turn'),
      paint: { 'line-color': COLORS.turn, 'line-width': 0.8, 'line-opacity': 0.7 },
    },
    {
      id: 'path-transit',
      type: 'line',
      source: 'plan',
      filter: kind('transit'),
      paint: { 'line-color': COLORS.transit, 'line-width': 1, 'line-dasharray': [2, 2] },
    },
    {
      id: 'boundary-line',
      type: 'line',
      source: 'plan',
      filter: kind('boundary'),
      paint: { 'line-color': COLORS.boundary, 'line-width': 2 },
    },
    { id: 'hole-line', type: 'line', source: 'plan', filter: kind('hole'), paint: { 'line-color': COLORS.boundary, 'line-width': 1.5 } },
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
