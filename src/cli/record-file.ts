/**
 * The NDJSON file of `simulate --record`: whole lines, flushed on a timer so a killed run loses
 * at most the last moment of it.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { AgrisimError } from '../errors.js';

/**
 * Whole lines are written at most this long after they were made, wall ms: a killed run loses
 * no more (and a cut last line is skipped by replay).
 */
const RECORD_FLUSH_MS = 250;
/** Or once this much is waiting, bytes (fewer system calls on a fast run). */
const RECORD_FLUSH_BYTES = 256 * 1024;

export function openRecord(file: string): { write(line: string): void; close(): void } {
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    throw new AgrisimError('IO_WRITE', `cannot write ${file}: ${(e as Error).message}`, { path: file });
  }
  let buf: string[] = [];
  let size = 0;
  const flush = () => {
    try {
      if (buf.length) writeSync(fd, buf.join(''));
    } catch (e) {
      throw new AgrisimError('IO_WRITE', `cannot write ${file}: ${(e as Error).message}`, { path: file });
    } finally {
      buf = [];
      size = 0;
    }
  };
  const timer = setInterval(flush, RECORD_FLUSH_MS);
  timer.unref();
  return {
    write(line) {
      buf.push(line);
      size += line.length;
      if (size > RECORD_FLUSH_BYTES) flush();
    },
    close() {
      clearInterval(timer);
      flush();
      closeSync(fd);
    },
  };
}
