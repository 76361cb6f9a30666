/**
 * What a field view (MapLibre or the 2D canvas fallback) offers the pane: draw the plan,
 * repaint coverage, and place the machines every animation frame.
 */
import type { FeatureCollection } from 'geojson';
import type { Pose } from './interpolate.js';

export type PlanFeatureCollection = FeatureCollection;

/** Coverage strips in two parts, so the large finished part is re-sent only when it changes. */
export interface CoverageLayers {
  done?: FeatureCollection;
  open: FeatureCollection;
}

/** A machine to draw this frame. */
export interface VehicleMark {
  id: string;
  kind: string;
  pose: Pose;
  implementOn: boolean;
}

export interface FieldView {
  readonly renderer: 'maplibre' | 'canvas';
  /** Draws the field and planned path and frames the view on them. */
  setPlan(plan: PlanFeatureCollection): void;
  /**
   * Replaces the painted coverage strips: `open` (passes still being painted) every refresh,
   * `done` (finished passes) only when it changed, else undefined.
   */
  setCoverage(coverage: CoverageLayers): void;
  /** Places the machines (called every animation frame). */
  setVehicles(marks: VehicleMark[]): void;
  /** True once the field has been drawn on screen. */
  fieldRendered(): boolean;
  /** Count of field features drawn (boundary and holes), for tests and benchmarks. */
  renderedFieldFeatures(): number;
  /** Count of coverage strips on screen now, for tests. */
  renderedCoverageFeatures(): number;
  resize(): void;
  destroy(): void;
  /** Screen position of `[lon, lat]` in CSS pixels from the map's top-left (overlays such as the block layer draw with it), undefined before the view is framed. */
  project?(lonLat: [number, number]): [number, number] | undefined;
}

/** Colours shared by both renderers. */
export const COLORS = {
  background: '#dfe8d5',
  fieldFill: '#b9d98f',
  boundary: '#2e5d1f',
  hole: '#8d8d80',
  headland: '#6d8f3a',
  swath: '#3f6f2a',
  turn: '#7a6a3a',
  transit: '#7d7d7d',
  refill: '#c25e00',
  coverage: '#0b4f9c',
  /** Translucent so a second pass over the same ground looks darker. */
  coverageOpacity: 0.38,
  vehicle: ['#d81b60', '#f57c00', '#6a1b9a', '#00838f', '#c62828', '#283593', '#2e7d32', '#ef6c00', '#4527a0', '#00695c'],
};

/** Colour of the `i`-th vehicle. */
export function vehicleColor(i: number): string {
  return COLORS.vehicle[((i % COLORS.vehicle.length) + COLORS.vehicle.length) % COLORS.vehicle.length];
}

/** [west, south, east, north] of every coordinate in a collection, or undefined when empty. */
export function bboxOf(fc: FeatureCollection): [number, number, number, number] | undefined {
  let w = Infinity,
    s = Infinity,
    e = -Infinity,
    n = -Infinity;
  const visit = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0]);
      e = Math.max(e, c[0]);
      s = Math.min(s, c[1]);
      n = Math.max(n, c[1]);
      return;
    }
    for (const x of c) visit(x);
  };
  for (const f of fc.features) if (f.geometry && 'coordinates' in f.geometry) visit(f.geometry.coordinates);
  return Number.isFinite(w) ? [w, s, e, n] : undefined;
}
