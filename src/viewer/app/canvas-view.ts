/**
 * Fallback field view on a 2D canvas, for browsers without WebGL: field, holes, planned
 * path, coverage strips and machines, on a local equirectangular projection fitted to the
 * plan. Static layers are drawn once into an offscreen canvas; each frame blits it and
 * draws the machines.
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { metresPerDegree } from '../../geodesy/index.js';
import { doseColor, doseScaleOf, type DoseScale } from './dose-scale.js';
import { bboxOf, COLORS, vehicleColor, type FieldView, type PlanFeatureCollection, type VehicleMark } from './view.js';


interface Projector {
  px(p: Position): [number, number];
  pxPerM: number;
}

/** Fits `bbox` into a w×h pixel box with `pad` pixels of margin, north up. */
export function fitProjector(bbox: [number, number, number, number], w: number, h: number, pad = 16): Projector {
  const [west, south, east, north] = bbox;
  const [mLon, mLat] = metresPerDegree((south + north) / 2);
  const widthM = Math.max(1, (east - west) * mLon);
  const heightM = Math.max(1, (north - south) * mLat);
  const pxPerM = Math.min((w - 2 * pad) / widthM, (h - 2 * pad) / heightM);
  const ox = (w - widthM * pxPerM) / 2;
  const oy = (h - heightM * pxPerM) / 2;
  return {
    pxPerM,
    px: (p) => [ox + (p[0] - west) * mLon * pxPerM, oy + (north - p[1]) * mLat * pxPerM],
  };
}

function tracePath(ctx: CanvasRenderingContext2D, pr: Projector, g: Geometry): void {
  const line = (pts: Position[], close: boolean) => {
    pts.forEach((p, i) => {
      const [x, y] = pr.px(p);
      if (i === 0) ctx.moveTo(x, y);
      else ctx.lineTo(x, y);
    });
    if (close) ctx.closePath();
  };
  if (g.type === 'Polygon') g.coordinates.forEach((r) => line(r, true));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((poly) => poly.forEach((r) => line(r, true)));
  else if (g.type === 'LineString') line(g.coordinates, false);
  else if (g.type === 'MultiLineString') g.coordinates.forEach((l) => line(l, false));
}

/** Strips coloured by rate are nearly opaque: their colour is the reading, not their overlap. */
const DOSE_STRIP_OPACITY = 0.85;

/** Prescription zones: a light fill in the colour of their rate, outlined dashed. */
function drawZones(ctx: CanvasRenderingContext2D, pr: Projector, zones: PlanFeatureCollection['features'], scale: DoseScale): void {
  for (const z of zones) {
    const rate = Number(z.properties?.rateKgPerHa ?? z.properties?.rateLPerHa);
    ctx.beginPath();
    tracePath(ctx, pr, z.geometry);
    ctx.globalAlpha = 0.35;
    ctx.fillStyle = doseColor(rate, scale);
    ctx.fill('evenodd');
    ctx.globalAlpha = 0.9;
    ctx.setLineDash([5, 3]);
    ctx.strokeStyle = doseColor(rate, scale);
    ctx.lineWidth = 1.5;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  ctx.globalAlpha = 1;
}

/** Creates the canvas view inside `container`. */
export function createCanvasView(container: HTMLElement): FieldView {
  const canvas = document.createElement('canvas');
  canvas.className = 'field-canvas';
  container.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  const base = document.createElement('canvas');
  const bctx = base.getContext('2d')!;
  let plan: PlanFeatureCollection | undefined;
  /** Variable-rate runs: zones and strips coloured by rate. */
  let dose: DoseScale | undefined;
  let coverageDone: FeatureCollection | undefined;
  let coverageOpen: FeatureCollection | undefined;
  let pr: Projector | undefined;
  let dirty = true;
  let rendered = false;
  let fieldCount = 0;

  const size = () => {
    const dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.max(1, Math.round(container.clientWidth * dpr));
    const h = Math.max(1, Math.round(container.clientHeight * dpr));
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = base.width = w;
      canvas.height = base.height = h;
      dirty = true;
    }
  };

  const drawBase = () => {
    bctx.fillStyle = COLORS.background;
    bctx.fillRect(0, 0, base.width, base.height);
    if (!plan) return;
    const bbox = bboxOf(plan);
    if (!bbox) return;
    pr = fitProjector(bbox, base.width, base.height);
    const byKind = (k: string) => plan!.features.filter((f) => f.properties?.kind === k && f.geometry);
    const fill = (k: string, color: string) => {
      for (const f of byKind(k)) {
        bctx.beginPath();
        tracePath(bctx, pr!, f.geometry);
        bctx.fillStyle = color;
        bctx.fill('evenodd');
      }
    };
    fill('boundary', COLORS.fieldFill);
    fill('hole', COLORS.hole);
    if (dose) drawZones(bctx, pr, byKind('zone'), dose);
    bctx.lineCap = 'butt';
    bctx.lineJoin = 'round';
    for (const f of [...(coverageDone?.features ?? []), ...(coverageOpen?.features ?? [])]) {
      bctx.beginPath();
      tracePath(bctx, pr, f.geometry);
      const rate = f.properties?.ratePerHa;
      const byRate = dose && typeof rate === 'number';
      bctx.strokeStyle = byRate ? doseColor(rate, dose!) : COLORS.coverage;
      bctx.globalAlpha = byRate ? DOSE_STRIP_OPACITY : COLORS.coverageOpacity;
      bctx.lineWidth = Math.max(1, Number(f.properties?.widthM ?? 1) * pr.pxPerM);
      bctx.stroke();
    }
    bctx.globalAlpha = 0.7;
    const stroke = (k: string, color: string, width: number, dash: number[] = []) => {
      bctx.setLineDash(dash);
      for (const f of byKind(k)) {
        bctx.beginPath();
        tracePath(bctx, pr!, f.geometry);
        bctx.strokeStyle = color;
        bctx.lineWidth = width;
        bctx.stroke();
      }
    };
    stroke('swath', COLORS.swath, 0.8);
    stroke('turn', COLORS.turn, 0.8);
    stroke('transit', COLORS.transit, 1, [4, 4]);
    stroke('headland', COLORS.headland, 1, [6, 4]);
    bctx.globalAlpha = 1;
    stroke('boundary', COLORS.boundary, 2);
    stroke('hole', COLORS.boundary, 1.5);
    bctx.setLineDash([]);
    fieldCount = byKind('boundary').length + byKind('hole').length;
  };

  const draw = (marks: VehicleMark[]) => {
    size();
    if (dirty) {
      drawBase();
      dirty = false;
    }
    ctx.drawImage(base, 0, 0);
    if (!pr) return;
    if (!rendered && fieldCount > 0) {
      rendered = true;
      performance.mark('agrisim:field-rendered');
    }
    marks.forEach((m, i) => {
      const [x, y] = pr!.px([m.pose.lon, m.pose.lat]);
      ctx.save();
      ctx.translate(x, y);
      ctx.rotate((m.pose.headingDeg * Math.PI) / 180);
      ctx.beginPath();
      ctx.moveTo(0, -11);
      ctx.lineTo(8, 9);
      ctx.lineTo(0, 4);
      ctx.lineTo(-8, 9);
      ctx.closePath();
      ctx.fillStyle = vehicleColor(i);
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 1.5;
      ctx.fill();
      ctx.stroke();
      ctx.restore();
    });
  };

  let lastMarks: VehicleMark[] = [];
  return {
    renderer: 'canvas',
    setPlan(p) {
      plan = p;
      dose = doseScaleOf(p);
      rendered = false;
      dirty = true;
      draw(lastMarks);
    },
    setCoverage(c) {
      if (c.done) coverageDone = c.done;
      coverageOpen = c.open;
      dirty = true;
    },
    setVehicles(marks) {
      lastMarks = marks;
      draw(marks);
    },
    fieldRendered: () => rendered,
    renderedFieldFeatures: () => fieldCount,
    renderedCoverageFeatures: () => (pr ? (coverageDone?.features.length ?? 0) + (coverageOpen?.features.length ?? 0) : 0),
    resize: () => {
      dirty = true;
    },
    destroy: () => canvas.remove(),
    project: (lonLat) => {
      if (!pr) return undefined;
      const [x, y] = pr.px(lonLat);
      const k = canvas.width / Math.max(1, canvas.clientWidth);
      return [x / k, y / k];
    },
  };
}
