/**
 * The web viewer served by an MQTT gateway, in a real Chromium: the page from the gateway
 * draws the field and the machine, and its coverage figure rises with the simulator's run,
 * which reaches the gateway only through Mosquitto.
 */
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/index.js';
import { startTelemetryServer, type TelemetryServer } from '../../src/telemetry/index.js';
import { publishFeedsToMqtt, startMqttGateway, type MqttGateway, type MqttPublisher } from '../../src/telemetry/mqtt/index.js';
import { createViewerHandler } from '../../src/viewer/index.js';
import { startMosquitto, type Mosquitto } from '../helpers/brokers.js';
import { systemProgram } from '../helpers/system.js';
import { launchChromium } from '../viewer/stack.js';

const mosquitto = systemProgram('mosquitto');

describe.skipIf(!mosquitto)('viewer through an MQTT gateway (real mosquitto, real Chromium)', () => {
  let broker: Mosquitto | undefined;
  let sim: TelemetryServer;
  let pub: MqttPublisher;
  let gw: MqttGateway;
  let browser: Browser | undefined;

  beforeAll(async () => {
    browser = await launchChromium();
    if (!browser) return;
    broker = await startMosquitto(mosquitto!); // resolves once it listens
    const url = broker.url;
    sim = await startTelemetryServer({ port: 0, simulations: [await loadScenario('sims/thai-binh-drone.json')], speedup: 20 });
    pub = await publishFeedsToMqtt(sim.feeds, { url, farm: 'quynh-phu' });
    const viewer = createViewerHandler();
    await viewer.ready;
    gw = await startMqttGateway({ mqttUrl: url, port: 0, discoverMs: 300, staticHandler: viewer });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await gw?.close();
    await pub?.close();
    await sim?.close();
    await broker?.stop();
  });

  it('draws the field and the drone, and covered hectares rise as the simulator works', async () => {
    if (!browser) return;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${gw.server.httpUrl}?lang=en`);
    await page.waitForFunction(
      () => {
        const p =
          (
            window as unknown as { __agrisim?: { panes(): { fieldRendered: boolean; vehicles: unknown[]; connection: string }[] } }
          ).__agrisim?.panes() ?? [];
        return p.length === 1 && p[0].fieldRendered && p[0].vehicles.length === 1 && p[0].connection === 'connected';
      },
      undefined,
      { timeout: 20_000 },
    );
    const covered = async () => Number.parseFloat((await page.locator('[data-testid="covered-ha"]').first().innerText()).replace(/,/g, ''));
    const first = await covered();
    await expect.poll(covered, { timeout: 10_000, interval: 200 }).toBeGreaterThan(first);
    // What the page shows is what the simulator has done (within the few frames in flight).
    const simHa = sim.feeds[0].state().progress.coveredHa;
    expect(Math.abs((await covered()) - simHa)).toBeLessThan(0.05);
    mkdirSync('screenshots', { recursive: true });
    await page.screenshot({ path: 'screenshots/viewer-via-mqtt-gateway.png' });
  });
});
