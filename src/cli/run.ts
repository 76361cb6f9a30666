/**
 * Runs an agrisim command line in the current process: picks the command by name, prints
 * usage or its help, and turns a coded error into its exit code (and, with `--json`, the
 * `{"error": …}` line). src/cli/main.ts runs it for the `agrisim` bin; tests call it directly,
 * so they exercise the real CLI without a child process.
 */
import { isAgrisimError } from '../errors.js';
import type { CliCommand } from './command.js';

/** Commands by name, loaded on demand so one command's dependencies do not slow the others. */
const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  demo: () => import('./commands/demo.js'),
  plan: () => import('./commands/plan.js'),
  simulate: () => import('./commands/simulate.js'),
  savings: () => import('./commands/savings.js'),
  serve: () => import('./commands/serve.js'),
  replay: () => import('./commands/replay.js'),
  gateway: () => import('./commands/gateway.js'),
  block: () => import('./commands/block.js'),
};

function usage(): string {
  const lines = ['usage: agrisim <command> [options]', '', 'commands:'];
  for (const name of Object.keys(COMMANDS)) lines.push(`  ${name}`);
  lines.push('', "Run `agrisim <command> --help` for a command's options.");
  return lines.join('\n');
}

async function dispatch(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`agrisim: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(command.help + '\n');
    return 0;
  }
  return command.run(rest);
}

/**
 * Runs `agrisim ARGV…` and resolves to its exit code: 0 done, 2 usage, 3 bad input, 4 cannot
 * plan, 5 cannot write, 70 an internal error (its stack on stderr).
 * @example
 * ```ts
 * const code = await runAgrisim(['plan', 'fields/paddy-40x120.geojson', '--json']);
 * ```
 */
export async function runAgrisim(argv: readonly string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (e) {
    if (isAgrisimError(e)) {
      if (argv.includes('--json'))
        process.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }) + '\n');
      process.stderr.write(`agrisim: ${e.code}: ${e.message}\n`);
      return e.exitCode;
    }
    process.stderr.write(`agrisim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 70;
  }
}
