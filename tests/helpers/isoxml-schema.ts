/**
 * ISOXML TaskData files checked against the ISO 11783-10 schema (TaskFile V4.3) with xmllint,
 * the one way every ISOXML test validates: each text is written as TASKDATA-<i>.XML to a temp
 * folder and the schema's complaints come back as lines (none: every file validates).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The ISO 11783-10 TaskFile schema (V4.3) in tests/fixtures. */
export const ISOXML_XSD = 'tests/fixtures/isoxml/ISO11783_TaskFile_V4-3.xsd';

/**
 * Validates ISOXML texts with `xmllint` (its path from tests/helpers/system.ts).
 * @returns the problem lines xmllint printed; empty when every file validates
 */
export function isoxmlProblems(xmllint: string, texts: readonly string[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'agrisim-isoxml-'));
  const files = texts.map((text, i) => {
    const path = join(dir, `TASKDATA-${i}.XML`);
    writeFileSync(path, text);
    return path;
  });
  let out = '';
  try {
    out = execFileSync(xmllint, ['--noout', '--schema', ISOXML_XSD, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = String((e as { stderr?: string }).stderr ?? e);
  }
  return out.split('\n').filter((l) => l && !l.endsWith(' validates'));
}
