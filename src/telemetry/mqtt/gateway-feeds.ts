/**
 * What a gateway knows of the simulations on the broker: their retained description and
 * snapshot, and a feed for each simulation that has both. Broker messages update them; a
 * simulation found after the server started is added to it, one whose description is cleared
 * (its publisher closed) is removed. Malformed messages are counted and dropped.
 */
import type { TelemetryServer } from '../server/server.js';
import { isMqttDescription, isMqttSnapshot, isMqttUpdate } from './check-wire.js';
import { createMqttFeed, type MqttFeed } from './mqtt-feed.js';
import { parseSimTopic, type MqttTopicKind, type SimTopicPath } from './topics.js';
import type { MqttDescription, MqttSnapshot } from './wire.js';

/** The gateway's simulations (see {@link createGatewayFeeds}). */
export interface GatewayFeeds {
  /** Feeds by simulation id as its topic level. */
  readonly feeds: Map<string, MqttFeed>;
  /** Handles one broker message; never throws (a message that breaks a feed is dropped). */
  onMessage(topic: string, payload: Buffer): void;
  /** From now on, feeds found or forgotten are added to or removed from this server. */
  serveOn(server: TelemetryServer): void;
  /** Broker messages received, and those dropped (unparseable, or live messages of a simulation not served yet). */
  counts(): { received: number; dropped: number };
}

/**
 * @example
 * ```ts
 * const sims = createGatewayFeeds();
 * client.on('message', (topic, payload) => sims.onMessage(topic, payload));
 * ```
 */
export function createGatewayFeeds(): GatewayFeeds {
  const feeds = new Map<string, MqttFeed>();
  const descriptions = new Map<string, MqttDescription>();
  const snapshots = new Map<string, MqttSnapshot>();
  let server: TelemetryServer | undefined;
  let received = 0;
  let dropped = 0;

  const maybeCreate = (sim: string) => {
    if (feeds.has(sim)) return;
    const description = descriptions.get(sim),
      snapshot = snapshots.get(sim);
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
  /** A parsed message on a simulation's topic; false when it does not check. */
  const apply = (where: SimTopicPath & { kind: MqttTopicKind }, parsed: unknown): boolean => {
    const feed = feeds.get(where.sim);
    switch (where.kind) {
      case 'description':
        if (!isMqttDescription(parsed, where.sim)) return false;
        descriptions.set(where.sim, parsed);
        if (feed) feed.describe(parsed);
        else maybeCreate(where.sim);
        return true;
      case 'snapshot':
        if (!isMqttSnapshot(parsed, where.sim)) return false;
        snapshots.set(where.sim, parsed);
        if (feed) feed.rebase(parsed);
        else maybeCreate(where.sim);
        return true;
      default:
        if (!feed || !isMqttUpdate(parsed, where.sim)) return false;
        feed.apply(parsed);
        return true;
    }
  };
  const handle = (topic: string, payload: Buffer): boolean => {
    const where = parseSimTopic(topic);
    if (!where) return true;
    // An empty retained payload is a cleared topic (MQTT 3.1.1 §3.3.1.3); the snapshot is cleared with it.
    if (payload.length === 0) {
      if (where.kind === 'description') forget(where.sim);
      return true;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(payload.toString('utf8'));
    } catch {
      return false;
    }
    return apply(where, parsed);
  };

  return {
    feeds,
    onMessage(topic, payload) {
      received++;
      try {
        if (!handle(topic, payload)) dropped++;
      } catch {
        dropped++; // a message that passed the checks but still broke a feed: drop it, keep serving
      }
    },
    serveOn: (served) => void (server = served),
    counts: () => ({ received, dropped }),
  };
}
