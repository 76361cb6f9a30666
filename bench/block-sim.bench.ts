/**
 * Block (fleet) simulator benchmark: an 80-paddy block (10 × 8 paddies of 40 × 60 m, one
 * depot crew) worked by 6 drones, and by 6 transplanters on 20 × 25 m paddies, at 10 Hz with
 * the 0.25 m coverage raster, against the single-paddy simulator (one drone, 5 ha) measured
 * in the same run. Goal (issue 14): the 80-paddy, 6-machine block at ≥ 10,000× real time.
 * Run alone: `npx tsx bench/block-sim.bench.ts`.
 */
import type { BlockPlan } from '../src/block/index.js';
import { fieldFromMetres } from '../src/field/index.js';
import { planField } from '../src/plan/index.js';
import { createFleetSimulation, createSimulation, runToEnd, type Simulation } from '../src/sim/index.js';
import { getVehicle } from '../src/vehicles/index.js';
import { gridBlockPlan } from '../tests/helpers/grid-block-plan.js';

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

/** Median of 3 runs after one warm-up run (so the JIT has compiled the hot loop). */
function time(make: () => Simulation): Timed {
  const runs: Timed[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const sim = make();
    const t1 = performance.now();
    const { metrics, frames } = runToEnd(sim);
    if (i > 0) runs.push({ setupMs: t1 - t0, wallMs: performance.now() - t1, frames, simS: metrics.timeS.total });
  }
  runs.sort((a, b) => a.wallMs - b.wallMs);
  return runs[1];
}

function row(name: string, vehicles: number, t: Timed, baselineX: number, extra: Record<string, number | string> = {}): Record<string, number | string> {
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

/** Runs the block simulator benchmark. */
export async function run(): Promise<BenchSection> {
  const drone = getVehicle('drone');
  const five = fieldFromMetres([[[0, 0], [250, 0], [250, 200], [0, 200]]], [106.35, 20.65], { id: 'bench-5ha' });
  const single = planField(five, drone);
  const base = time(() => createSimulation({ plan: single, vehicles: [{ vehicle: drone, guidance: 'rtk' }], seed: 1 }));
  const baselineX = (base.simS * 1000) / base.wallMs;
  const drones = gridBlockPlan({ cols: 10, rows: 8, kind: 'drone', machines: 6 });
  const transplanters = gridBlockPlan({ cols: 10, rows: 8, kind: 'transplanter', machines: 6, widthM: 20, heightM: 25 });
  return {
    name: 'block-sim',
    rows: [
      row('baseline: 1 drone, one 5 ha paddy (createSimulation)', 1, base, baselineX),
      fleetCase('80 paddies (19.2 ha), 6 drones, 1 depot crew', drones, baselineX),
      fleetCase('80 paddies (4 ha), 6 transplanters, 1 depot crew', transplanters, baselineX),
    ],
    notes: [
      'realTimeX = simulated seconds per wall second; the goal is ≥ 10,000 for the 80-paddy, 6-machine block.',
      'vsSingleDrone = the case\'s realTimeX ÷ the baseline\'s (one drone on one 5 ha paddy), same run; vehicleTicksVsSingle multiplies by the machines: 1 means a fleet machine costs what a lone one does.',
      'The block is a grid of rectangular paddies planned paddy by paddy (tests/helpers/grid-block-plan.ts), so the figure measures the simulator, not the block planner.',
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await run();
  console.table(s.rows);
}
