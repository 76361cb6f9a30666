/**
 * Connects an MQTT client with agrisim's error codes: a bad URL is TELEMETRY_MQTT_URL, a
 * broker that cannot be reached (or refuses) within `connectTimeoutMs` is TELEMETRY_MQTT_CONNECT,
 * instead of the `mqtt` package's default of retrying for ever. The `mqtt` package is loaded
 * on first use.
 */
import type { MqttClient } from 'mqtt';
import { TelemetryError } from '../../errors.js';

/** Broker URL schemes the `mqtt` client speaks. */
const SCHEMES = ['mqtt:', 'mqtts:', 'tcp:', 'ssl:', 'ws:', 'wss:'];

/** Checks a broker URL. @throws TelemetryError `TELEMETRY_MQTT_URL` */
export function checkMqttUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TelemetryError('TELEMETRY_MQTT_URL', `not a URL: "${url}" (e.g. mqtt://127.0.0.1:1883)`, { url });
  }
  if (!SCHEMES.includes(parsed.protocol)) throw new TelemetryError('TELEMETRY_MQTT_URL', `MQTT URL must start with mqtt://, mqtts://, ws:// or wss://, got "${url}"`, { url });
  return parsed;
}

/** Options of {@link connectMqtt}. */
export interface ConnectMqttOptions {
  /** Give up after this long, ms (default 5000). */
  connectTimeoutMs?: number;
  /** Client id (default a random one). */
  clientId?: string;
  /** Last will: published by the broker if this client vanishes. */
  will?: { topic: string; payload: string; qos: 0 | 1; retain: boolean };
}

/**
 * Connects, or fails with a coded error. The client reconnects by itself after the first
 * connection (every 1 s), and queues QoS ≥ 1 messages while it is away.
 * @example
 * ```ts
 * const client = await connectMqtt('mqtt://127.0.0.1:1883');
 * await client.publishAsync('agrisim/test', 'hello');
 * await client.endAsync();
 * ```
 */
export async function connectMqtt(url: string, options: ConnectMqttOptions = {}): Promise<MqttClient> {
  checkMqttUrl(url);
  const timeoutMs = options.connectTimeoutMs ?? 5000;
  // Loaded on first use: importing the library (or the CLI) should not pay for the MQTT client.
  const { default: mqtt } = await import('mqtt');
  const client = mqtt.connect(url, {
    protocolVersion: 5,
    connectTimeout: timeoutMs,
    reconnectPeriod: 1000,
    clean: true,
    // While the broker is away, drop QoS 0 (telemetry is stale a tenth of a second later) instead of queueing it in memory.
    queueQoSZero: false,
    ...(options.clientId ? { clientId: options.clientId } : {}),
    ...(options.will ? { will: options.will } : {}),
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      client.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
      client.once('error', (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
  } catch (e) {
    client.end(true);
    throw new TelemetryError('TELEMETRY_MQTT_CONNECT', `cannot connect to MQTT broker ${url}: ${(e as Error).message}`, { url });
  }
  // After the first connection, errors are transient (the client reconnects); keep them from crashing the process.
  client.on('error', () => {});
  return client;
}
