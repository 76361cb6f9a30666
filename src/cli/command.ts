import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AgrisimError } from '../errors.js';

/** A CLI command: its help text and its runner, which returns the exit code. */
export interface CliCommand {
  help: string;
  run(argv: string[]): Promise<number>;
}

/** Exit codes every command shares (errors carry their own, see ERROR_CODES). */
export const EXIT = { OK: 0, FAILURE: 1, USAGE: 2 } as const;

/** What parseOptions returns: parseArgs' own result type for these options. */
export type ParsedOptions<T extends NonNullable<ParseArgsConfig['options']>> = ReturnType<
  typeof parseArgs<{ args: string[]; options: T; allowPositionals: true; strict: true }>
>;

/**
 * Parses options with node:util parseArgs, turning its errors into `CLI_USAGE`.
 * Unknown options are refused.
 */
export function parseOptions<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T): ParsedOptions<T> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new AgrisimError('CLI_USAGE', (e as Error).message);
  }
}

/** Parses a number option, refusing anything that is not a finite number in range. */
export function numberOption(value: string | undefined, name: string, min = -Infinity, max = Infinity): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) {
    throw new AgrisimError('CLI_USAGE', `--${name} must be a number between ${min} and ${max}, got "${value}"`);
  }
  return n;
}
