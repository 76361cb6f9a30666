/**
 * Fallback field view on a 2D canvas, for browsers without WebGL: field, holes, planned
 * path, coverage strips and machines, on a local equirectangular projection fitted to the
 * plan. Static layers are drawn once into an offscreen canvas; each frame blits it and
 * draws the machines.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
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
  const offsetXPx = (w - widthM * pxPerM) / 2;
  const offsetYPx = (h - heightM * pxPerM) / 2;
  return {
    pxPerM,
    px: (p) => [offsetXPx + (p[0] - west) * mLon * pxPerM, offsetYPx + (north - p[1]) * mLat * pxPerM],
  };
}

function tracePath(ctx: CanvasRenderingContext2D, projector: Projector, g: Geometry): void {
  const line = (pts: Position[], close: boolean) => {
    pts.forEach((p, i) => {
      const [x, y] = projector.px(p);
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
function drawZones(ctx: CanvasRenderingContext2D, projector: Projector, zones: PlanFeatureCollection['features'], scale: DoseScale): void {
  for (const z of zones) {
    const rate = Number(z.properties?.rateKgPerHa ?? z.properties?.rateLPerHa);
    ctx.beginPath();
    tracePath(ctx, projector, z.geometry);
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

/** Fills and strokes the features of one kind. */
function paintKind(
  ctx: CanvasRenderingContext2D,
  projector: Projector,
  features: Feature[],
  style: { fill?: string; stroke?: string; width?: number; dash?: number[] },
): void {
  ctx.setLineDash(style.dash ?? []);
  for (const f of features) {
    ctx.beginPath();
    tracePath(ctx, projector, f.geometry);
    if (style.fill) {
      ctx.fillStyle = style.fill;
      ctx.fill('evenodd');
    }
    if (style.stroke) {
      ctx.strokeStyle = style.stroke;
      ctx.lineWidth = style.width ?? 1;
      ctx.stroke();
    }
  }
  ctx.setLineDash([]);
}

/** Coverage strips at the implement's width: blue and translucent, or (variable rate) in the colour of their rate. */
function drawStrips(ctx: CanvasRenderingContext2D, projector: Projector, strips: readonly Feature[], dose: DoseScale | undefined): void {
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'round';
  for (const f of strips) {
    ctx.beginPath();
    tracePath(ctx, projector, f.geometry);
    const rate = f.properties?.ratePerHa;
    const byRate = dose && typeof rate === 'number';
    ctx.strokeStyle = byRate ? doseColor(rate, dose) : COLORS.coverage;
    ctx.globalAlpha = byRate ? DOSE_STRIP_OPACITY : COLORS.coverageOpacity;
    ctx.lineWidth = Math.max(1, Number(f.properties?.widthM ?? 1) * projector.pxPerM);
    ctx.stroke();
  }
}

/**
 * The static picture (everything but the machines) fitted to w×h: field, holes, prescription
 * zones, coverage strips, planned path, boundary. Undefined before there is a plan to frame.
 */
function drawStatic(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  plan: PlanFeatureCollection | undefined,
  dose: DoseScale | undefined,
  strips: readonly Feature[],
): { projector: Projector; fieldCount: number } | undefined {
  ctx.fillStyle = COLORS.background;
  ctx.fillRect(0, 0, w, h);
  const bbox = plan && bboxOf(plan);
  if (!plan || !bbox) return undefined;
  const projector = fitProjector(bbox, w, h);
  const byKind = (k: string) => plan.features.filter((f) => f.properties?.kind === k && f.geometry);
  paintKind(ctx, projector, byKind('boundary'), { fill: COLORS.fieldFill });
  paintKind(ctx, projector, byKind('hole'), { fill: COLORS.hole });
  if (dose) drawZones(ctx, projector, byKind('zone'), dose);
  drawStrips(ctx, projector, strips, dose);
  ctx.globalAlpha = 0.7;
  paintKind(ctx, projector, byKind('swath'), { stroke: COLORS.swath, width: 0.8 });
  paintKind(ctx, projector, byKind('turn'), { stroke: COLORS.turn, width: 0.8 });
  paintKind(ctx, projector, byKind('transit'), { stroke: COLORS.transit, width: 1, dash: [4, 4] });
  paintKind(ctx, projector, byKind('headland'), { stroke: COLORS.headland, width: 1, dash: [6, 4] });
  ctx.globalAlpha = 1;
  paintKind(ctx, projector, byKind('boundary'), { stroke: COLORS.boundary, width: 2 });
  paintKind(ctx, projector, byKind('hole'), { stroke: COLORS.boundary, width: 1.5 });
  return { projector, fieldCount: byKind('boundary').length + byKind('hole').length };
}

/** Each machine as an arrow rotated to its heading, in its own colour. */
function drawMarks(ctx: CanvasRenderingContext2D, projector: Projector, marks: readonly VehicleMark[]): void {
  marks.forEach((m, i) => {
    const [x, y] = projector.px([m.pose.lon, m.pose.lat]);
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
}

/** What the canvas view holds between frames: the plan, the coverage, and the static picture's state. */
interface CanvasState {
  plan?: PlanFeatureCollection;
  /** Variable-rate runs: zones and strips coloured by rate. */
  dose?: DoseScale;
  coverageDone?: FeatureCollection;
  coverageOpen?: FeatureCollection;
  /** The projection of the static picture; undefined before there is a plan to frame. */
  projector?: Projector;
  /** The static picture must be drawn again (new plan, coverage or size). */
  dirty: boolean;
  rendered: boolean;
  fieldCount: number;
  lastMarks: VehicleMark[];
}

/** The on-screen canvas and its offscreen copy of the static picture. */
interface Canvases {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  base: HTMLCanvasElement;
  baseCtx: CanvasRenderingContext2D;
}

/** Both canvases sized to the container in device pixels (at most 2 per CSS pixel); a new size redraws the picture. */
function fitToContainer(container: HTMLElement, { canvas, base }: Canvases, state: CanvasState): void {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  const w = Math.max(1, Math.round(container.clientWidth * dpr));
  const h = Math.max(1, Math.round(container.clientHeight * dpr));
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = base.width = w;
    canvas.height = base.height = h;
    state.dirty = true;
  }
}

/** One frame: the static picture (redrawn when dirty) and the machines over it. */
function drawFrame(container: HTMLElement, canvases: Canvases, state: CanvasState, marks: VehicleMark[]): void {
  const { ctx, base, baseCtx } = canvases;
  fitToContainer(container, canvases, state);
  if (state.dirty) {
    const strips = [...(state.coverageDone?.features ?? []), ...(state.coverageOpen?.features ?? [])];
    const drawn = drawStatic(baseCtx, base.width, base.height, state.plan, state.dose, strips);
    state.projector = drawn?.projector;
    state.fieldCount = drawn?.fieldCount ?? 0;
    state.dirty = false;
  }
  ctx.drawImage(base, 0, 0);
  if (!state.projector) return;
  if (!state.rendered && state.fieldCount > 0) {
    state.rendered = true;
    performance.mark('agrisim:field-rendered');
  }
  drawMarks(ctx, state.projector, marks);
}

/** The canvas and its offscreen twin, the first inside `container`. */
function createCanvases(container: HTMLElement): Canvases {
  const canvas = document.createElement('canvas');
  canvas.className = 'field-canvas';
  container.appendChild(canvas);
  const base = document.createElement('canvas');
  return { canvas, ctx: canvas.getContext('2d')!, base, baseCtx: base.getContext('2d')! };
}

/** Creates the canvas view inside `container`. */
export function createCanvasView(container: HTMLElement): FieldView {
  const canvases = createCanvases(container);
  const { canvas } = canvases;
  const state: CanvasState = { dirty: true, rendered: false, fieldCount: 0, lastMarks: [] };
  const draw = (marks: VehicleMark[]) => drawFrame(container, canvases, state, marks);
  return {
    renderer: 'canvas',
    setPlan(plan) {
      state.plan = plan;
      state.dose = doseScaleOf(plan);
      state.rendered = false;
      state.dirty = true;
      draw(state.lastMarks);
    },
    setCoverage(c) {
      if (c.done) state.coverageDone = c.done;
      state.coverageOpen = c.open;
      state.dirty = true;
    },
    setVehicles(marks) {
      state.lastMarks = marks;
      draw(marks);
    },
    fieldRendered: () => state.rendered,
    renderedFieldFeatures: () => state.fieldCount,
    renderedCoverageFeatures: () =>
      state.projector ? (state.coverageDone?.features.length ?? 0) + (state.coverageOpen?.features.length ?? 0) : 0,
    resize: () => {
      state.dirty = true;
    },
    destroy: () => canvas.remove(),
    project: (lonLat) => {
      if (!state.projector) return undefined;
      const [x, y] = state.projector.px(lonLat);
      const k = canvas.width / Math.max(1, canvas.clientWidth);
      return [x / k, y / k];
    },
  };
}
