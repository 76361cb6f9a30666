/**
 * Replays the server's simulated run of the farmer's paddy on the 2D field view: the plan,
 * then the machine gliding along its trace (sim time squeezed into REPLAY_MS of wall time)
 * and painting strips of its working width while the implement is on.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { createCanvasView } from '../canvas-view.js';
import type { FieldView } from '../view.js';

/** `[t s, lon, lat, heading°, implement on 0/1]`, as src/own-paddy sends it. */
export type TracePoint = [number, number, number, number, 0 | 1];

/** Wall time of the replay, ms: long enough to follow, short enough to wait for. */
export const REPLAY_MS = 8000;

/** Strips painted up to trace index `upTo`: one line per run of implement-on points. */
export function stripsUpTo(trace: readonly TracePoint[], upTo: number, widthM: number): FeatureCollection {
  const features: Feature[] = [];
  let line: [number, number][] = [];
  const flush = () => {
    if (line.length > 1) features.push({ type: 'Feature', properties: { widthM }, geometry: { type: 'LineString', coordinates: line } });
    line = [];
  };
  for (let i = 0; i <= upTo && i < trace.length; i++) {
    const p = trace[i];
    if (p[4]) line.push([p[1], p[2]]);
    else flush();
  }
  flush();
  return { type: 'FeatureCollection', features };
}

export interface Replay {
  /** 0…1 of the run shown. */
  progress(): number;
  destroy(): void;
}

/** Draws `plan` in `container` and plays `trace`; `onDone` when the machine finishes. */
export function playRun(
  container: HTMLElement,
  plan: FeatureCollection,
  trace: TracePoint[],
  kind: string,
  widthM: number,
  onDone: () => void,
): Replay & { view: FieldView } {
  const view = createCanvasView(container);
  view.setPlan(plan);
  const start = performance.now();
  let raf = 0;
  let shown = -1;
  let fraction = 0;
  const frame = (now: number) => {
    fraction = Math.min(1, (now - start) / REPLAY_MS);
    const i = Math.min(trace.length - 1, Math.floor(fraction * (trace.length - 1)));
    if (i !== shown && trace.length) {
      shown = i;
      view.setCoverage({ done: stripsUpTo(trace, i, widthM), open: { type: 'FeatureCollection', features: [] } });
      const p = trace[i];
      view.setVehicles([{ id: 'paddy', kind, implementOn: p[4] === 1, pose: { lon: p[1], lat: p[2], headingDeg: p[3] } }]);
    }
    if (fraction < 1) raf = requestAnimationFrame(frame);
    else onDone();
  };
  raf = requestAnimationFrame(frame);
  return {
    view,
    progress: () => fraction,
    destroy() {
      cancelAnimationFrame(raf);
      view.destroy();
    },
  };
}
