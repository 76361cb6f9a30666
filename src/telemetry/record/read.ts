/**
 * Reads a telemetry recording (./format.ts) back into its header and timed broadcasts.
 */
import { TelemetryError } from '../../errors.js';
import { recordingLines } from '../../sim/index.js';
import type { BroadcastMessage } from '../protocol/messages.js';
import { TELEMETRY_RECORDING_FORMAT, type TelemetryRecordingHeader } from './format.js';

/** One recorded broadcast: when (wall ms since the start) and what. */
export interface RecordedBroadcast {
  at: number;
  message: BroadcastMessage;
}

/** A parsed telemetry recording. */
export interface TelemetryRecording {
  header: TelemetryRecordingHeader;
  broadcasts: RecordedBroadcast[];
  /**
   * Set when the file ends in the middle of a line (the recorder was killed, the power went): the
   * number of that line, which was left out; every complete line before it is kept.
   */
  cutLine?: number;
}

const TYPES = new Set(['telemetry', 'event', 'control', 'snapshot']);

function invalidLine(line: number, message: string, source?: string): never {
  throw new TelemetryError('TELEMETRY_RECORDING_INVALID', `${source ? `${source}: ` : ''}recording line ${line}: ${message}`, { line, ...(source ? { path: source } : {}) });
}

/**
 * Parses a recording made with `--record` (or createBroadcastRecorder). A last line cut short is
 * left out and reported as `cutLine`; a bad line anywhere else is an error.
 * @param source - file name for messages
 * @throws TelemetryError `TELEMETRY_RECORDING_INVALID` naming the file and the line
 * @example
 * ```ts
 * const { header, broadcasts } = readTelemetryRecording(readFileSync('run.ndjson', 'utf8'));
 * ```
 */
export function readTelemetryRecording(text: string, source?: string): TelemetryRecording {
  const { lines, cutLine } = recordingLines(text);
  const invalid: (line: number, message: string) => never = (line, message) => invalidLine(line, message, source);
  let header: TelemetryRecordingHeader | undefined;
  const broadcasts: RecordedBroadcast[] = [];
  let lastAt = 0;
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    let obj: Record<string, unknown>;
    try {
      obj = JSON.parse(raw);
    } catch {
      invalid(i + 1, 'not JSON');
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) invalid(i + 1, 'not a JSON object');
    if (!header) {
      if (obj.type !== 'header' || obj.format !== TELEMETRY_RECORDING_FORMAT) invalid(i + 1, `not an ${TELEMETRY_RECORDING_FORMAT} header`);
      if (!Array.isArray(obj.simulations) || !obj.states || typeof obj.states !== 'object') invalid(i + 1, 'the header needs simulations and states');
      header = obj as unknown as TelemetryRecordingHeader;
      for (const s of header.simulations) if (!header.states[s.id]?.description) invalid(i + 1, `no state for simulation "${s.id}"`);
      return;
    }
    const { at, ...message } = obj;
    if (typeof at !== 'number' || !(at >= lastAt)) invalid(i + 1, '"at" must be a number of ms, never decreasing');
    if (typeof message.type !== 'string' || !TYPES.has(message.type)) invalid(i + 1, `unknown message type ${JSON.stringify(message.type)}`);
    if (typeof message.sim !== 'string' || !header.states[message.sim]) invalid(i + 1, `names simulation ${JSON.stringify(message.sim)}, which the header does not offer`);
    lastAt = at;
    broadcasts.push({ at, message: message as unknown as BroadcastMessage });
  });
  if (!header) invalid(1, 'empty recording');
  return cutLine === undefined ? { header, broadcasts } : { header, broadcasts, cutLine };
}
