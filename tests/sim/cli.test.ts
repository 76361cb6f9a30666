import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayRecording } from '../../src/sim/index.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-cli-'));

/** `agrisim simulate ARGS…` in-process (tests/helpers/cli.ts), as `{ code, stdout, stderr }`. */
async function agrisim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runCli('simulate', ...args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('agrisim simulate', () => {
  it('simulates a field file, prints JSON metrics and records NDJSON that replays', async () => {
    const rec = join(dir, 'run.ndjson');
    const r = await agrisim('fields/paddy-40x120.geojson', '--vehicle', 'drone', '--seed', '3', '--cell', '1', '--record', rec, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.metrics.guidance).toBe('rtk');
    expect(out.metrics.seed).toBe(3);
    expect(out.metrics.coveredPct).toBeGreaterThan(95);
    const replay = replayRecording(readFileSync(rec, 'utf8'));
    expect(replay.frames).toHaveLength(out.frames);
    expect(replay.metrics).toEqual(out.metrics);
    expect(replay.header.seed).toBe(3);
  });

  it('compares guided and manual side by side (table and JSON)', async () => {
    const table = await agrisim('fields/paddy-40x120.geojson', '--compare', '--cell', '1');
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/overlap, %/);
    expect(table.stdout).toMatch(/rtk\s+manual/);
    const json = await agrisim('fields/long-paddy-30x200.geojson', '--compare', '--cell', '1', '--json');
    expect(json.code).toBe(0);
    const { guided, manual } = JSON.parse(json.stdout);
    expect(guided.guidance).toBe('rtk');
    expect(manual.guidance).toBe('manual');
    expect(guided.gapPct).toBeLessThan(manual.gapPct);
  });

  it('exits 2 on bad usage and 3 on a bad scenario, with the code', async () => {
    const a = await agrisim('fields/paddy-40x120.geojson', '--guidance', 'autopilot');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/CLI_USAGE/);
    const bad = join(dir, 'bad.json');
    writeFileSync(
      bad,
      JSON.stringify({
        id: 'x',
        name: 'x',
        field: 'fields/paddy-40x120.geojson',
        vehicles: [{ profile: 'drone', guidance: 'rtk' }],
        seed: 'one',
      }),
    );
    const b = await agrisim(bad, '--json');
    expect(b.code).toBe(3);
    expect(JSON.parse(b.stdout).error.code).toBe('SIM_SCENARIO_INVALID');
  });
});
