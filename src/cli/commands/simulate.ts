/**
 * `agrisim simulate <field|scenario>`: run the simulator on a field file or a sims/*.json
 * scenario; print metrics (or JSON), optionally record NDJSON, compare guided vs manual.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { lastValueFrom, takeUntil, tap } from 'rxjs';
import { AgrisimError } from '../../errors.js';
import { jsonProblem } from '../../field/index.js';
import { createSimRecorder, type SimRecorder } from '../../sim/index.js';
import { scenarioFromObject, type ScenarioLoadOptions } from '../../scenario/index.js';
import { simulate$ } from '../../sim/index.js';
import type { FleetMetrics, RunMetrics, SimFrame, Guidance, SimulationFactory } from '../../sim/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand, type ParsedOptions } from '../command.js';
import { progressBar } from '../progress.js';
import { openRecord } from '../record-file.js';
import { onStopSignal, type StopSignalName } from '../stop-signal.js';
import { simCompareTable, simMetricsTable, doseTable } from '../../sim/index.js';
import { BLOCK_BUFFER_HELP, PRESCRIPTION_HELP, readDoseInput, WIND_HELP } from '../prescription-input.js';
import { blockScenarioFromObject, isBlockFile, isBlockScenario, loadBlockFile, type BlockRunOptions } from '../block-run.js';
import { blockSummary } from '../block-summary.js';
import { MAX_MACHINES } from '../../block/index.js';

/** How a run is loaded: a scenario's options and, for a block, its dose per plan. */
type SimulateLoad = ScenarioLoadOptions & Pick<BlockRunOptions, 'blockDose' | 'bufferM'>;

/** A scenario or block run factory: what runOne needs. */
type RunFactory = SimulationFactory & { scenario: { id: string; name: string } };

const HELP = `usage: agrisim simulate <field|block|scenario.json> [options]

Simulates the planned work: vehicles driving the route with GNSS and driving error,
tank/battery/trays and refills, faults; measures coverage, overlap and gaps.
A block file (features with kind paddy, road, gate, depot) is planned for a fleet
(agrisim block) and the whole fleet runs as one simulation: depot crew queues, road
travel, per-paddy progress and the makespan (time until the last machine is done).

options:
  --vehicle drone|transplanter   machine for a field or block file (default drone; scenarios name theirs)
  --machines N                   fleet size: N machines (field files share the route; blocks are
                                 planned for N; default 1). --vehicles N is the same
  --guidance rtk|gnss|manual     guidance of every vehicle (default: the scenario's, else rtk)
  --seed N                       seed of every random thing (default: the scenario's, else 1)
  --paddies N                    simulate the first N paddies as fields (default all; on a
                                 block file this runs them without the fleet, roads and depot)
  --cell M                       coverage raster cell, m (default 0.25)
  --faults on|off                RTK loss, gusts, weak batteries (default on for scenarios, off for fields)
  --speedup K                    run on the wall clock at K× real time (default: as fast as possible)
  --record FILE                  write the run to NDJSON (header, one frame per line, metrics);
                                 lines are written whole every 250 ms, and SIGINT/SIGTERM/SIGHUP
                                 end the run there with its metrics line (marked "interrupted")
${PRESCRIPTION_HELP}
${BLOCK_BUFFER_HELP}
${WIND_HELP}
  --compare                      run guided (--guidance, default rtk) and manual, side by side
  --json                         print JSON instead of a table
  -h, --help                     this help

exit codes: 0 ok (or stopped by a signal, recording kept), 2 usage, 3 bad field/block/scenario, 4 field cannot be planned, 5 cannot write`;

const GUIDANCE = ['rtk', 'gnss', 'manual'];

/** Fleet size from --machines (or its alias --vehicles). */
function machinesOption(opts: Record<string, string | boolean | undefined>): number {
  if (opts.machines !== undefined && opts.vehicles !== undefined && opts.machines !== opts.vehicles) {
    throw new AgrisimError(
      'CLI_USAGE',
      `--machines ${String(opts.machines)} and --vehicles ${String(opts.vehicles)} disagree (--vehicles is another name for --machines)`,
    );
  }
  return numberOption((opts.machines ?? opts.vehicles) as string | undefined, 'machines', 1, 100) ?? 1;
}

async function loadInput(path: string, opts: Record<string, string | boolean | undefined>, load: SimulateLoad): Promise<RunFactory> {
  const abs = resolve(path);
  const blockOpts: BlockRunOptions = { ...load };
  // --paddies N picks paddies of the file to run as fields (one plan each), block file or not;
  // without it a block file runs its whole fleet.
  if (opts.paddies === undefined && (await isBlockFile(abs))) {
    const machines = machinesOption(opts);
    if (machines > MAX_MACHINES)
      throw new AgrisimError('CLI_USAGE', `--machines must be at most ${MAX_MACHINES} for a block, got ${machines}`);
    return loadBlockFile(abs, ((opts.vehicle as string | undefined) ?? 'drone') as 'drone' | 'transplanter', machines, blockOpts);
  }
  if (path.toLowerCase().endsWith('.json')) {
    let obj: unknown;
    let text: string;
    try {
      text = await readFile(abs, 'utf8');
    } catch (e) {
      throw new AgrisimError('IO_READ', `cannot read ${path}: ${(e as Error).message}`, { path });
    }
    try {
      obj = JSON.parse(text);
    } catch (e) {
      throw new AgrisimError('SIM_SCENARIO_INVALID', `${path}: not valid JSON: ${jsonProblem(e)}`, { path });
    }
    if (isBlockScenario(obj)) return blockScenarioFromObject(obj, dirname(abs), path, blockOpts);
    if (obj && typeof obj === 'object' && 'vehicles' in obj) return scenarioFromObject(obj, dirname(abs), path, load);
  }
  const profile = (opts.vehicle as string | undefined) ?? 'drone';
  const count = machinesOption(opts);
  const paddies = numberOption(opts.paddies as string | undefined, 'paddies', 1, 10_000);
  const scenario = {
    id: basename(path).replace(/\.[^.]+$/, ''),
    name: `${basename(path)} (${profile})`,
    field: abs,
    ...(paddies ? { paddies: Array.from({ length: paddies }, (_, i) => i) } : {}),
    vehicles: Array.from({ length: count }, (_, i) => ({ profile, guidance: load.guidance ?? 'rtk', id: `${profile}-${i + 1}` })),
    seed: 1,
    faults: false,
  };
  return scenarioFromObject(scenario, dirname(abs), path, load);
}

async function runOne(factory: RunFactory, speedup: number | undefined, recordFile: string | undefined, label: string) {
  const sim = factory.create();
  const record = recordFile ? openRecord(recordFile) : undefined;
  const recorder: SimRecorder | undefined = record ? createSimRecorder(sim, record.write, { scenario: factory.scenario.id }) : undefined;
  const bar = progressBar(1000);
  let frames = 0;
  const onFrame = (frame: SimFrame) => {
    frames++;
    recorder?.frame(frame);
    if ((frames & 255) === 0 || speedup !== undefined) {
      const progress = frame.progress;
      bar.tick(
        Math.round((1000 * progress.elapsedS) / Math.max(1e-9, progress.elapsedS + progress.etaS)),
        `${label} ${progress.coveredPct.toFixed(1)} % ${Math.round(progress.elapsedS)} s`,
      );
    }
  };
  const startMs = performance.now();
  // A stop signal ends the run where it is: its metrics line is written (marked) and the file closed.
  let interrupted: StopSignalName | undefined;
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const dispose = onStopSignal((signal) => {
    interrupted = signal;
    stop();
  });
  try {
    await lastValueFrom(simulate$(sim, { speedup: speedup ?? Infinity, batchTicks: 5000 }).pipe(tap(onFrame), takeUntil(stopped)), {
      defaultValue: undefined,
    });
  } finally {
    dispose();
  }
  const wallMs = performance.now() - startMs;
  bar.done();
  const metrics = sim.metrics() as RunMetrics;
  recorder?.end(metrics, interrupted);
  record?.close();
  if (interrupted)
    process.stderr.write(
      `agrisim simulate: stopped by ${interrupted} after ${frames} frames${recordFile ? `; ${recordFile} holds them and the metrics so far` : ''}\n`,
    );
  return { metrics, frames, wallMs, description: sim.describe(), interrupted };
}

const OPTIONS = {
  vehicle: { type: 'string' },
  machines: { type: 'string' },
  vehicles: { type: 'string' },
  guidance: { type: 'string' },
  seed: { type: 'string' },
  paddies: { type: 'string' },
  cell: { type: 'string' },
  faults: { type: 'string' },
  speedup: { type: 'string' },
  record: { type: 'string' },
  compare: { type: 'boolean' },
  json: { type: 'boolean' },
  prescription: { type: 'string' },
  wind: { type: 'string' },
  buffer: { type: 'string' },
} as const;

type SimulateValues = ParsedOptions<typeof OPTIONS>['values'];

/** The choice options (--vehicle, --guidance, --faults): each must name a known value. */
function checkChoices(values: SimulateValues): void {
  if (values.vehicle !== undefined && !['drone', 'transplanter'].includes(values.vehicle)) {
    throw new AgrisimError('CLI_USAGE', `--vehicle must be drone or transplanter, got "${values.vehicle}"`);
  }
  if (values.guidance !== undefined && !GUIDANCE.includes(values.guidance)) {
    throw new AgrisimError('CLI_USAGE', `--guidance must be rtk, gnss or manual, got "${values.guidance}"`);
  }
  if (values.faults !== undefined && !['on', 'off'].includes(values.faults))
    throw new AgrisimError('CLI_USAGE', `--faults must be on or off, got "${values.faults}"`);
}

/** How every run is loaded: --seed, --cell, --faults and the dose options (--prescription, --wind, --buffer). */
async function loadOptions(values: SimulateValues, seed: number | undefined): Promise<SimulateLoad> {
  const load: SimulateLoad = {
    seed,
    cellM: numberOption(values.cell, 'cell', 0.01, 100),
    ...(values.faults ? { faults: values.faults === 'on' } : {}),
  };
  const doseInput = await readDoseInput(values);
  if (doseInput.bufferM) load.fieldTransform = doseInput.transform;
  load.dose = doseInput.doseFor;
  load.blockDose = doseInput.doseForBlock;
  if (doseInput.bufferM !== undefined) load.bufferM = doseInput.bufferM;
  return load;
}

/** One run: its metrics as JSON, or the metrics table (with the dose table and, for a block, its summary). */
async function runSingle(file: string, values: SimulateValues, load: SimulateLoad, speedup: number | undefined): Promise<number> {
  const factory = await loadInput(file, values, load);
  const result = await runOne(factory, speedup, values.record, factory.id);
  if (values.json)
    process.stdout.write(
      JSON.stringify(
        { scenario: factory.id, name: factory.name, frames: result.frames, wallMs: Math.round(result.wallMs), metrics: result.metrics },
        null,
        2,
      ) + '\n',
    );
  else {
    process.stdout.write(
      simMetricsTable(factory.name, result.metrics, result.frames, result.wallMs, result.description.tickMs) +
        (result.metrics.dose ? `\n\n${doseTable(result.metrics.dose)}` : '') +
        '\n',
    );
    if ('makespanS' in result.metrics) process.stdout.write(blockSummary(result.metrics as FleetMetrics) + '\n');
  }
  return EXIT.OK;
}

/** `--compare`: the guided run (recorded when --record), then the manual one, side by side. */
async function runCompare(file: string, values: SimulateValues, load: SimulateLoad, speedup: number | undefined): Promise<number> {
  const guided: Guidance = load.guidance && load.guidance !== 'manual' ? load.guidance : 'rtk';
  const guidedFactory = await loadInput(file, values, { ...load, guidance: guided });
  const manualFactory = await loadInput(file, values, { ...load, guidance: 'manual' });
  const guidedRun = await runOne(guidedFactory, speedup, values.record, guided);
  if (guidedRun.interrupted) return EXIT.OK; // stopped by a signal: no manual run to compare with
  const manualRun = await runOne(manualFactory, speedup, undefined, 'manual');
  if (values.json) {
    process.stdout.write(
      JSON.stringify({ scenario: guidedFactory.scenario.id, guided: guidedRun.metrics, manual: manualRun.metrics }, null, 2) + '\n',
    );
  } else {
    process.stdout.write(simCompareTable(guidedFactory.scenario.name, guidedRun.metrics, manualRun.metrics) + '\n');
  }
  return EXIT.OK;
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, OPTIONS);
    if (positionals.length !== 1) throw new AgrisimError('CLI_USAGE', 'give exactly one field or scenario file (see --help)');
    checkChoices(values);
    const seed = numberOption(values.seed, 'seed', 0, 2 ** 32 - 1);
    if (seed !== undefined && !Number.isInteger(seed))
      throw new AgrisimError('CLI_USAGE', `--seed must be a whole number, got "${values.seed}"`);
    const speedup = numberOption(values.speedup, 'speedup', 0.001, 1e9);
    const load = await loadOptions(values, seed);
    const guidance = values.guidance as Guidance | undefined;
    if (values.compare) return runCompare(positionals[0], values, { ...load, guidance }, speedup);
    return runSingle(positionals[0], values, { ...load, guidance }, speedup);
  },
};
