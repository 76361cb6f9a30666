/**
 * Runs a simulation to its end without a clock (as fast as possible).
 */
import type { SimFrame, SimMetrics, Simulation } from './types.js';

/** Result of {@link runToEnd}. */
export interface RunResult<M extends SimMetrics = SimMetrics> {
  metrics: M;
  frames: number;
  /** Every frame, when `keepFrames` was asked for. */
  frameList?: SimFrame[];
}

/** Options of {@link runToEnd}. */
export interface RunOptions {
  /** Keep every frame in `frameList` (memory grows with the run; default false). */
  keepFrames?: boolean;
  /** Called with each frame (e.g. to record or draw a progress bar). */
  onFrame?: (frame: SimFrame) => void;
}

/**
 * Steps `sim` until it is done and returns its final metrics and frame count.
 * @example
 * ```ts
 * import { loadScenario, runToEnd } from 'agrisim';
 * const sim = (await loadScenario('sims/thai-binh-drone.json')).create(); // or createSimulation
 * const { metrics, frames } = runToEnd(sim);
 * ```
 */
export function runToEnd<S extends Simulation>(sim: S, options: RunOptions = {}): RunResult<ReturnType<S['metrics']>> {
  let frames = 0;
  const list: SimFrame[] | undefined = options.keepFrames ? [] : undefined;
  for (let f = sim.step(); f; f = sim.step()) {
    frames++;
    list?.push(f);
    options.onFrame?.(f);
  }
  return { metrics: sim.metrics() as ReturnType<S['metrics']>, frames, ...(list ? { frameList: list } : {}) };
}
