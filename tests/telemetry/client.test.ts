/**
 * connectTelemetry against a real server: typed streams, control with the token, and
 * reconnect + resubscribe when the server goes away and comes back on the same port.
 */
import { firstValueFrom, filter, take, toArray } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import { connectTelemetry, type TelemetryConnection } from '../../src/telemetry/client/index.js';
import { createManualFeed, startTelemetryServer, type TelemetryServer } from '../../src/telemetry/index.js';
import { createFleetSimulation } from '../../src/sim/index.js';
import { gridBlockPlan } from '../helpers/grid-block-plan.js';
import { description, progress, scenario, vehicle } from './helpers.js';

const servers: TelemetryServer[] = [];
const conns: TelemetryConnection[] = [];
afterEach(async () => {
  for (const c of conns.splice(0)) c.close();
  for (const s of servers.splice(0)) await s.close();
});

describe('connectTelemetry', () => {
  it('streams typed hello, snapshot and telemetry, and sends control with its token', async () => {
    const sim = await scenario('thai-binh-transplanter');
    const srv = await startTelemetryServer({ simulations: [sim], speedup: 100, token: 'tok' });
    servers.push(srv);
    const conn = connectTelemetry(srv.url, { subscribe: [sim.id], token: 'tok' });
    conns.push(conn);
    const hello = await firstValueFrom(conn.hello$);
    expect(hello.simulations.map((s) => s.id)).toEqual([sim.id]);
    const snap = await firstValueFrom(conn.snapshots$);
    expect(snap.description.vehicles[0].id).toBe('transplanter-1');
    const frames = await firstValueFrom(conn.telemetry$.pipe(take(3), toArray()));
    expect(frames[1].t).toBeGreaterThan(frames[0].t);
    expect(conn.state).toBe('open');
    expect(conn.control(sim.id, 'speed', 10)).toBe(true);
    const ack = await firstValueFrom(conn.controls$);
    expect(ack).toMatchObject({ action: 'speed', speedup: 10, paused: false });
  });

  it('reconnects and resubscribes, resuming from a fresh snapshot', async () => {
    const feed1 = createManualFeed(description('m'));
    const srv1 = await startTelemetryServer({ feeds: [feed1] });
    const port = srv1.port;
    const conn = connectTelemetry(srv1.url, { subscribe: ['m'], minDelayMs: 20, maxDelayMs: 100 });
    conns.push(conn);
    await firstValueFrom(conn.snapshots$);
    feed1.push({ kind: 'telemetry', t: 100, vehicles: [vehicle('v0', 100)], progress: progress(100) });
    await firstValueFrom(conn.telemetry$);
    const states: string[] = [];
    conn.state$.subscribe((s) => states.push(s));
    await srv1.close();
    await firstValueFrom(conn.state$.pipe(filter((s) => s === 'reconnecting')));
    // the server comes back on the same port, its run further on
    const feed2 = createManualFeed(description('m'));
    feed2.push({ kind: 'telemetry', t: 5000, vehicles: [vehicle('v0', 5000)], progress: progress(5000) });
    const srv2 = await startTelemetryServer({ feeds: [feed2], port });
    servers.push(srv2);
    const snap = await firstValueFrom(conn.snapshots$.pipe(filter((s) => s.t === 5000)));
    expect(snap.seq).toBe(2);
    expect(snap.vehicles[0].lon).toBeCloseTo(106.35 + 5000e-8, 12);
    expect(conn.opens).toBe(2);
    expect(states).toContain('open');
    feed2.push({ kind: 'telemetry', t: 5100, vehicles: [vehicle('v0', 5100)], progress: progress(5100) });
    expect((await firstValueFrom(conn.telemetry$)).t).toBe(5100);
  });

  it('passes every frame of a real field run and a block fleet run through the protocol schema, refusing none', async () => {
    const field = await scenario('thai-binh-drone');
    const plan = gridBlockPlan({ cols: 2, rows: 2, kind: 'drone', machines: 2, capacityKg: 10 });
    const block = { id: 'block', name: 'grid block', create: () => createFleetSimulation({ plan, seed: 1, raster: { cellM: 0.5 } }) };
    const srv = await startTelemetryServer({ simulations: [field, block], speedup: 300, token: 'tok' });
    servers.push(srv);
    const conn = connectTelemetry(srv.url, { subscribe: [field.id, 'block'], token: 'tok' });
    conns.push(conn);
    const refused: string[] = [];
    conn.invalid$.subscribe((p) => refused.push(p));
    const seen = new Set<string>();
    conn.messages$.subscribe((m) =>
      seen.add(m.type === 'telemetry' || m.type === 'snapshot' || m.type === 'event' ? `${m.type} ${m.sim}` : m.type),
    );
    await firstValueFrom(conn.events$.pipe(filter((e) => e.sim === 'block')));
    await firstValueFrom(
      conn.telemetry$.pipe(
        filter((m) => m.sim === field.id),
        take(20),
        toArray(),
      ),
    );
    conn.control('block', 'pause');
    await firstValueFrom(conn.controls$);
    expect(refused).toEqual([]);
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'control',
        'event block',
        'hello',
        'snapshot block',
        `snapshot ${field.id}`,
        'telemetry block',
        `telemetry ${field.id}`,
      ]),
    );
  }, 30_000);

  it('reconnects at once when asked (a phone waking up), resuming from a fresh snapshot', async () => {
    const feed = createManualFeed(description('m'));
    const srv = await startTelemetryServer({ feeds: [feed] });
    servers.push(srv);
    const conn = connectTelemetry(srv.url, { subscribe: ['m'], minDelayMs: 60_000 });
    conns.push(conn);
    await firstValueFrom(conn.snapshots$);
    feed.push({ kind: 'telemetry', t: 700, vehicles: [vehicle('v0', 700)], progress: progress(700) });
    conn.reconnectNow();
    expect(conn.state).toBe('connecting');
    // the long back-off does not apply: the new socket opens now and its snapshot has the latest state
    const snap = await firstValueFrom(conn.snapshots$);
    expect(snap.t).toBe(700);
    expect(conn.opens).toBe(2);
  });

  it('gives up when reconnect is off, completing its streams', async () => {
    const srv = await startTelemetryServer({ feeds: [createManualFeed(description('m'))] });
    const conn = connectTelemetry(srv.url, { reconnect: false });
    conns.push(conn);
    const done = firstValueFrom(conn.messages$.pipe(toArray()));
    await firstValueFrom(conn.hello$);
    await srv.close();
    expect((await done).map((m) => m.type)).toEqual(['hello']);
    expect(conn.state).toBe('closed');
  });
});
