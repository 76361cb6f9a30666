/**
 * A token bucket per client: `ratePerS` messages a second on average, bursts up to `burst`.
 */
export interface RateLimiter {
  /** Takes one token; false when the bucket is empty. */
  take(nowMs: number): boolean;
}

/**
 * @example
 * ```ts
 * const limit = createRateLimiter(20, 40);
 * if (!limit.take(performance.now())) reply({ type: 'error', code: 'TELEMETRY_RATE_LIMITED', … });
 * ```
 */
export function createRateLimiter(ratePerS: number, burst = Math.max(1, 2 * ratePerS)): RateLimiter {
  let tokens = burst;
  let lastMs: number | undefined;
  return {
    take(nowMs) {
      if (lastMs !== undefined) tokens = Math.min(burst, tokens + ((nowMs - lastMs) * ratePerS) / 1000);
      lastMs = nowMs;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
