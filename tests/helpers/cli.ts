/**
 * Runs the real agrisim command line in the test's own process (src/cli/run.ts, what the bin
 * runs), with stdout and stderr captured: no child process, so no start-up time and no
 * wall-clock waits. Calls must not overlap (the capture is process-wide): await each.
 */
import { runAgrisim } from '../../src/cli/run.js';

/** What a run printed and its exit code. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `agrisim ARGS…` in this process. */
export async function runCli(...args: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const writeOut = process.stdout.write;
  const writeErr = process.stderr.write;
  const capture = (into: string[]) =>
    ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      into.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof process.stdout.write;
  process.stdout.write = capture(out);
  process.stderr.write = capture(err);
  try {
    const status = await runAgrisim(args);
    return { status, stdout: out.join(''), stderr: err.join('') };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}
