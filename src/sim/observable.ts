/**
 * The virtual clock: a simulation as an rxjs Observable of frames, as fast as possible or at a
 * speed-up factor against a scheduler, pausable. With TestScheduler.run the clock is virtual
 * (marble tests); with the default asyncScheduler it follows the wall clock. The model itself
 * never reads a clock: only this driver does, through `scheduler.now()`.
 */
import { asyncScheduler, BehaviorSubject, Observable, share, type SchedulerLike, type Subscriber, type Subscription } from 'rxjs';
import { SimError } from '../errors.js';
import type { SimFrame, Simulation } from './types.js';

/** Options of {@link simulate$}. */
export interface SimulateOptions {
  /** Clock (default asyncScheduler; in TestScheduler.run it is virtual). */
  scheduler?: SchedulerLike;
  /** Simulated time per real time (1 = real time, 60 = a minute per second); Infinity (default) = as fast as possible. */
  speedup?: number;
  /** While it last emitted `true`, no tick happens. */
  paused$?: Observable<boolean>;
  /** New speed-up factors while running. */
  speedup$?: Observable<number>;
  /** As fast as possible: ticks per scheduled batch, so other work can run in between (default 1000). */
  batchTicks?: number;
  /** Shortest timer period at a finite speed-up, ms: faster tick rates emit several frames per timer (default 10). */
  minIntervalMs?: number;
}

function checkSpeed(k: number): number {
  if (!(k > 0))
    throw new SimError('SIM_INVALID_OPTION', `speedup must be > 0 (Infinity = as fast as possible), got ${k}`, {
      key: 'speedup',
      value: k,
    });
  return k;
}

/** One subscription's clock: the timer action, pause state, and the anchor ticks are counted from since the last (re)start. */
interface ClockRun {
  sim: Simulation;
  subscriber: Subscriber<SimFrame>;
  scheduler: SchedulerLike;
  /** Simulated time per real time (Infinity = as fast as possible); one for every subscription of the stream. */
  pace: { speed: number };
  tickMs: number;
  batchTicks: number;
  minIntervalMs: number;
  action?: Subscription;
  paused: boolean;
  anchorMs: number;
  anchorTicks: number;
  ticks: number;
}

/** Emits one frame; false when the run is over. */
function emitFrame(run: ClockRun): boolean {
  const frame = run.sim.step();
  if (frame) {
    run.ticks++;
    run.subscriber.next(frame);
  }
  if (!frame || run.sim.done) {
    run.subscriber.complete();
    return false;
  }
  return true;
}

/** As fast as possible: batches of ticks, each batch a scheduled task so other work runs in between. */
function scheduleBatches(run: ClockRun): Subscription {
  return run.scheduler.schedule(function () {
    for (let i = 0; i < run.batchTicks; i++) if (!emitFrame(run)) return;
    this.schedule(undefined, 0);
  }, 0);
}

/** At a finite speed-up: each timer emits the ticks due since the anchor, then waits for the next one (at least minIntervalMs). */
function scheduleAtSpeed(run: ClockRun): Subscription {
  const { scheduler, tickMs } = run;
  const periodMs = tickMs / run.pace.speed;
  return scheduler.schedule(
    function () {
      const due = Math.floor(((scheduler.now() - run.anchorMs) * run.pace.speed) / tickMs + 1e-9);
      while (run.ticks - run.anchorTicks < due) if (!emitFrame(run)) return;
      const nextAt = run.anchorMs + ((run.ticks - run.anchorTicks + 1) * tickMs) / run.pace.speed;
      this.schedule(undefined, Math.max(run.minIntervalMs, nextAt - scheduler.now()));
    },
    Math.max(run.minIntervalMs, periodMs),
  );
}

/** (Re)starts the clock from now, unless paused or unsubscribed. */
function startClock(run: ClockRun): void {
  run.action?.unsubscribe();
  if (run.paused || run.subscriber.closed) return;
  run.anchorMs = run.scheduler.now();
  run.anchorTicks = run.ticks;
  run.action = run.pace.speed === Infinity ? scheduleBatches(run) : scheduleAtSpeed(run);
}

/** Follows the pause and speed-up streams: a pause stops the timer, a resume or a new speed restarts it. */
function followControls(run: ClockRun, options: SimulateOptions): Subscription[] {
  const controls: Subscription[] = [];
  if (options.paused$) {
    controls.push(
      options.paused$.subscribe((paused) => {
        if (paused === run.paused) return;
        run.paused = paused;
        if (paused) run.action?.unsubscribe();
        else startClock(run);
      }),
    );
  }
  if (options.speedup$) {
    controls.push(
      options.speedup$.subscribe((speedup) => {
        run.pace.speed = checkSpeed(speedup);
        startClock(run);
      }),
    );
  }
  return controls;
}

/**
 * Frames of `sim` on a clock. Each subscription steps the same simulation: subscribe once (or `share()`).
 * Completes after the last frame.
 *
 * ```
 * speedup 1, tick 100 ms:  ----------a---------b---------(c|)
 * ```
 * @param sim - a simulation from createSimulation (or a replay)
 * @param options - scheduler, speed-up, pause and speed streams
 * @throws SimError `SIM_INVALID_OPTION` for a speed-up ≤ 0
 * @example
 * ```ts
 * import { loadScenario, simulate$ } from 'agrisim';
 * const sim = (await loadScenario('sims/thai-binh-drone.json')).create();
 * simulate$(sim, { speedup: 60 }).subscribe((f) => console.log(f.t, f.progress.coveredPct));
 * ```
 */
export function simulate$(sim: Simulation, options: SimulateOptions = {}): Observable<SimFrame> {
  const pace = { speed: checkSpeed(options.speedup ?? Infinity) };
  const batchTicks = Math.max(1, Math.floor(options.batchTicks ?? 1000));
  const minIntervalMs = Math.max(0, options.minIntervalMs ?? 10);
  const tickMs = sim.describe().tickMs;
  return new Observable<SimFrame>((subscriber) => {
    const scheduler = options.scheduler ?? asyncScheduler;
    const run: ClockRun = {
      sim,
      subscriber,
      scheduler,
      pace,
      tickMs,
      batchTicks,
      minIntervalMs,
      paused: false,
      anchorMs: scheduler.now(),
      anchorTicks: 0,
      ticks: 0,
    };
    const controls = followControls(run, options);
    startClock(run);
    return () => {
      run.action?.unsubscribe();
      for (const control of controls) control.unsubscribe();
    };
  });
}

/** A shared frame stream with imperative pause/resume/speed controls (what a server or a demo needs). */
export interface SimController {
  /** Shared: all subscribers see the same frames. */
  frames$: Observable<SimFrame>;
  pause(): void;
  resume(): void;
  setSpeedup(k: number): void;
  readonly paused: boolean;
}

/**
 * Wraps {@link simulate$} with pause/resume/speed helpers.
 * @example
 * ```ts
 * import { createSimController, loadScenario } from 'agrisim';
 * const sim = (await loadScenario('sims/thai-binh-drone.json')).create();
 * const c = createSimController(sim, { speedup: 10 });
 * c.frames$.subscribe((frame) => console.log(frame.t));
 * c.pause(); c.resume(); c.setSpeedup(60);
 * ```
 */
export function createSimController(sim: Simulation, options: Omit<SimulateOptions, 'paused$' | 'speedup$'> = {}): SimController {
  const paused$ = new BehaviorSubject(false);
  const speedup$ = new BehaviorSubject(checkSpeed(options.speedup ?? Infinity));
  const frames$ = simulate$(sim, { ...options, paused$, speedup$ }).pipe(share());
  return {
    frames$,
    pause: () => paused$.next(true),
    resume: () => paused$.next(false),
    setSpeedup: (k) => speedup$.next(checkSpeed(k)),
    get paused() {
      return paused$.value;
    },
  };
}
