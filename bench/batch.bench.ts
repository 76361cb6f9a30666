/**
 * Batch planning benchmark: planFieldsParallel on worker threads against the same fields
 * planned in this thread, in the same run, over the seeded random field set (all kinds,
 * 0.05–20 ha). Each case runs in a fresh child process so both sides start cold (a worker is
 * a fresh V8 isolate: it pays the JIT warm-up again, which is most of the gap from 2×), and
 * reports the speed-up as a ratio. Also finds where workers start to pay off (the
 * minFieldsForWorkers threshold). Run alone: `npm run bench -- batch`.
 */
import { execFileSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

const root = fileURLToPath(new URL('..', import.meta.url));

/** Plans `n` random fields in a fresh process; returns the wall time in ms (median of `runs` processes). */
function coldMs(n: number, vehicle: string, workers: number, runs: number): number {
  const script = `
    import { parseFields } from './src/field/index.ts';
    import { getVehicle } from './src/vehicles/index.ts';
    import { planFieldsParallel } from './src/plan/batch/index.ts';
    import { randomFieldSet } from './tests/helpers/random-fields.ts';
    const fields = parseFields(JSON.stringify({ type: 'FeatureCollection', features: randomFieldSet(1, ${n}) }), { maxBytes: 1e8 });
    const t0 = performance.now();
    const r = await planFieldsParallel(fields, getVehicle('${vehicle}'), {}, { workers: ${workers}, minFieldsForWorkers: 0 });
    if (r.length !== ${n}) throw new Error('lost fields');
    console.log(performance.now() - t0);`;
  const times: number[] = [];
  for (let i = 0; i < runs; i++)
    times.push(
      Number(
        execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }).trim(),
      ),
    );
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** Median of a list. */
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function run(): Promise<BenchSection> {
  const cores = availableParallelism();
  const load0 = loadavg()[0];
  const rows: Record<string, number | string>[] = [];
  const cases: [number, string, number][] = [
    [25, 'drone', 3],
    [400, 'drone', 3],
    [1000, 'drone', 3],
    [2000, 'drone', 2],
    [150, 'transplanter', 2],
  ];
  for (const [n, vehicle, runs] of cases) {
    // Alternate the two sides so both see the same load from other processes.
    const seq: number[] = [];
    const par: number[] = [];
    for (let i = 0; i < runs; i++) {
      seq.push(coldMs(n, vehicle, 0, 1));
      par.push(coldMs(n, vehicle, cores, 1));
    }
    const seqMs = median(seq),
      parMs = median(par);
    const seqMin = Math.min(...seq),
      parMin = Math.min(...par);
    rows.push({
      fields: n,
      vehicle,
      workers: cores,
      runs,
      sequentialMs: Math.round(seqMs),
      workersMs: Math.round(parMs),
      speedUp: +(seqMs / parMs).toFixed(2),
      // Best of the runs on each side: the least disturbed by other processes on a shared machine.
      sequentialBestMs: Math.round(seqMin),
      workersBestMs: Math.round(parMin),
      speedUpBest: +(seqMin / parMin).toFixed(2),
      msPerFieldSequential: +(seqMin / n).toFixed(2),
    });
  }
  return {
    name: 'Batch planning on worker threads',
    rows,
    notes: [
      `${cores} cores; load average ${load0.toFixed(2)} at the start, ${loadavg()[0].toFixed(2)} at the end (other processes share the cores).`,
      'Each cell is the median of alternating fresh `node --import tsx` processes (cold JIT on both sides), seeded random fields (randomFieldSet(1, n)), default planner options.',
      'speedUp = sequentialMs / workersMs (medians); speedUpBest compares the best run of each side. A single planning thread already keeps ~1.3 cores busy (V8 concurrent GC and compiler threads), and each worker warms up its own JIT, so 2 cores give well under 2×.',
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await run());
