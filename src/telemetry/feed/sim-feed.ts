/**
 * The local feed: a simulation run on the wall clock (simulate$ at a speed-up), broadcast at
 * most `maxBroadcastHz` times a second (at high speed-ups several ticks fold into one frame,
 * their events still sent one by one), pausable, restartable, optionally looping.
 */
import { BehaviorSubject, Subject, type Subscription } from 'rxjs';
import { TelemetryError } from '../../errors.js';
import { simulate$ } from '../../sim/index.js';
import type { SimFrame, Simulation, SimulationFactory } from '../../sim/index.js';
import type { ControlAction, SimOffer } from '../protocol/messages.js';
import { createFeedStateTracker } from './feed-state.js';
import { createProgressSavings } from './progress-savings.js';
import type { FeedUpdate, TelemetryFeed } from './types.js';
import { toWireVehicle } from './wire-vehicle.js';

/** Options of {@link createSimFeed}. */
export interface SimFeedOptions {
  /** Simulated time per wall time (default 1; > 0 and ≤ {@link MAX_SPEEDUP}). */
  speedup?: number;
  /** Start over this long after the run ends, wall ms (default: no loop). */
  loopDelayMs?: number;
  /** Most telemetry frames per wall second (default 10). */
  maxBroadcastHz?: number;
  /** Extra `hello` fields (e.g. the field file). */
  offer?: Partial<SimOffer>;
}

/** Largest speed-up a feed accepts. */
export const MAX_SPEEDUP = 10_000;

/** Checks a speed-up factor. @throws TelemetryError `TELEMETRY_INVALID_OPTION` */
export function checkSpeedup(k: unknown, key = 'speedup'): number {
  if (typeof k !== 'number' || !(k > 0 && k <= MAX_SPEEDUP)) {
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', `${key} must be a number > 0 and ≤ ${MAX_SPEEDUP}, got ${String(k)}`, {
      key,
      value: k,
    });
  }
  return k;
}

/** The `hello` entry of a factory's runs. */
export function offerOf(factory: SimulationFactory, sim: Simulation, extra: Partial<SimOffer> = {}): SimOffer {
  const description = sim.describe();
  const guidance = [...new Set(description.vehicles.map((v) => v.guidance))].join('+');
  const field = (factory as { scenario?: { field?: string } }).scenario?.field;
  return {
    id: factory.id,
    name: factory.name,
    guidance,
    ...(field ? { field } : {}),
    vehicles: description.vehicles.map((v) => v.id),
    ...extra,
  };
}

/**
 * A feed that runs `factory`'s simulation.
 * @param factory - e.g. a LoadedScenario from loadScenario
 * @throws TelemetryError `TELEMETRY_INVALID_OPTION` for a bad speed-up or rate
 * @example
 * ```ts
 * import { createSimFeed, loadScenario } from 'agrisim';
 * const feed = createSimFeed(await loadScenario('sims/thai-binh-drone.json'), { speedup: 10, loopDelayMs: 5000 });
 * feed.updates$.subscribe((u) => u.kind === 'telemetry' && console.log(u.progress.coveredPct));
 * feed.start();
 * ```
 */
export function createSimFeed(factory: SimulationFactory, options: SimFeedOptions = {}): TelemetryFeed {
  const speedup$ = new BehaviorSubject(checkSpeedup(options.speedup ?? 1));
  const paused$ = new BehaviorSubject(false);
  const hz = options.maxBroadcastHz ?? 10;
  if (!(hz > 0 && hz <= 1000))
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', `maxBroadcastHz must be > 0 and ≤ 1000, got ${hz}`, {
      key: 'maxBroadcastHz',
      value: hz,
    });
  const periodMs = 1000 / hz;
  const updates = new Subject<FeedUpdate>();
  let sim = factory.create();
  const offer = offerOf(factory, sim, options.offer);
  const tracker = createFeedStateTracker(sim.describe(), speedup$.value);
  let savings = createProgressSavings(sim.describe());
  let run: Subscription | undefined;
  let started = false;
  let stopped = false;
  let latest: SimFrame | undefined;
  let lastSentMs = -Infinity;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let loopTimer: ReturnType<typeof setTimeout> | undefined;

  // The savings are an extra of the telemetry: a simulation whose metrics cannot be had keeps the defaults' figure.
  const finalMetrics = () => {
    try {
      return sim.metrics();
    } catch {
      return undefined;
    }
  };
  const emit = (u: FeedUpdate) => {
    tracker.apply(u);
    updates.next(u);
  };
  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (!latest) return;
    const frame = latest;
    latest = undefined;
    lastSentMs = performance.now();
    // Savings of the area done so far, from the economics stage; from the measured run once it is done.
    const progress = savings.add(frame.progress, sim.done ? finalMetrics() : undefined);
    emit({ kind: 'telemetry', t: frame.t, vehicles: frame.vehicles.map(toWireVehicle), progress });
  };
  const onFrame = (f: SimFrame) => {
    for (const event of f.events) emit({ kind: 'event', t: event.t, event });
    latest = f;
    const wait = lastSentMs + periodMs - performance.now();
    if (wait <= 0) flush();
    else flushTimer ??= setTimeout(flush, wait);
  };
  const onEnd = () => {
    flush();
    if (options.loopDelayMs !== undefined && !stopped) loopTimer = setTimeout(restart, options.loopDelayMs);
  };
  const begin = () => {
    run = simulate$(sim, { speedup: speedup$.value, paused$, speedup$ }).subscribe({ next: onFrame, complete: onEnd });
  };
  function restart(): void {
    clearTimeout(loopTimer);
    run?.unsubscribe();
    latest = undefined;
    clearTimeout(flushTimer);
    flushTimer = undefined;
    sim = factory.create();
    tracker.reset(sim.describe());
    savings = createProgressSavings(sim.describe());
    updates.next({ kind: 'reset' });
    if (started && !stopped) begin();
  }
  const controlUpdate = (action: ControlAction) => emit({ kind: 'control', action, paused: paused$.value, speedup: speedup$.value });

  return {
    id: factory.id,
    offer: () => offer,
    state: () => tracker.state(),
    updates$: updates.asObservable(),
    control(action, value) {
      if (action === 'pause') {
        flush();
        paused$.next(true);
      } else if (action === 'resume') paused$.next(false);
      else if (action === 'speed') speedup$.next(checkSpeedup(value, 'value'));
      else restart();
      controlUpdate(action);
    },
    start() {
      if (started || stopped) return;
      started = true;
      begin();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      run?.unsubscribe();
      clearTimeout(flushTimer);
      clearTimeout(loopTimer);
      updates.complete();
    },
  };
}
