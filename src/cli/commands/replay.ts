/**
 * `agrisim replay FILE`: serves a recording exactly as it went: a telemetry recording
 * (`agrisim serve --record`) broadcast by broadcast at its recorded moments, or a simulator
 * recording (`agrisim simulate --record`) frame by frame on the simulated clock.
 */
import { AgrisimError } from '../../errors.js';
import { replayRecording, replaySimulation, SIM_RECORDING_FORMAT, type Simulation } from '../../sim/index.js';
import {
  createReplayFeeds,
  readTelemetryRecording,
  TELEMETRY_RECORDING_FORMAT,
  type TelemetryServerOptions,
} from '../../telemetry/index.js';
import { numberOption, parseOptions, type CliCommand, type ParsedOptions } from '../command.js';
import { readTextFile } from '../io.js';
import { checkWritable, portOption, serveUntilSignal, viewerHandler } from '../live-serve.js';

const HELP = `usage: agrisim replay FILE [options]

Serves a recording live, as \`agrisim serve\` did: the viewer page at http://HOST:PORT/ and
WebSocket telemetry at ws://HOST:PORT/ws. FILE is a telemetry recording (serve --record:
every broadcast replayed at its moment) or a simulator recording (simulate --record).

options:
  --speedup K          wall-time speed-up against the recording (default 1)
  --port N             port (default $PORT, else 8080; 0 = any free port)
  --host H             interface (default 127.0.0.1)
  --token T            control token (simulator recordings only; default $AGRISIM_TOKEN)
  --nmea-port N        also stream NMEA 0183 over TCP on port N
  --nmea-vehicle ID    vehicle for NMEA (VEHICLE or SIM:VEHICLE)
  --nmea-start ISO     UTC time of simulated t = 0 (default 2024-06-15T00:00:00Z)
  --record FILE        record what is served (to NDJSON)
  --start-on listen|subscribe   play at once (default) or at the first viewer
  --exit-at-end        stop once the recording has played (either kind; default: keep serving)
  --no-viewer          WebSocket only
  --json               print JSON lines instead of text
  -h, --help           this help

A recording cut off mid-line (the recorder was killed) plays every complete line, with one
warning; a bad line anywhere else is refused, naming the file and the line.

exit codes: 0 stopped, 1 cannot listen, 2 usage, 3 bad or unreadable recording`;

/** The simulation of a recording, calling `onEnd` once its last frame has been stepped. */
function endingReplay(rec: ReturnType<typeof replayRecording>, onEnd: () => void): Simulation {
  const sim = replaySimulation(rec);
  return {
    ...sim,
    describe: () => sim.describe(),
    metrics: () => sim.metrics(),
    get done() {
      return sim.done;
    },
    step() {
      const f = sim.step();
      if (!f || sim.done) onEnd();
      return f;
    },
  };
}

/** Says once on stderr that the last line was cut short (and left out). */
function warnCut(file: string, cutLine: number | undefined, json: boolean): void {
  if (cutLine === undefined) return;
  const message = `${file}: line ${cutLine} is cut short (the recorder was stopped mid-write); playing the ${cutLine - 1} complete lines before it`;
  if (json) process.stdout.write(JSON.stringify({ event: 'warning', code: 'RECORDING_CUT', line: cutLine, message }) + '\n');
  else process.stderr.write(`agrisim replay: warning: ${message}\n`);
}

const OPTIONS = {
  speedup: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  token: { type: 'string' },
  'nmea-port': { type: 'string' },
  'nmea-vehicle': { type: 'string' },
  'nmea-start': { type: 'string' },
  record: { type: 'string' },
  'start-on': { type: 'string' },
  'exit-at-end': { type: 'boolean' },
  'no-viewer': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

type ReplayValues = ParsedOptions<typeof OPTIONS>['values'];

/** The `format` of a recording's header line, or undefined when line 1 is not JSON. */
function recordingFormat(text: string): unknown {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  try {
    return (JSON.parse(firstLine) as { format?: unknown }).format;
  } catch {
    return undefined;
  }
}

/**
 * Adds what the recording plays to the server's options: a simulator recording as a simulation
 * on the simulated clock, a telemetry recording as feeds at their recorded moments.
 */
function addRecording(
  opts: TelemetryServerOptions,
  recording: { file: string; text: string; speedup: number; onEnd: () => void },
  values: ReplayValues,
): void {
  const { file, text, speedup, onEnd } = recording;
  const json = values.json ?? false;
  const format = recordingFormat(text);
  if (format === SIM_RECORDING_FORMAT) {
    const rec = replayRecording(text, file);
    warnCut(file, rec.cutLine, json);
    const description = rec.header.description;
    opts.simulations = [{ id: description.id, name: description.name, create: () => endingReplay(rec, onEnd) }];
    opts.speedup = speedup;
    opts.token = values.token ?? (process.env.AGRISIM_TOKEN || undefined);
  } else if (format === TELEMETRY_RECORDING_FORMAT) {
    const rec = readTelemetryRecording(text, file);
    warnCut(file, rec.cutLine, json);
    opts.feeds = createReplayFeeds(rec, { speedup, onEnd: () => onEnd() });
  } else {
    throw new AgrisimError(
      'TELEMETRY_RECORDING_INVALID',
      `${file}: line 1 is neither an ${TELEMETRY_RECORDING_FORMAT} nor an ${SIM_RECORDING_FORMAT} header`,
      { line: 1, path: file },
    );
  }
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length !== 1) throw new AgrisimError('CLI_USAGE', 'replay takes exactly one recording FILE');
    const [file] = positionals;
    const speedup = numberOption(values.speedup, 'speedup', 0.001, 10_000) ?? 1;
    const startOn = values['start-on'] ?? 'listen';
    if (startOn !== 'listen' && startOn !== 'subscribe')
      throw new AgrisimError('CLI_USAGE', `--start-on must be listen or subscribe, got ${startOn}`);
    const text = await readTextFile(file);
    if (values.record) checkWritable(values.record);
    const json = values.json ?? false;
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const opts: TelemetryServerOptions = {
      port: portOption(values.port),
      host: values.host ?? '127.0.0.1',
      record: values.record,
      startOn,
    };
    addRecording(opts, { file, text, speedup, onEnd: () => end() }, values);
    const staticHandler = values['no-viewer'] ? undefined : await viewerHandler(json, 'replay');
    if (staticHandler) opts.staticHandler = staticHandler;
    // A moment after the last frame, so viewers get it before the close.
    const until = values['exit-at-end'] ? ended.then(() => new Promise<void>((resolve) => setTimeout(resolve, 200))) : undefined;
    const nmea = { nmeaPort: numberOption(values['nmea-port'], 'nmea-port', 0, 65535), nmeaVehicle: values['nmea-vehicle'] };
    return serveUntilSignal(opts, { json, ...nmea, nmeaStart: values['nmea-start'], label: 'replay' }, until);
  },
};
