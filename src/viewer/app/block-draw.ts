/**
 * Drawing the block overlay on a 2D canvas (block-layer.ts keeps the state): paddies tinted by
 * progress, roads, gates, no-fly areas, household labels, depots with their queue, machine
 * trails. Each function draws one kind of thing through `project` (lon/lat → screen pixels).
 */
import type { BlockDescription, SimProgress } from '../../sim/types.js';
import { vehicleColor } from './view.js';

export type LonLat = [number, number];
export type Project = (p: LonLat) => [number, number] | undefined;

const COL = {
  outline: '#1d3d12',
  done: 'rgba(11, 79, 156, 0.30)',
  todo: 'rgba(255, 255, 255, 0.18)',
  road: 'rgba(120, 98, 62, 0.85)',
  gate: '#7a5a1e',
  nofly: 'rgba(198, 40, 40, 0.35)',
  depot: '#c25e00',
  label: '#102008',
  halo: 'rgba(255, 255, 255, 0.85)',
};

/** A paddy at or above this covered % is tinted as done. */
const DONE_PCT = 99;
/** Labels only on paddies at least this wide on screen, px (smaller ones would overlap). */
const LABEL_MIN_PX = 48;

/** Centre of a ring's vertices (labels sit there; paddies are near-convex). */
export function ringCentre(ring: readonly LonLat[]): LonLat {
  let x = 0;
  let y = 0;
  const n = Math.max(1, ring.length - 1);
  for (let i = 0; i < n; i++) {
    x += ring[i][0];
    y += ring[i][1];
  }
  return [x / n, y / n];
}

/** Adds a ring or line to the current path; false when a point has no screen position yet. */
function tracePath(ctx: CanvasRenderingContext2D, project: Project, ring: readonly LonLat[]): boolean {
  let ok = true;
  ring.forEach((p, i) => {
    const q = project(p);
    if (!q) {
      ok = false;
      return;
    }
    if (i === 0) ctx.moveTo(q[0], q[1]);
    else ctx.lineTo(q[0], q[1]);
  });
  return ok;
}

/** No-fly areas, roads, paddies (tinted when done) and gates. */
export function drawBlock(ctx: CanvasRenderingContext2D, project: Project, b: BlockDescription, progress: SimProgress | undefined): void {
  ctx.lineJoin = 'round';
  for (const n of b.nofly) {
    ctx.beginPath();
    for (const r of n.rings) tracePath(ctx, project, r);
    ctx.fillStyle = COL.nofly;
    ctx.fill('evenodd');
  }
  for (const r of b.roads) {
    ctx.beginPath();
    tracePath(ctx, project, r.line);
    ctx.strokeStyle = COL.road;
    ctx.lineWidth = 3;
    ctx.stroke();
  }
  b.paddies.forEach((p, i) => {
    ctx.beginPath();
    for (const r of p.rings) tracePath(ctx, project, r);
    ctx.fillStyle = (progress?.paddyCoveredPct?.[i] ?? 0) >= DONE_PCT ? COL.done : COL.todo;
    ctx.fill('evenodd');
    ctx.strokeStyle = COL.outline;
    ctx.lineWidth = 1.5;
    ctx.stroke();
  });
  for (const g of b.gates) {
    const q = project(g.at);
    if (!q) continue;
    ctx.fillStyle = COL.gate;
    ctx.fillRect(q[0] - 3, q[1] - 3, 6, 6);
  }
}

/** Each paddy's household and covered %, at its centre, when the paddy is wide enough on screen. */
export function drawLabels(
  ctx: CanvasRenderingContext2D,
  project: Project,
  b: BlockDescription,
  centres: readonly LonLat[],
  progress: SimProgress | undefined,
): void {
  ctx.font = '600 11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  b.paddies.forEach((p, i) => {
    const c = project(centres[i]);
    const a = project(p.rings[0][0]);
    const o = project(p.rings[0][Math.floor(p.rings[0].length / 2)]);
    if (!c || !a || !o || Math.hypot(a[0] - o[0], a[1] - o[1]) < LABEL_MIN_PX) return;
    const lines = [p.owner || p.name || p.id, `${Math.round(progress?.paddyCoveredPct?.[i] ?? 0)} %`];
    lines.forEach((text, k) => {
      const y = c[1] + (k - 0.5) * 13;
      ctx.lineWidth = 3;
      ctx.strokeStyle = COL.halo;
      ctx.strokeText(text, c[0], y);
      ctx.fillStyle = COL.label;
      ctx.fillText(text, c[0], y);
    });
  });
}

/** Each depot as a disc with the number of machines waiting there. */
export function drawDepots(ctx: CanvasRenderingContext2D, project: Project, b: BlockDescription, progress: SimProgress | undefined): void {
  b.depots.forEach((d, i) => {
    const q = project(d.at);
    if (!q) return;
    ctx.beginPath();
    ctx.arc(q[0], q[1], 8, 0, 2 * Math.PI);
    ctx.fillStyle = COL.depot;
    ctx.fill();
    ctx.strokeStyle = '#fff';
    ctx.lineWidth = 2;
    ctx.stroke();
    ctx.font = '700 11px system-ui, sans-serif';
    ctx.fillStyle = '#fff';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(String(progress?.depotQueue?.[i] ?? 0), q[0], q[1]);
  });
}

/** Each machine's trail in its own colour (machines in `order`, as the panel lists them). */
export function drawTrails(
  ctx: CanvasRenderingContext2D,
  project: Project,
  order: readonly string[],
  trails: ReadonlyMap<string, LonLat[]>,
): void {
  ctx.lineWidth = 2.5;
  ctx.lineCap = 'round';
  order.forEach((id, i) => {
    const tr = trails.get(id);
    if (!tr || tr.length < 2) return;
    ctx.beginPath();
    tracePath(ctx, project, tr);
    ctx.strokeStyle = vehicleColor(i);
    ctx.globalAlpha = 0.85;
    ctx.stroke();
    ctx.globalAlpha = 1;
  });
}
