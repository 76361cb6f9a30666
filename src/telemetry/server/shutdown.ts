/**
 * Stopping a server in bounded steps: feeds stopped, every client closed with 1001 (and
 * terminated if it does not answer in time), the recording flushed meanwhile, the port freed.
 * Whatever the clients or the disk do, it finishes within about twice `closeTimeoutMs`.
 */
import type { Server } from 'node:http';
import { withTimeout } from '../timeout.js';
import type { BroadcastRecorder } from '../record/recorder.js';
import type { ClientConnection } from './client-connection.js';
import { CLOSE_GOING_AWAY } from './close-codes.js';

/** What a shutdown closes. */
export interface ShutdownParts {
  http: Server;
  clients: ReadonlySet<ClientConnection>;
  recorder: BroadcastRecorder | undefined;
  /** Timers to clear first (heartbeat, resync). */
  timers: ReturnType<typeof setInterval>[];
  /** Stops the feeds and the hub's listening to them. */
  stopFeeds: () => void;
  closeTimeoutMs: number;
}

/** Closes each client with 1001 and resolves once all answered (or were already closed). */
function closeClients(clients: ReadonlySet<ClientConnection>): Promise<unknown> {
  return Promise.all(
    [...clients].map(
      (client) =>
        new Promise<void>((resolve) => {
          if (client.ws.readyState === client.ws.CLOSED) return resolve();
          client.ws.once('close', () => resolve());
          client.ws.close(CLOSE_GOING_AWAY, 'server shutting down');
        }),
    ),
  );
}

/** Stops listening and drops the keep-alive connections still open. */
function closeHttp(http: Server): Promise<void> {
  return new Promise<void>((resolve) => {
    http.close(() => resolve());
    http.closeAllConnections();
  });
}

/**
 * Shuts down; a failed recording flush is thrown after everything else closed.
 * @example
 * ```ts
 * await shutDownServer({ http, clients, recorder, timers: [heartbeat], stopFeeds, closeTimeoutMs: 2000 });
 * ```
 */
export async function shutDownServer(parts: ShutdownParts): Promise<void> {
  const { http, clients, recorder, closeTimeoutMs } = parts;
  for (const timer of parts.timers) clearInterval(timer);
  parts.stopFeeds();
  // The recording is flushed while clients close, not after: it must not wait on them.
  const flushed = recorder
    ? withTimeout(recorder.close(), closeTimeoutMs).then(
        () => undefined,
        (error: unknown) => error,
      )
    : undefined;
  await withTimeout(closeClients(clients), closeTimeoutMs);
  for (const client of clients) client.ws.terminate();
  await withTimeout(closeHttp(http), closeTimeoutMs);
  const failed = await flushed;
  if (failed) throw failed;
}
