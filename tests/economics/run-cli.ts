/**
 * Runs an agrisim command in-process (no child process, so no start-up time in the tests):
 * the command's stdout is captured and a coded error becomes its exit code and, with --json,
 * the `{"error": …}` line, as src/cli/main.ts does.
 */
import { isAgrisimError } from '../../src/errors.js';
import type { CliCommand } from '../../src/cli/command.js';

const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  savings: () => import('../../src/cli/commands/savings.js'),
  simulate: () => import('../../src/cli/commands/simulate.js'),
};

/** Runs `agrisim NAME ARGS…` in this process. */
export async function runCli(name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { command } = await COMMANDS[name]();
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    out.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    const code = await command.run(args);
    return { code, stdout: out.join(''), stderr: '' };
  } catch (e) {
    if (!isAgrisimError(e)) throw e;
    if (args.includes('--json')) out.push(JSON.stringify({ error: { code: e.code, message: e.message, details: e.details } }) + '\n');
    return { code: e.exitCode, stdout: out.join(''), stderr: `agrisim: ${e.code}: ${e.message}\n` };
  } finally {
    process.stdout.write = write;
  }
}
