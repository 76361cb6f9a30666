/**
 * Connects an MQTT client with agrisim's error codes: a bad URL is TELEMETRY_MQTT_URL, a
 * broker that cannot be reached (or refuses) within `connectTimeoutMs` is TELEMETRY_MQTT_CONNECT,
 * an attempt abandoned through `abortSignal` is TELEMETRY_ABORTED,
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
  if (!SCHEMES.includes(parsed.protocol))
    throw new TelemetryError('TELEMETRY_MQTT_URL', `MQTT URL must start with mqtt://, mqtts://, ws:// or wss://, got "${url}"`, { url });
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
  /**
   * Abandons the attempt when aborted (a stop signal while the broker does not answer):
   * the connection is dropped and the promise rejects with `TELEMETRY_ABORTED`.
   */
  abortSignal?: AbortSignal;
}

/** The coded error of a start-up abandoned through `abortSignal`. */
export function abortedError(what: string, abortSignal: AbortSignal): TelemetryError {
  const reason = typeof abortSignal.reason === 'string' ? abortSignal.reason : 'aborted';
  return new TelemetryError('TELEMETRY_ABORTED', `${what}: stopped (${reason}) before it was ready`, { reason });
}

/** Waits for the first connection; rejects on an error, after `timeoutMs`, or when `abortSignal` aborts (with that reason). */
function firstConnection(client: MqttClient, timeoutMs: number, abortSignal: AbortSignal | undefined): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const settle = (error?: Error) => {
      clearTimeout(timer);
      abortSignal?.removeEventListener('abort', onAbort);
      if (error) reject(error);
      else resolve();
    };
    const onAbort = () => settle(Object.assign(new Error('aborted'), { aborted: true }));
    const timer = setTimeout(() => settle(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    client.once('connect', () => settle());
    client.once('error', (error) => settle(error));
    if (abortSignal?.aborted) onAbort();
    else abortSignal?.addEventListener('abort', onAbort, { once: true });
  });
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
  if (options.abortSignal?.aborted) throw abortedError(`connecting to ${url}`, options.abortSignal);
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
    await firstConnection(client, timeoutMs, options.abortSignal);
  } catch (error) {
    client.end(true);
    if (options.abortSignal?.aborted) throw abortedError(`connecting to ${url}`, options.abortSignal);
    throw new TelemetryError('TELEMETRY_MQTT_CONNECT', `cannot connect to MQTT broker ${url}: ${(error as Error).message}`, { url });
  }
  // After the first connection, errors are transient (the client reconnects); keep them from crashing the process.
  client.on('error', () => {});
  return client;
}
