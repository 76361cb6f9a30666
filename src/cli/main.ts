/**
 * agrisim command-line entry: picks a command by name and maps errors to exit codes.
 * Each command lives in src/cli/commands/<name>.ts and exports `command: CliCommand`.
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
  lines.push('', 'Run `agrisim <command> --help` for a command\'s options.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // The command is over: nothing it left behind (a broker socket, a stray timer) may keep the process alive.
    setTimeout(() => process.exit(), 1000).unref();
  },
  (e: unknown) => {
    if (isAgrisimError(e)) {
      const json = process.argv.includes('--json');
      if (json) process.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }) + '\n');
      process.stderr.write(`agrisim: ${e.code}: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`agrisim: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 70;
    }
  },
);
