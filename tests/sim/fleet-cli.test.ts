/**
 * `agrisim simulate BLOCK` (the CLI in-process; `replay` as a process): a block file is planned for the fleet and run as one
 * simulation; `--json` gives the makespan, per machine and per paddy; `--machines` and its
 * alias `--vehicles` agree; `--record` writes NDJSON that `agrisim replay` serves exactly.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replayRecording, type SimFrame } from '../../src/sim/index.js';
import { gridBlock } from '../helpers/block-gen.js';
import { runCli } from '../helpers/cli.js';
import { killLeftoverProcesses, startSourceCli } from '../helpers/cli-process.js';
import { client } from '../telemetry/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-fleet-cli-'));
// six paddies of two households in one band between two field roads, a depot on the west road
const BLOCK = join(dir, 'block.geojson');
writeFileSync(
  BLOCK,
  JSON.stringify(
    gridBlock({
      origin: [106.35, 20.65],
      rotateDeg: 12,
      bands: 1,
      columnsM: [40, 45, 40],
      depthM: 55,
      owners: ['Hộ Lê Văn An', 'Hộ Trần Thị Bình'],
    }),
  ),
);
killLeftoverProcesses();

/** The CLI in-process (tests/helpers/cli.ts), as `{ code, stdout, stderr }`. */
async function agrisim(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await runCli(...args);
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('agrisim simulate BLOCK --machines N', () => {
  it('runs the whole fleet as one simulation; --json has makespanS, machines and paddies; --vehicles is the same flag; the recording replays exactly', async () => {
    const rec = join(dir, 'block.ndjson');
    const a = await agrisim(
      'simulate',
      BLOCK,
      '--vehicle',
      'drone',
      '--machines',
      '2',
      '--cell',
      '1',
      '--seed',
      '4',
      '--record',
      rec,
      '--json',
    );
    expect(a.stderr).not.toMatch(/internal error/);
    expect(a.code).toBe(0);
    const out = JSON.parse(a.stdout);
    const m = out.metrics;
    expect(m.machines.map((x: { id: string }) => x.id)).toEqual(['drone-1', 'drone-2']);
    expect(m.makespanS).toBe(Math.max(...m.machines.map((x: { endS: number }) => x.endS)));
    expect(m.paddies).toHaveLength(6);
    for (const p of m.paddies) expect(p.coveredPct).toBeGreaterThan(97);
    expect(m.coveredPct).toBeGreaterThan(97);
    const recording = replayRecording(readFileSync(rec, 'utf8'));
    expect(recording.frames).toHaveLength(out.frames);
    expect(recording.metrics).toEqual(m);
    expect(recording.header.description.block?.machines).toHaveLength(2);
    // the alias gives the same run, byte for byte
    const rec2 = join(dir, 'block-alias.ndjson');
    const b = await agrisim(
      'simulate',
      BLOCK,
      '--vehicle',
      'drone',
      '--vehicles',
      '2',
      '--cell',
      '1',
      '--seed',
      '4',
      '--record',
      rec2,
      '--json',
    );
    expect(b.code).toBe(0);
    expect(readFileSync(rec2, 'utf8')).toBe(readFileSync(rec, 'utf8'));
    // human output: the table plus the block summary
    const h = await agrisim('simulate', BLOCK, '--vehicle', 'drone', '--machines', '2', '--cell', '1', '--seed', '4');
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/makespan \d+ (h|min)/);
    expect(h.stdout).toMatch(/drone-2/);

    // agrisim replay serves the recording: every telemetry frame is the recorded frame of that t
    const replay = await startSourceCli(['replay', rec, '--port', '0', '--no-viewer', '--speedup', '400', '--start-on', 'subscribe']);
    const started = replay.started as { url: string };
    const c = await client(started.url);
    const hello = await c.next((x) => x.type === 'hello');
    const simId = (hello.simulations as { id: string }[])[0].id;
    c.send({ type: 'subscribe', sim: simId });
    const snap = await c.next((x) => x.type === 'snapshot');
    expect((snap.description as { block: unknown }).block).toEqual(JSON.parse(JSON.stringify(recording.header.description.block)));
    const last = recording.frames[recording.frames.length - 1];
    await c.next((x) => x.type === 'telemetry' && x.t === last.t, 0, 60_000);
    const byT = new Map<number, SimFrame>(recording.frames.map((f) => [f.t, f]));
    const telemetry = c.messages.filter((x) => x.type === 'telemetry');
    expect(telemetry.length).toBeGreaterThan(5);
    for (const t of telemetry) {
      const f = byT.get(t.t as number)!;
      // the live feed adds the savings (economics) to the simulator's progress
      const { savingsVnd: _vnd, savings: _savings, ...progress } = t.progress as unknown as Record<string, unknown>;
      expect(progress).toEqual(f.progress);
      expect(t.vehicles).toEqual(f.vehicles.map(({ x: _x, y: _y, ...v }) => v));
    }
    c.close();
  }, 180_000);

  it('reads a block from KML too (folders Paddies, Roads, Gates, Depots)', async () => {
    const r = await agrisim('simulate', 'fields/thai-binh-block.kml', '--vehicle', 'drone', '--machines', '2', '--cell', '1', '--json');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout).metrics;
    expect(m.machines).toHaveLength(2);
    expect(m.paddies).toHaveLength(8);
    expect(m.paddies.map((p: { owner: string }) => p.owner)).toContain('Nguyễn Văn Hùng');
  }, 120_000);

  it('a bad block exits 3 with its BLOCK_ code; a bad --machines exits 2', async () => {
    const bad = join(dir, 'bad-block.geojson');
    writeFileSync(
      bad,
      JSON.stringify({
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            properties: { kind: 'paddy', id: 'A' },
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [106.35, 20.65],
                  [106.3504, 20.65],
                  [106.3504, 20.6504],
                  [106.35, 20.6504],
                  [106.35, 20.65],
                ],
              ],
            },
          },
          {
            type: 'Feature',
            properties: { kind: 'gate', id: 'g1', paddy: 'NOPE' },
            geometry: { type: 'Point', coordinates: [106.3502, 20.65] },
          },
        ],
      }),
    );
    const r = await agrisim('simulate', bad, '--vehicle', 'transplanter', '--machines', '2', '--json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).error.code).toMatch(/^BLOCK_/);
    const u = await agrisim('simulate', BLOCK, '--machines', 'lots');
    expect(u.code).toBe(2);
    const v = await agrisim('simulate', BLOCK, '--machines', '2', '--vehicles', '3');
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/CLI_USAGE/);
  }, 60_000);
});

describe('block scenarios (sims/*.json with "block")', () => {
  it('serve loads one as one simulation per guidance, planned once; a bad one names its key', async () => {
    const { loadServeSpec } = await import('../../src/cli/commands/serve.js');
    const [rtk, manual] = (await loadServeSpec(
      'sims/thai-binh-block-drones.json#rtk,manual',
    )) as import('../../src/cli/block-run.js').BlockFactory[];
    expect([rtk.id, manual.id]).toEqual(['thai-binh-block-drones-rtk', 'thai-binh-block-drones-manual']);
    expect(manual.plan).toBe(rtk.plan);
    const d = manual.create().describe();
    expect(d.vehicles.map((v) => [v.id, v.guidance])).toEqual([
      ['drone-1', 'manual'],
      ['drone-2', 'manual'],
    ]);
    expect(d.block?.paddies).toHaveLength(8);
    const bad = join(dir, 'bad-scenario.json');
    writeFileSync(bad, JSON.stringify({ id: 'x', name: 'x', block: 'fields/thai-binh-block.geojson', vehicle: 'tractor', machines: 2 }));
    const r = await agrisim('simulate', bad, '--json');
    expect(r.code).toBe(3);
    expect(JSON.parse(r.stdout).error).toMatchObject({ code: 'SIM_SCENARIO_INVALID', details: { key: 'vehicle' } });
  }, 60_000);
});
