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
    marks.forEach((m, i) => {
      let mk = markers.get(m.id);
      if (!mk) {
        mk = new Marker({ element: vehicleElement(m.kind, vehicleColor(i), m.id), rotationAlignment: 'map' })
          .setLngLat([m.pose.lon, m.pose.lat])
          .addTo(map);
        markers.set(m.id, mk);
      }
      mk.setLngLat([m.pose.lon, m.pose.lat]);
      mk.setRotation(m.pose.headingDeg);
    });
}

/**
 * Creates the MapLibre view in `container`; throws when WebGL cannot start (the caller
 * then falls back to the canvas view).
 */
export function createMapView(container: HTMLElement, tilesUrl?: string): FieldView {
  loadMapLibreCss();
  setWorkerUrl(new URL('maplibre-gl-worker.mjs', document.baseURI).href);
  const map = new MlMap({
    container,
    style: buildStyle(HOME[1], tilesUrl),
    center: HOME,
    zoom: 15,
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    fadeDuration: 0,
  });
  const placeMarkers = createMarkers(map);
  let planSet = false;
  let rendered = false;
  let fieldCount = 0;
  const pending: { plan?: PlanFeatureCollection; done?: FeatureCollection; open?: FeatureCollection } = {};
  const setSource = (id: string, data: FeatureCollection) => (map.getSource(id) as GeoJSONSource).setData(data);

  const checkRendered = () => {
    if (!planSet || rendered) return;
    fieldCount = map.queryRenderedFeatures({ layers: ['field-fill', 'boundary-line'] }).length;
    if (fieldCount > 0) {
      rendered = true;
      performance.mark('agrisim:field-rendered');
    }
  };
  /** Variable-rate runs: zones by prescribed rate, strips by the rate applied (others stay blue). */
  const applyDoseColours = (plan: PlanFeatureCollection) => {
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
  };
  const applyPlan = (plan: PlanFeatureCollection) => {
    (map.getSource('plan') as GeoJSONSource).setData(plan);
    applyDoseColours(plan);
    const bbox = bboxOf(plan);
    if (bbox) {
      const lat = (bbox[1] + bbox[3]) / 2;
      for (const id of COVERAGE_LAYERS) map.setPaintProperty(id, 'line-width', metresToPixels(lat));
      map.fitBounds(bbox, { padding: 24, animate: false });
    }
    planSet = true;
  };
  let ready = false;
  map.on('load', () => {
    ready = true;
    if (pending.plan) applyPlan(pending.plan);
    if (pending.done) setSource('coverage-done', pending.done);
    if (pending.open) setSource('coverage-open', pending.open);
  });
  map.on('idle', checkRendered);
  map.on('render', checkRendered);

  return {
    renderer: 'maplibre',
    setPlan(plan) {
      rendered = false;
      if (ready) applyPlan(plan);
      else pending.plan = plan;
    },
    setCoverage(c: CoverageLayers) {
      if (!ready) {
        if (c.done) pending.done = c.done;
        pending.open = c.open;
        return;
      }
      if (c.done) setSource('coverage-done', c.done);
      setSource('coverage-open', c.open);
    },
    setVehicles: placeMarkers,
    fieldRendered: () => rendered,
    renderedFieldFeatures: () => fieldCount,
    renderedCoverageFeatures: () => (ready ? map.queryRenderedFeatures({ layers: [...COVERAGE_LAYERS] }).length : 0),
    resize: () => map.resize(),
    destroy: () => map.remove(),
    project: (lonLat) => {
      const p = map.project(lonLat);
      return [p.x, p.y];
    },
  };
}
