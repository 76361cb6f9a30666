/**
 * The TSDoc examples of the library face: every `@example` fenced block in src/ that imports from
 * 'agrisim' (or 'agrisim/telemetry/client') is a whole program a user can paste. This module finds
 * them and writes each as a file inside the repository, where 'agrisim' resolves as it does for a
 * user: through the package's "exports" to the built dist/ (tests/package/tsdoc-examples.test.ts).
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One example: where its doc comment is and its code. */
export interface TsdocExample {
  /** `src/plan/plan-field.ts:125` */
  at: string;
  code: string;
}

/** Every .ts file under `dir`. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The fenced code of each `@example` in one file's doc comments, with the line of its tag. */
function examplesIn(path: string, root: string): TsdocExample[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const found: TsdocExample[] = [];
  lines.forEach((line, i) => {
    if (!/^\s*\*\s*@example\s*$/.test(line)) return;
    const body: string[] = [];
    let inFence = false;
    for (let j = i + 1; j < lines.length && !/^\s*\*\//.test(lines[j]); j++) {
      const text = lines[j].replace(/^\s*\* ?/, '');
      if (/^```/.test(text)) {
        if (inFence) break;
        inFence = true;
      } else if (inFence) body.push(text);
    }
    if (body.length) found.push({ at: `${relative(root, path)}:${i + 1}`, code: body.join('\n') });
  });
  return found;
}

/** The face's examples: those importing from the package by name. */
export function faceExamples(root: string): TsdocExample[] {
  return sourceFiles(join(root, 'src'))
    .flatMap((path) => examplesIn(path, root))
    .filter((example) => /from 'agrisim(\/telemetry\/client)?'/.test(example.code));
}

/**
 * Writes each example to `dir/example-N.ts` as it is (`dir` must be inside the repository, so its
 * imports of 'agrisim' resolve to the package itself), and links the repository's sample folders into `dir` so paths like 'fields/…' resolve from there.
 */
export function writeExamples(examples: TsdocExample[], root: string, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  for (const folder of ['fields', 'sims']) symlinkSync(join(root, folder), join(dir, folder));
  return examples.map((example, i) => {
    const file = join(dir, `example-${i}.ts`);
    // `export {}` makes each file a module, so top-level await and names stay its own
    writeFileSync(file, `// ${example.at}\n${example.code}\nexport {};\n`);
    return file;
  });
}
