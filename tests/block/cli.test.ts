import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command } from '../../src/cli/commands/block.js';
import { AgrisimError } from '../../src/errors.js';
import { checkBlock } from '../helpers/check-block.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-block-cli-'));

/** Runs `agrisim block …` in this process; returns the exit code (or the error's) and stdout. */
async function agrisim(...args: string[]): Promise<{ code: number; stdout: string; error?: AgrisimError }> {
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  try {
    return { code: await command.run(args), stdout };
  } catch (e) {
    if (!(e instanceof AgrisimError)) throw e;
    return { code: e.exitCode, stdout, error: e };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('agrisim block', () => {
  it('--json prints the DESIGN.md block metrics; --out writes a plan check-block accepts', async () => {
    const out = join(dir, 'tb.geojson');
    const r = await agrisim('fields/thai-binh-block.geojson', '--vehicle', 'drone', '--machines', '2', '--out', out, '--json');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(Object.keys(m).sort()).toEqual(['block', 'makespanS', 'paddies', 'planMs', 'vehicles']);
    expect(Object.keys(m.vehicles[0]).sort()).toEqual(['id', 'kind', 'lengthM', 'paddies', 'timeS', 'workedHa']);
    expect(Object.keys(m.vehicles[0].lengthM).sort()).toEqual(['road', 'transit', 'turning', 'working']);
    expect(Object.keys(m.vehicles[0].timeS).sort()).toEqual(['refill', 'total', 'transit', 'turning', 'working']);
    expect(Object.keys(m.paddies[0]).sort()).toEqual(['areaHa', 'coveragePct', 'id', 'owner', 'vehicles']);
    expect(m.block.paddies).toBe(8);
    expect(m.block.areaHa).toBeCloseTo(10.8, 2);
    expect(m.block.areaSao).toBeCloseTo(300, 0);
    expect(m.vehicles.map((v: { id: string }) => v.id)).toEqual(['drone-1', 'drone-2']);
    expect(m.makespanS).toBeGreaterThanOrEqual(Math.max(...m.vehicles.map((v: { timeS: { total: number } }) => v.timeS.total)));
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan.properties.agrisim).toEqual(m);
    expect(checkBlock(readFileSync('fields/thai-binh-block.geojson', 'utf8'), plan).problems).toEqual([]);
  }, 120_000);

  it('--vehicles is the same as --machines; human output names machines and households', async () => {
    const r = await agrisim(
      'fields/thai-binh-block.kml',
      '--vehicle',
      'transplanter',
      '--vehicles',
      '3',
      '--hours-per-day',
      '10',
      '--start-day',
      '5',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/transplanter-3/);
    expect(r.stdout).toMatch(/household \(10 h a day from day 5\)/);
    expect(r.stdout).toMatch(/Nguyễn Văn Hùng .* day \d+/);
  }, 120_000);

  it('per-machine QGroundControl exports, one file per machine', async () => {
    const out = join(dir, 'qgc', 'fleet.plan');
    const r = await agrisim('fields/thai-binh-block.geojson', '--vehicle', 'drone', '--machines', '2', '--out', out);
    expect(r.code).toBe(0);
    const files = readdirSync(join(dir, 'qgc')).sort();
    expect(files).toEqual(['fleet-drone-1.plan', 'fleet-drone-2.plan']);
    const qgc = JSON.parse(readFileSync(join(dir, 'qgc', files[0]), 'utf8'));
    expect(qgc.fileType).toBe('Plan');
    expect(qgc.mission.items.length).toBeGreaterThan(10);
  }, 120_000);

  it('exit 2 on usage, 3 with a BLOCK_ code on a bad block', async () => {
    expect((await agrisim('fields/thai-binh-block.geojson', '--machines', 'two')).code).toBe(2);
    expect((await agrisim('fields/thai-binh-block.geojson', '--vehicle', 'tractor')).code).toBe(2);
    expect((await agrisim('fields/thai-binh-block.geojson', '--machines', '2', '--vehicles', '3')).code).toBe(2);
    const bad = await agrisim('fields/paddy-40x120.geojson', '--vehicle', 'transplanter');
    expect(bad.code).toBe(3);
    expect(bad.error?.code).toBe('BLOCK_NEEDS_ROADS');
    const noDepot = await agrisim('fields/paddy-40x120.geojson', '--vehicle', 'drone');
    expect([noDepot.code, noDepot.error?.code]).toEqual([3, 'BLOCK_NO_DEPOT']);
  });

  it('--help describes the command', () => {
    expect(command.help).toMatch(/--machines N/);
    expect(command.help).toMatch(/--vehicles N is the same/);
    expect(command.help).toMatch(/exit codes: 0 ok, 2 usage, 3 bad block file/);
  });
});
