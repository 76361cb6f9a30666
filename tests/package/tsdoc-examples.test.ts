/**
 * Every example in the library face's TSDoc is a program a user can paste: each one type-checks
 * (strict) against the published types and runs from a folder holding the sample fields and
 * sims, importing 'agrisim' as a user does (the package's "exports": the built dist/, which
 * `npm ci` builds through `prepare`; after changing src/, `npm run build` first). Those
 * that open sockets (servers, brokers, clients) are type-checked only; the examples test and the
 * telemetry tests run the same calls against real servers.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { faceExamples, writeExamples } from './tsdoc-examples.js';

const run = promisify(execFile);
const ROOT = process.cwd();
const dir = mkdtempSync(join(ROOT, 'tmp', 'tsdoc-examples-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const examples = faceExamples(ROOT);
const files = writeExamples(examples, ROOT, dir);
/** Where each written example comes from (`src/…/file.ts:line`), by its file. */
const sourceOf = new Map(files.map((file, i) => [file, examples[i].at]));
const OPENS_SOCKETS = /startTelemetryServer|startNmeaServer|startMqttGateway|connectMqtt|publishFeedsToMqtt|connectTelemetry/;

describe('TSDoc examples of the library face', () => {
  it('there is one for each of the main entry points', () => {
    const names = examples.map((e) => e.code).join('\n');
    for (const name of [
      'planField',
      'readFieldFile',
      'planBlock',
      'createSimulation',
      'computeSavings',
      'startTelemetryServer',
      'connectTelemetry',
      'planToQgcPlan',
    ]) {
      expect(names, name).toContain(`${name}(`);
    }
    expect(examples.length).toBeGreaterThanOrEqual(55);
  });

  it('each type-checks against the published types under strict TypeScript', async () => {
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: join(ROOT, 'tsconfig.json'), include: ['*.ts'] }));
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { cwd: ROOT }).catch((e: { stdout: string }) => e);
    const errors = result.stdout
      .split('\n')
      .filter((line) => line.includes('error TS'))
      .map((line) => {
        // tsc names files relative to its cwd
        const file = resolve(ROOT, line.split('(')[0]);
        return `${sourceOf.get(file) ?? file}: ${line}`;
      });
    expect(errors).toEqual([]);
  }, 180_000);

  it('each that needs no network runs to its end without an error', async () => {
    const offline = files.filter((_, i) => !OPENS_SOCKETS.test(examples[i].code));
    expect(offline.length).toBeGreaterThanOrEqual(45);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(ROOT, 'tests/package/run-examples.ts'), ...offline], {
      cwd: dir,
      maxBuffer: 256 * 1024 * 1024,
    });
    const report = JSON.parse(stdout.trimEnd().split('\n').at(-1) ?? '{}') as { ran: number; failures: { file: string; error: string }[] };
    expect(report.failures.map((f) => `${sourceOf.get(f.file)}: ${f.error}`)).toEqual([]);
    expect(report.ran).toBe(offline.length);
  }, 300_000);
});
