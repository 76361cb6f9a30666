/**
 * A TCP server streaming one vehicle's NMEA 0183 sentences at the feed's telemetry rate, for
 * gpsd (`gpsd -N tcp://host:port`), AgOpenGPS-style guidance software or any GNSS consumer.
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { Subscription } from 'rxjs';
import { TelemetryError } from '../../errors.js';
import type { TelemetryFeed } from '../feed/types.js';
import { nmeaSentences, type NmeaOptions } from './sentences.js';

/** Default simulated start: 2024-06-15 07:00 in Vietnam (UTC+7), a top-dressing morning. */
export const DEFAULT_NMEA_START_UTC = '2024-06-15T00:00:00Z';

/** Options of {@link startNmeaServer}. */
export interface NmeaServerOptions extends NmeaOptions {
  feed: TelemetryFeed;
  /** Vehicle id (default: the feed's first vehicle). */
  vehicle?: string;
  /** TCP port (default 0: ephemeral). */
  port?: number;
  host?: string;
  /** UTC time of simulated t = 0, ISO 8601 (default {@link DEFAULT_NMEA_START_UTC}). */
  startUtc?: string;
  /** Unsent bytes above which a reader misses sentences instead of growing memory (default 65536). */
  highWaterBytes?: number;
}

/** A running NMEA server. */
export interface NmeaServer {
  readonly port: number;
  readonly vehicle: string;
  /** Connected readers now. */
  clientCount(): number;
  /** Sentence groups written so far (one per telemetry update). */
  readonly updates: number;
  close(): Promise<void>;
}

/** The vehicle to stream: the one named, else the feed's first. @throws TelemetryError `TELEMETRY_INVALID_OPTION` */
function streamedVehicle(feed: TelemetryFeed, named: string | undefined): string {
  const ids = feed.state().description.vehicles.map((v) => v.id);
  const vehicle = named ?? ids[0];
  if (!vehicle || !ids.includes(vehicle)) {
    throw new TelemetryError(
      'TELEMETRY_INVALID_OPTION',
      `nmea vehicle "${String(named)}" is not in simulation "${feed.id}" (it has ${ids.join(', ')})`,
      { key: 'nmeaVehicle', value: named },
    );
  }
  return vehicle;
}

/** UTC ms of simulated t = 0. @throws TelemetryError `TELEMETRY_INVALID_OPTION` for a time that does not parse */
function startUtcMs(startUtc: string | undefined): number {
  const startMs = Date.parse(startUtc ?? DEFAULT_NMEA_START_UTC);
  if (!Number.isFinite(startMs))
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', `startUtc must be an ISO 8601 time, got ${startUtc}`, {
      key: 'startUtc',
      value: startUtc,
    });
  return startMs;
}

/** A TCP server that keeps its readers in `sockets` (it only writes; what readers send is ignored). */
function createReaderServer(sockets: Set<Socket>): Server {
  return createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    // Readers may talk (gpsd probes with ?WATCH or binary queries); we only stream.
    socket.on('data', () => {});
  });
}

/** Listens; on failure stops the stream and rejects with `TELEMETRY_LISTEN`. */
function listenNmea(tcp: Server, host: string, port: number | undefined, stream: Subscription): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    tcp.once('error', (error: NodeJS.ErrnoException) => {
      stream.unsubscribe();
      reject(
        new TelemetryError('TELEMETRY_LISTEN', `cannot listen for NMEA on ${host}:${port ?? 0}: ${error.code ?? error.message}`, {
          host,
          port,
        }),
      );
    });
    tcp.listen(port ?? 0, host, () => resolve());
  });
}

/** Ends every reader and the server; readers that do not close within 0.5 s are destroyed. */
function closeNmea(tcp: Server, sockets: Set<Socket>, stream: Subscription): Promise<void> {
  return new Promise<void>((resolve) => {
    stream.unsubscribe();
    for (const socket of sockets) socket.end();
    tcp.close(() => resolve());
    setTimeout(() => {
      for (const socket of sockets) socket.destroy();
    }, 500).unref();
  });
}

/**
 * Streams GGA, RMC, VTG and HDT of one vehicle to every TCP reader.
 * @throws TelemetryError `TELEMETRY_INVALID_OPTION` (unknown vehicle, bad start time); `TELEMETRY_LISTEN`
 * @example
 * ```ts
 * const nmea = await startNmeaServer({ feed: server.feeds[0], port: 10110 });
 * // gpsd -N -n -S 2947 tcp://127.0.0.1:10110 ; gpspipe -w
 * ```
 */
export async function startNmeaServer(options: NmeaServerOptions): Promise<NmeaServer> {
  const { feed } = options;
  const vehicle = streamedVehicle(feed, options.vehicle);
  const startMs = startUtcMs(options.startUtc);
  const highWaterBytes = options.highWaterBytes ?? 65_536;
  const sockets = new Set<Socket>();
  let updates = 0;
  const tcp = createReaderServer(sockets);
  const stream: Subscription = feed.updates$.subscribe((update) => {
    if (update.kind !== 'telemetry' || sockets.size === 0) return;
    const streamed = update.vehicles.find((candidate) => candidate.id === vehicle);
    if (!streamed) return;
    const text = nmeaSentences(streamed, new Date(startMs + update.t), options).join('');
    updates++;
    // a reader that does not keep up misses sentences rather than growing our memory
    for (const socket of sockets) if (socket.writableLength < highWaterBytes) socket.write(text);
  });
  await listenNmea(tcp, options.host ?? '127.0.0.1', options.port, stream);
  const address = tcp.address();
  let closing: Promise<void> | undefined;
  return {
    port: typeof address === 'object' && address ? address.port : (options.port ?? 0),
    vehicle,
    clientCount: () => sockets.size,
    get updates() {
      return updates;
    },
    close: () => (closing ??= closeNmea(tcp, sockets, stream)),
  };
}
