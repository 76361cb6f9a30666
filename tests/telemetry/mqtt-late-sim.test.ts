/**
 * A simulation published after the gateway started (real Mosquitto): the gateway adds it live
 * and its open viewers get a fresh hello listing it, then its snapshot and the simulator's own
 * telemetry; when its publisher closes (retained topics cleared) the gateway stops listing it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/sim/index.js';
import { startTelemetryServer, type TelemetryServer } from '../../src/telemetry/index.js';
import { connectMqtt, publishFeedsToMqtt, startMqttGateway, type MqttGateway, type MqttPublisher } from '../../src/telemetry/mqtt/index.js';
import { systemProgram } from '../helpers/system.js';
import { client, type Msg, type TestClient } from './helpers.js';

const mosquitto = systemProgram('mosquitto');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
const isType = (t: string) => (m: Msg) => m.type === t;
const ids = (m: Msg) => (m.simulations as { id: string }[]).map((s) => s.id);
const key = (m: Msg) => JSON.stringify({ t: m.t, vehicles: m.vehicles, progress: m.progress });

describe.skipIf(!mosquitto)('MQTT gateway: simulations published after it started (real mosquitto)', () => {
  let broker: ChildProcess;
  let url: string;
  const servers: TelemetryServer[] = [];
  const pubs: MqttPublisher[] = [];
  const gateways: MqttGateway[] = [];
  const clients: TestClient[] = [];

  beforeAll(async () => {
    const port = await freePort();
    broker = spawn(mosquitto!, ['-p', String(port)], { stdio: 'ignore' });
    url = `mqtt://127.0.0.1:${port}`;
    for (let i = 0; ; i++) {
      try {
        await (await connectMqtt(url, { connectTimeoutMs: 500 })).endAsync();
        break;
      } catch (e) {
        if (i > 20) throw e;
        await sleep(100);
      }
    }
  });

  afterAll(async () => {
    for (const c of clients) c.ws.terminate();
    await Promise.all(gateways.map((g) => g.close()));
    await Promise.all(pubs.map((p) => p.close()));
    await Promise.all(servers.map((s) => s.close()));
    broker?.kill();
  });

  /** A simulator of `scenario` publishing on the broker under `farm`. */
  const simulator = async (scenario: string, farm: string) => {
    const sim = await startTelemetryServer({ port: 0, simulations: [await loadScenario(`sims/${scenario}.json`)], speedup: 20 });
    servers.push(sim);
    const pub = await publishFeedsToMqtt(sim.feeds, { url, farm });
    pubs.push(pub);
    return { sim, pub };
  };
  const open = async (u: string) => {
    const c = await client(u);
    clients.push(c);
    return c;
  };

  it('adds a simulation published later: a viewer connected before gets a new hello, its snapshot, then the simulator\'s telemetry; removed when its publisher closes', async () => {
    await simulator('thai-binh-drone', 'quynh-phu');
    const gw = await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300 });
    gateways.push(gw);
    const viewer = await open(gw.server.url);
    expect(ids(await viewer.next(isType('hello')))).toEqual(['thai-binh-drone']);

    // The second simulator starts only now, on another farm.
    const late = await simulator('thai-binh-transplanter', 'dong-hung');
    const direct = await open(late.sim.url);
    direct.send({ type: 'subscribe', sim: 'thai-binh-transplanter' });
    const hello2 = (await viewer.count(isType('hello'), 2, 8000))[1];
    expect(hello2.simulations).toEqual([
      expect.objectContaining({ id: 'thai-binh-drone', vehicles: ['drone-1'] }),
      expect.objectContaining({ id: 'thai-binh-transplanter', vehicles: ['transplanter-1'], field: 'fields/thai-binh-block.geojson' }),
    ]);
    expect([...gw.feeds.keys()].sort()).toEqual(['thai-binh-drone', 'thai-binh-transplanter']);

    viewer.send({ type: 'subscribe', sim: 'thai-binh-transplanter' });
    const snap = await viewer.next(isType('snapshot'));
    const directSnap = await direct.next(isType('snapshot'));
    expect(snap.sim).toBe('thai-binh-transplanter');
    expect(snap.description).toEqual(directSnap.description);
    // Telemetry through the broker is the simulator's own: the same frames a direct viewer gets.
    const tele = await viewer.count((m) => m.type === 'telemetry' && m.sim === 'thai-binh-transplanter', 10, 8000);
    await direct.next((m) => m.type === 'telemetry' && (m.t as number) >= (tele[9].t as number), 0, 8000);
    const fromSim = new Set(direct.messages.filter(isType('telemetry')).map(key));
    const tail = tele.slice(3); // the first frames may predate the direct viewer's subscription
    expect(tail.every((m) => fromSim.has(key(m)))).toBe(true);
    expect(tele[9].t as number).toBeGreaterThan(tele[0].t as number);
    // A viewer connecting now gets both in its first hello.
    expect(ids(await (await open(gw.server.url)).next(isType('hello')))).toEqual(['thai-binh-drone', 'thai-binh-transplanter']);

    // The late publisher closes (clears its retained topics): the gateway stops listing it.
    await late.pub.close();
    pubs.splice(pubs.indexOf(late.pub), 1);
    const hello3 = (await viewer.count(isType('hello'), 3, 8000))[2];
    expect(ids(hello3)).toEqual(['thai-binh-drone']);
    expect([...gw.feeds.keys()]).toEqual(['thai-binh-drone']);
    expect(gw.server.feeds.map((f) => f.id)).toEqual(['thai-binh-drone']);
  }, 20_000);
});
