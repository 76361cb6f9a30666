/**
 * Record then replay: a live run recorded to NDJSON, replayed by a second server, reaches a
 * client as the very same messages (bodies equal, seq per connection), and the recording's
 * lines are exactly what the live subscriber got.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualFeed, createReplayFeeds, readTelemetryRecording, startTelemetryServer } from '../../src/telemetry/index.js';
import { body, client, description, progress, scenario, vehicle } from './helpers.js';

describe('record and replay', () => {
  it('replays a recording as the same messages the live clients got', async () => {
    const sim = await scenario('thai-binh-transplanter');
    const file = join(mkdtempSync(join(tmpdir(), 'agrisim-tel-')), 'run.ndjson');
    const live = await startTelemetryServer({
      simulations: [sim],
      speedup: 300,
      maxBroadcastHz: 30,
      token: 't',
      record: file,
      startOn: 'subscribe',
    });
    const a = await client(live.url);
    a.send({ type: 'subscribe', sim: sim.id });
    await a.count((m) => m.type === 'telemetry', 12);
    a.send({ type: 'control', sim: sim.id, action: 'speed', value: 600, token: 't' });
    await a.count((m) => m.type === 'telemetry', 20);
    a.send({ type: 'control', sim: sim.id, action: 'restart', token: 't' });
    await a.count((m) => m.type === 'snapshot', 2);
    await a.count((m) => m.type === 'telemetry', 26);
    await live.close();
    await a.closed;
    const liveMsgs = a.messages.filter((m) => m.type !== 'hello').map(body);
    const rec = readTelemetryRecording(readFileSync(file, 'utf8'));
    // every broadcast is in the file, in order; the first snapshot was the subscriber's own
    expect(rec.broadcasts.map((b) => b.message)).toEqual(liveMsgs.slice(1));
    expect(liveMsgs.filter((m) => m.type === 'event').length).toBeGreaterThan(1);

    const replay = await startTelemetryServer({ feeds: createReplayFeeds(rec, { speedup: 3 }), startOn: 'subscribe' });
    const b = await client(replay.url);
    const hello = await b.next((m) => m.type === 'hello');
    expect(hello.simulations).toEqual([
      { id: sim.id, name: sim.name, guidance: 'rtk', field: 'fields/thai-binh-block.geojson', vehicles: ['transplanter-1'] },
    ]);
    b.send({ type: 'subscribe', sim: sim.id });
    await b.count((m) => m.type === 'telemetry', 26);
    await b.next(
      (m) =>
        m.type === 'telemetry' &&
        m.t === liveMsgs.filter((x) => x.type === 'telemetry').at(-1)!.t &&
        b.messages.filter((x) => x.type === 'telemetry').length >= liveMsgs.filter((x) => x.type === 'telemetry').length,
    );
    const replayed = b.messages.filter((m) => m.type !== 'hello').map(body);
    expect(replayed).toEqual(liveMsgs);
    b.messages.forEach((m, i) => expect(m.seq).toBe(i + 1));

    // a late joiner of the replay gets the same snapshot a late joiner of the live run got
    const c = await client(replay.url);
    c.send({ type: 'subscribe', sim: sim.id });
    const late = await c.next((m) => m.type === 'snapshot');
    expect(late.t).toBe(liveMsgs.filter((x) => x.type === 'telemetry').at(-1)!.t);
    await replay.close();
  });

  it('refuses recordings that are not telemetry recordings, naming the line', () => {
    expect(() => readTelemetryRecording('')).toThrow(
      expect.objectContaining({ code: 'TELEMETRY_RECORDING_INVALID', details: { line: 1 } }),
    );
    expect(() => readTelemetryRecording('{"type":"header","format":"agrisim-sim-recording/1"}\n')).toThrow(
      expect.objectContaining({ code: 'TELEMETRY_RECORDING_INVALID' }),
    );
    const header = JSON.stringify({
      type: 'header',
      format: 'agrisim-telemetry-recording/1',
      protocol: 'agrisim/1',
      startedAt: '',
      simulations: [{ id: 'a', name: 'a' }],
      states: { a: { description: {} } },
    });
    expect(() => readTelemetryRecording(`${header}\n{"at":1,"type":"telemetry","sim":"b"}\n`)).toThrow(
      expect.objectContaining({ details: { line: 2 } }),
    );
    expect(() =>
      readTelemetryRecording(`${header}\n{"at":5,"type":"telemetry","sim":"a"}\n{"at":4,"type":"telemetry","sim":"a"}\n`),
    ).toThrow(expect.objectContaining({ details: { line: 3 } }));
    expect(() => readTelemetryRecording(`${header}\nnot json\n`)).toThrow(expect.objectContaining({ details: { line: 2 } }));
  });
});

describe('recording failures', () => {
  it('keeps serving when the recording cannot be written, and reports IO_WRITE on close', async () => {
    const feed = createManualFeed(description('m'));
    const srv = await startTelemetryServer({ feeds: [feed], record: '/proc/agrisim-no/run.ndjson' });
    const c = await client(srv.url);
    c.send({ type: 'subscribe', sim: 'm' });
    await c.next((m) => m.type === 'snapshot');
    feed.push({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) });
    await c.next((m) => m.type === 'telemetry');
    await expect(srv.close()).rejects.toMatchObject({ code: 'IO_WRITE' });
  });
});

describe('recording size cap', () => {
  it('stops at a line boundary before the cap, keeps serving, and the file still replays', async () => {
    const feed = createManualFeed(description('m'));
    const file = join(mkdtempSync(join(tmpdir(), 'agrisim-tel-')), 'capped.ndjson');
    const srv = await startTelemetryServer({ feeds: [feed], record: file, recordMaxBytes: 20_000 });
    const c = await client(srv.url);
    c.send({ type: 'subscribe', sim: 'm' });
    await c.next((m) => m.type === 'snapshot');
    for (let t = 100; t <= 10_000; t += 100) feed.push({ kind: 'telemetry', t, vehicles: [vehicle('v0', t)], progress: progress(t) });
    await c.next((m) => m.type === 'telemetry' && m.t === 10_000);
    const stats = srv.stats();
    await srv.close();
    const text = readFileSync(file, 'utf8');
    expect(stats.recordingTruncated).toBe(true);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(20_000);
    expect(text.endsWith('\n')).toBe(true);
    const rec = readTelemetryRecording(text);
    expect(rec.broadcasts.length).toBe(stats.recordedLines - 1);
    expect(rec.broadcasts.length).toBeGreaterThan(10);
    expect(rec.broadcasts.length).toBeLessThan(100);
    expect(rec.broadcasts.map((b) => (b.message as { t: number }).t)).toEqual(
      Array.from({ length: rec.broadcasts.length }, (_, i) => (i + 1) * 100),
    );
  });
});
