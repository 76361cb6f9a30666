/**
 * Every limit of the telemetry server is an option with a default, checked up front.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TelemetryError } from '../../errors.js';
import type { SimulationFactory } from '../../sim/index.js';
import type { TelemetryFeed } from '../feed/types.js';
import { isLoopbackHost, type OriginPolicy } from './http-guard.js';

/** Serves non-WebSocket HTTP requests; return `false` to fall through to the server's 404. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean | undefined;

/** Options of startTelemetryServer. */
export interface TelemetryServerOptions {
  /** TCP port (default 0: an ephemeral port; read `server.port`). */
  port?: number;
  /** Interface to listen on (default `127.0.0.1`). */
  host?: string;
  /** Simulations to run, e.g. LoadedScenario from loadScenario (each becomes a sim feed). */
  simulations?: SimulationFactory[];
  /** Ready-made feeds (a replay, an MQTT gateway), served beside `simulations`. */
  feeds?: TelemetryFeed[];
  /** Serves the page (e.g. createViewerHandler()); awaits its `ready` when it has one. */
  staticHandler?: StaticHandler & { ready?: Promise<unknown> };
  /** Simulated time per wall time of the sim feeds (default 1). */
  speedup?: number;
  /** Start each run over when it ends (default false). */
  loop?: boolean;
  /** Pause between a run's end and its restart when looping, wall ms (default 5000). */
  loopDelayMs?: number;
  /** When feeds start: at listen (default) or at their first subscriber. */
  startOn?: 'listen' | 'subscribe';
  /** Secret that `control` messages must carry; without it control is disabled. */
  token?: string;
  /**
   * Browser origins allowed to open the WebSocket: a list (e.g. `http://127.0.0.1:8080`), `'same-host'` (the page's
   * own host: Origin's host:port equals the Host asked for, whatever address the server is reached at) or `'any'`.
   * Default: `'any'` on a loopback host, `'same-host'` on any other (the LAN). Requests without Origin (non-browsers) always pass.
   */
  allowedOrigins?: OriginPolicy;
  /** Content-Security-Policy of every HTTP answer (default: the viewer's own scripts, styles and images, https or local map tiles, the socket). */
  csp?: string;
  /**
   * Rate-limit warnings (one a second at most, while a client keeps going over `maxMessagesPerSecond`) a client gets
   * in a row before it is closed with 1008 (policy violation, `CLOSE_POLICY_VIOLATION`); default 5.
   */
  floodWarnings?: number;
  /** Largest client frame, bytes (default 65536); bigger closes the connection with 1009. */
  maxPayloadBytes?: number;
  /** Most simultaneous WebSocket connections (default 2000); more get `error` and close 1013. */
  maxConnections?: number;
  /** Client messages per second (token bucket, burst twice this; default 20). Excess gets `error` and is dropped. */
  maxMessagesPerSecond?: number;
  /** Ping period; a client that missed the previous pong is dropped, ms (default 15000). */
  heartbeatMs?: number;
  /** Outbound backlog above which a client's telemetry is coalesced to the latest state, bytes (default 262144). */
  highWaterBytes?: number;
  /** Most telemetry frames per second per simulation (default 10). */
  maxBroadcastHz?: number;
  /** Record every broadcast to this NDJSON file (or hand each line to this function). */
  record?: string | ((line: string) => void);
  /** Stop recording before the file passes this size, bytes (default: no cap; a looping demo grows ~450 B per broadcast). */
  recordMaxBytes?: number;
  /** WebSocket paths (default `/` and `/ws`). */
  paths?: string[];
  /** How long close() waits for clients to answer the close handshake, ms (default 2000). */
  closeTimeoutMs?: number;
  /**
   * How often clients that fell behind are checked for a drained backlog (they then get a fresh
   * snapshot), ms (default 250). Broadcasts check too; this catches paused or finished feeds.
   */
  resyncMs?: number;
}

/** Options with every default filled in. */
export type ResolvedServerOptions = Required<
  Omit<TelemetryServerOptions, 'token' | 'allowedOrigins' | 'csp' | 'record' | 'recordMaxBytes' | 'staticHandler' | 'simulations' | 'feeds'>
> &
  Pick<TelemetryServerOptions, 'token' | 'csp' | 'record' | 'recordMaxBytes' | 'staticHandler'> & {
    simulations: SimulationFactory[];
    feeds: TelemetryFeed[];
    allowedOrigins: OriginPolicy;
  };

function originPolicy(o: TelemetryServerOptions, host: string): OriginPolicy {
  const p = o.allowedOrigins;
  if (p === undefined) return isLoopbackHost(host) ? 'any' : 'same-host';
  if (p === 'any' || p === 'same-host' || (Array.isArray(p) && p.every((x) => typeof x === 'string'))) return p;
  throw new TelemetryError('TELEMETRY_INVALID_OPTION', "allowedOrigins must be 'any', 'same-host' or a list of origins", {
    key: 'allowedOrigins',
  });
}

function check(key: string, value: number, min: number, max: number, integer = false): number {
  if (!(typeof value === 'number' && value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    throw new TelemetryError(
      'TELEMETRY_INVALID_OPTION',
      `${key} must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}, got ${String(value)}`,
      { key, value },
    );
  }
  return value;
}

/**
 * Fills in defaults and checks ranges.
 * @throws TelemetryError `TELEMETRY_INVALID_OPTION` naming the key
 */
export function resolveServerOptions(o: TelemetryServerOptions): ResolvedServerOptions {
  const simulations = o.simulations ?? [];
  const feeds = o.feeds ?? [];
  if (simulations.length + feeds.length === 0)
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', 'nothing to serve: give simulations or feeds', { key: 'simulations' });
  const ids = [...simulations.map((s) => s.id), ...feeds.map((f) => f.id)];
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup)
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', `two simulations share the id "${dup}"`, { key: 'simulations', value: dup });
  if (o.token !== undefined && (typeof o.token !== 'string' || o.token.length === 0 || o.token.length > 256)) {
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', 'token must be a non-empty string of at most 256 characters', { key: 'token' });
  }
  const paths = o.paths ?? ['/', '/ws'];
  if (!paths.every((p) => p.startsWith('/')))
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', 'paths must start with "/"', { key: 'paths', value: paths });
  const host = o.host ?? '127.0.0.1';
  if (o.csp !== undefined && (typeof o.csp !== 'string' || /[\r\n]/.test(o.csp)))
    throw new TelemetryError('TELEMETRY_INVALID_OPTION', 'csp must be a one-line string', { key: 'csp' });
  return {
    port: check('port', o.port ?? 0, 0, 65535, true),
    host,
    simulations,
    feeds,
    staticHandler: o.staticHandler,
    speedup: check('speedup', o.speedup ?? 1, Number.MIN_VALUE, 10_000),
    loop: o.loop ?? false,
    loopDelayMs: check('loopDelayMs', o.loopDelayMs ?? 5000, 0, 3_600_000),
    startOn: o.startOn ?? 'listen',
    token: o.token,
    allowedOrigins: originPolicy(o, host),
    csp: o.csp,
    floodWarnings: check('floodWarnings', o.floodWarnings ?? 5, 1, 1_000_000, true),
    maxPayloadBytes: check('maxPayloadBytes', o.maxPayloadBytes ?? 65_536, 64, 16 * 2 ** 20, true),
    maxConnections: check('maxConnections', o.maxConnections ?? 2000, 1, 1_000_000, true),
    maxMessagesPerSecond: check('maxMessagesPerSecond', o.maxMessagesPerSecond ?? 20, 0.1, 100_000),
    heartbeatMs: check('heartbeatMs', o.heartbeatMs ?? 15_000, 10, 3_600_000),
    highWaterBytes: check('highWaterBytes', o.highWaterBytes ?? 262_144, 1024, 2 ** 30, true),
    maxBroadcastHz: check('maxBroadcastHz', o.maxBroadcastHz ?? 10, 0.1, 1000),
    record: o.record,
    recordMaxBytes: o.recordMaxBytes === undefined ? undefined : check('recordMaxBytes', o.recordMaxBytes, 1024, Number.MAX_SAFE_INTEGER),
    paths,
    closeTimeoutMs: check('closeTimeoutMs', o.closeTimeoutMs ?? 2000, 0, 60_000),
    resyncMs: check('resyncMs', o.resyncMs ?? 250, 10, 60_000),
  };
}
