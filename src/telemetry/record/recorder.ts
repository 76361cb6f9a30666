/**
 * Records every broadcast of a server to NDJSON (see ./format.ts), reusing the frame the
 * subscribers got, so recording costs one string concatenation per broadcast.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { AgrisimError } from '../../errors.js';
import type { TelemetryFeed } from '../feed/types.js';
import type { EncodedMessage } from '../protocol/encode.js';
import { PROTOCOL } from '../protocol/messages.js';
import { TELEMETRY_RECORDING_FORMAT, type TelemetryRecordingHeader } from './format.js';

/** A recorder attached to a hub's broadcasts. */
export interface BroadcastRecorder {
  /** Writes one broadcast line. */
  record(sim: string, e: EncodedMessage): void;
  /** Flushes and closes the file (resolves once every line is on disk). */
  close(): Promise<void>;
  /** Lines written so far (header included). */
  readonly lines: number;
  /** True once the recording stopped early (size cap reached, or the disk fell too far behind). */
  readonly truncated: boolean;
}

/** Options of {@link createBroadcastRecorder}. */
export interface RecorderOptions {
  /** Stop recording (cleanly, at a line boundary) before the file passes this size, bytes (default: no cap). */
  maxBytes?: number;
  /** Stop recording when this much is waiting for the disk, bytes (default 64 MiB): memory stays bounded. */
  maxPendingBytes?: number;
}

/** Where the recording stands: the file (until closed), its first write error, bytes written, stopped early or not. */
interface RecordingState {
  stream?: WriteStream;
  failure?: Error;
  bytes: number;
  truncated: boolean;
}

/** Where lines go: the target function, or the file (a line is skipped once it failed; too big a backlog stops the recording). */
function openOutput(target: string | ((line: string) => void), maxPendingBytes: number, state: RecordingState): (line: string) => void {
  if (typeof target !== 'string') return target;
  const file = createWriteStream(target, { flags: 'w' });
  file.on('error', (error) => (state.failure = error));
  state.stream = file;
  return (line) => {
    if (state.failure) return;
    if (file.writableLength > maxPendingBytes) state.truncated = true;
    else file.write(line);
  };
}

/** The first line: offers and current states of the feeds. */
function recordingHeader(feeds: TelemetryFeed[]): TelemetryRecordingHeader {
  return {
    type: 'header',
    format: TELEMETRY_RECORDING_FORMAT,
    protocol: PROTOCOL,
    startedAt: new Date().toISOString(),
    simulations: feeds.map((feed) => feed.offer()),
    states: Object.fromEntries(feeds.map((feed) => [feed.id, feed.state()])),
  };
}

/** Ends the file; resolves once every line is on disk, rejects with `IO_WRITE` if any write failed. */
function closeRecording(state: RecordingState, target: string | ((line: string) => void)): Promise<void> {
  if (!state.stream) return Promise.resolve();
  const file = state.stream;
  state.stream = undefined;
  const fail = () => new AgrisimError('IO_WRITE', `cannot write recording ${String(target)}: ${state.failure?.message}`, { path: target });
  if (state.failure) return Promise.reject(fail());
  return new Promise<void>((resolve, reject) => {
    file.once('error', (error) => {
      state.failure ??= error;
      reject(fail());
    });
    file.end((error?: Error | null) => {
      if (error) state.failure ??= error;
      if (state.failure) reject(fail());
      else resolve();
    });
  });
}

/**
 * Starts a recording: writes the header (offers and current states of `feeds`) now.
 * @param target - NDJSON file path, or a function taking each line (ends with `\n`)
 * A file that cannot be written is reported by `close()` (rejects with `IO_WRITE`); recording never stops the server.
 * @example
 * ```ts
 * const rec = createBroadcastRecorder('run.ndjson', feeds);
 * const hub = createHub(feeds, rec.record);
 * // … on shutdown
 * await rec.close();
 * ```
 */
export function createBroadcastRecorder(
  target: string | ((line: string) => void),
  feeds: TelemetryFeed[],
  options: RecorderOptions = {},
): BroadcastRecorder {
  const startMs = performance.now();
  const maxBytes = options.maxBytes ?? Infinity;
  const state: RecordingState = { bytes: 0, truncated: false };
  const out = openOutput(target, options.maxPendingBytes ?? 64 * 2 ** 20, state);
  // the size cap stops the recording at a line boundary: a line that would pass it is not written
  const write = (line: string) => {
    if (state.truncated) return;
    const lineBytes = Buffer.byteLength(line);
    if (state.bytes + lineBytes > maxBytes) {
      state.truncated = true;
      return;
    }
    state.bytes += lineBytes;
    out(line);
  };
  let lines = 0;
  write(JSON.stringify(recordingHeader(feeds)) + '\n');
  lines++;
  return {
    record(_sim, e) {
      const at = Math.round((performance.now() - startMs) * 10) / 10;
      if (state.truncated) return;
      write(`{"at":${at},"type":${JSON.stringify(e.type)}${e.rest}\n`);
      if (!state.truncated) lines++;
    },
    close: () => closeRecording(state, target),
    get lines() {
      return lines;
    },
    get truncated() {
      return state.truncated;
    },
  };
}
