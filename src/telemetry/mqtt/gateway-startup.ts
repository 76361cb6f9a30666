/**
 * The gateway's start-up waits, each abandoned at once when its AbortSignal aborts (a stop
 * signal while the broker does not answer, or no simulation is published yet).
 */
import { TelemetryError } from '../../errors.js';
import { abortedError } from './connect.js';

/** Waits `ms`, or less when `abortSignal` aborts first. */
function pause(ms: number, abortSignal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      abortSignal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    abortSignal?.addEventListener('abort', done, { once: true });
  });
}

/** Waits for `step`, or rejects with `TELEMETRY_ABORTED` as soon as `abortSignal` aborts (the step is left to fail on its own). */
export function unlessAborted<T>(step: Promise<T>, abortSignal: AbortSignal | undefined, what: string): Promise<T> {
  if (!abortSignal) return step;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(what, abortSignal));
    if (abortSignal.aborted) return onAbort();
    abortSignal.addEventListener('abort', onAbort, { once: true });
    step.then(resolve, reject).finally(() => abortSignal.removeEventListener('abort', onAbort));
  });
}

/**
 * Waits `discoverMs` for the retained simulations; when none came, up to `waitForSimsMs` for a first
 * one (then `discoverMs` more for the others of a batch). Checked every 100 ms and at once on abort.
 * @throws TelemetryError `TELEMETRY_MQTT_NO_SIMS`, `TELEMETRY_ABORTED`
 */
export async function discoverSimulations(
  found: () => number,
  options: { discoverMs: number; waitForSimsMs: number; abortSignal?: AbortSignal; what: string; url: string },
): Promise<void> {
  const { discoverMs, waitForSimsMs, abortSignal } = options;
  const checkAbort = () => {
    if (abortSignal?.aborted) throw abortedError(`waiting for simulations on ${options.url}`, abortSignal);
  };
  await pause(discoverMs, abortSignal);
  checkAbort();
  if (found() > 0) return;
  const startMs = Date.now();
  while (found() === 0 && Date.now() - startMs < waitForSimsMs) {
    await pause(Math.min(100, waitForSimsMs), abortSignal);
    checkAbort();
  }
  if (found() === 0)
    throw new TelemetryError(
      'TELEMETRY_MQTT_NO_SIMS',
      `no simulation published under ${options.what} on ${options.url} within ${waitForSimsMs} ms`,
      { url: options.url },
    );
  await pause(discoverMs, abortSignal);
  checkAbort();
}
