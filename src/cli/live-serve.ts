/**
 * Serving live, as `serve`, `replay`, `gateway` and `demo` do: the viewer's handler, the server
 * with its NMEA stream and MQTT publisher, the started and stopped lines, and a shutdown bounded
 * by SHUTDOWN_BUDGET_MS; plus the options these commands share (--port, --origin).
 */
import { closeSync, openSync } from 'node:fs';
import { AgrisimError, isAgrisimError } from '../errors.js';
import { startNmeaServer, type NmeaServer } from '../telemetry/index.js';
import { publishFeedsToMqtt, type MqttPublisher } from '../telemetry/index.js';
import { startTelemetryServer, type TelemetryServer } from '../telemetry/index.js';
import type { StaticHandler, TelemetryServerOptions } from '../telemetry/index.js';
import { EXIT, numberOption } from './command.js';
import { SHUTDOWN_BUDGET_MS, stopSignal, TIMED_OUT, watchStopSignals, withTimeout, type StopWatch } from './stop-signal.js';
import { ANY_HOST, ANY_HOST_V4, isNoIpv6, joinUrlOf, lanUrls, loopbackUrl, terminalQr } from './join.js';

/** Fails early (IO_WRITE, exit 5) when the recording file cannot be created. */
export function checkWritable(path: string): void {
  try {
    closeSync(openSync(path, 'w'));
  } catch (e) {
    throw new AgrisimError('IO_WRITE', `cannot write ${path}: ${(e as Error).message}`, { path });
  }
}

/**
 * Loads the viewer's handler with the "my paddy" endpoint beside it (POST api/paddy), or runs
 * without a page when it cannot be built (said on stderr as `agrisim <label>`).
 * @param defaultLang - page language when the visitor has not chosen one (the demo: `vi`)
 */
export async function viewerHandler(json: boolean, label = 'serve', defaultLang?: 'vi' | 'en'): Promise<StaticHandler | undefined> {
  try {
    const { createViewerHandler } = await import('../viewer/index.js');
    const { createOwnPaddyHandler } = await import('../own-paddy/index.js');
    const viewer = createViewerHandler(defaultLang ? { defaultLang } : {});
    await viewer.ready;
    const paddy = createOwnPaddyHandler();
    const both: StaticHandler = (req, res) => paddy(req, res) || viewer(req, res);
    return Object.assign(both, { ready: viewer.ready, setJoinUrl: viewer.setJoinUrl });
  } catch (e) {
    if (!json) process.stderr.write(`agrisim ${label}: viewer unavailable (${(e as Error).message}); serving WebSocket only\n`);
    return undefined;
  }
}

/** CLI flags shared by serve and replay. */
export interface CommonFlags {
  json: boolean;
  nmeaPort?: number;
  nmeaVehicle?: string;
  nmeaStart?: string;
  /** Also publish to this MQTT broker (issue 8 scale path), under this farm. */
  mqtt?: string;
  farm?: string;
  label: string;
  /** Stop signals watched since the command started (default: from the server's start on). */
  stop?: StopWatch;
}

/** Starts the server on `opts.host` (default every interface); without IPv6, `::` falls back to `0.0.0.0`. */
async function startOnHost(opts: TelemetryServerOptions): Promise<TelemetryServer> {
  const host = opts.host ?? ANY_HOST;
  try {
    return await startTelemetryServer({ ...opts, host });
  } catch (e) {
    if (host !== ANY_HOST || !isNoIpv6(e)) throw e;
    return startTelemetryServer({ ...opts, host: ANY_HOST_V4 });
  }
}

/** A handler that can be told the URL phones should open (the viewer's QR code). */
type JoinAware = { setJoinUrl?: (url: string) => void };

/** What runs beside the server: the NMEA stream and the MQTT publisher. */
interface Extras {
  nmea?: NmeaServer;
  mqtt?: MqttPublisher;
}

/** Starts the MQTT publisher and the NMEA stream the flags ask for; on failure closes what started, and the server. */
async function startExtras(server: TelemetryServer, flags: CommonFlags, stop: StopWatch): Promise<Extras> {
  const extras: Extras = {};
  try {
    if (flags.mqtt) extras.mqtt = await publishFeedsToMqtt(server.feeds, { url: flags.mqtt, farm: flags.farm, abortSignal: stop.abort });
    if (flags.nmeaPort !== undefined) {
      // --nmea-vehicle SIM:VEHICLE or VEHICLE
      const [simId, vehicleId] = flags.nmeaVehicle?.includes(':') ? flags.nmeaVehicle.split(':', 2) : [undefined, flags.nmeaVehicle];
      const feed = simId
        ? server.feeds.find((f) => f.id === simId)
        : vehicleId
          ? server.feeds.find((f) => f.state().description.vehicles.some((v) => v.id === vehicleId))
          : server.feeds[0];
      if (!feed) throw new AgrisimError('CLI_USAGE', `--nmea-vehicle ${flags.nmeaVehicle}: no such simulation or vehicle`);
      extras.nmea = await startNmeaServer({ feed, vehicle: vehicleId, port: flags.nmeaPort, host: server.host, startUtc: flags.nmeaStart });
    }
    return extras;
  } catch (e) {
    await shutDown(flags.label, flags.json, [
      ['MQTT', extras.mqtt?.close()],
      ['recording and viewers', server.close()],
    ]);
    throw e;
  }
}

/** Says where it listens: the loopback URL, every LAN URL and a QR code of the first (or one JSON line). */
async function printStarted(server: TelemetryServer, extras: Extras, flags: CommonFlags, joinUrl: string): Promise<void> {
  const { nmea, mqtt } = extras;
  const lan = lanUrls(server.host, server.port);
  const localUrl = loopbackUrl(server.host, server.port);
  const sims = server.feeds.map((f) => ({ id: f.id, name: f.offer().name }));
  if (flags.json) {
    process.stdout.write(
      JSON.stringify({
        event: 'started',
        url: localUrl.replace(/^http/, 'ws') + 'ws',
        httpUrl: localUrl,
        host: server.host,
        lanUrls: lan,
        joinUrl,
        port: server.port,
        simulations: sims,
        ...(nmea ? { nmeaPort: nmea.port, nmeaVehicle: nmea.vehicle } : {}),
        ...(mqtt ? { mqtt: flags.mqtt, farm: flags.farm ?? 'demo' } : {}),
      }) + '\n',
    );
    return;
  }
  const lines = [
    `agrisim ${flags.label}: ${localUrl}  (WebSocket ${localUrl.replace(/^http/, 'ws')}ws)`,
    ...sims.map((s) => `  ${s.id}: ${s.name}`),
  ];
  if (lan.length)
    lines.push('Phones on the same Wi-Fi / Điện thoại cùng mạng Wi-Fi:', ...lan.map((u) => `  ${u}`), await terminalQr(joinUrl));
  else lines.push(`Only this machine can open it (--host ${server.host}) / Chỉ máy này mở được.`);
  if (nmea) lines.push(`  NMEA 0183 of ${nmea.vehicle}: ${localUrl.replace(/^http:\/\/(.*):\d+\/$/, 'tcp://$1')}:${nmea.port}`);
  if (mqtt)
    lines.push(
      `  MQTT: publishing to ${flags.mqtt} as farm ${flags.farm ?? 'demo'} (serve viewers with agrisim gateway --mqtt ${flags.mqtt})`,
    );
  lines.push('Press Ctrl+C to stop.');
  process.stdout.write(lines.join('\n') + '\n');
}

/** The last words: a `stopped` JSON line, or a sentence (and a word on a recording cut at its cap). */
function printStopped(label: string, json: boolean, signal: string, stats: Partial<ReturnType<TelemetryServer['stats']>>): void {
  const { broadcasts = 0, framesSent = 0, recordedLines = 0, recordingTruncated = false } = stats;
  if (json)
    return void process.stdout.write(
      JSON.stringify({ event: 'stopped', signal, broadcasts, framesSent, recordedLines, recordingTruncated }) + '\n',
    );
  process.stdout.write(`agrisim ${label}: stopped (${signal}); ${broadcasts} broadcasts, ${framesSent} frames sent\n`);
  if (recordingTruncated)
    process.stderr.write(`agrisim ${label}: the recording stopped early at its size cap (${recordedLines} lines kept)\n`);
}

/** True for a start-up abandoned by a stop signal (see watchStopSignals): the command then ends with exit 0. */
export function isAborted(e: unknown): boolean {
  return isAgrisimError(e) && e.code === 'TELEMETRY_ABORTED';
}

/**
 * Starts the server (and NMEA, MQTT), prints where, waits for SIGINT/SIGTERM/SIGHUP (or
 * `until`), shuts down and returns the exit code. A signal while MQTT connects ends it the same way.
 */
export async function serveUntilSignal(opts: TelemetryServerOptions, flags: CommonFlags, until?: Promise<void>): Promise<number> {
  const stop = flags.stop ?? watchStopSignals();
  // Viewers get 1 s to answer the close handshake: the whole stop must fit in SHUTDOWN_BUDGET_MS.
  const server: TelemetryServer = await startOnHost({ closeTimeoutMs: 1000, ...opts });
  const joinUrl = joinUrlOf(server.host, server.port);
  (opts.staticHandler as JoinAware | undefined)?.setJoinUrl?.(joinUrl);
  let extras: Extras;
  try {
    extras = await startExtras(server, flags, stop);
  } catch (e) {
    if (!isAborted(e)) throw e;
    printStopped(flags.label, flags.json, await stop.stopped, server.stats());
    return EXIT.OK;
  }
  // Signals are watched before saying where: a supervisor may signal as soon as it reads the line.
  const stopped = stopSignal(until, stop);
  await printStarted(server, extras, flags, joinUrl);
  const signal = await stopped;
  const stats = server.stats();
  await shutDown(flags.label, flags.json, [
    ['recording and viewers', server.close()],
    ['NMEA stream', extras.nmea?.close()],
    ['MQTT', extras.mqtt?.close()],
  ]);
  printStopped(flags.label, flags.json, signal, stats);
  return EXIT.OK;
}

/**
 * Runs the shutdown steps side by side, each bounded so the whole stays within
 * SHUTDOWN_BUDGET_MS; a step that ran out of time or failed is said on stderr, not awaited.
 */
export async function shutDown(label: string, json: boolean, steps: [string, Promise<unknown> | undefined][]): Promise<void> {
  const budgetMs = SHUTDOWN_BUDGET_MS - 500;
  await Promise.all(
    steps.map(async ([what, step]) => {
      if (!step) return;
      let outcome: unknown;
      try {
        outcome = await withTimeout(step, budgetMs);
      } catch (e) {
        return void process.stderr.write(`agrisim ${label}: while stopping ${what}: ${(e as Error).message}\n`);
      }
      if (outcome === TIMED_OUT && !json)
        process.stderr.write(`agrisim ${label}: ${what} did not stop within ${budgetMs} ms; left behind\n`);
    }),
  );
}

/** `--origin` values: `any`, `same-host`, or a list of origins. */
export function originOption(values: string[] | undefined): TelemetryServerOptions['allowedOrigins'] {
  if (!values) return undefined;
  if (values.length === 1 && (values[0] === 'any' || values[0] === 'same-host')) return values[0];
  return values;
}

/** Parses --port, honouring $PORT. */
export function portOption(value: string | undefined): number {
  return numberOption(value ?? process.env.PORT ?? '8080', 'port', 0, 65535) as number;
}
