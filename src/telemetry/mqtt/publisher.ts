/**
 * Publishes telemetry feeds (the simulations of `agrisim serve`) to an MQTT broker, in the
 * layout of topics.ts: description and snapshot retained, telemetry at QoS 0, events at QoS 1.
 * The snapshot is republished every `snapshotEveryMs` (longer for big snapshots, so one
 * simulation sends at most `maxSnapshotBytesPerS`) and at once after a reset or a control,
 * so a gateway that subscribes at any moment starts at most that far behind and catches up
 * from the live telemetry.
 */
import type { MqttClient } from 'mqtt';
import type { FeedUpdate, TelemetryFeed } from '../feed/types.js';
import { TIMED_OUT, withTimeout } from '../timeout.js';
import { connectMqtt, type ConnectMqttOptions } from './connect.js';
import { simTopic, vehicleTopic, type SimTopicPath } from './topics.js';
import type { MqttDescription, MqttSnapshot, MqttUpdate } from './wire.js';

/** Options of {@link publishFeedsToMqtt}. */
export interface MqttPublisherOptions extends ConnectMqttOptions {
  /** Broker URL, e.g. `mqtt://127.0.0.1:1883`. */
  url: string;
  /** Farm (second topic level), default `demo`. */
  farm?: string;
  /** First topic level, default `agrisim`. */
  prefix?: string;
  /** Republish the retained snapshot this often, ms (default 1000). */
  snapshotEveryMs?: number;
  /**
   * Bytes per second of snapshots one simulation may send (default 65,536): a snapshot of
   * coverage trails grows to ~300 kB at the end of a transplanter run, which then goes out
   * every ~5 s instead of every second.
   */
  maxSnapshotBytesPerS?: number;
  /** Also publish each machine's state on its own topic, `…/<sim>/vehicle/<id>` (default true). */
  perVehicle?: boolean;
  /** Clear the retained topics on close, so new gateways stop listing the simulations (default true). */
  clearOnClose?: boolean;
  /** How long close() waits for the broker (retained clears, disconnect) before dropping the connection, ms (default 1000). */
  closeTimeoutMs?: number;
}

/** A running publisher. */
export interface MqttPublisher {
  readonly client: MqttClient;
  /** Topic paths, per feed id. */
  readonly paths: Map<string, SimTopicPath>;
  /** Messages handed to the client so far. */
  published(): number;
  /** Publishes final snapshots, clears the retained topics (unless told not to) and disconnects. */
  close(): Promise<void>;
}

/** The field level of a feed: its offer's field file name without folder and extension (`thai-binh-block`), else `field`. */
export function fieldLevelOf(feed: TelemetryFeed): string {
  const fieldFile = feed.offer().field;
  if (!fieldFile) return 'field';
  const base = fieldFile.split(/[\\/]/).pop() ?? fieldFile;
  return base.replace(/\.(geojson|json|kml)$/i, '') || 'field';
}

/** Publishes one value; returns the payload's size in bytes (0 when offline: nothing is queued). */
type Publish = (topic: string, payload: object | string, qos: 0 | 1, retain: boolean) => number;

/** One feed's publication: where it goes, how, and the run number gateways tell runs apart by. */
interface FeedPublication {
  feed: TelemetryFeed;
  path: SimTopicPath;
  publish: Publish;
  run: number;
}

function publishDescription({ feed, path, publish }: FeedPublication): void {
  const retained: MqttDescription = { offer: feed.offer(), description: feed.state().description };
  publish(simTopic(path, 'description'), retained, 1, true);
}

/** Publishes the retained snapshot; returns its size in bytes. */
function publishSnapshot({ feed, path, publish, run }: FeedPublication): number {
  const { description: _description, ...rest } = feed.state();
  const retained: MqttSnapshot = { type: 'snapshot', sim: feed.id, run, ...rest };
  return publish(simTopic(path, 'snapshot'), retained, 1, true);
}

/** Telemetry at QoS 0 on the simulation's topic, and each machine's state on its own topic (unless `perVehicle` is false). */
function publishTelemetry({ feed, path, publish }: FeedPublication, change: FeedUpdate & { kind: 'telemetry' }, perVehicle: boolean): void {
  publish(
    simTopic(path, 'telemetry'),
    { type: 'telemetry', sim: feed.id, t: change.t, vehicles: change.vehicles, progress: change.progress } satisfies MqttUpdate,
    0,
    false,
  );
  if (perVehicle)
    for (const machine of change.vehicles) publish(vehicleTopic(path, machine.id), { sim: feed.id, t: change.t, ...machine }, 0, false);
}

/** One feed update, live: events, controls and resets at QoS 1 (a reset republishes the retained state first). */
function publishUpdate(publication: FeedPublication, change: FeedUpdate, perVehicle: boolean): void {
  const { feed } = publication;
  let message: MqttUpdate;
  switch (change.kind) {
    case 'telemetry':
      publishTelemetry(publication, change, perVehicle);
      return;
    case 'event':
      message = { type: 'event', sim: feed.id, t: change.t, event: change.event };
      break;
    case 'control':
      message = { type: 'control', sim: feed.id, action: change.action, ok: true, paused: change.paused, speedup: change.speedup };
      break;
    case 'reset':
      // New run: new description (maybe), fresh snapshot, then tell live gateways.
      publication.run++;
      publishDescription(publication);
      publishSnapshot(publication);
      message = { type: 'reset', sim: feed.id, run: publication.run };
      break;
  }
  publication.publish(simTopic(publication.path, 'event'), message, 1, false);
  if (change.kind === 'control' || (change.kind === 'event' && change.event.type === 'done')) publishSnapshot(publication);
}

/**
 * Publishes one feed under `path`: its retained description and snapshot now, after every
 * reconnect and periodically (no faster than `maxSnapshotBytesPerS`), and each update live.
 * @returns what undoes it (feed subscription, timer, client listener)
 */
function publishFeed(
  client: MqttClient,
  feed: TelemetryFeed,
  path: SimTopicPath,
  publish: Publish,
  options: MqttPublisherOptions,
): (() => void)[] {
  const everyMs = options.snapshotEveryMs ?? 1000;
  const maxBytesPerS = options.maxSnapshotBytesPerS ?? 65_536;
  const publication: FeedPublication = { feed, path, publish, run: 0 };
  const publishRetained = () => {
    publishDescription(publication);
    publishSnapshot(publication);
  };
  publishRetained();
  client.on('connect', publishRetained); // after a broker outage (clean session: the retained state may be gone)
  const updates = feed.updates$.subscribe((change) => publishUpdate(publication, change, options.perVehicle !== false));
  let timer: ReturnType<typeof setTimeout>;
  const periodic = () => {
    const bytes = publishSnapshot(publication);
    timer = setTimeout(periodic, Math.max(everyMs, (1000 * bytes) / maxBytesPerS));
  };
  timer = setTimeout(periodic, everyMs);
  return [() => client.off('connect', publishRetained), () => updates.unsubscribe(), () => clearTimeout(timer)];
}

/**
 * Connects to the broker and publishes every feed until closed.
 * @param feeds - e.g. `server.feeds` of a running telemetry server
 * @throws TelemetryError `TELEMETRY_MQTT_URL`, `TELEMETRY_MQTT_CONNECT`
 * @example
 * ```ts
 * import { startTelemetryServer, loadScenario, publishFeedsToMqtt } from 'agrisim';
 * const server = await startTelemetryServer({ simulations: [await loadScenario('sims/thai-binh-drone.json')] });
 * const pub = await publishFeedsToMqtt(server.feeds, { url: 'mqtt://127.0.0.1:1883', farm: 'quynh-phu' });
 * // … later
 * await pub.close();
 * await server.close();
 * ```
 */
export async function publishFeedsToMqtt(feeds: readonly TelemetryFeed[], options: MqttPublisherOptions): Promise<MqttPublisher> {
  const client = await connectMqtt(options.url, options);
  const paths = new Map<string, SimTopicPath>();
  /** What close() undoes: feed subscriptions, timers, client listeners. */
  const cleanups: (() => void)[] = [];
  let count = 0;

  /** Publishes; returns the payload's size in bytes. */
  const publish: Publish = (topic, payload, qos, retain) => {
    // Offline, nothing is queued (mqtt.js would keep QoS 1 messages in memory for as long as the
    // broker is away): retained state is sent afresh on reconnect, and gateways show the missed
    // stretch as a gap (their viewers get a snapshot with `gap`).
    if (!client.connected) return 0;
    count++;
    const text = typeof payload === 'string' ? payload : JSON.stringify(payload);
    client.publish(topic, text, { qos, retain });
    return Buffer.byteLength(text);
  };

  for (const feed of feeds) {
    const path: SimTopicPath = { prefix: options.prefix, farm: options.farm ?? 'demo', field: fieldLevelOf(feed), sim: feed.id };
    paths.set(feed.id, path);
    cleanups.push(...publishFeed(client, feed, path, publish, options));
  }

  let closed: Promise<void> | undefined;
  return {
    client,
    paths,
    published: () => count,
    close: () =>
      (closed ??= (async () => {
        for (const undo of cleanups) undo();
        if (options.clearOnClose !== false) {
          // An empty retained payload deletes the retained message (MQTT 3.1.1 §3.3.1.3).
          for (const path of paths.values()) {
            publish(simTopic(path, 'description'), '', 1, true);
            publish(simTopic(path, 'snapshot'), '', 1, true);
          }
        }
        // A broker that went away never acknowledges the clears: give up and drop the connection.
        const ended = await withTimeout(client.endAsync(), options.closeTimeoutMs ?? 1000).catch(() => TIMED_OUT);
        if (ended === TIMED_OUT) client.end(true);
      })()),
  };
}
