/**
 * The block drawn over the field view (MapLibre or the 2D canvas) on a transparent canvas:
 * paddies tinted by their progress and labelled with their household and covered %, field
 * roads, gates, no-fly areas, the depot with its queue, and each machine's trail in its own
 * colour. It asks the view where a lon/lat falls on screen, so it follows panning and zoom.
 */
import type { BlockDescription, SimProgress } from '../../sim/types.js';
import type { WireVehicle } from '../../telemetry/client/index.js';
import { drawBlock, drawDepots, drawLabels, drawTrails, ringCentre, type LonLat, type Project } from './block-draw.js';

/** Positions kept per machine trail (at 10 telemetry frames a second: the last minute or so). */
export const TRAIL_POINTS = 600;

/** Each machine's trail grows by its new position (a machine standing still adds none), at most TRAIL_POINTS long. */
function growTrails(trails: Map<string, LonLat[]>, vehicles: readonly WireVehicle[]): void {
  for (const v of vehicles) {
    const trail = trails.get(v.id) ?? [];
    const last = trail[trail.length - 1];
    if (!last || last[0] !== v.lon || last[1] !== v.lat) trail.push([v.lon, v.lat]);
    if (trail.length > TRAIL_POINTS) trail.splice(0, trail.length - TRAIL_POINTS);
    trails.set(v.id, trail);
  }
}

/** Where the view stands (size, and two block points on screen): a different key means it moved. */
function viewKey(w: number, h: number, project: Project, block: BlockDescription, centres: LonLat[]): string {
  const ref = project(centres[0] ?? [0, 0]);
  return `${w}x${h}:${ref?.[0].toFixed(1)},${ref?.[1].toFixed(1)}:${project(block.paddies[0]?.rings[0][0] ?? [0, 0])?.[0].toFixed(1)}`;
}

/** The canvas sized to w×h CSS pixels (at most 2 device pixels each) and cleared, ready to draw in CSS pixels. */
function clearCanvas(canvas: HTMLCanvasElement, ctx: CanvasRenderingContext2D, w: number, h: number): void {
  const dpr = Math.min(2, window.devicePixelRatio || 1);
  if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
    canvas.width = Math.round(w * dpr);
    canvas.height = Math.round(h * dpr);
  }
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, h);
}

/** The overlay of one pane; see the file comment. */
export function createBlockLayer(container: HTMLElement) {
  const canvas = document.createElement('canvas');
  canvas.className = 'block-layer';
  canvas.dataset.testid = 'block-layer';
  canvas.hidden = true;
  container.appendChild(canvas);
  const ctx = canvas.getContext('2d')!;
  let block: BlockDescription | undefined;
  let centres: LonLat[] = [];
  let progress: SimProgress | undefined;
  let order: string[] = [];
  const trails = new Map<string, LonLat[]>();
  let dirty = true;
  let lastKey = '';

  return {
    /** A new snapshot: the block (undefined when the simulation is not a block run) and its machines in order. */
    setBlock(b: BlockDescription | undefined, vehicleIds: string[]) {
      block = b;
      canvas.hidden = !b;
      centres = b ? b.paddies.map((p) => ringCentre(p.rings[0])) : [];
      order = vehicleIds;
      trails.clear();
      dirty = true;
    },
    /** A telemetry frame: progress and machine positions (the trails grow). */
    update(p: SimProgress | undefined, vehicles: readonly WireVehicle[]) {
      if (!block) return;
      progress = p;
      growTrails(trails, vehicles);
      dirty = true;
    },
    /** Redraws when something changed or the view moved (call every animation frame). */
    draw(project: Project | undefined) {
      if (!block || !project) return;
      const w = container.clientWidth;
      const h = container.clientHeight;
      const key = viewKey(w, h, project, block, centres);
      if (!dirty && key === lastKey) return;
      dirty = false;
      lastKey = key;
      clearCanvas(canvas, ctx, w, h);
      drawBlock(ctx, project, block, progress);
      drawTrails(ctx, project, order, trails);
      drawLabels(ctx, project, block, centres, progress);
      drawDepots(ctx, project, block, progress);
    },
    /** Points in each machine's trail, for tests. */
    trailLengths: () => order.map((id) => trails.get(id)?.length ?? 0),
  };
}
