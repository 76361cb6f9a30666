/**
 * A real CLI process for signal tests: spawned, awaited on an output line (event-based,
 * bounded) such as its `--json` `started` line, signalled, and awaited on its exit; and whether
 * a port is free again. Processes still running after a test are killed (see killLeftoverProcesses).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterEach } from 'vitest';

type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** A spawned CLI process. */
export interface CliProcess {
  proc: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Its stdout JSON lines so far. */
  lines(): Record<string, unknown>[];
  /** Resolves once it ended and all its output was read (`stdout()`, `stderr()` and `lines()` are then complete). */
  exit: Promise<Exit>;
  /** Resolves once `pattern` appears on stdout or stderr; rejects when the process exits first or after `timeoutMs`. */
  output(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit, or with `undefined` after `timeoutMs` (the process is then SIGKILLed). */
  exitWithin(timeoutMs: number): Promise<Exit | undefined>;
}

/** A CLI process that printed its `started` line. */
export interface RunningCli extends CliProcess {
  started: Record<string, unknown>;
}

const running: ChildProcess[] = [];

/** Kills, after each test of the calling file, every process it started that still runs. */
export function killLeftoverProcesses(): void {
  afterEach(() => {
    for (const proc of running.splice(0)) if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  });
}

const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{') && line.endsWith('}'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

/** Where and how a CLI process runs: its folder, and variables added to this process's environment (e.g. `PORT`). */
export interface CliProcessOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Spawns `command args`, collecting its output. */
export function spawnCliProcess(command: string, args: string[], options: CliProcessOptions = {}): CliProcess {
  const env = options.env ? { ...process.env, ...options.env } : undefined;
  const proc = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(proc);
  let out = '';
  let err = '';
  const watchers = new Set<() => void>();
  const collect = (append: (chunk: string) => void) => (chunk: Buffer) => {
    append(String(chunk));
    for (const watcher of [...watchers]) watcher();
  };
  proc.stdout!.on(
    'data',
    collect((chunk) => (out += chunk)),
  );
  proc.stderr!.on(
    'data',
    collect((chunk) => (err += chunk)),
  );
  // 'close', not 'exit': it comes once the process ended AND its stdout/stderr are read to the end, so output read after `exit` is whole.
  const exit = new Promise<Exit>((resolve) => proc.on('close', (code, signal) => resolve({ code, signal })));
  const output = (pattern: RegExp, timeoutMs = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const settle = (error?: Error) => {
        watchers.delete(check);
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      const check = () => {
        if (pattern.test(out) || pattern.test(err)) settle();
      };
      const timer = setTimeout(
        () => settle(new Error(`${args.join(' ')}: no ${pattern} within ${timeoutMs} ms; stdout: ${out}; stderr: ${err}`)),
        timeoutMs,
      );
      watchers.add(check);
      void exit.then((e) =>
        settle(new Error(`${args.join(' ')} exited ${e.code ?? e.signal} before ${pattern}; stdout: ${out}; stderr: ${err}`)),
      );
      check();
    });
  const exitWithin = async (timeoutMs: number) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    const outcome = await Promise.race([exit, late]);
    clearTimeout(timer);
    if (!outcome) proc.kill('SIGKILL');
    return outcome;
  };
  return { proc, stdout: () => out, stderr: () => err, lines: () => jsonLines(out), exit, output, exitWithin };
}

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
export async function startCliProcess(
  command: string,
  args: string[],
  options: CliProcessOptions & { startTimeoutMs?: number } = {},
): Promise<RunningCli> {
  const cli = spawnCliProcess(command, args, options);
  await cli.output(/"event":"started"[^\n]*\n/, options.startTimeoutMs ?? 60_000);
  const started = cli.lines().find((line) => line.event === 'started')!;
  return { ...cli, started };
}

/** The CLI run from source, as the tests run it: `node --import tsx src/cli/main.ts ARGS` (one process, no launcher). */
const SOURCE_CLI = ['--import', 'tsx', 'src/cli/main.ts'];

/**
 * Spawns `agrisim ARGS` from source (see spawnCliProcess).
 * @example
 * ```ts
 * const cli = spawnSourceCli(['simulate', 'sims/thai-binh-drone.json', '--json']);
 * expect((await cli.exit).code).toBe(0);
 * ```
 */
export function spawnSourceCli(args: string[], options: CliProcessOptions = {}): CliProcess {
  return spawnCliProcess(process.execPath, [...SOURCE_CLI, ...args], options);
}

/**
 * Starts `agrisim ARGS --json` from source and resolves on its `started` line (see startCliProcess).
 * @example
 * ```ts
 * const cli = await startSourceCli(['serve', '--port', '0', '--no-viewer']);
 * cli.proc.kill('SIGTERM');
 * ```
 */
export function startSourceCli(args: string[], options: CliProcessOptions & { startTimeoutMs?: number } = {}): Promise<RunningCli> {
  return startCliProcess(process.execPath, [...SOURCE_CLI, ...args, '--json'], options);
}

/** True once nothing listens on the port on 127.0.0.1 (a fresh server can take it). */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}
