/**
 * Runs example files one after another in this process (cwd: their folder) and prints, as one
 * JSON line, which threw. Spawned by tests/package/tsdoc-examples.test.ts under tsx; it exits when
 * the last example has run, so streams and timers an example leaves running end with it.
 */
import { pathToFileURL } from 'node:url';

const EXAMPLE_TIMEOUT_MS = 60_000;

const failures: { file: string; error: string }[] = [];
for (const file of process.argv.slice(2)) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish in ${EXAMPLE_TIMEOUT_MS / 1000} s`)), EXAMPLE_TIMEOUT_MS);
  });
  try {
    await Promise.race([import(pathToFileURL(file).href), timedOut]);
  } catch (error) {
    failures.push({ file, error: error instanceof Error ? error.message : String(error) });
  } finally {
    clearTimeout(timer);
  }
}
process.stdout.write(`\n${JSON.stringify({ ran: process.argv.length - 2, failures })}\n`);
process.exit(0);
