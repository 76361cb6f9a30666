import { execFileSync } from 'node:child_process';

/**
 * Finds a system program for a test. When missing, prints a loud line naming the install
 * script and returns undefined so the test can skip; under AGRISIM_REQUIRE_SYSTEM=1 (CI)
 * a missing program throws, turning the skip into a failure.
 */
export function systemProgram(name: string): string | undefined {
  let path: string | undefined;
  try {
    path = execFileSync('sh', ['-c', `command -v ${name} || ls /usr/sbin/${name} 2>/dev/null`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    path = undefined;
  }
  if (!path) {
    const line = `!!! SKIPPING: system program "${name}" is missing. Install it with: bash scripts/install-system-deps.sh`;
    if (process.env.AGRISIM_REQUIRE_SYSTEM === '1') throw new Error(line.replace('SKIPPING', 'REQUIRED (AGRISIM_REQUIRE_SYSTEM=1)'));
    console.warn(line);
  }
  return path;
}
