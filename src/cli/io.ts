/**
 * Shared CLI file helpers: read and write text files with coded errors (`IO_READ`, exit 3;
 * `IO_WRITE`, exit 5), and pick a format by file extension.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { AgrisimError } from '../errors.js';

/**
 * Reads a UTF-8 text file.
 * @throws AgrisimError `IO_READ` naming the path and the system's reason
 */
export async function readTextFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    throw new AgrisimError('IO_READ', `cannot read ${path}: ${(e as Error).message}`, { path });
  }
}

/**
 * Writes a UTF-8 text file, creating its folder when missing.
 * @throws AgrisimError `IO_WRITE` naming the path and the system's reason
 */
export async function writeTextFile(path: string, text: string): Promise<void> {
  try {
    await makeFolders(dirname(path));
    await writeFile(path, text, 'utf8');
  } catch (e) {
    throw new AgrisimError('IO_WRITE', `cannot write ${path}: ${(e as Error).message}`, { path });
  }
}

/**
 * Creates a folder and its missing parents one level at a time. Why not `mkdir({recursive})`:
 * on Node 20 it never settles for paths under /proc (seen with /proc/agrisim), and a CLI must
 * not hang on a bad --out.
 */
async function makeFolders(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      if ((await stat(d)).isDirectory()) break;
      throw Object.assign(new Error(`${d} is not a folder`), { code: 'ENOTDIR' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(d) === d) throw e;
      missing.unshift(d);
    }
  }
  for (const d of missing) await mkdir(d);
}

/** Looks a path's extension (lower case, with the dot) up in a table; undefined when absent. */
export function pickByExtension<T>(path: string, table: Readonly<Record<string, T>>): T | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(table, ext) ? table[ext] : undefined;
}

/** `out/plan.geojson` + `qp-1` → `out/plan-qp-1.geojson`: one output file per item. Unsafe characters become `_`. */
export function suffixedPath(path: string, suffix: string): string {
  const ext = extname(path);
  const safe = suffix.replace(/[^\p{L}\p{N}._-]+/gu, '_');
  return join(dirname(path), `${basename(path, ext)}-${safe}${ext}`);
}
