/**
 * Field view drawn by MapLibre GL JS (WebGL): GeoJSON sources for the plan and coverage,
 * HTML markers for the machines (moved every animation frame, rotated by heading).
 */
import { Map as MlMap, Marker, setWorkerUrl, type GeoJSONSource } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { doseColorExpression, doseScaleOf } from './dose-scale.js';
import { buildStyle, COVERAGE_LAYERS, metresToPixels } from './map-style.js';
import { bboxOf, COLORS, vehicleColor, type CoverageLayers, type FieldView, type PlanFeatureCollection, type VehicleMark } from './view.js';

/** Default centre before the plan arrives: Quỳnh Phụ, Thái Bình (docs/contracts.md home case). */
const HOME: [number, number] = [106.35, 20.65];

/** An arrow pointing north; the marker rotates it to the heading. */
export function vehicleElement(kind: string, color: string, label: string): HTMLElement {
  const el = document.createElement('div');
  el.className = `vehicle vehicle-${kind}`;
  el.title = label;
  el.innerHTML =
    `<svg viewBox="-12 -12 24 24" width="26" height="26" aria-hidden="true">` +
    (kind === 'drone' ? `<circle r="10.5" fill="none" stroke="${color}" stroke-width="1.5" stroke-dasharray="3 2"/>` : '') +
    `<path d="M0 -10 L7 8 L0 4 L-7 8 Z" fill="${color}" stroke="#fff" stroke-width="1.5" stroke-linejoin="round"/></svg>`;
  return el;
}

/** MapLibre's CSS comes with the map, not with the page: the first load on a phone stays small. */
function loadMapLibreCss(): void {
  if (document.querySelector('link[data-maplibre-css]')) return;
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: 'maplibre-gl.css' });
  link.dataset.maplibreCss = '';
  document.head.appendChild(link);
}

/** Machine markers, made on first sight and moved and turned every frame. */
function createMarkers(map: MlMap): (marks: VehicleMark[]) => void {
  const markers = new Map<string, Marker>();
  return (marks) =>
    marks.forEach((mark, i) => {
      let marker = markers.get(mark.id);
      if (!marker) {
        marker = new Marker({ element: vehicleElement(mark.kind, vehicleColor(i), mark.id), rotationAlignment: 'map' })
          .setLngLat([mark.pose.lon, mark.pose.lat])
          .addTo(map);
        markers.set(mark.id, marker);
      }
      marker.setLngLat([mark.pose.lon, mark.pose.lat]);
      marker.setRotation(mark.pose.headingDeg);
    });
}

/** A new MapLibre map in `container`, centred on HOME, with rotation and fading off. */
function createMap(container: HTMLElement, tilesUrl: string | undefined): MlMap {
  loadMapLibreCss();
  setWorkerUrl(new URL('maplibre-gl-worker.mjs', document.baseURI).href);
  return new MlMap({
    container,
    style: buildStyle(HOME[1], tilesUrl),
    center: HOME,
    zoom: 15,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    fadeDuration: 0,
  });
}

/** Variable-rate runs: zones by prescribed rate, strips by the rate applied (others stay blue). */
function applyDoseColours(map: MlMap, plan: PlanFeatureCollection): void {
  const scale = doseScaleOf(plan);
  if (!scale) return;
  const zoneColour = doseColorExpression(scale, ['coalesce', ['get', 'rateKgPerHa'], ['get', 'rateLPerHa']]);
  const ramp = doseColorExpression(scale, ['get', 'ratePerHa']);
  map.setPaintProperty('zone-fill', 'fill-color', zoneColour);
  map.setPaintProperty('zone-line', 'line-color', zoneColour);
  for (const id of COVERAGE_LAYERS) {
    map.setPaintProperty(id, 'line-color', ['case', ['has', 'ratePerHa'], ramp, COLORS.coverage]);
    map.setPaintProperty(id, 'line-opacity', ['case', ['has', 'ratePerHa'], 0.85, COLORS.coverageOpacity]);
  }
}

/** The plan drawn: its source set, dose colours, strips as wide as the implement at its latitude, the view fitted to it. */
function applyPlan(map: MlMap, plan: PlanFeatureCollection): void {
  (map.getSource('plan') as GeoJSONSource).setData(plan);
  applyDoseColours(map, plan);
  const bbox = bboxOf(plan);
  if (bbox) {
    const lat = (bbox[1] + bbox[3]) / 2;
    for (const id of COVERAGE_LAYERS) map.setPaintProperty(id, 'line-width', metresToPixels(lat));
    map.fitBounds(bbox, { padding: 24, animate: false });
  }
}

/** What the map view knows: whether the style has loaded, what waits for it, and whether the field shows. */
interface MapViewState {
  ready: boolean;
  planSet: boolean;
  rendered: boolean;
  fieldCount: number;
  pending: { plan?: PlanFeatureCollection; done?: FeatureCollection; open?: FeatureCollection };
}

/** Marks `agrisim:field-rendered` once the field's features are on screen after a new plan. */
function checkRendered(map: MlMap, state: MapViewState): void {
  if (!state.planSet || state.rendered) return;
  state.fieldCount = map.queryRenderedFeatures({ layers: ['field-fill', 'boundary-line'] }).length;
  if (state.fieldCount > 0) {
    state.rendered = true;
    performance.mark('agrisim:field-rendered');
  }
}

const setSource = (map: MlMap, id: string, data: FeatureCollection) => (map.getSource(id) as GeoJSONSource).setData(data);

/** Plan and coverage set before the style loaded, applied once it has. */
function onMapLoad(map: MlMap, state: MapViewState): void {
  const { pending } = state;
  state.ready = true;
  if (pending.plan) {
    applyPlan(map, pending.plan);
    state.planSet = true;
  }
  if (pending.done) setSource(map, 'coverage-done', pending.done);
  if (pending.open) setSource(map, 'coverage-open', pending.open);
}

/**
 * Creates the MapLibre view in `container`; throws when WebGL cannot start (the caller
 * then falls back to the canvas view).
 */
export function createMapView(container: HTMLElement, tilesUrl?: string): FieldView {
  const map = createMap(container, tilesUrl);
  const placeMarkers = createMarkers(map);
  const state: MapViewState = { ready: false, planSet: false, rendered: false, fieldCount: 0, pending: {} };
  map.on('load', () => onMapLoad(map, state));
  map.on('idle', () => checkRendered(map, state));
  map.on('render', () => checkRendered(map, state));

  return {
    renderer: 'maplibre',
    setPlan(plan) {
      state.rendered = false;
      if (!state.ready) state.pending.plan = plan;
      else {
        applyPlan(map, plan);
        state.planSet = true;
      }
    },
    setCoverage(c: CoverageLayers) {
      if (!state.ready) {
        if (c.done) state.pending.done = c.done;
        state.pending.open = c.open;
        return;
      }
      if (c.done) setSource(map, 'coverage-done', c.done);
      setSource(map, 'coverage-open', c.open);
    },
    setVehicles: placeMarkers,
    fieldRendered: () => state.rendered,
    renderedFieldFeatures: () => state.fieldCount,
    renderedCoverageFeatures: () => (state.ready ? map.queryRenderedFeatures({ layers: [...COVERAGE_LAYERS] }).length : 0),
    resize: () => map.resize(),
    destroy: () => map.remove(),
    project: (lonLat) => {
      const p = map.project(lonLat);
      return [p.x, p.y];
    },
  };
}
