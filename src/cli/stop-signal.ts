/**
 * Waits for SIGINT or SIGTERM (or `until`), for long-running commands (serve, gateway).
 * The handlers stay for the whole shutdown: a repeated SIGINT (a supervisor forwarding it, a
 * second Ctrl+C) must not kill the process mid-close; the close itself is bounded by the caller.
 *
 * @returns the signal's name, or `end` when `until` settled first
 * @example
 * ```ts
 * const signal = await stopSignal();
 * await server.close();
 * ```
 */
export function stopSignal(until?: Promise<unknown>): Promise<string> {
  let stopping = false;
  return new Promise<string>((done) => {
    const on = (s: string) => () => {
      if (!stopping) done(s);
      stopping = true;
    };
    process.on('SIGINT', on('SIGINT'));
    process.on('SIGTERM', on('SIGTERM'));
    until?.then(on('end'), on('end'));
  });
}
