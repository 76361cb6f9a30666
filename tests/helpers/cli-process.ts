/**
 * A real CLI process for signal tests: started with `--json`, awaited on its `started` line
 * (event-based, bounded), signalled, and awaited on its exit; and whether a port is free again.
 * Processes still running after a test are killed (afterEach of the calling file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach } from 'vitest';

/** A started CLI process. */
export interface RunningCli {
  proc: ChildProcess;
  /** Its `started` JSON line. */
  started: Record<string, unknown>;
  stdout(): string;
  stderr(): string;
  /** Its JSON lines so far. */
  lines(): Record<string, unknown>[];
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with the exit, or with `undefined` after `timeoutMs` (the process is then SIGKILLed). */
  exitWithin(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null } | undefined>;
}

const running: ChildProcess[] = [];

/** Kills, after each test of the calling file, every process it started that still runs. */
export function killLeftoverProcesses(): void {
  afterEach(() => {
    for (const proc of running.splice(0)) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
}

const jsonLines = (text: string) => text.split('\n').filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);

/**
 * Runs `command args` (add `--json` yourself) and resolves on its `started` line.
 * @param startTimeoutMs - generous: a busy 2-core machine may take many seconds to start Node and plan
 * @example
 * ```ts
 * const cli = await startCliProcess(process.execPath, ['bin/agrisim.js', 'serve', '--port', '0', '--json'], { cwd });
 * cli.proc.kill('SIGTERM');
 * expect(await cli.exitWithin(15_000)).toEqual({ code: 0, signal: null });
 * ```
 */
export function startCliProcess(command: string, args: string[], options: { cwd?: string; startTimeoutMs?: number } = {}): Promise<RunningCli> {
  const proc = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (chunk) => (err += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const exitWithin = async (timeoutMs: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    const outcome = await Promise.race([exit, late]);
    clearTimeout(timer);
    if (!outcome) proc.kill('SIGKILL');
    return outcome;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${args.join(' ')}: no "started" line within ${options.startTimeoutMs ?? 60_000} ms; stderr: ${err}`)), options.startTimeoutMs ?? 60_000);
    proc.stdout!.on('data', (chunk) => {
      out += chunk;
      const started = jsonLines(out.split('\n').slice(0, -1).join('\n')).find((line) => line.event === 'started');
      if (!started) return;
      clearTimeout(timer);
      resolve({ proc, started, stdout: () => out, stderr: () => err, lines: () => jsonLines(out), exit, exitWithin });
    });
    void exit.then((e) => {
      clearTimeout(timer);
      reject(new Error(`exited ${e.code ?? e.signal} before starting: ${err}`));
    });
  });
}

/** True once nothing listens on the port on 127.0.0.1 (a fresh server can take it). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
