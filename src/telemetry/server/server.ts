/**
 * startTelemetryServer: one HTTP port serving the viewer page (staticHandler) and the
 * WebSocket endpoint (`/` and `/ws`), feeds broadcast through the hub, every limit an option.
 * The parts live beside it: served-feeds (hello, add/remove), client-messages (rate limit,
 * subscribe, control), connections (admission, heartbeat), http-routes (requests, upgrades),
 * shutdown (bounded close).
 */
import { createServer, type Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { createSimFeed } from '../feed/sim-feed.js';
import type { TelemetryFeed } from '../feed/types.js';
import { createBroadcastRecorder, type BroadcastRecorder } from '../record/recorder.js';
import type { ClientConnection } from './client-connection.js';
import { createClientMessageHandler } from './client-messages.js';
import { createConnectionHandler, startHeartbeat } from './connections.js';
import { createRequestHandler, createUpgradeHandler } from './http-routes.js';
import { createHub, type Hub, type HubStats } from './hub.js';
import { boundPort, listenOn, urlHostOf } from './listen.js';
import { resolveServerOptions, type ResolvedServerOptions, type TelemetryServerOptions } from './options.js';
import { createServedFeeds } from './served-feeds.js';
import { shutDownServer } from './shutdown.js';

/** A running telemetry server. */
export interface TelemetryServer {
  /** The port it listens on (the real one when asked for 0). */
  readonly port: number;
  readonly host: string;
  /** WebSocket URL, `ws://host:port/ws`. */
  readonly url: string;
  /** Page URL, `http://host:port/`. */
  readonly httpUrl: string;
  /** The feeds served, in `hello` order (grows with addFeed, shrinks with removeFeed). */
  readonly feeds: TelemetryFeed[];
  readonly http: Server;
  /**
   * Serves one more feed (e.g. a simulation an MQTT gateway found after it started): it is listed
   * in the `hello` of later connections, open connections get a fresh `hello`, and it can be
   * subscribed to at once. Started now unless `startOn: 'subscribe'`. Not in a recording that
   * is already running (its header lists the feeds at start). After close() the feed is only stopped.
   * @throws TelemetryError `TELEMETRY_INVALID_OPTION` when a feed of that id is already served
   * @example
   * ```ts
   * const server = await startTelemetryServer({ feeds: [first] });
   * server.addFeed(createManualFeed(description)); // open viewers get a hello listing both
   * ```
   */
  addFeed(feed: TelemetryFeed): void;
  /**
   * Stops serving the feed `id` and stops it; open connections get a `hello` without it (their
   * subscription to it ends there).
   * @returns false when no feed has that id
   */
  removeFeed(id: string): boolean;
  /** Connected WebSocket clients now. */
  clientCount(): number;
  /** Broadcast counters. */
  stats(): HubStats & { clients: number; recordedLines: number; recordingTruncated: boolean };
  /** Closes every client with 1001, stops the feeds, flushes the recording, stops listening. Idempotent. */
  close(): Promise<void>;
}

/** The feeds a server starts with: one sim feed per simulation, then the ready-made feeds. */
function initialFeeds(options: ResolvedServerOptions): TelemetryFeed[] {
  const loop = options.loop ? { loopDelayMs: options.loopDelayMs } : {};
  const simFeeds = options.simulations.map((factory) =>
    createSimFeed(factory, { speedup: options.speedup, maxBroadcastHz: options.maxBroadcastHz, ...loop }),
  );
  return [...simFeeds, ...options.feeds];
}

/** The hub, recording every broadcast of the feeds served at start (a recording's header lists those; its replay refuses others). */
function createRecordingHub(feeds: TelemetryFeed[], options: ResolvedServerOptions): { hub: Hub; recorder: BroadcastRecorder | undefined } {
  if (!options.record) return { hub: createHub(feeds), recorder: undefined };
  const recorder = createBroadcastRecorder(options.record, feeds, { maxBytes: options.recordMaxBytes });
  const recorded = new Set(feeds.map((feed) => feed.id));
  return { hub: createHub(feeds, (sim, encoded) => recorded.has(sim) && recorder.record(sim, encoded)), recorder };
}

/** The HTTP server: static pages and the upgrade of `/ws` to a WebSocket (one frame size limit, no compression). */
function createHttpServer(resolved: ResolvedServerOptions, onConnection: (ws: WebSocket) => void): Server {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: resolved.maxPayloadBytes,
    perMessageDeflate: false,
    clientTracking: false,
  });
  const http: Server = createServer(createRequestHandler(resolved.staticHandler, resolved.csp));
  http.on('upgrade', createUpgradeHandler(wss, resolved, onConnection));
  return http;
}

/** The server's counters: the hub's, connected clients and the recording. */
function serverStats(
  hub: Hub,
  clients: Set<ClientConnection>,
  recorder: BroadcastRecorder | undefined,
): ReturnType<TelemetryServer['stats']> {
  return {
    ...hub.stats,
    clients: clients.size,
    recordedLines: recorder?.lines ?? 0,
    recordingTruncated: recorder?.truncated ?? false,
  };
}

/**
 * Starts serving simulations (and any other feeds) over WebSocket on one HTTP port.
 * @param options - simulations or feeds, port (0 = ephemeral), host, speed-up, token, limits
 * @returns the running server: port, url, close()
 * @throws TelemetryError `TELEMETRY_INVALID_OPTION` naming the key; `TELEMETRY_LISTEN`
 * @example
 * ```ts
 * import { createViewerHandler, loadScenario, startTelemetryServer } from 'agrisim';
 * const server = await startTelemetryServer({
 *   port: 8080, simulations: [await loadScenario('sims/thai-binh-drone.json')],
 *   staticHandler: createViewerHandler(), speedup: 10, token: 's3cret', loop: true,
 * });
 * console.log(server.httpUrl); // http://127.0.0.1:8080/
 * await server.close();
 * ```
 */
export async function startTelemetryServer(options: TelemetryServerOptions): Promise<TelemetryServer> {
  const resolved = resolveServerOptions(options);
  const feeds = initialFeeds(resolved);
  await resolved.staticHandler?.ready;
  const { hub, recorder } = createRecordingHub(feeds, resolved);
  const clients = new Set<ClientConnection>();
  const served = createServedFeeds(feeds, { hub, clients, startOn: resolved.startOn, control: resolved.token !== undefined });
  const onClientMessage = createClientMessageHandler({ hub, served, ...resolved });
  const http = createHttpServer(resolved, createConnectionHandler({ clients, hub, served, limits: resolved, onClientMessage }));
  const heartbeat = startHeartbeat(clients, resolved.heartbeatMs);
  // Lagging clients are resynced on each broadcast; this catches paused or finished feeds.
  const resyncTimer = setInterval(() => hub.resync(), resolved.resyncMs);
  resyncTimer.unref();
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= shutDownServer({
      http,
      clients,
      recorder,
      timers: [heartbeat, resyncTimer],
      closeTimeoutMs: resolved.closeTimeoutMs,
      stopFeeds: () => {
        served.stopAll();
        hub.close();
      },
    }));
  try {
    await listenOn(http, resolved.port, resolved.host);
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
  served.startAllOnListen();
  const port = boundPort(http, resolved.port);
  const urlHost = urlHostOf(resolved.host);
  return {
    port,
    host: resolved.host,
    url: `ws://${urlHost}:${port}/ws`,
    httpUrl: `http://${urlHost}:${port}/`,
    feeds: served.list,
    http,
    addFeed: (feed) => (closing ? feed.stop() : served.add(feed)),
    removeFeed: (id) => served.remove(id, closing !== undefined),
    clientCount: () => clients.size,
    stats: () => serverStats(hub, clients, recorder),
    close,
  };
}
