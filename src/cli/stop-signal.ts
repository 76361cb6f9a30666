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

/**
 * Waits for SIGINT, SIGTERM or SIGHUP (or `until`), for long-running commands (serve, gateway).
 * The handlers stay for the whole shutdown (see {@link onStopSignal}); the close itself is
 * bounded by the caller.
 *
 * @returns the signal's name, or `end` when `until` settled first
 * @example
 * ```ts
 * const signal = await stopSignal();
 * await server.close();
 * ```
 */
export function stopSignal(until?: Promise<unknown>): Promise<string> {
  let settled = false;
  return new Promise<string>((done) => {
    const finish = (s: string) => {
      if (!settled) done(s);
      settled = true;
    };
    onStopSignal(finish);
    until?.then(() => finish('end'), () => finish('end'));
  });
}
