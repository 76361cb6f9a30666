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

/** Checks the broadcast rate. @throws TelemetryError `TELEMETRY_INVALID_OPTION` */
function checkBroadcastHz(hz: number): number {
  if (!(hz > 0 && hz <= 1000))
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', `maxBroadcastHz must be > 0 and ≤ 1000, got ${hz}`, {
      key: 'maxBroadcastHz',
      value: hz,
    });
  return hz;
}

/** Keeps the newest frame and sends it at most once per `periodMs` (wall clock): ticks between two sends fold into one. */
function createFrameThrottle(periodMs: number, send: (frame: SimFrame) => void) {
  let latest: SimFrame | undefined;
  let lastSentMs = -Infinity;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  const cancelTimer = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
  };
  const flush = () => {
    cancelTimer();
    if (!latest) return;
    const frame = latest;
    latest = undefined;
    lastSentMs = performance.now();
    send(frame);
  };
  return {
    flush,
    /** Holds `frame` as the newest; sends it now if a period has passed since the last send, else when it has. */
    hold(frame: SimFrame) {
      latest = frame;
      const waitMs = lastSentMs + periodMs - performance.now();
      if (waitMs <= 0) flush();
      else flushTimer ??= setTimeout(flush, waitMs);
    },
    /** Forgets the held frame (the run starts over). */
    drop() {
      latest = undefined;
      cancelTimer();
    },
    stopTimer: () => clearTimeout(flushTimer),
  };
}

/** What a control message does to a running feed (the `reset` action starts the run over). */
function applyControl(
  action: ControlAction,
  value: unknown,
  run: { paused$: BehaviorSubject<boolean>; speedup$: BehaviorSubject<number>; flush: () => void; restart: () => void },
): void {
  if (action === 'pause') {
    run.flush();
    run.paused$.next(true);
  } else if (action === 'resume') run.paused$.next(false);
  else if (action === 'speed') run.speedup$.next(checkSpeedup(value, 'value'));
  else run.restart();
}

// The savings are an extra of the telemetry: a simulation whose metrics cannot be had keeps the defaults' figure.
function metricsIfAny(sim: Simulation) {
  try {
    return sim.metrics();
  } catch {
    return undefined;
  }
}

/** The feed's outbound side: the state tracker, events sent one by one, throttled telemetry frames with their savings. */
function createFeedBroadcast(firstSim: Simulation, speedup: number, periodMs: number) {
  const updates = new Subject<FeedUpdate>();
  const tracker = createFeedStateTracker(firstSim.describe(), speedup);
  let sim = firstSim;
  let savings = createProgressSavings(sim.describe());
  const emit = (update: FeedUpdate) => {
    tracker.apply(update);
    updates.next(update);
  };
  const throttle = createFrameThrottle(periodMs, (frame) => {
    // Savings of the area done so far, from the economics stage; from the measured run once it is done.
    const progress = savings.add(frame.progress, sim.done ? metricsIfAny(sim) : undefined);
    emit({ kind: 'telemetry', t: frame.t, vehicles: frame.vehicles.map(toWireVehicle), progress });
  });
  return {
    updates,
    tracker,
    emit,
    throttle,
    onFrame(frame: SimFrame) {
      for (const event of frame.events) emit({ kind: 'event', t: event.t, event });
      throttle.hold(frame);
    },
    /** Starts over with a new run of the simulation. */
    reset(nextSim: Simulation) {
      throttle.drop();
      sim = nextSim;
      tracker.reset(sim.describe());
      savings = createProgressSavings(sim.describe());
      updates.next({ kind: 'reset' });
    },
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
  const periodMs = 1000 / checkBroadcastHz(options.maxBroadcastHz ?? 10);
  let sim = factory.create();
  const offer = offerOf(factory, sim, options.offer);
  const broadcast = createFeedBroadcast(sim, speedup$.value, periodMs);
  let run: Subscription | undefined;
  let started = false;
  let stopped = false;
  let loopTimer: ReturnType<typeof setTimeout> | undefined;

  const onEnd = () => {
    broadcast.throttle.flush();
    if (options.loopDelayMs !== undefined && !stopped) loopTimer = setTimeout(restart, options.loopDelayMs);
  };
  const begin = () => {
    run = simulate$(sim, { speedup: speedup$.value, paused$, speedup$ }).subscribe({ next: broadcast.onFrame, complete: onEnd });
  };
  function restart(): void {
    clearTimeout(loopTimer);
    run?.unsubscribe();
    sim = factory.create();
    broadcast.reset(sim);
    if (started && !stopped) begin();
  }

  return {
    id: factory.id,
    offer: () => offer,
    state: () => broadcast.tracker.state(),
    updates$: broadcast.updates.asObservable(),
    control(action, value) {
      applyControl(action, value, { paused$, speedup$, flush: broadcast.throttle.flush, restart });
      broadcast.emit({ kind: 'control', action, paused: paused$.value, speedup: speedup$.value });
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
      broadcast.throttle.stopTimer();
      clearTimeout(loopTimer);
      broadcast.updates.complete();
    },
  };
}
