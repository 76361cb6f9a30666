/**
 * `agrisim simulate <field|scenario>`: run the simulator on a field file or a sims/*.json
 * scenario; print metrics (or JSON), optionally record NDJSON, compare guided vs manual.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { lastValueFrom, tap } from 'rxjs';
import { AgrisimError } from '../../errors.js';
import { createSimRecorder, type SimRecorder } from '../../sim/index.js';
import { scenarioFromObject, type LoadedScenario, type ScenarioLoadOptions } from '../../scenario/index.js';
import { simulate$ } from '../../sim/index.js';
import type { RunMetrics } from '../../sim/index.js';
import type { SimFrame, Guidance } from '../../sim/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand } from '../command.js';
import { progressBar } from '../progress.js';
import { simCompareTable, simMetricsTable, doseTable } from '../../sim/index.js';
import { PRESCRIPTION_HELP, readDoseInput, WIND_HELP } from '../prescription-input.js';

const HELP = `usage: agrisim simulate <field.geojson|field.kml|scenario.json> [options]

Simulates the planned work: vehicles driving the route with GNSS and driving error,
tank/battery/trays and refills, faults; measures coverage, overlap and gaps.

options:
  --vehicle drone|transplanter   machine for a field file (default drone; scenarios name theirs)
  --vehicles N                   N machines sharing the work (field files; default 1)
  --guidance rtk|gnss|manual     guidance of every vehicle (default: the scenario's, else rtk)
  --seed N                       seed of every random thing (default: the scenario's, else 1)
  --paddies N                    field files: simulate the first N paddies (default all)
  --cell M                       coverage raster cell, m (default 0.25)
  --faults on|off                RTK loss, gusts, weak batteries (default on for scenarios, off for fields)
  --speedup K                    run on the wall clock at K× real time (default: as fast as possible)
  --record FILE                  write the run to NDJSON (header, one frame per line, metrics)
${PRESCRIPTION_HELP}
${WIND_HELP}
  --compare                      run guided (--guidance, default rtk) and manual, side by side
  --json                         print JSON instead of a table
  -h, --help                     this help

exit codes: 0 ok, 2 usage, 3 bad field/scenario, 4 field cannot be planned, 5 cannot write`;

const GUIDANCE = ['rtk', 'gnss', 'manual'];

async function loadInput(path: string, opts: Record<string, string | boolean | undefined>, load: ScenarioLoadOptions): Promise<LoadedScenario> {
  const abs = resolve(path);
  if (path.toLowerCase().endsWith('.json')) {
    let obj: unknown;
    try {
      obj = JSON.parse(await readFile(abs, 'utf8'));
    } catch (e) {
      throw new AgrisimError('IO_READ', `cannot read ${path}: ${(e as Error).message}`, { path });
    }
    if (obj && typeof obj === 'object' && 'vehicles' in obj) return scenarioFromObject(obj, dirname(abs), path, load);
  }
  const profile = (opts.vehicle as string | undefined) ?? 'drone';
  const count = numberOption(opts.vehicles as string | undefined, 'vehicles', 1, 100) ?? 1;
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

function openRecord(file: string): { write(line: string): void; close(): void } {
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    throw new AgrisimError('IO_WRITE', `cannot write ${file}: ${(e as Error).message}`, { path: file });
  }
  let buf: string[] = [];
  let size = 0;
  const flush = () => {
    if (buf.length) writeSync(fd, buf.join(''));
    buf = [];
    size = 0;
  };
  return {
    write(line) {
      buf.push(line);
      size += line.length;
      if (size > 1 << 20) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

async function runOne(factory: LoadedScenario, speedup: number | undefined, recordFile: string | undefined, label: string) {
  const sim = factory.create();
  const out = recordFile ? openRecord(recordFile) : undefined;
  const rec: SimRecorder | undefined = out ? createSimRecorder(sim, out.write, { scenario: factory.scenario.id }) : undefined;
  const bar = progressBar(1000);
  let frames = 0;
  const onFrame = (f: SimFrame) => {
    frames++;
    rec?.frame(f);
    if ((frames & 255) === 0 || speedup !== undefined) {
      const p = f.progress;
      bar.tick(Math.round((1000 * p.elapsedS) / Math.max(1e-9, p.elapsedS + p.etaS)), `${label} ${p.coveredPct.toFixed(1)} % ${Math.round(p.elapsedS)} s`);
    }
  };
  const t0 = performance.now();
  await lastValueFrom(simulate$(sim, { speedup: speedup ?? Infinity, batchTicks: 5000 }).pipe(tap(onFrame)), { defaultValue: undefined });
  const wallMs = performance.now() - t0;
  bar.done();
  const metrics = sim.metrics() as RunMetrics;
  rec?.end(metrics);
  out?.close();
  return { metrics, frames, wallMs, description: sim.describe() };
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      vehicle: { type: 'string' },
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
    });
    if (positionals.length !== 1) throw new AgrisimError('CLI_USAGE', 'give exactly one field or scenario file (see --help)');
    if (values.vehicle !== undefined && !['drone', 'transplanter'].includes(values.vehicle)) {
      throw new AgrisimError('CLI_USAGE', `--vehicle must be drone or transplanter, got "${values.vehicle}"`);
    }
    if (values.guidance !== undefined && !GUIDANCE.includes(values.guidance)) {
      throw new AgrisimError('CLI_USAGE', `--guidance must be rtk, gnss or manual, got "${values.guidance}"`);
    }
    if (values.faults !== undefined && !['on', 'off'].includes(values.faults)) throw new AgrisimError('CLI_USAGE', `--faults must be on or off, got "${values.faults}"`);
    const seed = numberOption(values.seed, 'seed', 0, 2 ** 32 - 1);
    if (seed !== undefined && !Number.isInteger(seed)) throw new AgrisimError('CLI_USAGE', `--seed must be a whole number, got "${values.seed}"`);
    const speedup = numberOption(values.speedup, 'speedup', 0.001, 1e9);
    const load: ScenarioLoadOptions = {
      seed,
      cellM: numberOption(values.cell, 'cell', 0.01, 100),
      ...(values.faults ? { faults: values.faults === 'on' } : {}),
    };
    const doseInput = await readDoseInput(values);
    if (doseInput.bufferM) load.fieldTransform = doseInput.transform;
    load.dose = doseInput.doseFor;
    const guidance = values.guidance as Guidance | undefined;
    if (!values.compare) {
      const factory = await loadInput(positionals[0], values, { ...load, guidance });
      const r = await runOne(factory, speedup, values.record, factory.id);
      if (values.json) process.stdout.write(JSON.stringify({ scenario: factory.id, name: factory.name, frames: r.frames, wallMs: Math.round(r.wallMs), metrics: r.metrics }, null, 2) + '\n');
      else process.stdout.write(simMetricsTable(factory.name, r.metrics, r.frames, r.wallMs, r.description.tickMs) + (r.metrics.dose ? `\n\n${doseTable(r.metrics.dose)}` : '') + '\n');
      return EXIT.OK;
    }
    const guided: Guidance = guidance && guidance !== 'manual' ? guidance : 'rtk';
    const fa = await loadInput(positionals[0], values, { ...load, guidance: guided });
    const fb = await loadInput(positionals[0], values, { ...load, guidance: 'manual' });
    const a = await runOne(fa, speedup, values.record, guided);
    const b = await runOne(fb, speedup, undefined, 'manual');
    if (values.json) {
      process.stdout.write(JSON.stringify({ scenario: fa.scenario.id, guided: a.metrics, manual: b.metrics }, null, 2) + '\n');
    } else {
      process.stdout.write(simCompareTable(fa.scenario.name, a.metrics, b.metrics) + '\n');
    }
    return EXIT.OK;
  },
};
