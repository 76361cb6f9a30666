/**
 * The MQTT scale path against a real Mosquitto: one simulator publishing, gateways
 * subscribing, WebSocket viewers on each seeing the same run as a viewer of the simulator.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { startTelemetryServer, type TelemetryServer } from '../../src/telemetry/index.js';
import {
  checkMqttUrl,
  connectMqtt,
  joinCoverage,
  parseSimTopic,
  publishFeedsToMqtt,
  simFilter,
  simTopic,
  startMqttGateway,
  topicLevel,
  vehicleTopic,
  type MqttGateway,
  type MqttPublisher,
} from '../../src/telemetry/mqtt/index.js';
import { freePort, startMosquitto, type Mosquitto } from '../helpers/brokers.js';
import { killLeftoverProcesses, spawnSourceCli, startSourceCli } from '../helpers/cli-process.js';
import { systemProgram } from '../helpers/system.js';
import { client, type Msg, type TestClient } from './helpers.js';

killLeftoverProcesses();

/** The broker client of a gateway, a publisher or a test. */
type MqttClient = MqttPublisher['client'];

/**
 * Resolves on the first message `mqtt` receives for which `match(topic, payload)` holds. Listeners
 * registered earlier (a gateway's own) have taken the message in by then. Bounded by the test's timeout.
 */
function mqttMessage(mqtt: MqttClient, match: (topic: string, payload: string) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const listener = (topic: string, payload: Buffer) => {
      if (!match(topic, String(payload))) return;
      mqtt.off('message', listener);
      resolve();
    };
    mqtt.on('message', listener);
  });
}

/** Resolves once `mqtt` lost its broker connection. */
const connectionLost = (mqtt: MqttClient) => new Promise<void>((resolve) => mqtt.once('close', () => resolve()));

describe('MQTT topics', () => {
  it('builds and parses the per-simulation topics, with wildcards and separators made safe', () => {
    expect(topicLevel('Ô 1–4/5+#')).toBe('Ô 1–4_5__');
    expect(topicLevel('$SYS')).toBe('_SYS');
    expect(topicLevel('')).toBe('_');
    const t = simTopic({ farm: 'Quỳnh Phụ', field: 'thai-binh-block.geojson', sim: 'thai-binh-drone' }, 'telemetry');
    expect(t).toBe('agrisim/Quỳnh Phụ/thai-binh-block.geojson/thai-binh-drone/telemetry');
    expect(parseSimTopic(t)).toEqual({
      prefix: 'agrisim',
      farm: 'Quỳnh Phụ',
      field: 'thai-binh-block.geojson',
      sim: 'thai-binh-drone',
      kind: 'telemetry',
    });
    expect(parseSimTopic('agrisim/a/b/c/other')).toBeUndefined();
    expect(vehicleTopic({ farm: 'f', field: 'x', sim: 's' }, 'drone/1')).toBe('agrisim/f/x/s/vehicle/drone_1');
    expect(parseSimTopic('agrisim/f/x/s/vehicle/drone_1')).toBeUndefined(); // gateways ignore per-vehicle topics
    expect(parseSimTopic('agrisim/a/b/snapshot')).toBeUndefined();
    expect(simFilter('snapshot')).toBe('agrisim/+/+/+/snapshot');
    expect(simFilter('event', { farm: 'f/1', prefix: 'x' })).toBe('x/f_1/+/+/event');
  });

  it("joins coverage painted since a snapshot onto the snapshot's open pass", () => {
    const base = [
      {
        vehicleId: 'd',
        widthM: 7,
        passes: [
          [
            [0, 0],
            [1, 0],
          ],
          [
            [2, 0],
            [3, 0],
          ],
        ] as [number, number][][],
      },
    ];
    const since = [
      {
        vehicleId: 'd',
        widthM: 7,
        passes: [
          [
            [3, 0],
            [4, 0],
          ],
          [
            [5, 0],
            [6, 0],
          ],
        ] as [number, number][][],
      },
      {
        vehicleId: 'e',
        widthM: 2,
        passes: [
          [
            [9, 9],
            [9, 8],
          ],
        ] as [number, number][][],
      },
    ];
    expect(joinCoverage(base, since)).toEqual([
      {
        vehicleId: 'd',
        widthM: 7,
        passes: [
          [
            [0, 0],
            [1, 0],
          ],
          [
            [2, 0],
            [3, 0],
            [4, 0],
          ],
          [
            [5, 0],
            [6, 0],
          ],
        ],
      },
      {
        vehicleId: 'e',
        widthM: 2,
        passes: [
          [
            [9, 9],
            [9, 8],
          ],
        ],
      },
    ]);
    expect(base[0].passes).toHaveLength(2); // not mutated
  });

  it('refuses a bad broker URL with TELEMETRY_MQTT_URL and an unreachable broker with TELEMETRY_MQTT_CONNECT', async () => {
    for (const url of ['localhost:1883', 'http://127.0.0.1:1883', 'not a url'])
      expect(() => checkMqttUrl(url)).toThrow(expect.objectContaining({ code: 'TELEMETRY_MQTT_URL' }));
    const port = await freePort(); // nothing listens there
    await expect(connectMqtt(`mqtt://127.0.0.1:${port}`, { connectTimeoutMs: 1500 })).rejects.toMatchObject({
      code: 'TELEMETRY_MQTT_CONNECT',
      exitCode: 1,
    });
  });
});

const mosquitto = systemProgram('mosquitto');

describe.skipIf(!mosquitto)('MQTT broker path (real mosquitto)', () => {
  let broker: Mosquitto;
  let url: string;
  let sim: TelemetryServer;
  let pub: MqttPublisher;
  const gateways: MqttGateway[] = [];
  const clients: TestClient[] = [];
  const SIM = 'thai-binh-drone';

  beforeAll(async () => {
    broker = await startMosquitto(mosquitto!); // resolves once it listens
    url = broker.url;
    sim = await startTelemetryServer({
      port: 0,
      simulations: [await loadScenario('sims/thai-binh-drone.json')],
      speedup: 20,
      token: 'tok',
    });
    pub = await publishFeedsToMqtt(sim.feeds, { url, farm: 'quynh-phu' });
    gateways.push(
      await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300 }),
      await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300, farm: 'quynh-phu' }),
    );
  });

  afterAll(async () => {
    for (const c of clients) c.close();
    await Promise.all(gateways.map((g) => g.close()));
    await pub?.close();
    await sim?.close();
    await broker?.stop();
  });

  const open = async (u: string) => {
    const c = await client(u);
    clients.push(c);
    return c;
  };
  const key = (m: Msg) => JSON.stringify({ t: m.t, vehicles: m.vehicles, progress: m.progress });

  it('serves the same run on two gateways as on the simulator itself: hello, snapshot, then the same telemetry', async () => {
    const [direct, a, b] = await Promise.all([open(sim.url), open(gateways[0].server.url), open(gateways[1].server.url)]);
    for (const c of [a, b]) {
      const hello = await c.next((m) => m.type === 'hello');
      expect(hello.simulations).toEqual([expect.objectContaining({ id: SIM, vehicles: ['drone-1'] })]);
      expect(hello.control).toBe(false); // gateways relay, they do not control
    }
    for (const c of [direct, a, b]) c.send({ type: 'subscribe', sim: SIM });
    const snaps = await Promise.all([direct, a, b].map((c) => c.next((m) => m.type === 'snapshot')));
    expect(snaps[1].description).toEqual(snaps[0].description);
    expect(snaps[2].description).toEqual(snaps[0].description);
    // 20 telemetry frames on each gateway after both snapshots: the same frames, and the simulator's.
    const [ta, _tb] = await Promise.all([a, b].map((c) => c.count((m) => m.type === 'telemetry', 25)));
    const direct1 = await direct.count((m) => m.type === 'telemetry', 25);
    const fromSim = new Set(direct.messages.filter((m) => m.type === 'telemetry').map(key));
    const inB = new Set(b.messages.filter((m) => m.type === 'telemetry').map(key));
    const tail = ta.slice(5);
    expect(tail.every((m) => inB.has(key(m)))).toBe(true);
    expect(tail.every((m) => fromSim.has(key(m)))).toBe(true);
    expect(direct1.length).toBe(25);
    // Frames move forward in simulated time.
    expect(ta.map((m) => m.t as number)).toEqual([...ta.map((m) => m.t as number)].sort((x, y) => x - y));
    expect(ta[24].t as number).toBeGreaterThan(ta[0].t as number);
  });

  it('publishes each machine on its own topic too, the same state as in the telemetry frame', async () => {
    const raw = await connectMqtt(url);
    const got: { topic: string; body: Record<string, unknown> }[] = [];
    raw.on('message', (topic, payload) => got.push({ topic, body: JSON.parse(String(payload)) as Record<string, unknown> }));
    const threeFrames = mqttMessage(raw, () => got.filter((g) => g.topic.endsWith('/telemetry')).length >= 3);
    await raw.subscribeAsync(['agrisim/+/+/+/vehicle/+', 'agrisim/+/+/+/telemetry']);
    await threeFrames;
    await raw.endAsync();
    const tele = got.filter((g) => g.topic.endsWith('/telemetry'));
    expect(tele.length).toBeGreaterThanOrEqual(3);
    const frame = tele[1].body as { t: number; vehicles: Record<string, unknown>[] };
    const mine = got.find((g) => g.topic.endsWith('/vehicle/drone-1') && g.body.t === frame.t);
    expect(mine?.topic).toBe('agrisim/quynh-phu/thai-binh-block/thai-binh-drone/vehicle/drone-1'); // field level: the field file, no folder or extension
    expect(mine?.body).toEqual({ sim: SIM, t: frame.t, ...frame.vehicles[0] });
  });

  it("gives a late gateway, and a viewer joining it, exactly the simulator's state once paused", async () => {
    const late = await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300 });
    gateways.push(late);
    const control = await open(sim.url);
    control.send({ type: 'subscribe', sim: SIM }); // control acks go to the simulation's subscribers
    // Every gateway takes in a retained snapshot republished (every 1 s) after the pause.
    const pausedSnapshots = gateways.map((g) =>
      mqttMessage(
        g.client,
        (topic, payload) => topic.endsWith(`/${SIM}/snapshot`) && (JSON.parse(payload || '{}') as { paused?: boolean }).paused === true,
      ),
    );
    control.send({ type: 'control', sim: SIM, action: 'pause', token: 'tok' });
    await control.next((m) => m.type === 'control' && m.paused === true);
    await Promise.all(pausedSnapshots);
    const want = sim.feeds[0].state();
    expect(want.coverage[0].passes.length).toBeGreaterThan(0);
    for (const g of gateways) expect(g.feeds.get(SIM)!.state()).toEqual(want);
    const v = await open(late.server.url);
    v.send({ type: 'subscribe', sim: SIM });
    const snap = await v.next((m) => m.type === 'snapshot');
    expect(snap.t).toBe(want.t);
    expect(snap.coverage).toEqual(want.coverage);
    expect(snap.paused).toBe(true);
    control.send({ type: 'control', sim: SIM, action: 'resume', token: 'tok' });
    await control.next((m) => m.type === 'control' && m.paused === false);
  });

  it("passes a restart on to every gateway's viewers as a fresh snapshot of the new run", async () => {
    const viewers = await Promise.all(gateways.slice(0, 2).map((g) => open(g.server.url)));
    for (const v of viewers) v.send({ type: 'subscribe', sim: SIM });
    await Promise.all(viewers.map((v) => v.next((m) => m.type === 'snapshot')));
    const before = await viewers[0].next((m) => m.type === 'telemetry');
    const control = await open(sim.url);
    const from = viewers.map((v) => v.messages.length);
    control.send({ type: 'control', sim: SIM, action: 'restart', token: 'tok' });
    for (const [k, v] of viewers.entries()) {
      const fresh = await v.next((m) => m.type === 'snapshot', from[k]);
      expect(fresh.t as number).toBeLessThan(before.t as number);
      expect(fresh.coverage).toEqual([]);
      expect((fresh.progress as { coveredPct: number }).coveredPct).toBe(0);
      // Then telemetry of the new run.
      const i = v.messages.indexOf(fresh);
      const next = await v.next((m) => m.type === 'telemetry', i + 1);
      expect(next.t as number).toBeLessThan(before.t as number);
    }
  });

  it('drops whatever else is published under its topics (bad JSON, wrong shapes, wrong sim) and keeps serving', async () => {
    const g = gateways[0];
    const v = await open(g.server.url);
    v.send({ type: 'subscribe', sim: SIM });
    await v.next((m) => m.type === 'snapshot');
    const droppedBefore = g.stats().dropped;
    const raw = await connectMqtt(url);
    const base = 'agrisim/quynh-phu/evil/' + SIM;
    const junk: [string, string][] = [
      [`${base}/telemetry`, '{not json'],
      [`${base}/telemetry`, JSON.stringify({ type: 'telemetry', sim: SIM, t: 1e15, vehicles: 'nope', progress: {} })],
      [
        `${base}/telemetry`,
        JSON.stringify({
          type: 'telemetry',
          sim: SIM,
          t: 1e15,
          vehicles: [{ id: 'x', lon: 'a', lat: 1 }],
          progress: { coveredPct: 1, coveredHa: 1 },
        }),
      ],
      [
        `${base}/telemetry`,
        JSON.stringify({ type: 'telemetry', sim: 'other', t: 1e15, vehicles: [], progress: { coveredPct: 1, coveredHa: 1 } }),
      ],
      [`${base}/event`, JSON.stringify({ type: 'reset', sim: SIM })],
      [`${base}/event`, JSON.stringify(null)],
      [`${base}/snapshot`, JSON.stringify({ type: 'snapshot', sim: SIM, run: 99, t: 0, vehicles: [], coverage: 'x' })],
      [`${base}/description`, JSON.stringify({ offer: { id: 'someone-else' }, description: { vehicles: [] } })],
    ];
    for (const [topic, payload] of junk) await raw.publishAsync(topic, payload, { qos: 1 });
    await raw.endAsync();
    const seen = v.messages.length;
    const after = await v.next((m) => m.type === 'telemetry', seen);
    expect(after.t as number).toBeLessThan(1e15);
    expect(g.stats().dropped - droppedBefore).toBeGreaterThanOrEqual(junk.length);
    expect(v.messages.slice(seen).some((m) => m.type === 'snapshot')).toBe(false); // no fake reset went through
    expect(g.feeds.get(SIM)!.state().t).toBeLessThan(1e15);
  });

  it('runs as `agrisim gateway --mqtt URL`: prints where it serves, serves the run, stops on SIGINT with exit 0', async () => {
    const child = await startSourceCli(['gateway', '--mqtt', url, '--port', '0', '--no-viewer']);
    const started = child.started as { event: string; url: string; simulations: { id: string }[] };
    expect(started.event).toBe('started');
    expect(started.simulations.map((s) => s.id)).toEqual([SIM]);
    const v = await open(started.url);
    v.send({ type: 'subscribe', sim: SIM });
    await v.next((m) => m.type === 'snapshot');
    await v.next((m) => m.type === 'telemetry');
    child.proc.kill('SIGINT');
    expect((await child.exit).code).toBe(0);
    const stopped = child.lines().at(-1) as { event: string; received: number; framesSent: number };
    expect(stopped.event).toBe('stopped');
    expect(stopped.framesSent).toBeGreaterThanOrEqual(1); // broadcast frames: at least the telemetry the viewer got
    expect(stopped.received).toBeGreaterThan(2);
  });

  it('gateway CLI errors: no --mqtt is usage (2), a bad URL is 2, an unreachable broker is 1', async () => {
    const port = await freePort();
    const cases: [string[], number, string][] = [
      [[], 2, 'CLI_USAGE'],
      [['--mqtt', 'http://x'], 2, 'TELEMETRY_MQTT_URL'],
      [['--mqtt', `mqtt://127.0.0.1:${port}`], 1, 'TELEMETRY_MQTT_CONNECT'],
    ];
    await Promise.all(
      cases.map(async ([args, exit, code]) => {
        const child = spawnSourceCli(['gateway', '--no-viewer', '--port', '0', ...args]);
        expect((await child.exit).code).toBe(exit);
        expect(child.stderr()).toContain(code);
      }),
    );
  });

  it('clears its retained topics on close, so a gateway started afterwards finds nothing to serve', async () => {
    await pub.close();
    await expect(startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 200, waitForSimsMs: 500 })).rejects.toMatchObject({
      code: 'TELEMETRY_MQTT_NO_SIMS',
    });
  });
});

describe.skipIf(!mosquitto)('MQTT broker outage (real mosquitto)', () => {
  it('keeps serving viewers across a broker restart: the gateway reconnects and the publisher republishes its state', async () => {
    let broker = await startMosquitto(mosquitto!); // resolves once it listens
    const { port, url } = broker;
    const sim = await startTelemetryServer({ port: 0, simulations: [await loadScenario('sims/thai-binh-drone.json')], speedup: 20 });
    const pub = await publishFeedsToMqtt(sim.feeds, { url, farm: 'quynh-phu' });
    const gw = await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300 });
    const v = await client(gw.server.url);
    try {
      v.send({ type: 'subscribe', sim: 'thai-binh-drone' });
      const before = await v.count((m) => m.type === 'telemetry', 3);
      // The broker goes away: wait until both sides noticed.
      const lost = [connectionLost(gw.client), connectionLost(pub.client)];
      await broker.stop();
      await Promise.all(lost);
      const seen = v.messages.length;
      broker = await startMosquitto(mosquitto!, { port }); // same port, empty: no retained state until the publisher republishes it
      const after = await v.next((m) => m.type === 'telemetry', seen, 10_000);
      expect(after.t as number).toBeGreaterThan(before[2].t as number);
      // The broker holds the state again: a new gateway finds the simulation.
      const late = await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300, waitForSimsMs: 5000 });
      expect([...late.feeds.keys()]).toEqual(['thai-binh-drone']);
      await late.close();
    } finally {
      v.close();
      await gw.close();
      await pub.close();
      await sim.close();
      await broker.stop();
    }
  });
});
