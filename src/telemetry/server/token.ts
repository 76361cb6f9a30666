import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Constant-time token check: both sides are hashed to 32 bytes first, so neither the content
 * nor the length of the secret leaks through timing (crypto.timingSafeEqual needs equal lengths).
 * @example
 * ```ts
 * tokenMatches('s3cret', msg.token); // true only for the exact token
 * ```
 */
export function tokenMatches(secret: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = createHash('sha256').update(secret).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
