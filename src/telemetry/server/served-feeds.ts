/**
 * The feeds a server offers: their `hello` (encoded once per change), which of them have been
 * started, and adding or removing one while viewers are connected (each gets a fresh `hello`).
 */
import { TelemetryError } from '../../errors.js';
import type { TelemetryFeed } from '../feed/types.js';
import { encodeMessage, type EncodedMessage } from '../protocol/encode.js';
import { PROTOCOL } from '../protocol/messages.js';
import type { ClientConnection } from './client-connection.js';
import type { Hub } from './hub.js';

/** What {@link createServedFeeds} needs to know of the server. */
interface ServedFeedsContext {
  hub: Hub;
  /** Open connections, told of every change. */
  clients: ReadonlySet<ClientConnection>;
  /** When feeds start: at listen or at their first subscriber. */
  startOn: 'listen' | 'subscribe';
  /** Whether control messages are accepted (a token is set): said in `hello`. */
  control: boolean;
}

/** The served feeds of one server (see {@link createServedFeeds}). */
export interface ServedFeeds {
  /** The feeds in `hello` order; the same array the server exposes as `server.feeds`. */
  readonly list: TelemetryFeed[];
  /** The current `hello`, encoded once per change of the list. */
  hello(): EncodedMessage;
  /** Starts a feed once (later calls do nothing). */
  start(feed: TelemetryFeed): void;
  /** Starts every feed (when `startOn` is `listen`). */
  startAllOnListen(): void;
  /** Serves one more feed and tells every connection. @throws TelemetryError `TELEMETRY_INVALID_OPTION` on a clashing id */
  add(feed: TelemetryFeed): void;
  /** Stops serving and stops the feed `id`; tells every connection unless `quiet`. @returns false when no feed has that id */
  remove(id: string, quiet: boolean): boolean;
  /** Stops every feed (shutdown). */
  stopAll(): void;
}

/**
 * @example
 * ```ts
 * const served = createServedFeeds(feeds, { hub, clients, startOn: 'listen', control: false });
 * client.send(served.hello());
 * ```
 */
export function createServedFeeds(feeds: TelemetryFeed[], context: ServedFeedsContext): ServedFeeds {
  const { hub, clients, startOn, control } = context;
  const list = [...feeds];
  const started = new Set<string>();
  const encodeHello = () => encodeMessage({ type: 'hello', protocol: PROTOCOL, simulations: list.map((feed) => feed.offer()), control });
  let hello = encodeHello();
  /** Re-encodes `hello` after the list changed and tells every open connection. */
  const announce = () => {
    hello = encodeHello();
    for (const client of clients) client.send(hello);
  };
  const start = (feed: TelemetryFeed) => {
    if (started.has(feed.id)) return;
    started.add(feed.id);
    feed.start();
  };
  return {
    list,
    hello: () => hello,
    start,
    startAllOnListen() {
      if (startOn === 'listen') for (const feed of list) start(feed);
    },
    add(feed) {
      if (hub.feed(feed.id))
        throw new TelemetryError('TELEMETRY_INVALID_OPTION', `a simulation "${feed.id}" is already served`, {
          key: 'feed.id',
          value: feed.id,
        });
      hub.add(feed);
      list.push(feed);
      if (startOn === 'listen') start(feed);
      announce();
    },
    remove(id, quiet) {
      const feed = hub.remove(id);
      if (!feed) return false;
      list.splice(list.indexOf(feed), 1);
      started.delete(id);
      feed.stop();
      if (!quiet) announce();
      return true;
    },
    stopAll() {
      for (const feed of list) feed.stop();
    },
  };
}
