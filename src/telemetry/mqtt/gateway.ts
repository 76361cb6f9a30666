/**
 * A stateless WebSocket gateway: subscribes to the simulations on an MQTT broker and serves
 * viewers over the same agrisim/1 protocol as `agrisim serve` (hello, subscribe → snapshot,
 * then telemetry and events). Everything it knows comes from the broker (retained description
 * and snapshot, then live messages), so any number of gateways can run behind a load balancer
 * and any one can be restarted. Simulations published after it started are added to what it
 * serves (viewers get a fresh hello); one whose retained description is cleared (the publisher
 * closed) is removed.
 */
import type { MqttClient } from 'mqtt';
import { startTelemetryServer, type TelemetryServer } from '../server/server.js';
import { TIMED_OUT, withTimeout } from '../timeout.js';
import type { TelemetryServerOptions } from '../server/options.js';
import { connectMqtt, type ConnectMqttOptions } from './connect.js';
import { createGatewayFeeds } from './gateway-feeds.js';
import { discoverSimulations, unlessAborted } from './gateway-startup.js';
import type { MqttFeed } from './mqtt-feed.js';
import { simFilter } from './topics.js';

/** Options of {@link startMqttGateway}. */
export interface MqttGatewayOptions
  extends ConnectMqttOptions,
    Omit<TelemetryServerOptions, 'simulations' | 'feeds' | 'token' | 'speedup' | 'loop' | 'loopDelayMs' | 'startOn'> {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883`. */
  mqttUrl: string;
  /** Serve only this farm's simulations (default every farm). */
  farm?: string;
  /** First topic level, default `agrisim`. */
  prefix?: string;
  /** How long to collect retained messages before serving, ms (default 500). */
  discoverMs?: number;
  /** When none is found at first, wait this long for a first simulation to be published, ms (default: for ever). */
  waitForSimsMs?: number;
}

/** A running gateway. */
export interface MqttGateway {
  readonly server: TelemetryServer;
  readonly client: MqttClient;
  /** Feeds by simulation id as its topic level: those served now (found at start or since). */
  readonly feeds: Map<string, MqttFeed>;
  /**
   * Broker messages received, those dropped (unparseable, or live messages of a simulation not served yet), and
   * reconnections to the broker (after each, every viewer gets a fresh snapshot with `gap`).
   */
  stats(): { received: number; dropped: number; reconnects: number };
  close(): Promise<void>;
}

/**
 * Connects to the broker, waits `discoverMs` for the retained simulations, and serves them.
 * @throws TelemetryError `TELEMETRY_MQTT_URL`, `TELEMETRY_MQTT_CONNECT`, `TELEMETRY_MQTT_NO_SIMS`, `TELEMETRY_LISTEN`;
 *   `TELEMETRY_ABORTED` when `abortSignal` aborts before it serves (connecting, or waiting for simulations)
 * @example
 * ```ts
 * import { startMqttGateway } from 'agrisim';
 * const gw = await startMqttGateway({ mqttUrl: 'mqtt://127.0.0.1:1883', port: 8081 });
 * console.log(gw.server.url, [...gw.feeds.keys()]); // ws://127.0.0.1:8081/ws [ 'thai-binh-drone' ]
 * ```
 */
export async function startMqttGateway(options: MqttGatewayOptions): Promise<MqttGateway> {
  const {
    mqttUrl,
    farm,
    prefix,
    discoverMs = 500,
    waitForSimsMs = Infinity,
    connectTimeoutMs,
    clientId,
    will,
    abortSignal,
    ...serverOptions
  } = options;
  const client = await connectMqtt(mqttUrl, { connectTimeoutMs, clientId, will, abortSignal });
  const gatewayFeeds = createGatewayFeeds();
  const { feeds } = gatewayFeeds;
  let reconnects = 0;
  // After an outage every feed waits for a fresh snapshot (retained, delivered on resubscribe, or the
  // publisher's next one) and drops live messages until then; its viewers then get that snapshot with the gap.
  let lost = false;
  client.on('close', () => (lost = true));
  client.on('connect', () => {
    if (!lost) return;
    lost = false;
    reconnects++;
    for (const feed of feeds.values()) feed.resync();
  });
  client.on('message', (topic, payload) => gatewayFeeds.onMessage(topic, payload));

  const filters = (['description', 'snapshot', 'telemetry', 'event'] as const).map((k) => simFilter(k, { prefix, farm }));
  let server: TelemetryServer;
  try {
    // QoS 1 for the subscription: the broker then delivers QoS 1 messages at QoS 1 (events, snapshots), QoS 0 stay 0.
    await unlessAborted(client.subscribeAsync(filters, { qos: 1 }), abortSignal, `subscribing on ${mqttUrl}`);
    await discoverSimulations(() => feeds.size, { discoverMs, waitForSimsMs, abortSignal, what: filters[1], url: mqttUrl });
    server = await startTelemetryServer({ ...serverOptions, feeds: [...feeds.values()] });
  } catch (error) {
    // Forced: a broker that went away would never answer a polite disconnect.
    await withTimeout(client.endAsync(true), 1000).catch(() => TIMED_OUT);
    throw error;
  }
  gatewayFeeds.serveOn(server);
  let closed: Promise<void> | undefined;
  return {
    server,
    client,
    feeds,
    stats: () => ({ ...gatewayFeeds.counts(), reconnects }),
    close: () =>
      (closed ??= (async () => {
        // A broker that went away never answers the disconnect: bounded, then dropped.
        const ended = await withTimeout(client.endAsync(), 1000).catch(() => TIMED_OUT);
        if (ended === TIMED_OUT) client.end(true);
        await server.close();
      })()),
  };
}
