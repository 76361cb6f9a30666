/**
 * Error frames: the server answers every bad client message with `error` and goes on.
 */
import type { ErrorCode } from '../../errors.js';
import type { ErrorMessage, Unsequenced } from './messages.js';

/** Telemetry error codes a client may receive (all listed in src/errors.ts ERROR_CODES). */
export type TelemetryErrorCode = Extract<ErrorCode, `TELEMETRY_${string}`>;

/** An `error` message body. */
export function errorMessage(code: TelemetryErrorCode, message: string, sim?: string): Unsequenced<ErrorMessage> {
  return sim === undefined ? { type: 'error', code, message } : { type: 'error', code, message, sim };
}
