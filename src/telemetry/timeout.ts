/**
 * Bounded waits for shutdown steps: a step that does not finish in time (a broker that went
 * away, a client that never answers the close handshake, a stalled disk) is abandoned, so
 * closing always finishes.
 */

/** What {@link withTimeout} gives when the step ran out of time. */
export const TIMED_OUT: unique symbol = Symbol('timed out');

/**
 * Waits for `step` at most `ms`; a rejection is passed on.
 * @example
 * ```ts
 * if ((await withTimeout(client.endAsync(), 1000)) === TIMED_OUT) client.end(true);
 * ```
 */
export function withTimeout<T>(step: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    // Not unref'd: a step that hangs with nothing else alive must still time out (an unref'd timer
    // would let the process end mid-shutdown, before the rest of it ran).
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([step, timeout]).finally(() => clearTimeout(timer));
}
