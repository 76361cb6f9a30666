/**
 * The broadcast hub: feeds' updates become messages encoded once and sent to every subscriber
 * (each with its own seq spliced in); snapshots for joiners and resyncs are encoded once per
 * state and reused. Independent of where updates come from (any TelemetryFeed).
 */
import type { Subscription } from 'rxjs';
import type { FeedUpdate, TelemetryFeed } from '../feed/types.js';
import { encodeMessage, type EncodedMessage } from '../protocol/encode.js';
import type { BroadcastMessage, SnapshotMessage, Unsequenced } from '../protocol/messages.js';
import { errorMessage } from '../protocol/errors.js';
import type { ClientConnection } from './client-connection.js';

/** A broadcast as it left: its encoding, for recorders (same text every subscriber got, minus seq). */
export type BroadcastListener = (sim: string, e: EncodedMessage) => void;

/** The snapshot message body of a feed's current state. */
export function snapshotMessage(feed: TelemetryFeed): Unsequenced<SnapshotMessage> {
  const state = feed.state();
  return {
    type: 'snapshot',
    sim: feed.id,
    description: state.description,
    t: state.t,
    vehicles: state.vehicles,
    progress: state.progress,
    coverage: state.coverage,
    paused: state.paused,
    speedup: state.speedup,
    done: state.done,
  };
}

/** The broadcast message of one feed update (a reset becomes a snapshot of the new state). */
export function updateMessage(feed: TelemetryFeed, u: FeedUpdate): BroadcastMessage {
  switch (u.kind) {
    case 'telemetry':
      return { type: 'telemetry', sim: feed.id, t: u.t, vehicles: u.vehicles, progress: u.progress };
    case 'event':
      return { type: 'event', sim: feed.id, t: u.t, event: u.event };
    case 'control':
      return { type: 'control', sim: feed.id, action: u.action, ok: true, paused: u.paused, speedup: u.speedup };
    case 'reset':
      return u.gap ? { ...snapshotMessage(feed), gap: u.gap } : snapshotMessage(feed);
  }
}

interface Channel {
  feed: TelemetryFeed;
  subscribers: Set<ClientConnection>;
  snapshot?: EncodedMessage;
  sub?: Subscription;
}

/** Counters of a hub. */
export interface HubStats {
  broadcasts: number;
  framesSent: number;
  framesSkipped: number;
  snapshotsSent: number;
}

/** What a hub keeps: its channels by simulation, the clients behind on something, its counters. */
interface HubState {
  channels: Map<string, Channel>;
  /** Clients behind on something (checked on every broadcast and by resync()). */
  lagging: Set<ClientConnection>;
  stats: HubStats;
  onBroadcast?: BroadcastListener;
  onFeedError?: (sim: string, error: unknown) => void;
}

/** Sends a channel's snapshot, encoded once per state and reused. */
function sendSnapshot(hub: HubState, client: ClientConnection, channel: Channel): void {
  channel.snapshot ??= encodeMessage(snapshotMessage(channel.feed));
  client.send(channel.snapshot, true);
  hub.stats.snapshotsSent++;
}

/** Sends snapshots to lagging clients whose backlog has drained. */
function resyncLagging(hub: HubState): void {
  for (const client of hub.lagging) {
    if (!client.open) {
      hub.lagging.delete(client);
      continue;
    }
    if (!client.drained) continue;
    for (const sim of client.behind) {
      const channel = hub.channels.get(sim);
      if (channel && client.subscriptions.has(sim)) sendSnapshot(hub, client, channel);
    }
    client.behind.clear();
    hub.lagging.delete(client);
  }
}

/** One update to every subscriber (encoded once); a client that cannot take it now is resynced later. */
function broadcast(hub: HubState, channel: Channel, update: FeedUpdate): void {
  const encoded = encodeMessage(updateMessage(channel.feed, update));
  // A late joiner's snapshot never carries a gap: it saw nothing before.
  channel.snapshot = update.kind === 'reset' && !update.gap ? encoded : undefined;
  hub.stats.broadcasts++;
  hub.onBroadcast?.(channel.feed.id, encoded);
  for (const client of channel.subscribers) {
    if (client.deliver(channel.feed.id, encoded)) hub.stats.framesSent++;
    else {
      hub.stats.framesSkipped++;
      hub.lagging.add(client);
    }
  }
  if (hub.lagging.size) resyncLagging(hub);
}

/**
 * Listens to a channel's feed. A feed that fails (a lost MQTT link, a bug) stops broadcasting; it
 * must not take the server down (an unhandled rxjs error would be rethrown asynchronously and end
 * the process): its subscribers get `TELEMETRY_FEED_FAILED`.
 */
function listen(hub: HubState, channel: Channel): void {
  channel.sub = channel.feed.updates$.subscribe({
    next: (update) => broadcast(hub, channel, update),
    error: (failure: unknown) => {
      const why = failure instanceof Error ? failure.message : String(failure);
      const stopped = encodeMessage(
        errorMessage('TELEMETRY_FEED_FAILED', `simulation "${channel.feed.id}" stopped: ${why}`, channel.feed.id),
      );
      for (const client of channel.subscribers) client.send(stopped);
      hub.onFeedError?.(channel.feed.id, failure);
    },
  });
}

/** Stops serving a feed's channel: forgets its subscribers (the next hello no longer lists it). */
function removeChannel(hub: HubState, sim: string): TelemetryFeed | undefined {
  const channel = hub.channels.get(sim);
  if (!channel) return undefined;
  channel.sub?.unsubscribe();
  hub.channels.delete(sim);
  for (const client of channel.subscribers) {
    client.subscriptions.delete(sim);
    client.behind.delete(sim);
  }
  return channel.feed;
}

/**
 * Subscribes and sends the snapshot (again, when already subscribed: a resync). A client whose
 * backlog is over the mark gets it once drained instead, so re-subscribing without reading cannot
 * grow server memory.
 */
function subscribeClient(hub: HubState, client: ClientConnection, sim: string): boolean {
  const channel = hub.channels.get(sim);
  if (!channel) return false;
  channel.subscribers.add(client);
  client.subscriptions.add(sim);
  if (client.congested) {
    client.behind.add(sim);
    hub.lagging.add(client);
    return true;
  }
  client.behind.delete(sim);
  sendSnapshot(hub, client, channel);
  return true;
}

function unsubscribeClient(hub: HubState, client: ClientConnection, sim: string): boolean {
  const channel = hub.channels.get(sim);
  if (!channel) return false;
  channel.subscribers.delete(client);
  client.subscriptions.delete(sim);
  client.behind.delete(sim);
  return true;
}

/** Forgets a closed client. */
function dropClient(hub: HubState, client: ClientConnection): void {
  for (const sim of client.subscriptions) hub.channels.get(sim)?.subscribers.delete(client);
  client.subscriptions.clear();
  hub.lagging.delete(client);
}

/** Serves one more feed, unless one of that id is served already (then false, and nothing changes). */
function addChannel(hub: HubState, feed: TelemetryFeed): boolean {
  if (hub.channels.has(feed.id)) return false;
  const channel: Channel = { feed, subscribers: new Set<ClientConnection>() };
  hub.channels.set(feed.id, channel);
  listen(hub, channel);
  return true;
}

/**
 * Broadcast hub over some feeds.
 * @example
 * ```ts
 * const hub = createHub([feed]);
 * hub.subscribe(client, feed.id); // sends the snapshot, then every update
 * ```
 */
export function createHub(feeds: TelemetryFeed[], onBroadcast?: BroadcastListener, onFeedError?: (sim: string, error: unknown) => void) {
  const hub: HubState = {
    channels: new Map<string, Channel>(feeds.map((feed) => [feed.id, { feed, subscribers: new Set<ClientConnection>() }])),
    lagging: new Set<ClientConnection>(),
    stats: { broadcasts: 0, framesSent: 0, framesSkipped: 0, snapshotsSent: 0 },
    ...(onBroadcast ? { onBroadcast } : {}),
    ...(onFeedError ? { onFeedError } : {}),
  };
  const { channels, stats } = hub;
  for (const channel of channels.values()) listen(hub, channel);
  const resync = () => resyncLagging(hub);

  return {
    stats,
    feeds: () => [...channels.values()].map((channel) => channel.feed),
    feed: (sim: string) => channels.get(sim)?.feed,
    /**
     * Subscribes and sends the snapshot (again, when already subscribed: a resync). A client
     * whose backlog is over the mark gets it once drained instead, so re-subscribing without
     * reading cannot grow server memory.
     */
    subscribe(client: ClientConnection, sim: string): boolean {
      return subscribeClient(hub, client, sim);
    },
    unsubscribe(client: ClientConnection, sim: string): boolean {
      return unsubscribeClient(hub, client, sim);
    },
    /** Forgets a closed client. */
    drop(client: ClientConnection): void {
      dropClient(hub, client);
    },
    subscriberCount: (sim: string) => channels.get(sim)?.subscribers.size ?? 0,
    /**
     * Serves one more feed (a simulation found after start). Its id must be new.
     * @returns false (and nothing changes) when a feed of that id is already served
     */
    add(feed: TelemetryFeed): boolean {
      return addChannel(hub, feed);
    },
    /**
     * Stops serving a feed: stops listening to it and forgets its subscribers (they are told by
     * the next hello, which no longer lists it). Does not stop the feed itself.
     * @returns the feed removed, or undefined when none has that id
     */
    remove: (sim: string): TelemetryFeed | undefined => removeChannel(hub, sim),
    resync,
    /** Stops listening to the feeds. */
    close(): void {
      for (const channel of channels.values()) channel.sub?.unsubscribe();
    },
  };
}

/** A hub (see {@link createHub}). */
export type Hub = ReturnType<typeof createHub>;
