/**
 * Reads a telemetry recording (./format.ts) back into its header and timed broadcasts.
 */
import { TelemetryError } from '../../errors.js';
import { recordingObjects } from '../../sim/index.js';
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
  throw new TelemetryError('TELEMETRY_RECORDING_INVALID', `${source ? `${source}: ` : ''}recording line ${line}: ${message}`, {
    line,
    ...(source ? { path: source } : {}),
  });
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
  const invalid: (line: number, message: string) => never = (line, message) => invalidLine(line, message, source);
  const { objects, cutLine } = recordingObjects(text, invalid);
  let header: TelemetryRecordingHeader | undefined;
  const broadcasts: RecordedBroadcast[] = [];
  let lastAt = 0;
  for (const { line, obj } of objects) {
    if (!header) {
      if (obj.type !== 'header' || obj.format !== TELEMETRY_RECORDING_FORMAT) invalid(line, `not an ${TELEMETRY_RECORDING_FORMAT} header`);
      if (!Array.isArray(obj.simulations) || !obj.states || typeof obj.states !== 'object')
        invalid(line, 'the header needs simulations and states');
      header = obj as unknown as TelemetryRecordingHeader;
      for (const s of header.simulations) if (!header.states[s.id]?.description) invalid(line, `no state for simulation "${s.id}"`);
      continue;
    }
    const { at, ...message } = obj;
    if (typeof at !== 'number' || !(at >= lastAt)) invalid(line, '"at" must be a number of ms, never decreasing');
    if (typeof message.type !== 'string' || !TYPES.has(message.type)) invalid(line, `unknown message type ${JSON.stringify(message.type)}`);
    if (typeof message.sim !== 'string' || !header.states[message.sim])
      invalid(line, `names simulation ${JSON.stringify(message.sim)}, which the header does not offer`);
    lastAt = at;
    broadcasts.push({ at, message: message as unknown as BroadcastMessage });
  }
  if (!header) invalid(1, 'empty recording');
  return cutLine === undefined ? { header, broadcasts } : { header, broadcasts, cutLine };
}
