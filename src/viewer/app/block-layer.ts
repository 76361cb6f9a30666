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
      for (const v of vehicles) {
        const tr = trails.get(v.id) ?? [];
        const last = tr[tr.length - 1];
        if (!last || last[0] !== v.lon || last[1] !== v.lat) tr.push([v.lon, v.lat]);
        if (tr.length > TRAIL_POINTS) tr.splice(0, tr.length - TRAIL_POINTS);
        trails.set(v.id, tr);
      }
      dirty = true;
    },
    /** Redraws when something changed or the view moved (call every animation frame). */
    draw(project: Project | undefined) {
      if (!block || !project) return;
      const w = container.clientWidth;
      const h = container.clientHeight;
      const ref = project(centres[0] ?? [0, 0]);
      const key = `${w}x${h}:${ref?.[0].toFixed(1)},${ref?.[1].toFixed(1)}:${project(block.paddies[0]?.rings[0][0] ?? [0, 0])?.[0].toFixed(1)}`;
      if (!dirty && key === lastKey) return;
      dirty = false;
      lastKey = key;
      const dpr = Math.min(2, window.devicePixelRatio || 1);
      if (canvas.width !== Math.round(w * dpr) || canvas.height !== Math.round(h * dpr)) {
        canvas.width = Math.round(w * dpr);
        canvas.height = Math.round(h * dpr);
      }
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      drawBlock(ctx, project, block, progress);
      drawTrails(ctx, project, order, trails);
      drawLabels(ctx, project, block, centres, progress);
      drawDepots(ctx, project, block, progress);
    },
    /** Points in each machine's trail, for tests. */
    trailLengths: () => order.map((id) => trails.get(id)?.length ?? 0),
  };
}
