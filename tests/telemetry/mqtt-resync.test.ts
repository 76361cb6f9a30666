/**
 * A broker restart under a running gateway (issue 20), with a real mosquitto stopped and
 * started again on the same port: while it is away nothing queues up in the publisher; when it
 * is back each viewer gets a fresh snapshot whose `gap` names the simulated time it missed,
 * then live telemetry again. And `serve --mqtt` stops on SIGTERM while the broker is away.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startTelemetryServer, type TelemetryFeed, type TelemetryServer } from '../../src/telemetry/index.js';
import { publishFeedsToMqtt, startMqttGateway, type MqttGateway, type MqttPublisher } from '../../src/telemetry/mqtt/index.js';
import { freePort, startMosquitto, type Mosquitto } from '../helpers/brokers.js';
import { killLeftoverProcesses, startSourceCli } from '../helpers/cli-process.js';
import { systemProgram } from '../helpers/system.js';
import { client, scenario, type Msg, type TestClient } from './helpers.js';

const mosquitto = systemProgram('mosquitto');

killLeftoverProcesses();
const brokers: Mosquitto[] = [];
const closers: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c().catch(() => undefined);
  for (const b of brokers) if (b.proc.exitCode === null && b.proc.signalCode === null) b.proc.kill('SIGKILL'); // SIGKILL: a stopped (SIGSTOP) one too
});

/** Starts mosquitto on loopback only, on `port`; resolves once it listens. */
async function startBroker(port: number): Promise<Mosquitto> {
  const broker = await startMosquitto(mosquitto!, { port });
  brokers.push(broker);
  return broker;
}

/** Resolves once `feed` produced `count` more telemetry updates (the publisher, subscribed before, has had each of them too). */
function telemetryUpdates(feed: TelemetryFeed, count: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const subscription = feed.updates$.subscribe((update) => {
      if (update.kind !== 'telemetry' || ++seen < count) return;
      subscription.unsubscribe();
      resolve();
    });
  });
}

/** mqtt.js keeps messages for an offline broker in `queue` (and unacknowledged ones in the outgoing store). */
const queued = (pub: MqttPublisher) => (pub.client as unknown as { queue: unknown[] }).queue.length;

describe.skipIf(!mosquitto)('broker restart under a running gateway (real mosquitto)', () => {
  it('viewers get a snapshot with the gap after the broker is back; nothing queues while it is away', async () => {
    const port = await freePort();
    let broker = await startBroker(port);
    const url = `mqtt://127.0.0.1:${port}`;
    const sim = await scenario('thai-binh-drone');
    const server: TelemetryServer = await startTelemetryServer({ simulations: [sim], speedup: 40, maxBroadcastHz: 10 });
    closers.push(() => server.close());
    const pub = await publishFeedsToMqtt(server.feeds, { url, farm: 'resync' });
    closers.push(() => pub.close());
    const gw: MqttGateway = await startMqttGateway({ mqttUrl: url, farm: 'resync', discoverMs: 300 });
    closers.push(() => gw.close());
    const viewer: TestClient = await client(gw.server.url);
    closers.push(async () => viewer.close());
    viewer.send({ type: 'subscribe', sim: sim.id });
    await viewer.next((m) => m.type === 'snapshot');
    await viewer.count((m) => m.type === 'telemetry', 5);

    // The broker goes away: wait until both sides noticed (event-based).
    const gwLost = new Promise<void>((r) => gw.client.once('close', () => r()));
    const pubLost = new Promise<void>((r) => pub.client.once('close', () => r()));
    await broker.stop();
    await Promise.all([gwLost, pubLost]);
    const lastBefore = viewer.messages.filter((m) => m.type === 'telemetry').at(-1)!.t as number;
    // The simulation goes on meanwhile; nothing for the broker piles up in the publisher.
    const published = pub.published();
    await telemetryUpdates(server.feeds[0], 10);
    expect(queued(pub)).toBe(0);
    expect(pub.published()).toBe(published);

    const seen = viewer.messages.length;
    broker = await startBroker(port);
    const resync = (await viewer.next((m) => m.type === 'snapshot' && m.gap !== undefined, seen, 30_000)) as Msg & {
      t: number;
      gap: { fromT: number; toT: number };
    };
    expect(resync.gap.fromT).toBe(lastBefore);
    expect(resync.gap.toT).toBe(resync.t);
    expect(resync.gap.toT).toBeGreaterThan(resync.gap.fromT);
    expect(gw.stats().reconnects).toBe(1);
    // live telemetry again, after the snapshot's time
    const after = await viewer.next((m) => m.type === 'telemetry' && (m.t as number) > resync.t, viewer.messages.indexOf(resync), 30_000);
    expect(after.t).toBeGreaterThan(resync.gap.toT);
    // a viewer joining now gets a plain snapshot: it missed nothing
    const late = await client(gw.server.url);
    closers.push(async () => late.close());
    late.send({ type: 'subscribe', sim: sim.id });
    expect((await late.next((m) => m.type === 'snapshot')).gap).toBeUndefined();
    await broker.stop();
  }, 90_000);

  // gone: the broker exited; stalled: it holds the connection and never answers (SIGSTOP), which hung the exit before.
  it.each(['gone', 'stalled'] as const)(
    'serve --mqtt stops on SIGTERM while the broker is %s (exit 0)',
    async (how) => {
      const port = await freePort();
      const broker = await startBroker(port);
      const p = await startSourceCli([
        'serve',
        '--port',
        '0',
        '--no-viewer',
        '--scenario',
        'sims/thai-binh-drone.json',
        '--mqtt',
        `mqtt://127.0.0.1:${port}`,
      ]);
      if (how === 'gone') await broker.stop();
      else broker.proc.kill('SIGSTOP');
      p.proc.kill('SIGTERM');
      expect(await p.exit, p.stderr()).toEqual({ code: 0, signal: null });
      expect(p.stdout()).toContain('"event":"stopped"');
      broker.proc.kill('SIGKILL');
    },
    60_000,
  );
});
