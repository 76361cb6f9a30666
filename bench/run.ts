/**
 * `npm run bench`: runs every bench/*.bench.ts (each exports `run(): Promise<BenchSection>`),
 * prints each section as a table and writes bench/results/<date>-<host>.json and .md with the
 * machine (CPU model, cores, memory, Node version) and the date.
 *
 * Each section measures its own baseline in the same run and reports ratios, because these
 * machines are noisy: absolute figures are for the record, ratios are what to compare.
 *
 * Usage: `npm run bench [-- name …]` (e.g. `npm run bench -- plan sim`) to run some sections.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, hostname, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What each bench file's `run()` returns. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

const here = dirname(fileURLToPath(import.meta.url));

function machine(): Record<string, string | number> {
  const c = cpus();
  return {
    host: hostname(),
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGiB: +(totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

function markdownTable(rows: Record<string, number | string>[]): string {
  if (rows.length === 0) return '(no rows)\n';
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(cols), line(cols.map(() => '---')), ...rows.map((r) => line(cols.map((k) => String(r[k] ?? ''))))].join('\n') + '\n';
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.bench.ts'))
    .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.bench\.ts$/, '')))
    .sort();
  const date = new Date().toISOString();
  const sections: (BenchSection & { file: string; wallS: number })[] = [];
  const failures: { file: string; error: string }[] = [];
  for (const file of files) {
    process.stderr.write(`bench: ${file} …\n`);
    const t0 = performance.now();
    try {
      const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<BenchSection> };
      const section = await mod.run();
      const wallS = +((performance.now() - t0) / 1000).toFixed(1);
      sections.push({ ...section, file, wallS });
      process.stdout.write(`\n## ${section.name} (${file}, ${wallS} s)\n`);
      console.table(section.rows);
      for (const n of section.notes ?? []) process.stdout.write(`  - ${n}\n`);
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      failures.push({ file, error });
      process.stderr.write(`bench: ${file} failed: ${error}\n`);
    }
  }
  const m = machine();
  const outDir = join(here, 'results');
  mkdirSync(outDir, { recursive: true });
  // a partial run gets its own file, so it never overwrites the full run of the day
  const part = wanted.length ? `-${wanted.join('-')}` : '';
  const stem = `${date.slice(0, 10)}-${String(m.host).replace(/[^A-Za-z0-9_-]/g, '_')}${part}`;
  writeFileSync(join(outDir, `${stem}.json`), JSON.stringify({ date, machine: m, sections, failures }, null, 2) + '\n');
  const md = [
    `# agrisim benchmark, ${date}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ${m.platform} (host ${m.host}).`,
    '',
    ...sections.flatMap((s) => [
      `## ${s.name}`,
      '',
      `From ${s.file}, ${s.wallS} s.`,
      '',
      markdownTable(s.rows),
      ...(s.notes ?? []).map((n) => `- ${n}`),
      '',
    ]),
    ...(failures.length ? ['## Failed sections', '', ...failures.map((f) => `- ${f.file}: ${f.error}`), ''] : []),
  ].join('\n');
  writeFileSync(join(outDir, `${stem}.md`), md);
  process.stdout.write(`\nbench: wrote bench/results/${stem}.json and .md\n`);
  if (failures.length) process.exitCode = 1;
}

await main();
