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
  const t0 = performance.now();
  const maxBytes = options.maxBytes ?? Infinity;
  const maxPending = options.maxPendingBytes ?? 64 * 2 ** 20;
  let stream: WriteStream | undefined;
  let failure: Error | undefined;
  let out: (line: string) => void;
  let bytes = 0;
  let truncated = false;
  if (typeof target === 'string') {
    const file = createWriteStream(target, { flags: 'w' });
    file.on('error', (error) => (failure = error));
    stream = file;
    out = (line) => {
      if (failure) return;
      if (file.writableLength > maxPending) truncated = true;
      else file.write(line);
    };
  } else out = target;
  const write = (line: string) => {
    if (truncated) return;
    const lineBytes = Buffer.byteLength(line);
    if (bytes + lineBytes > maxBytes) {
      truncated = true;
      return;
    }
    bytes += lineBytes;
    out(line);
  };
  let lines = 0;
  const header: TelemetryRecordingHeader = {
    type: 'header',
    format: TELEMETRY_RECORDING_FORMAT,
    protocol: PROTOCOL,
    startedAt: new Date().toISOString(),
    simulations: feeds.map((feed) => feed.offer()),
    states: Object.fromEntries(feeds.map((feed) => [feed.id, feed.state()])),
  };
  write(JSON.stringify(header) + '\n');
  lines++;
  return {
    record(_sim, e) {
      const at = Math.round((performance.now() - t0) * 10) / 10;
      if (truncated) return;
      write(`{"at":${at},"type":${JSON.stringify(e.type)}${e.rest}\n`);
      if (!truncated) lines++;
    },
    close() {
      if (!stream) return Promise.resolve();
      const file = stream;
      stream = undefined;
      const fail = () => new AgrisimError('IO_WRITE', `cannot write recording ${String(target)}: ${failure?.message}`, { path: target });
      if (failure) return Promise.reject(fail());
      return new Promise<void>((resolve, reject) => {
        file.once('error', (error) => {
          failure ??= error;
          reject(fail());
        });
        file.end((error?: Error | null) => {
          if (error) failure ??= error;
          if (failure) reject(fail());
          else resolve();
        });
      });
    },
    get lines() {
      return lines;
    },
    get truncated() {
      return truncated;
    },
  };
}
