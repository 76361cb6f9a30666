/**
 * Feeds added to and removed from a running telemetry server (what an MQTT gateway does when a
 * simulation is published, or cleared, after it started): open connections get a fresh hello,
 * can subscribe at once, and later connections see the new list — over real sockets.
 */
import { describe, expect, it } from 'vitest';
import { createManualFeed } from '../../src/telemetry/index.js';
import { description, progress, vehicle, type Msg } from './helpers.js';
import { useTelemetryServers } from '../helpers/telemetry-servers.js';

const { serve, connect } = useTelemetryServers();
const isType = (t: string) => (m: Msg) => m.type === t;
const ids = (m: Msg) => (m.simulations as { id: string }[]).map((s) => s.id);

describe('telemetry server feeds added after start', () => {
  it('sends an open connection a new hello listing the added simulation, which it can subscribe to: snapshot, then telemetry', async () => {
    const first = createManualFeed(description('first'));
    const lines: string[] = [];
    const srv = await serve({ feeds: [first], record: (l) => lines.push(l) });
    const early = await connect(srv.url);
    expect(ids(await early.next(isType('hello')))).toEqual(['first']);

    const late = createManualFeed(description('late', 2), { offer: { name: 'Late drone' } });
    late.push({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100), vehicle('v1', 100)], progress: progress(100) });
    srv.addFeed(late);
    const hello2 = await early.count(isType('hello'), 2).then((h) => h[1]);
    expect(hello2).toMatchObject({ seq: 2, control: false });
    expect(hello2.simulations).toEqual([
      { id: 'first', name: 'test first', vehicles: ['v0'] },
      { id: 'late', name: 'Late drone', vehicles: ['v0', 'v1'] },
    ]);
    expect(srv.feeds.map((f) => f.id)).toEqual(['first', 'late']);

    early.send({ type: 'subscribe', sim: 'late' });
    const snap = await early.next(isType('snapshot'));
    expect(snap).toMatchObject({ seq: 3, sim: 'late', t: 100, progress: progress(100) });
    expect((snap.vehicles as { id: string }[]).map((v) => v.id)).toEqual(['v0', 'v1']);
    late.push({ kind: 'telemetry', t: 200, vehicles: [vehicle('v0', 200), vehicle('v1', 200)], progress: progress(200) });
    const tele = await early.next(isType('telemetry'));
    expect(tele).toMatchObject({ seq: 4, sim: 'late', t: 200, progress: progress(200) });
    expect((tele.vehicles as { lon: number }[])[0].lon).toBe(vehicle('v0', 200).lon);

    // A later connection gets the new list in its first hello.
    const later = await connect(srv.url);
    const hello = await later.next(isType('hello'));
    expect(hello.seq).toBe(1);
    expect(ids(hello)).toEqual(['first', 'late']);
    // The recording's header lists the feeds at start: the added one's frames stay out of it.
    expect(lines.some((l) => l.includes('"sim":"late"'))).toBe(false);
    expect(srv.stats()).toMatchObject({ broadcasts: 1, framesSent: 1 });
  });

  it('refuses a second feed with an id already served (TELEMETRY_INVALID_OPTION) and keeps serving the first', async () => {
    const feed = createManualFeed(description('m'));
    const srv = await serve({ feeds: [feed] });
    expect(() => srv.addFeed(createManualFeed(description('m', 3)))).toThrow(
      expect.objectContaining({ code: 'TELEMETRY_INVALID_OPTION', exitCode: 2 }),
    );
    const c = await connect(srv.url);
    expect((await c.next(isType('hello'))).simulations).toEqual([{ id: 'm', name: 'test m', vehicles: ['v0'] }]);
  });

  it('removes a feed: open connections get a hello without it, its subscribers hear no more of it, and it is unknown from then on', async () => {
    const keep = createManualFeed(description('keep'));
    const gone = createManualFeed(description('gone'));
    const srv = await serve({ feeds: [keep, gone] });
    const c = await connect(srv.url);
    await c.next(isType('hello'));
    c.send({ type: 'subscribe', sim: 'gone' });
    await c.next(isType('snapshot'));
    expect(srv.removeFeed('gone')).toBe(true);
    expect(srv.removeFeed('gone')).toBe(false);
    const hello2 = (await c.count(isType('hello'), 2))[1];
    expect(ids(hello2)).toEqual(['keep']);
    gone.push({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) }); // stopped: goes nowhere
    c.send({ type: 'subscribe', sim: 'gone' });
    const err = await c.next(isType('error'));
    expect(err).toMatchObject({ code: 'TELEMETRY_UNKNOWN_SIM', sim: 'gone' });
    expect(c.messages.filter(isType('telemetry'))).toEqual([]);
    expect(srv.feeds.map((f) => f.id)).toEqual(['keep']);
    // The same id can be served again by a new feed.
    srv.addFeed(createManualFeed(description('gone')));
    expect(ids((await c.count(isType('hello'), 3))[2])).toEqual(['keep', 'gone']);
  });
});
