/**
 * Block (fleet) simulator benchmark: a generated 80-paddy block (4 bands of 2 rows × 10
 * paddies of 30 × 50 m between field roads, one depot crew; tests/helpers/block-gen.ts) planned
 * by planBlock for 6 drones and for 6 transplanters, run at 10 Hz with the 0.25 m coverage
 * raster, against the single-paddy simulator (one drone, one 5 ha paddy) measured in the same
 * run. Goal (issue 14): the 80-paddy, 6-machine block at ≥ 10,000× real time.
 * Run alone: `npx tsx bench/block-sim.bench.ts`.
 */
import { parseBlock, planBlock, type BlockPlan } from '../src/block/index.js';
import { fieldFromMetres } from '../src/field/index.js';
import { planField } from '../src/plan/index.js';
import { createFleetSimulation, createSimulation, runToEnd, type Simulation } from '../src/sim/index.js';
import { getVehicle } from '../src/vehicles/index.js';
import { gridBlock } from '../tests/helpers/block-gen.js';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

interface Timed {
  wallMs: number;
  setupMs: number;
  frames: number;
  simS: number;
}

/** Median of 3 runs after two warm-up runs (a short fleet run is still compiling after one). */
function time(make: () => Simulation): Timed {
  const runs: Timed[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const sim = make();
    const t1 = performance.now();
    const { metrics, frames } = runToEnd(sim);
    if (i > 1) runs.push({ setupMs: t1 - t0, wallMs: performance.now() - t1, frames, simS: metrics.timeS.total });
  }
  runs.sort((a, b) => a.wallMs - b.wallMs);
  return runs[1];
}

function row(
  name: string,
  vehicles: number,
  t: Timed,
  baselineX: number,
  extra: Record<string, number | string> = {},
): Record<string, number | string> {
  const realTimeX = Math.round((t.simS * 1000) / t.wallMs);
  return {
    case: name,
    vehicles,
    ticks: t.frames,
    simS: Math.round(t.simS),
    wallMs: Math.round(t.wallMs),
    setupMs: Math.round(t.setupMs),
    realTimeX,
    usPerTick: Math.round((t.wallMs * 1000 * 100) / t.frames) / 100,
    vsSingleDrone: Math.round((realTimeX / baselineX) * 1000) / 1000,
    vehicleTicksVsSingle: Math.round(((realTimeX * vehicles) / baselineX) * 1000) / 1000,
    ...extra,
  };
}

function fleetCase(name: string, plan: BlockPlan, baselineX: number): Record<string, number | string> {
  let makespanS = 0;
  let waitS = 0;
  const t = time(() => {
    const sim = createFleetSimulation({ plan, seed: 1 });
    return {
      describe: () => sim.describe(),
      step: () => sim.step(),
      get done() {
        return sim.done;
      },
      metrics: () => {
        const m = sim.metrics();
        makespanS = m.makespanS;
        waitS = m.depots.reduce((a, d) => a + d.waitS, 0);
        return m;
      },
    };
  });
  return row(name, plan.machines.length, t, baselineX, { makespanS: Math.round(makespanS), depotWaitS: Math.round(waitS) });
}

const areaHa = (p: BlockPlan) => p.metrics.block.areaHa.toFixed(1);

/** Runs the block simulator benchmark. */
export async function run(): Promise<BenchSection> {
  const drone = getVehicle('drone');
  const five = fieldFromMetres(
    [
      [
        [0, 0],
        [250, 0],
        [250, 200],
        [0, 200],
      ],
    ],
    [106.35, 20.65],
    { id: 'bench-5ha' },
  );
  const single = planField(five, drone);
  const base = time(() => createSimulation({ plan: single, vehicles: [{ vehicle: drone, guidance: 'rtk' }], seed: 1 }));
  const baselineX = (base.simS * 1000) / base.wallMs;
  const spec = {
    origin: [106.35, 20.65] as [number, number],
    rotateDeg: 8,
    bands: 4,
    columnsM: Array.from({ length: 10 }, () => 30),
    depthM: 50,
    owners: ['Hộ A', 'Hộ B', 'Hộ C', 'Hộ D', 'Hộ E', 'Hộ F'],
  };
  const block = parseBlock(JSON.stringify(gridBlock(spec)));
  const drones = planBlock(block, 'drone', { machines: 6 });
  const transplanters = planBlock(block, 'transplanter', { machines: 6 });
  return {
    name: 'block-sim',
    rows: [
      row('baseline: 1 drone, one 5 ha paddy (createSimulation)', 1, base, baselineX),
      fleetCase(`${block.paddies.length} paddies (${areaHa(drones)} ha), 6 drones, 1 depot crew`, drones, baselineX),
      fleetCase(`${block.paddies.length} paddies (${areaHa(transplanters)} ha), 6 transplanters, 1 depot crew`, transplanters, baselineX),
    ],
    notes: [
      'realTimeX = simulated seconds per wall second; the goal is ≥ 10,000 for the 80-paddy, 6-machine block.',
      "vsSingleDrone = the case's realTimeX ÷ the baseline's (one drone on one 5 ha paddy), same run; vehicleTicksVsSingle multiplies by the machines: 1 means a fleet machine costs what a lone one does.",
      "The plans come from planBlock (planning time is the block section's business); these figures measure the simulator only.",
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await run();
  console.table(s.rows);
}
