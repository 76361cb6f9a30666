/**
 * The state a feed keeps for late joiners, built only from the updates it broadcasts (so a
 * live server, a replay of its recording and an MQTT gateway all give the same snapshot).
 */
import type { SimDescription, SimProgress } from '../../sim/index.js';
import { createCoverageTrails, type CoverageTrailOptions } from './coverage-trails.js';
import type { FeedState, FeedUpdate } from './types.js';

/** Progress before the first frame. */
export const ZERO_PROGRESS: SimProgress = { coveredPct: 0, coveredHa: 0, elapsedS: 0, etaS: 0 };

/** A FeedState that follows a feed's updates. */
export interface FeedStateTracker {
  /** Applies one update (telemetry moves vehicles and paints coverage; control sets paused/speed-up; done events end). */
  apply(u: FeedUpdate): void;
  /** Starts over (restart). */
  reset(description?: SimDescription): void;
  setSpeedup(k: number): void;
  setPaused(p: boolean): void;
  /** The current snapshot body. */
  state(): FeedState;
}

/**
 * @param description - the simulation's description (widths of the vehicles come from it)
 * @param speedup - the initial speed-up factor
 * @example
 * ```ts
 * const tracker = createFeedStateTracker(sim.describe(), 10);
 * feed.updates$.subscribe((u) => tracker.apply(u));
 * send({ type: 'snapshot', sim: feed.id, ...tracker.state() });
 * ```
 */
export function createFeedStateTracker(description: SimDescription, speedup: number, options: CoverageTrailOptions = {}): FeedStateTracker {
  let desc = description;
  let widths = new Map(desc.vehicles.map((v) => [v.id, v.workingWidthM]));
  const coverage = createCoverageTrails((id) => widths.get(id) ?? 0, options);
  let t = 0;
  let vehicles: FeedState['vehicles'] = [];
  let progress = ZERO_PROGRESS;
  let paused = false;
  let k = speedup;
  return {
    apply(u) {
      if (u.kind === 'telemetry') {
        t = u.t;
        vehicles = u.vehicles;
        progress = u.progress;
        coverage.add(u.vehicles);
      } else if (u.kind === 'control') {
        paused = u.paused;
        k = u.speedup;
      }
    },
    reset(d) {
      if (d) {
        desc = d;
        widths = new Map(desc.vehicles.map((v) => [v.id, v.workingWidthM]));
      }
      coverage.clear();
      t = 0;
      vehicles = [];
      progress = ZERO_PROGRESS;
    },
    setSpeedup: (s) => void (k = s),
    setPaused: (p) => void (paused = p),
    // Done when every machine says so (the simulator's last frame), whatever the feed.
    state: () => ({
      description: desc,
      t,
      vehicles,
      progress,
      coverage: coverage.trails(),
      paused,
      speedup: k,
      done: vehicles.length > 0 && vehicles.every((v) => v.activity === 'done'),
    }),
  };
}
