/**
 * agrisim command-line entry (the `agrisim` bin): runs the command line (src/cli/run.ts) and
 * exits with its code. Each command lives in src/cli/commands/<name>.ts and exports
 * `command: CliCommand`.
 */
import { runAgrisim } from './run.js';

void runAgrisim(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // The command is over: nothing it left behind (a broker socket, a stray timer) may keep the process alive.
  setTimeout(() => process.exit(), 1000).unref();
});
