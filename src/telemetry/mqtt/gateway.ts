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
import { TelemetryError } from '../../errors.js';
import { startTelemetryServer, type TelemetryServer } from '../server/server.js';
import { TIMED_OUT, withTimeout } from '../timeout.js';
import type { TelemetryServerOptions } from '../server/options.js';
import { abortedError, connectMqtt, type ConnectMqttOptions } from './connect.js';
import { createMqttFeed, type MqttFeed } from './mqtt-feed.js';
import { isMqttDescription, isMqttSnapshot, isMqttUpdate } from './check-wire.js';
import { parseSimTopic, simFilter } from './topics.js';
import type { MqttDescription, MqttSnapshot } from './wire.js';

/** Options of {@link startMqttGateway}. */
export interface MqttGatewayOptions extends ConnectMqttOptions, Omit<TelemetryServerOptions, 'simulations' | 'feeds' | 'token' | 'speedup' | 'loop' | 'loopDelayMs' | 'startOn'> {
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

/** Waits `ms`, or less when `abortSignal` aborts first. */
function pause(ms: number, abortSignal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      abortSignal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    abortSignal?.addEventListener('abort', done, { once: true });
  });
}

/** Waits for `step`, or rejects with `TELEMETRY_ABORTED` as soon as `abortSignal` aborts (the step is left to fail on its own). */
function unlessAborted<T>(step: Promise<T>, abortSignal: AbortSignal | undefined, what: string): Promise<T> {
  if (!abortSignal) return step;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(what, abortSignal));
    if (abortSignal.aborted) return onAbort();
    abortSignal.addEventListener('abort', onAbort, { once: true });
    step.then(resolve, reject).finally(() => abortSignal.removeEventListener('abort', onAbort));
  });
}

/**
 * Waits `discoverMs` for the retained simulations; when none came, up to `waitForSimsMs` for a first
 * one (then `discoverMs` more for the others of a batch). Checked every 100 ms and at once on abort.
 * @throws TelemetryError `TELEMETRY_MQTT_NO_SIMS`, `TELEMETRY_ABORTED`
 */
async function discoverSimulations(found: () => number, options: { discoverMs: number; waitForSimsMs: number; abortSignal?: AbortSignal; what: string; url: string }): Promise<void> {
  const { discoverMs, waitForSimsMs, abortSignal } = options;
  const checkAbort = () => {
    if (abortSignal?.aborted) throw abortedError(`waiting for simulations on ${options.url}`, abortSignal);
  };
  await pause(discoverMs, abortSignal);
  checkAbort();
  if (found() > 0) return;
  const startMs = Date.now();
  while (found() === 0 && Date.now() - startMs < waitForSimsMs) {
    await pause(Math.min(100, waitForSimsMs), abortSignal);
    checkAbort();
  }
  if (found() === 0) throw new TelemetryError('TELEMETRY_MQTT_NO_SIMS', `no simulation published under ${options.what} on ${options.url} within ${waitForSimsMs} ms`, { url: options.url });
  await pause(discoverMs, abortSignal);
  checkAbort();
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
  const { mqttUrl, farm, prefix, discoverMs = 500, waitForSimsMs = Infinity, connectTimeoutMs, clientId, will, abortSignal, ...serverOptions } = options;
  const client = await connectMqtt(mqttUrl, { connectTimeoutMs, clientId, will, abortSignal });
  const feeds = new Map<string, MqttFeed>();
  const descriptions = new Map<string, MqttDescription>();
  const snapshots = new Map<string, MqttSnapshot>();
  let server: TelemetryServer | undefined;
  let received = 0;
  let dropped = 0;
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

  const maybeCreate = (sim: string) => {
    if (feeds.has(sim)) return;
    const description = descriptions.get(sim), snapshot = snapshots.get(sim);
    if (!description || !snapshot) return;
    const feed = createMqttFeed(description, snapshot);
    server?.addFeed(feed); // found after start: viewers get a hello listing it (throws on a clashing id: dropped)
    feeds.set(sim, feed);
  };
  /** The publisher cleared the retained description (it closed): stop listing the simulation. */
  const forget = (sim: string) => {
    descriptions.delete(sim);
    snapshots.delete(sim);
    const feed = feeds.get(sim);
    if (!feed) return;
    feeds.delete(sim);
    if (server) server.removeFeed(feed.id);
    else feed.stop();
  };

  const onMessage = (topic: string, payload: Buffer) => {
    const where = parseSimTopic(topic);
    if (!where) return;
    if (payload.length === 0) {
      // An empty retained payload is a cleared topic (MQTT 3.1.1 §3.3.1.3); the snapshot is cleared with it.
      if (where.kind === 'description') forget(where.sim);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload.toString('utf8'));
    } catch {
      return void dropped++;
    }
    const feed = feeds.get(where.sim);
    switch (where.kind) {
      case 'description':
        if (!isMqttDescription(parsed, where.sim)) return void dropped++;
        descriptions.set(where.sim, parsed);
        if (feed) feed.describe(parsed);
        else maybeCreate(where.sim);
        return;
      case 'snapshot':
        if (!isMqttSnapshot(parsed, where.sim)) return void dropped++;
        snapshots.set(where.sim, parsed);
        if (feed) feed.rebase(parsed);
        else maybeCreate(where.sim);
        return;
      default:
        if (feed && isMqttUpdate(parsed, where.sim)) feed.apply(parsed);
        else dropped++;
    }
  };
  client.on('message', (topic, payload) => {
    received++;
    try {
      onMessage(topic, payload);
    } catch {
      dropped++; // a message that passed the checks but still broke a feed: drop it, keep serving
    }
  });

  const filters = (['description', 'snapshot', 'telemetry', 'event'] as const).map((k) => simFilter(k, { prefix, farm }));
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
  const srv = server;
  let closed: Promise<void> | undefined;
  return {
    server: srv,
    client,
    feeds,
    stats: () => ({ received, dropped, reconnects }),
    close: () =>
      (closed ??= (async () => {
        // A broker that went away never answers the disconnect: bounded, then dropped.
        const ended = await withTimeout(client.endAsync(), 1000).catch(() => TIMED_OUT);
        if (ended === TIMED_OUT) client.end(true);
        await srv.close();
      })()),
  };
}
