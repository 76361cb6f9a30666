/**
 * The server's WebSocket connections: admitting one (or refusing it when the server is full),
 * wiring its frames to the message handler, forgetting it when it closes, and the heartbeat
 * that drops peers that stopped answering pings.
 */
import type { WebSocket } from 'ws';
import { encodeMessage, frameWithSeq } from '../protocol/encode.js';
import { errorMessage } from '../protocol/errors.js';
import { ClientConnection } from './client-connection.js';
import { replyError } from './client-messages.js';
import { CLOSE_MESSAGE_TOO_BIG, CLOSE_TRY_AGAIN_LATER } from './close-codes.js';
import type { Hub } from './hub.js';
import type { ServedFeeds } from './served-feeds.js';

/** Limits of a connection (from the server's options). */
export interface ConnectionLimits {
  maxConnections: number;
  maxMessagesPerSecond: number;
  highWaterBytes: number;
  maxPayloadBytes: number;
}

/** What admitting a connection needs of the server. */
interface ConnectionContext {
  clients: Set<ClientConnection>;
  hub: Hub;
  served: ServedFeeds;
  limits: ConnectionLimits;
  onClientMessage: (client: ClientConnection, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => void;
}

/**
 * `ws` closes an oversize frame's connection itself (its receiver calls `ws.close(1009)` before
 * emitting 'error', when sending is no longer possible): say why first, in the same order.
 */
function sayWhyBeforeTooBigClose(client: ClientConnection, tooLarge: ReturnType<typeof encodeMessage>): void {
  const { ws } = client;
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) => {
    if (code === CLOSE_MESSAGE_TOO_BIG) client.send(tooLarge);
    close(code, reason);
  };
}

/**
 * The handler of each upgraded WebSocket: full server → `TELEMETRY_TOO_MANY_CONNECTIONS` and
 * close 1013; otherwise the client is tracked, gets `hello`, and is forgotten when it closes.
 * @example
 * ```ts
 * wss.handleUpgrade(req, socket, head, createConnectionHandler({ clients, hub, served, limits, onClientMessage }));
 * ```
 */
export function createConnectionHandler(context: ConnectionContext): (ws: WebSocket) => void {
  const { clients, hub, served, limits, onClientMessage } = context;
  const tooLarge = encodeMessage(
    errorMessage('TELEMETRY_TOO_LARGE', `a frame over ${limits.maxPayloadBytes} bytes: closing (${CLOSE_MESSAGE_TOO_BIG})`),
  );
  const full = encodeMessage(
    errorMessage('TELEMETRY_TOO_MANY_CONNECTIONS', `the server is at its limit of ${limits.maxConnections} connections; try again later`),
  );
  return (ws) => {
    const client = new ClientConnection(ws, limits.maxMessagesPerSecond, limits.highWaterBytes);
    // A socket error (a reset, an oversize frame: ws closes with 1009) only ends this client.
    ws.on('error', () => {});
    sayWhyBeforeTooBigClose(client, tooLarge);
    if (clients.size >= limits.maxConnections) {
      ws.send(frameWithSeq(full, 1));
      ws.close(CLOSE_TRY_AGAIN_LATER, 'server full');
      return;
    }
    clients.add(client);
    ws.on('pong', () => (client.alive = true));
    ws.on('message', (data, isBinary) => {
      try {
        onClientMessage(client, data, isBinary);
      } catch (error) {
        // Never let one client's message take the server down.
        replyError(client, 'TELEMETRY_BAD_MESSAGE', `could not handle the message: ${(error as Error).message}`);
      }
    });
    ws.on('close', () => {
      clients.delete(client);
      hub.drop(client);
    });
    client.send(served.hello());
  };
}

/**
 * Pings every client each `periodMs`; one that did not answer the previous ping is terminated.
 * @returns the timer (unref'd), for clearInterval at shutdown
 */
export function startHeartbeat(clients: ReadonlySet<ClientConnection>, periodMs: number): ReturnType<typeof setInterval> {
  const timer = setInterval(() => {
    for (const client of clients) {
      if (!client.alive) {
        client.ws.terminate();
        continue;
      }
      client.alive = false;
      try {
        client.ws.ping();
      } catch {
        client.ws.terminate();
      }
    }
  }, periodMs);
  timer.unref();
  return timer;
}
