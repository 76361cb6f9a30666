/**
 * The block drawn over the field view (MapLibre or the 2D canvas) on a transparent canvas:
 * paddies tinted by their progress and labelled with their household and covered %, field
 * roads, gates, no-fly areas, the depot with its queue, and each machine's trail in its own
 * colour. It asks the view where a lon/lat falls on screen, so it follows panning and zoom.
 */
import type { BlockDescription, SimProgress } from '../../sim/types.js';
import type { WireVehicle } from '../../telemetry/client/index.js';
import { vehicleColor } from './view.js';

type LonLat = [number, number];
type Project = (p: LonLat) => [number, number] | undefined;

/** Positions kept per machine trail (at 10 telemetry frames a second: the last minute or so). */
export const TRAIL_POINTS = 600;

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

/** Centre of a ring's vertices (labels sit there; paddies are near-convex). */
function ringCentre(ring: readonly LonLat[]): LonLat {
  let x = 0;
  let y = 0;
  const n = Math.max(1, ring.length - 1);
  for (let i = 0; i < n; i++) {
    x += ring[i][0];
    y += ring[i][1];
  }
  return [x / n, y / n];
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

  const path = (project: Project, ring: readonly LonLat[]): boolean => {
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
  };

  const drawBlock = (project: Project, b: BlockDescription) => {
    ctx.lineJoin = 'round';
    for (const n of b.nofly) {
      ctx.beginPath();
      for (const r of n.rings) path(project, r);
      ctx.fillStyle = COL.nofly;
      ctx.fill('evenodd');
    }
    for (const r of b.roads) {
      ctx.beginPath();
      path(project, r.line);
      ctx.strokeStyle = COL.road;
      ctx.lineWidth = 3;
      ctx.stroke();
    }
    b.paddies.forEach((p, i) => {
      const pct = progress?.paddyCoveredPct?.[i] ?? 0;
      ctx.beginPath();
      for (const r of p.rings) path(project, r);
      ctx.fillStyle = pct >= 99 ? COL.done : COL.todo;
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
  };

  const drawLabels = (project: Project, b: BlockDescription) => {
    ctx.font = '600 11px system-ui, sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    b.paddies.forEach((p, i) => {
      const c = project(centres[i]);
      const a = project(p.rings[0][0]);
      const o = project(p.rings[0][Math.floor(p.rings[0].length / 2)]);
      if (!c || !a || !o || Math.hypot(a[0] - o[0], a[1] - o[1]) < 48) return;
      const pct = progress?.paddyCoveredPct?.[i] ?? 0;
      const lines = [p.owner || p.name || p.id, `${Math.round(pct)} %`];
      lines.forEach((text, k) => {
        const y = c[1] + (k - 0.5) * 13;
        ctx.lineWidth = 3;
        ctx.strokeStyle = COL.halo;
        ctx.strokeText(text, c[0], y);
        ctx.fillStyle = COL.label;
        ctx.fillText(text, c[0], y);
      });
    });
  };

  const drawDepots = (project: Project, b: BlockDescription) => {
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
      const waiting = progress?.depotQueue?.[i] ?? 0;
      ctx.font = '700 11px system-ui, sans-serif';
      ctx.fillStyle = '#fff';
      ctx.textAlign = 'center';
      ctx.textBaseline = 'middle';
      ctx.fillText(String(waiting), q[0], q[1]);
    });
  };

  const drawTrails = (project: Project) => {
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    order.forEach((id, i) => {
      const tr = trails.get(id);
      if (!tr || tr.length < 2) return;
      ctx.beginPath();
      path(project, tr);
      ctx.strokeStyle = vehicleColor(i);
      ctx.globalAlpha = 0.85;
      ctx.stroke();
      ctx.globalAlpha = 1;
    });
  };

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
      drawBlock(project, block);
      drawTrails(project);
      drawLabels(project, block);
      drawDepots(project, block);
    },
    /** Points in each machine's trail, for tests. */
    trailLengths: () => order.map((id) => trails.get(id)?.length ?? 0),
  };
}

