/**
 * The virtual clock: a simulation as an rxjs Observable of frames, as fast as possible or at a
 * speed-up factor against a scheduler, pausable. With TestScheduler.run the clock is virtual
 * (marble tests); with the default asyncScheduler it follows the wall clock. The model itself
 * never reads a clock: only this driver does, through `scheduler.now()`.
 */
import { asyncScheduler, BehaviorSubject, Observable, share, type SchedulerLike, type Subscription } from 'rxjs';
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
 * import { simulate$ } from 'agrisim';
 * simulate$(sim, { speedup: 60 }).subscribe((f) => console.log(f.t, f.progress.coveredPct));
 * ```
 */
export function simulate$(sim: Simulation, options: SimulateOptions = {}): Observable<SimFrame> {
  let speed = checkSpeed(options.speedup ?? Infinity);
  const batch = Math.max(1, Math.floor(options.batchTicks ?? 1000));
  const minInterval = Math.max(0, options.minIntervalMs ?? 10);
  const tickMs = sim.describe().tickMs;
  return new Observable<SimFrame>((sub) => {
    const scheduler = options.scheduler ?? asyncScheduler;
    let action: Subscription | undefined;
    let paused = false;
    let anchorMs = scheduler.now();
    let anchorTicks = 0;
    let ticks = 0;
    /** Emits one frame; false when the run is over. */
    const emit = (): boolean => {
      const f = sim.step();
      if (f) {
        ticks++;
        sub.next(f);
      }
      if (!f || sim.done) {
        sub.complete();
        return false;
      }
      return true;
    };
    const start = () => {
      action?.unsubscribe();
      if (paused || sub.closed) return;
      anchorMs = scheduler.now();
      anchorTicks = ticks;
      if (speed === Infinity) {
        action = scheduler.schedule(function () {
          for (let i = 0; i < batch; i++) if (!emit()) return;
          this.schedule(undefined, 0);
        }, 0);
        return;
      }
      const periodMs = tickMs / speed;
      action = scheduler.schedule(
        function () {
          const due = Math.floor(((scheduler.now() - anchorMs) * speed) / tickMs + 1e-9);
          while (ticks - anchorTicks < due) if (!emit()) return;
          const nextAt = anchorMs + ((ticks - anchorTicks + 1) * tickMs) / speed;
          this.schedule(undefined, Math.max(minInterval, nextAt - scheduler.now()));
        },
        Math.max(minInterval, periodMs),
      );
    };
    const subs: Subscription[] = [];
    if (options.paused$) {
      subs.push(
        options.paused$.subscribe((p) => {
          if (p === paused) return;
          paused = p;
          if (p) action?.unsubscribe();
          else start();
        }),
      );
    }
    if (options.speedup$) {
      subs.push(
        options.speedup$.subscribe((k) => {
          speed = checkSpeed(k);
          start();
        }),
      );
    }
    start();
    return () => {
      action?.unsubscribe();
      for (const s of subs) s.unsubscribe();
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
 * import { createSimController } from 'agrisim';
 * const c = createSimController(sim, { speedup: 10 });
 * c.frames$.subscribe(draw);
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
