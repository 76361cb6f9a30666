/**
 * `agrisim serve` and `agrisim replay` as processes: they print where they listen, serve
 * WebSocket clients, record, and stop on SIGTERM with exit 0 and close code 1001.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenarioSpec } from '../../src/cli/commands/serve.js';
import { client } from './helpers.js';

const run = promisify(execFile);
const procs: ChildProcess[] = [];
afterEach(() => {
  for (const p of procs.splice(0)) if (p.exitCode === null) p.kill('SIGKILL');
});

/** Starts a CLI command with --json; resolves with the process and its `started` line. */
function start(
  args: string[],
): Promise<{ proc: ChildProcess; started: Record<string, unknown>; lines: () => string[]; exit: Promise<number | null> }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
  procs.push(proc);
  let out = '';
  let err = '';
  proc.stderr!.on('data', (d) => (err += d));
  const exit = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => {
      out += d;
      const first = out.split('\n')[0];
      if (out.includes('\n')) resolve({ proc, started: JSON.parse(first), lines: () => out.trim().split('\n'), exit });
    });
    void exit.then((code) => reject(new Error(`exited ${code} before starting: ${err}`)));
  });
}

describe('agrisim serve / replay', () => {
  it('serves, records, and stops on SIGTERM with exit 0; replay serves the recording', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'agrisim-cli-')), 'rec.ndjson');
    const s = await start([
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
    expect(await s.exit).toBe(0);
    const stopped = JSON.parse(s.lines().at(-1)!);
    expect(stopped).toMatchObject({ event: 'stopped', signal: 'SIGTERM' });
    const recorded = readFileSync(file, 'utf8').trim().split('\n');
    expect(recorded.length).toBe(stopped.recordedLines);
    expect(recorded.length).toBeGreaterThan(5);

    const r = await start(['replay', file, '--port', '0', '--no-viewer', '--speedup', '5', '--start-on', 'subscribe']);
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
    expect(await r.exit).toBe(0);
  });

  it('prints help, and exits with the usage and input codes on bad use', async () => {
    const cli = (args: string[]) => run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8' });
    const fail = (args: string[]) =>
      cli(args).then(
        () => 0,
        (e: { code: number; stderr: string }) => [e.code, e.stderr.split(':')[1]?.trim()],
      );
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
