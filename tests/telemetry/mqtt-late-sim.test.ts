/**
 * A simulation published after the gateway started (real Mosquitto): the gateway adds it live
 * and its open viewers get a fresh hello listing it, then its snapshot and the simulator's own
 * telemetry; when its publisher closes (retained topics cleared) the gateway stops listing it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { startTelemetryServer, type TelemetryServer } from '../../src/telemetry/index.js';
import { publishFeedsToMqtt, startMqttGateway, type MqttGateway, type MqttPublisher } from '../../src/telemetry/mqtt/index.js';
import { createViewerHandler } from '../../src/viewer/index.js';
import { startMosquitto, type Mosquitto } from '../helpers/brokers.js';
import { systemProgram } from '../helpers/system.js';
import { launchChromium } from '../viewer/stack.js';
import { client, type Msg, type TestClient } from './helpers.js';

const mosquitto = systemProgram('mosquitto');
const isType = (t: string) => (m: Msg) => m.type === t;
const ids = (m: Msg) => (m.simulations as { id: string }[]).map((s) => s.id);
const key = (m: Msg) => JSON.stringify({ t: m.t, vehicles: m.vehicles, progress: m.progress });

describe.skipIf(!mosquitto)('MQTT gateway: simulations published after it started (real mosquitto)', () => {
  let broker: Mosquitto | undefined;
  let url: string;
  const servers: TelemetryServer[] = [];
  const pubs: MqttPublisher[] = [];
  const gateways: MqttGateway[] = [];
  const clients: TestClient[] = [];
  let browser: Browser | undefined;

  beforeAll(async () => {
    broker = await startMosquitto(mosquitto!); // resolves once it listens
    url = broker.url;
  });

  afterAll(async () => {
    await browser?.close();
    for (const c of clients) c.ws.terminate();
    await Promise.all(gateways.map((g) => g.close()));
    await Promise.all(pubs.map((p) => p.close()));
    await Promise.all(servers.map((s) => s.close()));
    await broker?.stop();
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

  it("adds a simulation published later: a viewer connected before gets a new hello, its snapshot, then the simulator's telemetry; removed when its publisher closes", async () => {
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

  it('the viewer page of the gateway, open before the late simulation, offers it, shows its machine when chosen, and goes back when it is gone (real Chromium)', async () => {
    browser = await launchChromium();
    if (!browser) return;
    const viewerHandler = createViewerHandler();
    await viewerHandler.ready;
    const gw = await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300, staticHandler: viewerHandler });
    gateways.push(gw);
    expect([...gw.feeds.keys()]).toEqual(['thai-binh-drone']); // the first test's late publisher has closed
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    type PaneDebug = { simId?: string; connection: string; fieldRendered: boolean; vehicles: { id: string }[]; telemetryCount: number };
    const pane = () => page.evaluate(() => (window as unknown as { __agrisim: { panes(): PaneDebug[] } }).__agrisim.panes()[0]);
    await page.goto(`${gw.server.httpUrl}?lang=en`);
    await expect.poll(async () => (await pane())?.vehicles.map((v) => v.id).join(), { timeout: 15_000, interval: 100 }).toBe('drone-1');
    const select = page.locator('[data-testid="sim-select"]').first();
    expect(await select.isHidden()).toBe(true); // one simulation: no choice to make

    await simulator('thai-binh-transplanter', 'dong-hung');
    await expect
      .poll(() => select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), {
        timeout: 8000,
        interval: 100,
      })
      .toEqual(['thai-binh-drone', 'thai-binh-transplanter']);
    expect(await select.isVisible()).toBe(true);
    expect((await pane()).simId).toBe('thai-binh-drone'); // a new hello does not switch what the viewer watches
    await select.selectOption('thai-binh-transplanter');
    await expect
      .poll(
        async () => {
          const p = await pane();
          return (
            p.simId === 'thai-binh-transplanter' &&
            p.fieldRendered &&
            p.vehicles.map((v) => v.id).join() === 'transplanter-1' &&
            p.telemetryCount > 3 &&
            p.connection === 'connected'
          );
        },
        { timeout: 10_000, interval: 100 },
      )
      .toBe(true);

    // Its publisher closes: the page goes back to the simulation still served.
    const late = pubs.pop()!;
    await late.close();
    await expect
      .poll(
        async () => {
          const p = await pane();
          return p.simId === 'thai-binh-drone' && p.vehicles.map((v) => v.id).join() === 'drone-1';
        },
        { timeout: 8000, interval: 100 },
      )
      .toBe(true);
    expect(await select.isHidden()).toBe(true);
  }, 30_000);
});
