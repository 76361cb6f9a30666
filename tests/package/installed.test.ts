/**
 * The package as a user installs it: `npm pack`, `npm install --omit=dev` of the tarball into a
 * fresh project, then plain `node` (no tsx, no esbuild) imports the library, plans a sample
 * field, runs the `agrisim` bin, runs the README's quick start verbatim, and a strict
 * TypeScript consumer compiles against the published types. publint and attw check the
 * package's metadata and types the way registries and bundlers read them.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killLeftoverProcesses, portFree, startCliProcess } from '../helpers/cli-process.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
let dir = '';
let tarball = '';
let app = '';

const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) =>
  execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env }, timeout: 240_000 });

/** The README's "Library quick start" code block, verbatim. */
function readmeQuickStart(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library quick start'));
  const m = /```ts\n([\s\S]*?)```/.exec(section);
  if (!m) throw new Error('README has no quick start code block');
  return m[1];
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'agrisim-pack-'));
  run(NPM, ['run', '-s', 'build'], ROOT);
  run(NPM, ['pack', '--ignore-scripts', '--pack-destination', dir], ROOT);
  tarball = join(dir, readdirSync(dir).find((f) => f.endsWith('.tgz'))!);
  app = join(dir, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
  run(NPM, ['install', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', tarball], app);
  symlinkSync(join(app, 'node_modules/agrisim/fields'), join(app, 'fields'));
}, 300_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the installed package (npm pack → npm install --omit=dev → plain node)', () => {
  it('installs no development tool (tsx, esbuild, typescript, vitest)', () => {
    const installed = readdirSync(join(app, 'node_modules'));
    for (const dev of ['tsx', 'esbuild', 'typescript', 'vitest', 'maplibre-gl']) expect(installed).not.toContain(dev);
  });

  it('carries dist, the bin, sample fields and sims, and no sources or tests', () => {
    const pkg = join(app, 'node_modules/agrisim');
    const top = readdirSync(pkg).sort();
    expect(top).toEqual(expect.arrayContaining(['bin', 'dist', 'fields', 'sims', 'package.json', 'README.md']));
    for (const absent of ['src', 'tests', 'bench', 'node_modules', 'tsconfig.json']) expect(top).not.toContain(absent);
    expect(readdirSync(join(pkg, 'dist/viewer/assets'))).toContain('viewer.js');
  });

  it('imports under plain node and plans a sample field', () => {
    const script = `
      import { readFieldFile, getVehicle, planField } from 'agrisim';
      const [paddy] = await readFieldFile('fields/paddy-with-tomb.geojson');
      const plan = planField(paddy, getVehicle('transplanter'));
      console.log(JSON.stringify({ swaths: plan.metrics.swaths.count, coveragePct: plan.metrics.coveragePct }));`;
    const out = JSON.parse(run(process.execPath, ['--input-type=module', '-e', script], app));
    expect(out.swaths).toBeGreaterThan(20);
    expect(out.coveragePct).toBeGreaterThanOrEqual(99.5);
  });

  it('runs the agrisim bin with plain node: plan --json and a coded error with exit 3', () => {
    const bin = join(app, 'node_modules/.bin/agrisim');
    const metrics = JSON.parse(run(bin, ['plan', 'fields/l-shaped-paddy.geojson', '--vehicle', 'drone', '--json'], app));
    expect(metrics.coveragePct).toBeGreaterThanOrEqual(99.5);
    let status = 0;
    try {
      run(bin, ['plan', 'no-such-field.geojson', '--vehicle', 'drone'], app);
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(3);
  });

  it("runs the README's quick start verbatim", () => {
    writeFileSync(join(app, 'quick-start.mjs'), readmeQuickStart());
    const out = run(process.execPath, ['quick-start.mjs'], app);
    expect(out).toMatch(/coverage|count/);
    expect(out).toMatch(/\d{1,3}(\.\d{3})* ₫/);
    expect(readFileSync(join(app, 'paddy.plan'), 'utf8')).toContain('"fileType": "Plan"');
  });

  it('compiles a strict TypeScript consumer against the published types', () => {
    writeFileSync(
      join(app, 'consumer.ts'),
      readmeQuickStart() +
        `\nimport type { Plan, SavingsReport } from 'agrisim';\nconst p: Plan = plan; const s: SavingsReport = savings;\nexport { p, s };\n`,
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = [
      '--strict',
      '--noEmit',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--skipLibCheck',
      'false',
    ];
    run(process.execPath, [tsc, ...args, '--typeRoots', join(ROOT, 'node_modules/@types'), '--types', 'node', 'consumer.ts'], app);
    // checking every published .d.ts (skipLibCheck off) takes ~20 s alone, more on a busy machine (83 s seen at load 19)
  }, 240_000);

  it('passes publint and attw (ESM-only profile)', () => {
    run(process.execPath, [join(ROOT, 'node_modules/publint/src/cli.js'), join(app, 'node_modules/agrisim')], ROOT);
    // attw exits non-zero on any problem for the resolutions an ESM-only package supports
    // (node16 from ESM, bundler); CommonJS require() of an ESM-only package is out of scope.
    const attw = run(
      process.execPath,
      [join(ROOT, 'node_modules/@arethetypeswrong/cli/dist/index.js'), tarball, '--profile', 'esm-only'],
      ROOT,
    );
    // (a terminal gets a list, a pipe a table: read the node16-from-ESM row either way)
    const esmRow = attw.split('\n').find((l) => l.includes('node16 (from ESM)')) ?? '';
    expect(esmRow).toContain('🟢');
    expect(esmRow).not.toMatch(/💀|❌|⚠️/);
  }, 180_000);
});

describe('the installed bin stops as one process on a signal (issue 20)', () => {
  killLeftoverProcesses();
  // The bin runs the CLI in its own process: the signal reaches the server itself, nothing is left running.
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    it(`serve under plain node: ${signal} → exit 0 with its "stopped" line, port free`, async () => {
      const bin = join(app, 'node_modules/agrisim/bin/agrisim.js');
      const args = [
        bin,
        'serve',
        '--scenario',
        'node_modules/agrisim/sims/thai-binh-drone.json',
        '--port',
        '0',
        '--host',
        '127.0.0.1',
        '--no-viewer',
        '--speedup',
        '50',
        '--json',
      ];
      const cli = await startCliProcess(process.execPath, args, { cwd: app });
      const port = cli.started.port as number;
      expect(await portFree(port)).toBe(false);
      cli.proc.kill(signal);
      // Generous bound (the budget is 3 s, measured by bench "reliability"): a hang fails, a busy machine does not.
      const exit = await cli.exitWithin(20_000);
      expect(exit, cli.stderr()).toEqual({ code: 0, signal: null });
      expect(cli.lines().at(-1)).toMatchObject({ event: 'stopped', signal });
      expect(await portFree(port)).toBe(true);
    }, 90_000);
  }
});
