/**
 * Block benchmark (issue 14): plan time and makespan for fleets of 1, 2, 3 and 6 drones and
 * transplanters on the large sample block (43 paddies) and on a generated 80-paddy block. Each
 * makespan is given as a ratio to the ideal (one machine's makespan / N) and to the naive split
 * (one machine's route cut into N runs of equal time, the way sims/thai-binh-two-drones.json
 * splits a route), both measured in the same run; plan time as a ratio to planning every paddy
 * alone with planField (same run, same paddies). Goals: 2 drones ≤ 0.60 of one drone's makespan,
 * 3 transplanters ≤ 0.45 of one; 80 paddies with 6 machines planned in ≤ 2 s on one core.
 * Run alone: `npx tsx bench/block.bench.ts` (or `npm run bench -- block`).
 */
import { readFileSync } from 'node:fs';
import { parseBlock, planBlock, type Block, type BlockMachineKind } from '../src/block/index.js';
import { planField } from '../src/plan/index.js';
import { getVehicle } from '../src/vehicles/index.js';
import { gridBlock } from '../tests/helpers/block-gen.js';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

const FLEETS = [1, 2, 3, 6];

function blocks(): [string, Block][] {
  const large = parseBlock(readFileSync('fields/quynh-phu-block-large.geojson', 'utf8'), { sourceName: 'quynh-phu-block-large' });
  const gen = gridBlock({
    origin: [106.37, 20.63],
    rotateDeg: 8,
    bands: 4,
    depthM: 50,
    columnsM: [38, 42, 35, 45, 40, 36, 44, 40, 39, 41],
    owners: ['An', 'Bình', 'Cường', 'Dung', 'Hải', 'Hoa', 'Long', 'Mai'],
    tombs: ['2,4', '5,7'],
    idPrefix: 'gen',
  });
  return [
    ['quynh-phu-block-large (43 paddies)', large],
    ['generated (80 paddies)', parseBlock(JSON.stringify(gen))],
  ];
}

/** Every paddy planned alone with planField (no block, no reuse): the plan-time baseline. */
function perPaddyMs(block: Block, kind: BlockMachineKind): number {
  const v = getVehicle(kind);
  const t0 = performance.now();
  for (const p of block.paddies)
    planField(
      {
        id: p.id,
        name: p.name,
        projection: block.projection,
        polygon: p.polygon,
        lonLat: p.lonLat,
        areaM2: p.areaHa * 10_000,
        properties: {},
      },
      v,
    );
  return performance.now() - t0;
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

export async function run(): Promise<BenchSection> {
  const rows: Record<string, number | string>[] = [];
  const notes: string[] = [];
  for (const [name, block] of blocks()) {
    for (const kind of ['drone', 'transplanter'] as BlockMachineKind[]) {
      planBlock(block, kind, { machines: 2 }); // warm-up (JIT)
      const baseMs = perPaddyMs(block, kind);
      let one = 0;
      for (const n of FLEETS) {
        const t0 = performance.now();
        const plan = planBlock(block, kind, { machines: n });
        const planMs = performance.now() - t0;
        const naive = n === 1 ? plan : planBlock(block, kind, { machines: n, split: 'naive' });
        const m = plan.metrics.makespanS;
        if (n === 1) one = m;
        rows.push({
          block: name,
          kind,
          machines: n,
          planMs: Math.round(planMs),
          planVsPerPaddy: r3(planMs / baseMs),
          makespanS: Math.round(m),
          vsOne: r3(m / one),
          vsIdeal: r3(m / (one / n)),
          naiveS: Math.round(naive.metrics.makespanS),
          vsNaive: r3(m / naive.metrics.makespanS),
          depotWaitS: Math.round(Math.max(0, ...plan.machines.map((v) => v.waitS))) || 0,
        });
        if (kind === 'drone' && n === 2) notes.push(`${name}: 2 drones at ${r3(m / one)} of one drone's makespan (goal ≤ 0.60)`);
        if (kind === 'transplanter' && n === 3) notes.push(`${name}: 3 transplanters at ${r3(m / one)} of one (goal ≤ 0.45)`);
        if (n === 6 && name.startsWith('generated'))
          notes.push(`${name}: ${kind} × 6 planned in ${Math.round(planMs)} ms (goal ≤ 2,000 ms)`);
      }
    }
  }
  notes.push(
    'vsIdeal = makespan / (one machine / N); vsNaive = makespan / naive split (one route cut into N equal runs), same run; planVsPerPaddy = plan time / every paddy planned alone with planField',
  );
  notes.push(
    'the makespan split (LPT greedy, moves and swaps on estimates, then moves on the exact timeline with the depot queue) is compared with the contiguous split refined the same way, and the better is kept; the naive baseline is not refined',
  );
  notes.push('plan time includes reusing the plan of a paddy that is a translated copy of one already planned (consolidated plots repeat)');
  return { name: 'Block: fleet plans (makespan and plan time)', rows, notes };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await run();
  console.table(s.rows);
  for (const n of s.notes ?? []) console.log(`- ${n}`);
}
