/**
 * Recordings that survive a crash (issue 20): a file cut mid-line plays every complete line
 * with one warning, a bad line in the middle is a coded error naming the file and the line,
 * `replay --exit-at-end` ends for both kinds of recording, and record → replay gives the same
 * frames byte for byte on a run with two machines.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimRecorder, replayRecording } from '../../src/sim/index.js';
import { createReplayFeeds, readTelemetryRecording, startTelemetryServer } from '../../src/telemetry/index.js';
import { resolve } from 'node:path';
import { scenarioFromObject } from '../../src/scenario/index.js';
import { killLeftoverProcesses, spawnSourceCli } from '../helpers/cli-process.js';
import { client, type TestClient } from './helpers.js';

killLeftoverProcesses();

/** Two RTK drones sharing one plan of the Thái Bình block (a run with two machines). */
const TWO_DRONES = {
  id: 'thai-binh-two-drones',
  name: 'two RTK drones sharing the Thái Bình block',
  field: 'fields/thai-binh-block.geojson',
  vehicles: [
    { profile: 'drone', guidance: 'rtk', id: 'drone-a' },
    { profile: 'drone', guidance: 'rtk', id: 'drone-b' },
  ],
  servicePoint: [106.3409, 20.6602],
  product: { name: 'urea (46 % N)', rateKgPerHa: 70 },
  seed: 7,
  cellM: 0.25,
  faults: true,
};
const twoDrones = () => scenarioFromObject(TWO_DRONES, resolve('sims'), 'two-drones');

const tmp = () => mkdtempSync(join(tmpdir(), 'agrisim-crash-'));

/** Every text frame a client gets, as received, with its `"seq":N` taken out. */
function rawFrames(c: TestClient): string[] {
  const out: string[] = [];
  c.ws.on('message', (d) => out.push(String(d).replace(/,"seq":\d+/, '')));
  return out;
}

/** A simulator recording of the first `frames` ticks of the two-drone scenario. */
async function simRecording(frames: number): Promise<string> {
  const sim = (await twoDrones()).create();
  const lines: string[] = [];
  const rec = createSimRecorder(sim, (l) => lines.push(l), { scenario: 'thai-binh-two-drones' });
  for (let i = 0; i < frames; i++) rec.frame(sim.step()!);
  rec.end(sim.metrics());
  return lines.join('');
}

describe('recordings cut short or damaged', () => {
  it('a simulator recording cut mid-line keeps every complete line and says which line was cut', async () => {
    const text = await simRecording(30);
    const full = replayRecording(text);
    const cut = text.slice(0, text.length - 40); // the metrics line loses its end
    const rec = replayRecording(cut, 'run.ndjson');
    expect(rec.cutLine).toBe(text.split('\n').length - 1);
    expect(rec.frames).toEqual(full.frames);
    expect(rec.metrics).toBeUndefined();
    // cut inside a frame: the frames before it stay
    const lines = text.split('\n');
    const mid = lines.slice(0, 11).join('\n') + '\n' + lines[11].slice(0, 25);
    expect(replayRecording(mid).frames).toEqual(full.frames.slice(0, 10));
  });

  it('a bad line in the middle is SIM_REPLAY_INVALID / TELEMETRY_RECORDING_INVALID naming the file and the line', async () => {
    const lines = (await simRecording(10)).split('\n');
    lines[5] = lines[5].slice(0, 20);
    expect(() => replayRecording(lines.join('\n'), 'run.ndjson')).toThrow(
      expect.objectContaining({
        code: 'SIM_REPLAY_INVALID',
        message: 'run.ndjson: recording line 6: not JSON',
        details: { line: 6, path: 'run.ndjson' },
      }),
    );
    const header = JSON.stringify({
      type: 'header',
      format: 'agrisim-telemetry-recording/1',
      protocol: 'agrisim/1',
      startedAt: '',
      simulations: [{ id: 'a', name: 'a' }],
      states: { a: { description: {} } },
    });
    const tel = `${header}\n{"at":1,"type":"event","sim":"a","t":1,"event":{}}\n{"at":2,"ty\n{"at":3,"type":"event","sim":"a","t":3,"event":{}}\n`;
    expect(() => readTelemetryRecording(tel, 'tel.ndjson')).toThrow(
      expect.objectContaining({ code: 'TELEMETRY_RECORDING_INVALID', details: { line: 3, path: 'tel.ndjson' } }),
    );
    const cutTel = tel.slice(0, tel.lastIndexOf('{"at":3') + 12);
    const rec = readTelemetryRecording(cutTel.replace('{"at":2,"ty\n', ''), 'tel.ndjson');
    expect(rec.cutLine).toBe(3);
    expect(rec.broadcasts.map((b) => b.at)).toEqual([1]);
  });

  it('replay --exit-at-end plays a cut simulator recording to its end, warns once and exits 0', async () => {
    const file = join(tmp(), 'cut.ndjson');
    const text = await simRecording(40);
    writeFileSync(file, text.slice(0, text.length - 40));
    const r = spawnSourceCli(['replay', file, '--port', '0', '--no-viewer', '--speedup', '1000', '--exit-at-end', '--json']);
    expect(await r.exit, r.stderr()).toEqual({ code: 0, signal: null });
    const events = r
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.map((e) => e.event)).toEqual(['warning', 'started', 'stopped']);
    expect(events[0]).toMatchObject({ code: 'RECORDING_CUT', line: text.split('\n').length - 1 });
    expect(events[2].signal).toBe('end');
  }, 60_000);
});

describe('record → replay, two machines', () => {
  it('the replay sends the very bytes the live server sent (seq aside), and the file holds them', async () => {
    const sim = await twoDrones();
    const file = join(tmp(), 'two.ndjson');
    const live = await startTelemetryServer({ simulations: [sim], speedup: 400, maxBroadcastHz: 20, record: file, startOn: 'subscribe' });
    const a = await client(live.url);
    const liveFrames = rawFrames(a);
    a.send({ type: 'subscribe', sim: sim.id });
    await a.count((m) => m.type === 'telemetry', 25);
    await live.close();
    await a.closed;
    const sent = liveFrames.filter((f) => !f.startsWith('{"type":"hello"'));
    const rec = readTelemetryRecording(readFileSync(file, 'utf8'));
    expect(rec.header.simulations[0].vehicles).toHaveLength(2);
    // the file: each line is the frame with "at" for "seq"
    const fileFrames = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.replace(/^\{"at":[\d.]+,/, '{'));
    expect(fileFrames).toEqual(sent.slice(1)); // the first snapshot was the subscriber's own

    const replay = await startTelemetryServer({ feeds: createReplayFeeds(rec, { speedup: 50 }), startOn: 'subscribe' });
    const b = await client(replay.url);
    const replayed = rawFrames(b);
    b.send({ type: 'subscribe', sim: sim.id });
    const telemetry = sent.filter((f) => f.startsWith('{"type":"telemetry"')).length;
    await b.count((m) => m.type === 'telemetry', telemetry);
    await replay.close();
    await b.closed;
    const got = replayed.filter((f) => !f.startsWith('{"type":"hello"'));
    expect(got.length).toBe(sent.length);
    expect(got).toEqual(sent);
    expect(got.some((f) => f.includes('"drone-b"'))).toBe(true);
  }, 60_000);
});
