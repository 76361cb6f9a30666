/**
 * The telemetry server over real sockets: handshake, snapshot then deltas in order, late
 * joiners, many clients, a slow client, restarts, shutdown code.
 */
import { describe, expect, it } from 'vitest';
import { createCoverageTrails, createManualFeed, PROTOCOL } from '../../src/telemetry/index.js';
import type { Simulation, SimulationFactory } from '../../src/sim/types.js';
import { body, description, progress, scenario, vehicle, type Msg } from './helpers.js';
import { useTelemetryServers } from '../helpers/telemetry-servers.js';

const { serve, connect } = useTelemetryServers();
const isType = (t: string) => (m: Msg) => m.type === t;

describe('telemetry server with a simulation', () => {
  it('says hello, then snapshot and telemetry deltas in order with consecutive seq', async () => {
    const sim = await scenario('thai-binh-transplanter');
    const srv = await serve({ simulations: [sim], speedup: 200, maxBroadcastHz: 20 });
    const c = await connect(srv.url);
    const hello = await c.next(isType('hello'));
    expect(hello).toMatchObject({ seq: 1, protocol: PROTOCOL, control: false });
    expect(hello.simulations).toEqual([
      {
        id: 'thai-binh-transplanter',
        name: sim.name,
        guidance: 'rtk',
        field: 'fields/thai-binh-block.geojson',
        vehicles: ['transplanter-1'],
      },
    ]);
    c.send({ type: 'subscribe', sim: sim.id });
    const snap = await c.next(isType('snapshot'));
    expect(snap.seq).toBe(2);
    expect(snap).toMatchObject({ sim: sim.id, paused: false, speedup: 200, done: false });
    expect((snap.description as { vehicles: unknown[] }).vehicles).toEqual([
      { id: 'transplanter-1', kind: 'transplanter', workingWidthM: 1.8, guidance: 'rtk' },
    ]);
    const tele = await c.count(isType('telemetry'), 10);
    const after = c.messages.slice(c.messages.indexOf(snap));
    after.forEach((m, i) => expect(m.seq).toBe(2 + i));
    const ts = tele.map((m) => m.t as number);
    for (let i = 1; i < ts.length; i++) expect(ts[i]).toBeGreaterThan(ts[i - 1]);
    expect(ts[0]).toBeGreaterThan(snap.t as number);
    const v = (tele[0].vehicles as Record<string, unknown>[])[0];
    for (const k of [
      'id',
      'kind',
      'lat',
      'lon',
      'altM',
      'headingDeg',
      'speedMps',
      'fix',
      'crossTrackErrorM',
      'implementOn',
      'trays',
      'activity',
    ])
      expect(v).toHaveProperty(k);
    expect(v).not.toHaveProperty('x');
    expect(Math.abs((v.lat as number) - 20.66)).toBeLessThan(0.01);
    // the simulator's progress, plus the savings of the area done so far (economics stage)
    expect(Object.keys(tele[0].progress as object).sort()).toEqual([
      'coveredHa',
      'coveredPct',
      'elapsedS',
      'etaS',
      'savings',
      'savingsVnd',
    ]);
  });

  it('gives a late joiner a snapshot with the coverage so far, then the same deltas as everyone', async () => {
    const sim = await scenario('thai-binh-transplanter');
    // the run starts when A subscribes, so A has seen every frame the snapshot was built from
    const srv = await serve({ simulations: [sim], speedup: 400, maxBroadcastHz: 25, startOn: 'subscribe' });
    const a = await connect(srv.url);
    a.send({ type: 'subscribe', sim: sim.id });
    // wait until the implement has been on for a while (the transplanter plants after its transit)
    await a.count((m) => m.type === 'telemetry' && (m.vehicles as { implementOn: boolean }[])[0].implementOn, 5, 30_000);
    const b = await connect(srv.url);
    b.send({ type: 'subscribe', sim: sim.id });
    const snap = await b.next(isType('snapshot'));
    await b.count(isType('telemetry'), 3);
    expect(snap.t as number).toBeGreaterThan(0);
    // A's telemetry up to the snapshot's t paints exactly the snapshot's coverage
    const trails = createCoverageTrails(() => 1.8);
    for (const m of a.messages) if (m.type === 'telemetry' && (m.t as number) <= (snap.t as number)) trails.add(m.vehicles as never);
    const cov = snap.coverage as { vehicleId: string; widthM: number; passes: number[][][] }[];
    expect(cov).toEqual(trails.trails());
    expect(cov[0].passes.flat().length).toBeGreaterThan(1);
    expect(cov[0].widthM).toBe(1.8);
    // then B gets the same frames as A, from the first after the snapshot
    const bTele = b.messages.filter(isType('telemetry'));
    const aSame = a.messages.filter((m) => m.type === 'telemetry' && bTele.some((x) => x.t === m.t));
    expect(bTele.map(body)).toEqual(aSame.map(body));
    expect(bTele[0].t).toBe(a.messages.find((m) => m.type === 'telemetry' && (m.t as number) > (snap.t as number))!.t);
  });

  it('closes clients with 1001 on shutdown', async () => {
    const srv = await serve({ simulations: [await scenario('thai-binh-transplanter')], speedup: 10 });
    const c = await connect(srv.url);
    await c.next(isType('hello'));
    await srv.close();
    expect((await c.closed).code).toBe(1001);
    expect(srv.clientCount()).toBe(0);
  });
});

/** A run of `ticks` ticks of one vehicle (an event on every tick when `eventEveryTick`), short enough to end within a test. */
function shortFactory(ticks = 5, eventEveryTick = false): SimulationFactory {
  const d = description('short');
  const endMs = ticks * 100;
  return {
    id: 'short',
    name: 'short',
    create(): Simulation {
      let t = 0;
      return {
        describe: () => d,
        step() {
          if (t >= endMs) return undefined;
          t += 100;
          const v = { ...vehicle('v0', t), x: 0, y: 0, activity: t === endMs ? ('done' as const) : ('working' as const) };
          const events =
            t === endMs
              ? [{ t, vehicleId: 'v0', type: 'done' as const }]
              : eventEveryTick
                ? [{ t, vehicleId: 'v0', type: 'refill' as const }]
                : [];
          return { t, vehicles: [v], progress: progress(t), events };
        },
        get done() {
          return t >= endMs;
        },
        metrics: () => {
          throw new Error('not needed');
        },
      };
    },
  };
}

describe('high speed-ups', () => {
  it('fold ticks into at most maxBroadcastHz frames, yet send every event, in order, before the frame that follows it', async () => {
    const srv = await serve({ simulations: [shortFactory(200, true)], speedup: 100, maxBroadcastHz: 10, startOn: 'subscribe' });
    const c = await connect(srv.url);
    c.send({ type: 'subscribe', sim: 'short' });
    await c.next((m) => m.type === 'telemetry' && m.t === 20_000);
    const events = c.messages.filter(isType('event')).map((m) => m.t);
    expect(events).toEqual(Array.from({ length: 200 }, (_, i) => (i + 1) * 100));
    const frames = c.messages.filter(isType('telemetry'));
    // 20 s of simulated time at 100× is 200 ms of wall time: a handful of frames, not 200
    expect(frames.length).toBeLessThan(20);
    // every event is sent before any frame later than it
    let lastFrameT = 0;
    for (const m of c.messages) {
      if (m.type === 'telemetry') lastFrameT = m.t as number;
      if (m.type === 'event') expect(m.t as number).toBeGreaterThan(lastFrameT);
    }
  });
});

describe('looping', () => {
  it('ends with done, then starts over with a fresh snapshot', async () => {
    const srv = await serve({ simulations: [shortFactory()], speedup: 10, loop: true, loopDelayMs: 300, startOn: 'subscribe' });
    const doneSeen: boolean[] = [];
    srv.feeds[0].updates$.subscribe((u) => u.kind === 'telemetry' && doneSeen.push(srv.feeds[0].state().done));
    const c = await connect(srv.url);
    c.send({ type: 'subscribe', sim: 'short' });
    const snaps = await c.count(isType('snapshot'), 2);
    expect(snaps[1]).toMatchObject({ t: 0, vehicles: [], coverage: [], done: false });
    const run1 = c.messages.slice(c.messages.indexOf(snaps[0]) + 1, c.messages.indexOf(snaps[1]));
    const n1 = run1.filter(isType('telemetry')).length;
    expect(run1.filter(isType('telemetry')).at(-1)).toMatchObject({ t: 500 });
    // a joiner after the last frame would have had a snapshot with done: true, never before
    expect(doneSeen.slice(0, n1)).toEqual([...Array<boolean>(n1 - 1).fill(false), true]);
    expect(run1.filter(isType('event')).map((m) => (m.event as { type: string }).type)).toEqual(['done']);
    const again = await c.next((m) => m.type === 'telemetry', c.messages.indexOf(snaps[1]));
    expect(again.t).toBe(100);
  });
});

describe('telemetry server with a hand-driven feed', () => {
  it('sends the same frames, in order, to 50 concurrent clients', async () => {
    const feed = createManualFeed(description('m', 2));
    const srv = await serve({ feeds: [feed] });
    const cs = await Promise.all(Array.from({ length: 50 }, () => connect(srv.url)));
    for (const c of cs) c.send({ type: 'subscribe', sim: 'm' });
    await Promise.all(cs.map((c) => c.next(isType('snapshot'))));
    for (let t = 100; t <= 3000; t += 100) {
      if (t % 1000 === 0) feed.push({ kind: 'event', t, event: { t, vehicleId: 'v0', type: 'refill' } });
      feed.push({ kind: 'telemetry', t, vehicles: [vehicle('v0', t), vehicle('v1', t, false)], progress: progress(t) });
    }
    const all = await Promise.all(cs.map((c) => c.count((m) => m.type === 'telemetry' && m.t === 3000, 1).then(() => c.messages)));
    const expected = all[0].map(body);
    expect(all[0].filter(isType('telemetry'))).toHaveLength(30);
    expect(all[0].filter(isType('event'))).toHaveLength(3);
    for (const msgs of all) {
      expect(msgs.map(body)).toEqual(expected);
      msgs.forEach((m, i) => expect(m.seq).toBe(i + 1));
    }
    expect(srv.stats()).toMatchObject({ broadcasts: 33, framesSent: 33 * 50, framesSkipped: 0, clients: 50 });
  });

  it('coalesces a slow client to the latest state without slowing the others', async () => {
    const feed = createManualFeed(description('m', 40));
    const srv = await serve({ feeds: [feed], highWaterBytes: 256 * 1024 });
    const fast = await connect(srv.url);
    const slow = await connect(srv.url);
    for (const c of [fast, slow]) c.send({ type: 'subscribe', sim: 'm' });
    await Promise.all([fast, slow].map((c) => c.next(isType('snapshot'))));
    // the slow client stops reading: its kernel buffers fill, then the server's backlog
    (slow.ws as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause();
    const frames = 1500; // ~20 kB each: ~30 MB, far beyond the socket buffers
    // in batches of 5 frames (100 kB) that the fast client keeps up with, so only the slow one falls behind
    for (let t = 100; t <= frames * 100; t += 100) {
      feed.push({ kind: 'telemetry', t, vehicles: Array.from({ length: 40 }, (_, i) => vehicle(`v${i}`, t)), progress: progress(t) });
      if (t % 500 === 0) await fast.next((m) => m.type === 'telemetry' && m.t === t, fast.messages.length - 5);
    }
    const last = frames * 100;
    await fast.next((m) => m.type === 'telemetry' && m.t === last, 0, 30_000);
    expect(fast.messages.filter(isType('telemetry'))).toHaveLength(frames);
    const stats = srv.stats();
    expect(stats.framesSkipped).toBeGreaterThan(frames / 2);
    expect(stats.framesSent + stats.framesSkipped).toBe(frames * 2);
    // the slow one reads again: it gets what was in flight, then one snapshot of the latest state
    (slow.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    const resync = await slow.next((m) => m.type === 'snapshot' && m.t === last, 0, 30_000);
    expect(slow.messages.filter(isType('telemetry')).length).toBeLessThan(frames / 2);
    slow.messages.forEach((m, i) => expect(m.seq).toBe(i + 1));
    expect((resync.vehicles as unknown[]).length).toBe(40);
    // and it follows the deltas again
    feed.push({ kind: 'telemetry', t: last + 100, vehicles: [vehicle('v0', last + 100)], progress: progress(last + 100) });
    await slow.next((m) => m.type === 'telemetry' && m.t === last + 100);
  });

  it('restart sends every subscriber a fresh snapshot', async () => {
    const feed = createManualFeed(description('m'));
    const srv = await serve({ feeds: [feed] });
    const c = await connect(srv.url);
    c.send({ type: 'subscribe', sim: 'm' });
    await c.next(isType('snapshot'));
    feed.push({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) });
    feed.push({ kind: 'telemetry', t: 200, vehicles: [vehicle('v0', 200)], progress: progress(200) });
    feed.push({ kind: 'reset' });
    const snaps = await c.count(isType('snapshot'), 2);
    expect(snaps[1]).toMatchObject({ t: 0, vehicles: [], coverage: [] });
    c.send({ type: 'unsubscribe', sim: 'm' });
    c.send({ type: 'subscribe', sim: 'm' });
    const again = await c.count(isType('snapshot'), 3);
    expect(again[2]).toMatchObject({ t: 0, coverage: [] });
  });
});
