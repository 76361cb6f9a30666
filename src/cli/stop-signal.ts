/**
 * Stop signals of long-running commands (serve, replay, demo, gateway, simulate): SIGINT
 * (Ctrl+C), SIGTERM (a supervisor, `kill`), SIGHUP (the terminal or SSH session went away).
 * Each ends the command cleanly within {@link SHUTDOWN_BUDGET_MS}: recordings flushed first,
 * then every shutdown step bounded by {@link withTimeout}.
 */
export { withTimeout, TIMED_OUT } from '../telemetry/index.js';

/** Signals that stop a long-running command. */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** A stop signal's name. */
export type StopSignalName = (typeof STOP_SIGNALS)[number];

/**
 * Whole shutdown, from the signal to the exit, ms. Supervisors (systemd's default
 * TimeoutStopSec is 90 s, Docker's stop 10 s) are far more patient; 3 s is what a person
 * pressing Ctrl+C at a demo waits before pressing it again (issue 20).
 */
export const SHUTDOWN_BUDGET_MS = 3000;

/**
 * Calls `handler` once, on the first stop signal. The handlers stay until disposed: a repeated
 * SIGINT (a supervisor forwarding it, a second Ctrl+C) must not kill the process mid-close.
 * @returns a function removing the handlers
 * @example
 * ```ts
 * const dispose = onStopSignal((s) => run.unsubscribe());
 * // … when done
 * dispose();
 * ```
 */
export function onStopSignal(handler: (signal: StopSignalName) => void): () => void {
  let fired = false;
  const listeners = STOP_SIGNALS.map((s) => {
    const on = () => {
      if (fired) return;
      fired = true;
      handler(s);
    };
    process.on(s, on);
    return [s, on] as const;
  });
  return () => {
    for (const [s, on] of listeners) process.off(s, on);
  };
}

/** Stop signals watched from a command's first line: start-up steps abort on them, the run ends on them. */
export interface StopWatch {
  /** Aborted on the first stop signal (its reason is the signal's name): hand it to start-up steps that wait. */
  readonly abort: AbortSignal;
  /** Resolves with the first stop signal's name. */
  readonly stopped: Promise<StopSignalName>;
}

/**
 * Watches the stop signals from now on, for the whole command: a signal during start-up (a
 * broker that does not answer, a gateway waiting for its first simulation, a long plan) aborts
 * the step that waits and ends the command cleanly (exit 0, a `stopped` line) instead of killing
 * the process mid-step. The handlers stay until the process exits.
 * @example
 * ```ts
 * const stop = watchStopSignals();
 * const gw = await startMqttGateway({ mqttUrl, abortSignal: stop.abort });
 * const signal = await stop.stopped;
 * ```
 */
export function watchStopSignals(): StopWatch {
  const controller = new AbortController();
  const stopped = new Promise<StopSignalName>((resolve) =>
    onStopSignal((signal) => {
      controller.abort(signal);
      resolve(signal);
    }),
  );
  return { abort: controller.signal, stopped };
}

/**
 * Waits for SIGINT, SIGTERM or SIGHUP (or `until`), for long-running commands (serve, gateway).
 * The handlers stay for the whole shutdown (see {@link onStopSignal}); the close itself is
 * bounded by the caller.
 *
 * @param watch - signals watched since the command started (see {@link watchStopSignals}); default: from now on
 * @returns the signal's name, or `end` when `until` settled first
 * @example
 * ```ts
 * const signal = await stopSignal();
 * await server.close();
 * ```
 */
export function stopSignal(until?: Promise<unknown>, watch?: StopWatch): Promise<string> {
  let settled = false;
  return new Promise<string>((done) => {
    const finish = (signal: string) => {
      if (!settled) done(signal);
      settled = true;
    };
    if (watch) void watch.stopped.then(finish);
    else onStopSignal(finish);
    until?.then(
      () => finish('end'),
      () => finish('end'),
    );
  });
}
