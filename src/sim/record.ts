/**
 * Record a run to NDJSON and replay it: a header line (format, version, scenario, seed,
 * description), one line per frame, and a last line with the metrics. The same seed gives
 * byte-identical text; replaying gives the same frames.
 */
import { SimError } from '../errors.js';
import type { SimDescription, SimFrame, SimMetrics, Simulation } from './types.js';

/** Format of recordings; bump on incompatible changes. */
export const SIM_RECORDING_FORMAT = 'agrisim-sim-recording/1';
/** agrisim version written in headers (package.json "version"). */
export const AGRISIM_VERSION = '0.1.0';

/** First line of a recording. */
export interface SimRecordingHeader {
  type: 'header';
  format: typeof SIM_RECORDING_FORMAT;
  version: string;
  scenario: string | null;
  seed: number;
  description: SimDescription;
}

/** A parsed recording. */
export interface SimRecording {
  header: SimRecordingHeader;
  frames: SimFrame[];
  metrics?: SimMetrics;
  /** Set when the file ends in the middle of a line (a killed run): that line's number; it was left out. */
  cutLine?: number;
  /** The signal that stopped the run early (SIGINT, SIGTERM, SIGHUP), from the metrics line. */
  interrupted?: string;
}

/** Writes a recording line by line as frames arrive (from runToEnd, simulate$ or a server). */
export interface SimRecorder {
  frame(f: SimFrame): void;
  /** Writes the metrics line (with `interrupted`: the signal that stopped the run early). */
  end(metrics: SimMetrics, interrupted?: string): void;
}

/**
 * Starts a recording of `sim`: writes the header line now.
 * @example
 * ```ts
 * import { createSimRecorder, loadScenario, simulate$ } from 'agrisim';
 * const sim = (await loadScenario('sims/thai-binh-drone.json')).create();
 * const lines: string[] = [];
 * const rec = createSimRecorder(sim, (line) => lines.push(line));
 * simulate$(sim).subscribe({ next: rec.frame, complete: () => rec.end(sim.metrics()) });
 * ```
 */
export function createSimRecorder(sim: Simulation, write: (line: string) => void, options: { scenario?: string } = {}): SimRecorder {
  const d = sim.describe();
  const header: SimRecordingHeader = {
    type: 'header',
    format: SIM_RECORDING_FORMAT,
    version: AGRISIM_VERSION,
    scenario: options.scenario ?? null,
    seed: d.seed,
    description: d,
  };
  write(JSON.stringify(header) + '\n');
  return {
    frame: (f) => write(JSON.stringify(f) + '\n'),
    end: (metrics, interrupted) =>
      write(JSON.stringify(interrupted ? { type: 'metrics', metrics, interrupted } : { type: 'metrics', metrics }) + '\n'),
  };
}

/**
 * Runs `sim` to its end, writing NDJSON lines through `write` (each ends with a newline).
 * @returns the final metrics and the number of frames
 * @example
 * ```ts
 * import { loadScenario, recordRun } from 'agrisim';
 * const sim = (await loadScenario('sims/thai-binh-drone.json')).create();
 * const lines: string[] = [];
 * recordRun(sim, (line) => lines.push(line), { scenario: 'sims/thai-binh-drone.json' });
 * ```
 */
export function recordRun(
  sim: Simulation,
  write: (line: string) => void,
  options: { scenario?: string } = {},
): { metrics: SimMetrics; frames: number } {
  const rec = createSimRecorder(sim, write, options);
  let frames = 0;
  for (let f = sim.step(); f; f = sim.step()) {
    rec.frame(f);
    frames++;
  }
  const metrics = sim.metrics();
  rec.end(metrics);
  return { metrics, frames };
}

/**
 * Records a whole run into one string (small runs and tests).
 * @example
 * ```ts
 * import { loadScenario, recordToString } from 'agrisim';
 * const sim = (await loadScenario('sims/thai-binh-drone.json')).create();
 * const ndjson = recordToString(sim, { scenario: 'demo' });
 * ```
 */
export function recordToString(sim: Simulation, options: { scenario?: string } = {}): string {
  const parts: string[] = [];
  recordRun(sim, (l) => parts.push(l), options);
  return parts.join('');
}

function invalidLine(line: number, message: string, source?: string): never {
  throw new SimError('SIM_REPLAY_INVALID', `${source ? `${source}: ` : ''}recording line ${line}: ${message}`, {
    line,
    ...(source ? { path: source } : {}),
  });
}

/**
 * The JSON objects of an NDJSON recording (a simulator's or a telemetry server's), each with its
 * 1-based line number, blank lines skipped, and the number of a last line cut short: text that
 * does not end with a newline and is not JSON was being written when the writer stopped. A line
 * anywhere else that is not a JSON object goes to `invalid` (each reader throws its own code).
 */
export function recordingObjects(
  text: string,
  invalid: (line: number, message: string) => never,
): { objects: { line: number; obj: Record<string, unknown> }[]; cutLine?: number } {
  let lines = text.split('\n');
  let cutLine: number | undefined;
  const last = lines[lines.length - 1];
  if (last.trim() !== '') {
    try {
      JSON.parse(last);
    } catch {
      cutLine = lines.length;
      lines = lines.slice(0, -1);
    }
  }
  const objects: { line: number; obj: Record<string, unknown> }[] = [];
  lines.forEach((raw, i) => {
    if (raw.trim() === '') return;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      invalid(i + 1, 'not JSON');
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) invalid(i + 1, 'not a JSON object');
    objects.push({ line: i + 1, obj: obj as Record<string, unknown> });
  });
  return cutLine === undefined ? { objects } : { objects, cutLine };
}

/**
 * Parses a recording made by {@link recordRun}.
 * A last line cut short (a run killed mid-write) is left out and reported as `cutLine`.
 * @param text - the NDJSON text
 * @param source - file name for messages
 * @returns header, frames (the same as the run's), final metrics
 * @throws SimError `SIM_REPLAY_INVALID` naming the file and the bad line
 * @example
 * ```ts
 * import { loadScenario, recordToString, replayRecording } from 'agrisim';
 * const ndjson = recordToString((await loadScenario('sims/thai-binh-drone.json')).create());
 * const { header, frames, metrics } = replayRecording(ndjson); // or readFileSync('run.ndjson', 'utf8')
 * ```
 */
export function replayRecording(text: string, source?: string): SimRecording {
  const invalid: (line: number, message: string) => never = (line, message) => invalidLine(line, message, source);
  const { objects, cutLine } = recordingObjects(text, invalid);
  let header: SimRecordingHeader | undefined;
  const frames: SimFrame[] = [];
  let metrics: SimMetrics | undefined;
  let interrupted: string | undefined;
  for (const { line, obj } of objects) {
    if (line === 1) {
      if (obj.type !== 'header' || obj.format !== SIM_RECORDING_FORMAT) invalid(1, `not an ${SIM_RECORDING_FORMAT} header`);
      header = obj as unknown as SimRecordingHeader;
      continue;
    }
    if (obj.type === 'metrics') {
      metrics = obj.metrics as SimMetrics;
      if (typeof obj.interrupted === 'string') interrupted = obj.interrupted;
      continue;
    }
    if (typeof obj.t !== 'number' || !Array.isArray(obj.vehicles) || !Array.isArray(obj.events) || typeof obj.progress !== 'object') {
      invalid(line, 'a frame needs t, vehicles, progress and events');
    }
    frames.push(obj as unknown as SimFrame);
  }
  if (!header) invalid(1, 'empty recording');
  return { header, frames, metrics, ...(cutLine !== undefined ? { cutLine } : {}), ...(interrupted ? { interrupted } : {}) };
}

/**
 * A {@link Simulation} that plays a recording back frame by frame (for serving recorded runs).
 * @throws SimError `SIM_REPLAY_INVALID`
 * @example
 * ```ts
 * import { loadScenario, recordToString, replaySimulation, simulate$ } from 'agrisim';
 * const ndjson = recordToString((await loadScenario('sims/thai-binh-drone.json')).create());
 * simulate$(replaySimulation(ndjson), { speedup: 10 }).subscribe((frame) => console.log(frame.t));
 * ```
 */
export function replaySimulation(text: string | SimRecording): Simulation {
  const rec = typeof text === 'string' ? replayRecording(text) : text;
  let i = 0;
  const last = rec.frames[rec.frames.length - 1];
  return {
    describe: () => rec.header.description,
    step: () => (i < rec.frames.length ? rec.frames[i++] : undefined),
    get done() {
      return i >= rec.frames.length;
    },
    metrics: () => {
      if (rec.metrics && i >= rec.frames.length) return rec.metrics;
      const base = rec.metrics ?? emptyMetrics(rec.header.seed);
      return { ...base, timeS: { ...base.timeS, total: (rec.frames[i - 1] ?? last)?.t / 1000 || 0 } };
    },
  };
}

function emptyMetrics(seed: number): SimMetrics {
  return {
    guidance: 'rtk',
    seed,
    timeS: { working: 0, turning: 0, transit: 0, refill: 0, total: 0 },
    sorties: 0,
    refills: 0,
    areaCoveredHa: 0,
    coveredPct: 0,
    overlapPct: 0,
    gapPct: 0,
    inputUsed: 0,
    inputOffTargetKg: 0,
    energy: {},
    fieldCapacityHaPerH: 0,
    faults: 0,
  };
}
