/**
 * Runs an agrisim command in-process, as the economics tests call it (`runCli('savings', …)`,
 * result `{ code, stdout, stderr }`), through the shared runner tests/helpers/cli.ts.
 */
import { runCli as run } from '../helpers/cli.js';

/** Runs `agrisim NAME ARGS…` in this process. */
export async function runCli(name: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await run(name, ...args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
