/**
 * Telemetry recordings (NDJSON): a header line with the simulations on offer and each one's
 * state when recording began, then one line per broadcast: the message exactly as every
 * subscriber got it, with `at` (wall ms since the start) in place of `seq`.
 */
import type { FeedState } from '../feed/types.js';
import type { SimOffer } from '../protocol/messages.js';

/** Format of telemetry recordings; bump on incompatible changes. */
export const TELEMETRY_RECORDING_FORMAT = 'agrisim-telemetry-recording/1';

/** First line of a telemetry recording. */
export interface TelemetryRecordingHeader {
  type: 'header';
  format: typeof TELEMETRY_RECORDING_FORMAT;
  protocol: string;
  /** Wall-clock time of the start, ISO 8601 (for people; replay uses `at`). */
  startedAt: string;
  simulations: SimOffer[];
  /** State of each simulation when recording began, by id. */
  states: Record<string, FeedState>;
}
