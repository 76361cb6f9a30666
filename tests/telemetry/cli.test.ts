/**
 * `agrisim serve` and `agrisim replay` as processes: they print where they listen, serve
 * WebSocket clients, record, and stop on SIGTERM with exit 0 and close code 1001.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioSpec } from '../../src/cli/commands/serve.js';
import { killLeftoverProcesses, spawnSourceCli, startSourceCli } from '../helpers/cli-process.js';
import { client } from './helpers.js';

killLeftoverProcesses();

/** Runs `agrisim ARGS` to its end: its stdout when it exits 0. */
async function cli(args: string[]): Promise<{ stdout: string }> {
  const p = spawnSourceCli(args);
  const { code } = await p.exit;
  if (code !== 0) throw new Error(`agrisim ${args.join(' ')} exited ${code}: ${p.stderr()}`);
  return { stdout: p.stdout() };
}

/** Runs `agrisim ARGS` to its end: 0, or its exit code and the error code it printed. */
async function fail(args: string[]): Promise<0 | [number | null, string | undefined]> {
  const p = spawnSourceCli(args);
  const { code } = await p.exit;
  return code === 0 ? 0 : [code, p.stderr().split(':')[1]?.trim()];
}

describe('agrisim serve / replay', () => {
  it('serves, records, and stops on SIGTERM with exit 0; replay serves the recording', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'agrisim-cli-')), 'rec.ndjson');
    const s = await startSourceCli([
      'serve',
      '--port',
      '0',
      '--no-viewer',
      '--scenario',
      'sims/thai-binh-transplanter.json',
      '--speedup',
      '200',
      '--token',
      't',
      '--record',
      file,
      '--nmea-port',
      '0',
    ]);
    expect(s.started).toMatchObject({ event: 'started', simulations: [{ id: 'thai-binh-transplanter' }], nmeaVehicle: 'transplanter-1' });
    expect(s.started.url).toBe(`ws://127.0.0.1:${s.started.port}/ws`);
    const c = await client(s.started.url as string);
    expect((await c.next((m) => m.type === 'hello')).control).toBe(true);
    c.send({ type: 'subscribe', sim: 'thai-binh-transplanter' });
    await c.count((m) => m.type === 'telemetry', 5);
    s.proc.kill('SIGTERM');
    expect((await c.closed).code).toBe(1001);
    expect(await s.exit).toEqual({ code: 0, signal: null });
    const stopped = s.lines().at(-1)!;
    expect(stopped).toMatchObject({ event: 'stopped', signal: 'SIGTERM' });
    const recorded = readFileSync(file, 'utf8').trim().split('\n');
    expect(recorded.length).toBe(stopped.recordedLines);
    expect(recorded.length).toBeGreaterThan(5);

    const r = await startSourceCli(['replay', file, '--port', '0', '--no-viewer', '--speedup', '5', '--start-on', 'subscribe']);
    const rc = await client(r.started.url as string);
    rc.send({ type: 'subscribe', sim: 'thai-binh-transplanter' });
    const tele = await rc.count((m) => m.type === 'telemetry', 5);
    // the replay plays the recording from its start; the live client joined a little later
    const recordedT = recorded
      .map((l) => JSON.parse(l))
      .filter((m) => m.type === 'telemetry')
      .map((m) => m.t);
    expect(tele.map((m) => m.t)).toEqual(recordedT.slice(0, tele.length));
    const liveT = c.messages.filter((m) => m.type === 'telemetry').map((m) => m.t);
    expect(recordedT.slice(recordedT.indexOf(liveT[0]), recordedT.indexOf(liveT[0]) + liveT.length)).toEqual(liveT);
    r.proc.kill('SIGINT');
    expect(await r.exit).toEqual({ code: 0, signal: null });
  });

  it('prints help, and exits with the usage and input codes on bad use', async () => {
    const [help, speed, missing, unwritable] = await Promise.all([
      cli(['serve', '--help']),
      fail(['serve', '--speedup', '0']),
      fail(['replay', 'no-such-file.ndjson']),
      fail(['serve', '--scenario', 'sims/thai-binh-transplanter.json', '--record', '/proc/nope/x.ndjson']),
    ]);
    expect(help.stdout).toContain('--nmea-port');
    expect(speed).toEqual([2, 'CLI_USAGE']);
    expect(missing).toEqual([3, 'IO_READ']);
    expect(unwritable).toEqual([5, 'IO_WRITE']);
  });
});

describe('--scenario FILE#guidance', () => {
  it('runs one simulation per guidance on the same plan, and refuses unknown guidance', async () => {
    const sims = await loadScenarioSpec('sims/thai-binh-transplanter.json#rtk,manual');
    expect(sims.map((s) => s.id)).toEqual(['thai-binh-transplanter-rtk', 'thai-binh-transplanter-manual']);
    expect(sims[0].plans).toBe(sims[1].plans);
    await expect(loadScenarioSpec('sims/thai-binh-transplanter.json#rtk,autopilot')).rejects.toMatchObject({ code: 'CLI_USAGE' });
    expect((await loadScenarioSpec('sims/thai-binh-transplanter.json')).map((s) => s.id)).toEqual(['thai-binh-transplanter']);
  });
});
