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

/** The retained messages seen per simulation, the feeds made of them, and the server they are served on. */
interface GatewayBook {
  feeds: Map<string, MqttFeed>;
  descriptions: Map<string, MqttDescription>;
  snapshots: Map<string, MqttSnapshot>;
  server?: TelemetryServer;
}

/** Makes the simulation's feed once both its description and snapshot are known. */
function feedWhenComplete(book: GatewayBook, simId: string): void {
  if (book.feeds.has(simId)) return;
  const description = book.descriptions.get(simId);
  const snapshot = book.snapshots.get(simId);
  if (!description || !snapshot) return;
  const feed = createMqttFeed(description, snapshot);
  book.server?.addFeed(feed); // found after start: viewers get a hello listing it (throws on a clashing id: dropped)
  book.feeds.set(simId, feed);
}

/** The publisher cleared the retained description (it closed): stop listing the simulation. */
function forgetSim(book: GatewayBook, simId: string): void {
  book.descriptions.delete(simId);
  book.snapshots.delete(simId);
  const feed = book.feeds.get(simId);
  if (!feed) return;
  book.feeds.delete(simId);
  if (book.server) book.server.removeFeed(feed.id);
  else feed.stop();
}

/** A parsed message on a simulation's topic; false when it does not check. */
function applySimMessage(book: GatewayBook, where: SimTopicPath & { kind: MqttTopicKind }, parsed: unknown): boolean {
  const feed = book.feeds.get(where.sim);
  switch (where.kind) {
    case 'description':
      if (!isMqttDescription(parsed, where.sim)) return false;
      book.descriptions.set(where.sim, parsed);
      if (feed) feed.describe(parsed);
      else feedWhenComplete(book, where.sim);
      return true;
    case 'snapshot':
      if (!isMqttSnapshot(parsed, where.sim)) return false;
      book.snapshots.set(where.sim, parsed);
      if (feed) feed.rebase(parsed);
      else feedWhenComplete(book, where.sim);
      return true;
    default:
      if (!feed || !isMqttUpdate(parsed, where.sim)) return false;
      feed.apply(parsed);
      return true;
  }
}

/** One broker message; false when it is dropped (not JSON, or it does not check). */
function handleBrokerMessage(book: GatewayBook, topic: string, payload: Buffer): boolean {
  const where = parseSimTopic(topic);
  if (!where) return true;
  // An empty retained payload is a cleared topic (MQTT 3.1.1 §3.3.1.3); the snapshot is cleared with it.
  if (payload.length === 0) {
    if (where.kind === 'description') forgetSim(book, where.sim);
    return true;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload.toString('utf8'));
  } catch {
    return false;
  }
  return applySimMessage(book, where, parsed);
}

/**
 * @example
 * ```ts
 * const sims = createGatewayFeeds();
 * client.on('message', (topic, payload) => sims.onMessage(topic, payload));
 * ```
 */
export function createGatewayFeeds(): GatewayFeeds {
  const book: GatewayBook = { feeds: new Map(), descriptions: new Map(), snapshots: new Map() };
  let received = 0;
  let dropped = 0;
  return {
    feeds: book.feeds,
    onMessage(topic, payload) {
      received++;
      try {
        if (!handleBrokerMessage(book, topic, payload)) dropped++;
      } catch {
        dropped++; // a message that passed the checks but still broke a feed: drop it, keep serving
      }
    },
    serveOn: (served) => void (book.server = served),
    counts: () => ({ received, dropped }),
  };
}
