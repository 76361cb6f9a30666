/**
 * startTelemetryServer: one HTTP port serving the viewer page (staticHandler) and the
 * WebSocket endpoint (`/` and `/ws`), feeds broadcast through the hub, every limit an option.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { TelemetryError } from '../../errors.js';
import { createSimFeed } from '../feed/sim-feed.js';
import type { TelemetryFeed } from '../feed/types.js';
import { encodeMessage, frameWithSeq } from '../protocol/encode.js';
import { errorMessage, type TelemetryErrorCode } from '../protocol/errors.js';
import { PROTOCOL } from '../protocol/messages.js';
import { parseClientMessage } from '../protocol/parse-client.js';
import { createBroadcastRecorder, type BroadcastRecorder } from '../record/recorder.js';
import { withTimeout } from '../timeout.js';
import { ClientConnection } from './client-connection.js';
import { answerUnhandled, originAllowed, setSecurityHeaders } from './http-guard.js';
import { createHub, type Hub, type HubStats } from './hub.js';
import { resolveServerOptions, type TelemetryServerOptions } from './options.js';
import { tokenMatches } from './token.js';

/** Close code sent to clients on shutdown ("going away", RFC 6455 §7.4.1). */
export const CLOSE_GOING_AWAY = 1001;
/** Close code when the server is full ("try again later"). */
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** Close code for a client that kept flooding after `floodWarnings` rate-limit warnings ("policy violation", RFC 6455 §7.4.1). */
export const CLOSE_POLICY_VIOLATION = 1008;
/** Close code after a frame over `maxPayloadBytes` ("message too big", RFC 6455 §7.4.1); `TELEMETRY_TOO_LARGE` comes first. */
export const CLOSE_MESSAGE_TOO_BIG = 1009;

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

function listen(http: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException) => reject(new TelemetryError('TELEMETRY_LISTEN', `cannot listen on ${host}:${port}: ${e.code ?? e.message}`, { host, port, cause: e.code }));
    http.once('error', onError);
    http.listen(port, host, () => {
      http.off('error', onError);
      resolve();
    });
  });
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
}

/**
 * Starts serving simulations (and any other feeds) over WebSocket on one HTTP port.
 * @param options - simulations or feeds, port (0 = ephemeral), host, speed-up, token, limits
 * @returns the running server: port, url, close()
 * @throws TelemetryError `TELEMETRY_INVALID_OPTION` naming the key; `TELEMETRY_LISTEN`
 * @example
 * ```ts
 * import { loadScenario, startTelemetryServer } from 'agrisim';
 * import { createViewerHandler } from './src/viewer/index.js'; // the viewer is not part of the library face
 * const server = await startTelemetryServer({
 *   port: 8080, simulations: [await loadScenario('sims/thai-binh-drone.json')],
 *   staticHandler: createViewerHandler(), speedup: 10, token: 's3cret', loop: true,
 * });
 * console.log(server.httpUrl); // http://127.0.0.1:8080/
 * await server.close();
 * ```
 */
export async function startTelemetryServer(options: TelemetryServerOptions): Promise<TelemetryServer> {
  const o = resolveServerOptions(options);
  const feeds: TelemetryFeed[] = [
    ...o.simulations.map((f) => createSimFeed(f, { speedup: o.speedup, maxBroadcastHz: o.maxBroadcastHz, ...(o.loop ? { loopDelayMs: o.loopDelayMs } : {}) })),
    ...o.feeds,
  ];
  await o.staticHandler?.ready;
  const recorder: BroadcastRecorder | undefined = o.record ? createBroadcastRecorder(o.record, feeds, { maxBytes: o.recordMaxBytes }) : undefined;
  // A recording's header lists the feeds at start; the replay refuses lines of any other.
  const recorded = new Set(feeds.map((f) => f.id));
  const hub: Hub = createHub(feeds, recorder ? (sim, e) => recorded.has(sim) && recorder.record(sim, e) : undefined);
  const clients = new Set<ClientConnection>();
  const started = new Set<string>();
  const startFeed = (f: TelemetryFeed) => {
    if (started.has(f.id)) return;
    started.add(f.id);
    f.start();
  };
  const encodeHello = () => encodeMessage({ type: 'hello', protocol: PROTOCOL, simulations: feeds.map((f) => f.offer()), control: o.token !== undefined });
  let hello = encodeHello();
  /** Re-encodes `hello` after the feeds changed and tells every open connection. */
  const announce = () => {
    hello = encodeHello();
    for (const c of clients) c.send(hello);
  };

  const http = createServer((req, res) => {
    setSecurityHeaders(req, res, o.csp);
    try {
      if (o.staticHandler && o.staticHandler(req, res) !== false) return;
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
      return;
    }
    answerUnhandled(req, res);
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: o.maxPayloadBytes, perMessageDeflate: false, clientTracking: false });

  // Errors to a client that does not read are dropped: answers must not pile up either.
  const reply = (client: ClientConnection, code: TelemetryErrorCode, message: string, sim?: string) => {
    if (!client.congested) client.send(encodeMessage(errorMessage(code, message, sim)));
  };

  /** A message over the rate: warn once a second; a client warned `floodWarnings` seconds in a row is closed. */
  const onFlood = (client: ClientConnection) => {
    const now = performance.now();
    if (now - client.lastLimitErrorMs < 1000) return;
    client.floodStrikes = now - client.lastLimitErrorMs < 2000 ? client.floodStrikes + 1 : 1;
    client.lastLimitErrorMs = now;
    if (client.floodStrikes <= o.floodWarnings) {
      return reply(client, 'TELEMETRY_RATE_LIMITED', `more than ${o.maxMessagesPerSecond} messages per second; messages are being dropped (warning ${client.floodStrikes} of ${o.floodWarnings})`);
    }
    client.send(encodeMessage(errorMessage('TELEMETRY_RATE_LIMITED', `still more than ${o.maxMessagesPerSecond} messages per second after ${o.floodWarnings} warnings: closing (${CLOSE_POLICY_VIOLATION})`)));
    client.ws.close(CLOSE_POLICY_VIOLATION, 'rate limit');
  };

  const onMessage = (client: ClientConnection, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (!client.limiter.take(performance.now())) return onFlood(client);
    if (isBinary) return reply(client, 'TELEMETRY_BAD_MESSAGE', 'binary frames are not part of agrisim/1: send JSON text');
    const parsed = parseClientMessage(Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8'));
    if (!parsed.ok) return reply(client, parsed.code, parsed.message);
    const m = parsed.message;
    const feed = hub.feed(m.sim);
    if (!feed) return reply(client, 'TELEMETRY_UNKNOWN_SIM', `no simulation "${m.sim}" (on offer: ${feeds.map((f) => f.id).join(', ')})`, m.sim);
    if (m.type === 'subscribe') {
      // subscribe first: a feed may broadcast synchronously as it starts (a replay's first lines)
      hub.subscribe(client, m.sim);
      if (o.startOn === 'subscribe') startFeed(feed);
    } else if (m.type === 'unsubscribe') hub.unsubscribe(client, m.sim);
    else {
      if (o.token === undefined) return reply(client, 'TELEMETRY_CONTROL_DISABLED', 'this server was started without a token: control is disabled', m.sim);
      if (!tokenMatches(o.token, m.token)) return reply(client, 'TELEMETRY_UNAUTHORIZED', 'control needs the server\'s token', m.sim);
      if (!feed.control) return reply(client, 'TELEMETRY_BAD_MESSAGE', `simulation "${m.sim}" takes no control`, m.sim);
      try {
        feed.control(m.action, m.value);
        // Subscribers got the acknowledgement as a broadcast; a controller watching nothing gets its own.
        if (!client.subscriptions.has(m.sim)) {
          const st = feed.state();
          client.send(encodeMessage({ type: 'control', sim: m.sim, action: m.action, ok: true, paused: st.paused, speedup: st.speedup }));
        }
      } catch (e) {
        const code = e instanceof TelemetryError && e.code.startsWith('TELEMETRY_') ? (e.code as TelemetryErrorCode) : 'TELEMETRY_BAD_MESSAGE';
        reply(client, code, (e as Error).message, m.sim);
      }
    }
  };

  /** Frame sent before ws closes a connection with 1009 for an oversize frame. */
  const tooLarge = encodeMessage(errorMessage('TELEMETRY_TOO_LARGE', `a frame over ${o.maxPayloadBytes} bytes: closing (${CLOSE_MESSAGE_TOO_BIG})`));
  const onConnection = (ws: WebSocket) => {
    const client = new ClientConnection(ws, o.maxMessagesPerSecond, o.highWaterBytes);
    // A socket error (reset, oversize frame: ws closes with 1009) only ends this client.
    ws.on('error', () => {});
    // ws closes an oversize frame's connection itself (receiverOnError calls ws.close(1009) before
    // emitting 'error', when sending is no longer possible): say why first, in the same order.
    const close = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) => {
      if (code === CLOSE_MESSAGE_TOO_BIG) client.send(tooLarge);
      close(code, reason);
    };
    if (clients.size >= o.maxConnections) {
      ws.send(frameWithSeq(encodeMessage(errorMessage('TELEMETRY_TOO_MANY_CONNECTIONS', `the server is at its limit of ${o.maxConnections} connections; try again later`)), 1));
      ws.close(CLOSE_TRY_AGAIN_LATER, 'server full');
      return;
    }
    clients.add(client);
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => {
      try {
        onMessage(client, data, isBinary);
      } catch (e) {
        // Never let one client's message take the server down.
        reply(client, 'TELEMETRY_BAD_MESSAGE', `could not handle the message: ${(e as Error).message}`);
      }
    });
    ws.on('close', () => {
      clients.delete(client);
      hub.drop(client);
    });
    client.send(hello);
  };

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    if (!o.paths.includes(path)) return refuseUpgrade(socket, 404, 'Not Found');
    if (!originAllowed(req, o.allowedOrigins)) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, onConnection);
  });

  const heartbeat = setInterval(() => {
    for (const c of clients) {
      if (!c.alive) {
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      try {
        c.ws.ping();
      } catch {
        c.ws.terminate();
      }
    }
  }, o.heartbeatMs);
  // Lagging clients are resynced on each broadcast; this catches paused or finished feeds.
  const resyncTimer = setInterval(() => hub.resync(), 250);
  heartbeat.unref();
  resyncTimer.unref();

  try {
    await listen(http, o.port, o.host);
  } catch (e) {
    clearInterval(heartbeat);
    clearInterval(resyncTimer);
    hub.close();
    for (const f of feeds) f.stop();
    await recorder?.close().catch(() => {});
    throw e;
  }
  if (o.startOn === 'listen') for (const f of feeds) startFeed(f);
  const addr = http.address();
  const port = typeof addr === 'object' && addr ? addr.port : o.port;
  const hostForUrl = o.host.includes(':') ? `[${o.host}]` : o.host === '0.0.0.0' ? '127.0.0.1' : o.host;

  let closing: Promise<void> | undefined;
  const addFeed = (feed: TelemetryFeed): void => {
    if (closing) {
      feed.stop();
      return;
    }
    if (hub.feed(feed.id)) throw new TelemetryError('TELEMETRY_INVALID_OPTION', `a simulation "${feed.id}" is already served`, { key: 'feed.id', value: feed.id });
    hub.add(feed);
    feeds.push(feed);
    if (o.startOn === 'listen') startFeed(feed);
    announce();
  };
  const removeFeed = (id: string): boolean => {
    const feed = hub.remove(id);
    if (!feed) return false;
    feeds.splice(feeds.indexOf(feed), 1);
    started.delete(id);
    feed.stop();
    if (!closing) announce();
    return true;
  };
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      clearInterval(heartbeat);
      clearInterval(resyncTimer);
      for (const f of feeds) f.stop();
      hub.close();
      const closed = [...clients].map((c) => new Promise<void>((resolve) => {
        if (c.ws.readyState === 3) return resolve();
        c.ws.once('close', () => resolve());
        c.ws.close(CLOSE_GOING_AWAY, 'server shutting down');
      }));
      // The recording is flushed while clients close, not after: it must not wait on them.
      const flushed = recorder ? withTimeout(recorder.close(), o.closeTimeoutMs).then(() => undefined, (e: unknown) => e) : undefined;
      await withTimeout(Promise.all(closed), o.closeTimeoutMs);
      for (const c of clients) c.ws.terminate();
      await withTimeout(new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeAllConnections();
      }), o.closeTimeoutMs);
      const failed = await flushed;
      if (failed) throw failed;
    })());

  return {
    port,
    host: o.host,
    url: `ws://${hostForUrl}:${port}/ws`,
    httpUrl: `http://${hostForUrl}:${port}/`,
    feeds,
    http,
    addFeed,
    removeFeed,
    clientCount: () => clients.size,
    stats: () => ({ ...hub.stats, clients: clients.size, recordedLines: recorder?.lines ?? 0, recordingTruncated: recorder?.truncated ?? false }),
    close,
  };
}
