/**
 * `agrisim serve`: runs scenarios on the wall clock and serves them live on one HTTP port
 * (viewer page + WebSocket `/ws`), optionally an NMEA 0183 TCP stream and an NDJSON
 * recording; stops cleanly on SIGINT/SIGTERM (clients closed with 1001, recording flushed).
 */
import { readdirSync, existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgrisimError } from '../../errors.js';
import { loadScenario, scenarioFactories, type LoadedScenario, type ScenarioLoadOptions } from '../../scenario/index.js';
import type { Guidance, SimulationFactory } from '../../sim/index.js';
import { loadBlockScenario, readBlockScenario, type BlockRunOptions } from '../block-run.js';
import { PRESCRIPTION_HELP, readDoseInput, WIND_HELP } from '../prescription-input.js';
import { checkMqttUrl, type TelemetryServerOptions } from '../../telemetry/index.js';
import { numberOption, parseOptions, type CliCommand, type ParsedOptions } from '../command.js';
import { checkWritable, originOption, portOption, serveUntilSignal, viewerHandler } from '../live-serve.js';
import { ANY_HOST } from '../join.js';

const HELP = `usage: agrisim serve [options]

Runs simulations on the wall clock and serves them live: the viewer page at
http://HOST:PORT/ and the WebSocket telemetry (protocol agrisim/1) at ws://HOST:PORT/ws.

options:
  --port N             HTTP/WebSocket port (default $PORT, else 8080; 0 = any free port)
  --host H             interface to listen on (default every one, :: and 0.0.0.0, so phones
                       on the same Wi-Fi can join; 127.0.0.1 keeps it to this machine)
  --scenario FILE      scenario to run (repeatable; default every sims/*.json);
                       FILE#rtk,manual runs it once per guidance on the same plan
                       (ids <id>-rtk, <id>-manual: the viewer shows them side by side)
  --speedup K          simulated time per wall time (default 10)
${PRESCRIPTION_HELP}
${WIND_HELP}
                                 (field and block scenarios; the viewer shows the zones and the dose applied)
  --loop               start each run over 5 s after it ends
  --token T            secret for control messages (pause, resume, speed, restart);
                       default $AGRISIM_TOKEN; without one, control is disabled
  --nmea-port N        also stream NMEA 0183 (GGA, RMC, VTG, HDT) over TCP on port N
  --nmea-vehicle ID    vehicle for NMEA, as VEHICLE or SIM:VEHICLE (default: first one)
  --nmea-start ISO     UTC time of simulated t = 0 (default 2024-06-15T00:00:00Z)
  --record FILE        record every broadcast to NDJSON (replay it with agrisim replay)
  --record-max-mb N    stop recording before the file passes N MB (default: no cap)
  --origin URL         allowed browser Origin (repeatable), or any, or same-host (the page's own
                       host); default any on 127.0.0.1, same-host on any other --host
  --max-connections N  WebSocket connection limit (default 2000)
  --start-on listen|subscribe   start runs at once (default) or at their first viewer
  --no-viewer          do not serve the web page (WebSocket only)
  --mqtt URL           also publish every simulation to an MQTT broker (mqtt://HOST:1883),
                       for \`agrisim gateway --mqtt URL\` to serve many viewers
  --farm NAME          farm name in the MQTT topics (default demo)
  --json               print JSON lines (started, stopped) instead of text
  -h, --help           this help

SIGINT, SIGTERM and SIGHUP stop it within 3 s: the recording is flushed first, viewers are
closed with 1001, the MQTT topics cleared (each step bounded, whatever the broker does).

exit codes: 0 stopped by a signal, 1 cannot listen, 2 usage, 3 bad scenario, 5 cannot write`;

/** The sims/ folder: ./sims when it exists, else the one shipped beside the source. */
function defaultScenarios(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = [resolve('sims'), resolve(here, '../../../sims')].find((d) => existsSync(d));
  if (!dir) throw new AgrisimError('CLI_USAGE', 'no sims/ folder found: name scenarios with --scenario');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

const GUIDANCE: readonly string[] = ['rtk', 'gnss', 'manual'];

/** As {@link loadScenarioSpec}, and a block scenario (`block` key) runs its whole fleet as one simulation. */
export async function loadServeSpec(
  spec: string,
  load: ScenarioLoadOptions = {},
  block: BlockRunOptions = {},
): Promise<SimulationFactory[]> {
  const hash = spec.lastIndexOf('#');
  const path = hash < 0 ? spec : spec.slice(0, hash);
  if (!path.toLowerCase().endsWith('.json') || !(await readBlockScenario(path))) return loadScenarioSpec(spec, load);
  const guidance =
    hash < 0
      ? []
      : spec
          .slice(hash + 1)
          .split(',')
          .filter(Boolean);
  if (guidance.some((g) => !GUIDANCE.includes(g)))
    throw new AgrisimError('CLI_USAGE', `--scenario ${spec}: after "#" list guidance from ${GUIDANCE.join(', ')}, comma-separated`);
  return loadBlockScenario(path, guidance as Guidance[], block);
}

/** Loads `FILE` or `FILE#g1,g2` (one run per guidance on the same plan). */
export async function loadScenarioSpec(spec: string, load: ScenarioLoadOptions = {}): Promise<LoadedScenario[]> {
  const hash = spec.lastIndexOf('#');
  if (hash < 0) return [await loadScenario(spec, load)];
  const guidance = spec
    .slice(hash + 1)
    .split(',')
    .filter(Boolean);
  const bad = guidance.find((g) => !GUIDANCE.includes(g));
  if (bad !== undefined || guidance.length === 0)
    throw new AgrisimError('CLI_USAGE', `--scenario ${spec}: after "#" list guidance from ${GUIDANCE.join(', ')}, comma-separated`);
  return scenarioFactories(spec.slice(0, hash), { ...load, guidance: guidance as Guidance[] });
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  scenario: { type: 'string', multiple: true },
  speedup: { type: 'string' },
  loop: { type: 'boolean' },
  token: { type: 'string' },
  'nmea-port': { type: 'string' },
  'nmea-vehicle': { type: 'string' },
  'nmea-start': { type: 'string' },
  record: { type: 'string' },
  'record-max-mb': { type: 'string' },
  origin: { type: 'string', multiple: true },
  'max-connections': { type: 'string' },
  'start-on': { type: 'string' },
  'no-viewer': { type: 'boolean' },
  mqtt: { type: 'string' },
  farm: { type: 'string' },
  json: { type: 'boolean' },
  prescription: { type: 'string' },
  wind: { type: 'string' },
  buffer: { type: 'string' },
} as const;

type ServeValues = ParsedOptions<typeof OPTIONS>['values'];

/** The simulations to serve: every --scenario (or sims/*.json), with the dose options applied. */
async function loadSimulations(values: ServeValues): Promise<SimulationFactory[]> {
  const files = values.scenario ?? defaultScenarios();
  const doseInput = await readDoseInput(values);
  const load: ScenarioLoadOptions = { dose: doseInput.doseFor, ...(doseInput.bufferM ? { fieldTransform: doseInput.transform } : {}) };
  const block: BlockRunOptions = {
    blockDose: doseInput.doseForBlock,
    ...(doseInput.bufferM !== undefined ? { bufferM: doseInput.bufferM } : {}),
  };
  return (await Promise.all(files.map((f) => loadServeSpec(f, load, block)))).flat();
}

/** The number options, checked in the order of the help. */
function numberOptions(values: ServeValues) {
  return {
    port: portOption(values.port),
    speedup: numberOption(values.speedup, 'speedup', 0.001, 10_000) ?? 10,
    nmeaPort: numberOption(values['nmea-port'], 'nmea-port', 0, 65535),
    maxConnections: numberOption(values['max-connections'], 'max-connections', 1, 1_000_000),
    recordMaxMb: numberOption(values['record-max-mb'], 'record-max-mb', 0.01, 1_000_000),
  };
}

/** The server's own options (port, host, speed-up, token, recording, origins, limits). */
function serverOptions(
  values: ServeValues,
  startOn: 'listen' | 'subscribe',
  { port, speedup, maxConnections, recordMaxMb }: ReturnType<typeof numberOptions>,
): TelemetryServerOptions {
  return {
    port,
    host: values.host ?? ANY_HOST,
    speedup,
    loop: values.loop ?? false,
    token: values.token ?? (process.env.AGRISIM_TOKEN || undefined),
    record: values.record,
    startOn,
    ...(recordMaxMb ? { recordMaxBytes: Math.round(recordMaxMb * 1e6) } : {}),
    ...(values.origin ? { allowedOrigins: originOption(values.origin) } : {}),
    ...(maxConnections ? { maxConnections } : {}),
    closeTimeoutMs: 1000,
  };
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length)
      throw new AgrisimError('CLI_USAGE', `serve takes no positional arguments (got ${positionals.join(' ')}); use --scenario`);
    const startOn = values['start-on'] ?? 'listen';
    if (startOn !== 'listen' && startOn !== 'subscribe')
      throw new AgrisimError('CLI_USAGE', `--start-on must be listen or subscribe, got ${startOn}`);
    const numbers = numberOptions(values);
    if (values.record) checkWritable(values.record);
    const simulations = await loadSimulations(values);
    const json = values.json ?? false;
    if (values.mqtt !== undefined) checkMqttUrl(values.mqtt);
    else if (values.farm !== undefined) throw new AgrisimError('CLI_USAGE', '--farm names the farm in MQTT topics: it needs --mqtt URL');
    const staticHandler = values['no-viewer'] ? undefined : await viewerHandler(json);
    return serveUntilSignal(
      { ...serverOptions(values, startOn, numbers), simulations, ...(staticHandler ? { staticHandler } : {}) },
      {
        json,
        nmeaPort: numbers.nmeaPort,
        nmeaVehicle: values['nmea-vehicle'],
        nmeaStart: values['nmea-start'],
        mqtt: values.mqtt,
        farm: values.farm,
        label: 'serve',
      },
    );
  },
};
