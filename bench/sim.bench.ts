/**
 * Simulator benchmark: simulated seconds per wall second (one drone on a 5 ha field at 10 Hz
 * with the 0.25 m coverage raster on; ten drones sharing it; a transplanter), against a bare
 * loop of the same tick count measured in the same run, and peak memory for a 100 ha field.
 * Run alone: `npx tsx bench/sim.bench.ts`.
 */
import { fieldFromMetres } from '../src/field/index.js';
import type { Field } from '../src/field/types.js';
import { planField } from '../src/plan/index.js';
import { createSimulation, runToEnd, type SimFrame } from '../src/sim/index.js';
import { getVehicle } from '../src/vehicles/index.js';

/** Shape bench/run.ts collects. */
export interface BenchSection {
  name: string;
  rows: Record<string, number | string>[];
  notes?: string[];
}

const ORIGIN: [number, number] = [106.35, 20.65];

function rectField(wM: number, hM: number, id: string): Field {
  return fieldFromMetres(
    [
      [
        [0, 0],
        [wM, 0],
        [wM, hM],
        [0, hM],
      ],
    ],
    ORIGIN,
    { id, name: id },
  );
}

/** The cheapest loop that still makes one frame-sized object per tick: the floor any simulator pays. */
function bareLoop(ticks: number): number {
  const t0 = performance.now();
  const ring: SimFrame[] = new Array(64);
  for (let i = 0; i < ticks; i++) {
    ring[i & 63] = { t: i * 100, vehicles: [], progress: { coveredPct: i % 7, coveredHa: 0, elapsedS: i / 10, etaS: 0 }, events: [] };
  }
  if (ring[0]?.t === -1) console.log(ring[0]);
  // (V8 may still shorten this loop; it is a floor, not a model)
  return performance.now() - t0;
}

interface Case {
  name: string;
  field: Field;
  vehicle: 'drone' | 'transplanter';
  count: number;
  cellM: number;
}

function runCase(c: Case): Record<string, number | string> {
  const v = getVehicle(c.vehicle);
  const plan = planField(c.field, v);
  const vehicles = Array.from({ length: c.count }, () => ({ vehicle: v, guidance: 'rtk' as const }));
  // Median of 3 runs after one warm-up run, so the JIT has compiled the hot loop.
  const runs: { setupMs: number; wallMs: number; out: ReturnType<typeof runToEnd> }[] = [];
  for (let i = 0; i < 4; i++) {
    const t0 = performance.now();
    const sim = createSimulation({ plan, vehicles, seed: 1, raster: { cellM: c.cellM } });
    const t1 = performance.now();
    const out = runToEnd(sim);
    if (i > 0) runs.push({ setupMs: t1 - t0, wallMs: performance.now() - t1, out });
  }
  runs.sort((a, b) => a.wallMs - b.wallMs);
  const {
    setupMs,
    wallMs,
    out: { metrics, frames },
  } = runs[1];
  const bareMs = bareLoop(frames);
  const simS = metrics.timeS.total;
  return {
    case: c.name,
    fieldHa: Math.round(c.field.areaM2 / 100) / 100,
    vehicles: c.count,
    cellM: c.cellM,
    ticks: frames,
    simS: Math.round(simS),
    wallMs: Math.round(wallMs),
    setupMs: Math.round(setupMs),
    realTimeX: Math.round((simS * 1000) / wallMs),
    vehicleSecondsPerWallS: Math.round((simS * 1000 * c.count) / wallMs),
    usPerTick: Math.round((wallMs * 1000 * 100) / frames) / 100,
    bareLoopMs: Math.round(bareMs * 10) / 10,
    vsBareLoop: Math.round((wallMs / Math.max(0.001, bareMs)) * 10) / 10,
    coveredPct: metrics.coveredPct,
  };
}

function memoryCase(): Record<string, number | string> {
  const field = rectField(1000, 1000, 'bench-100ha');
  const v = getVehicle('drone');
  const plan = planField(field, v);
  (globalThis as { gc?: () => void }).gc?.();
  const rss0 = process.memoryUsage().rss;
  const heap0 = process.memoryUsage().heapUsed;
  let peakRss = rss0;
  let peakHeap = heap0;
  const t0 = performance.now();
  const sim = createSimulation({ plan, vehicles: [{ vehicle: v, guidance: 'rtk' }], seed: 1 });
  const cells = sim.raster.cols * sim.raster.rows;
  let n = 0;
  const { metrics, frames } = runToEnd(sim, {
    onFrame: () => {
      if (++n % 20_000 === 0) {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }
    },
  });
  const wallMs = performance.now() - t0;
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  return {
    case: '1 drone, 100 ha (1000 × 1000 m), 0.25 m raster',
    rasterCells: cells,
    rasterMB: Math.round((cells * 4) / 1e5) / 10,
    ticks: frames,
    simS: Math.round(metrics.timeS.total),
    wallMs: Math.round(wallMs),
    realTimeX: Math.round((metrics.timeS.total * 1000) / wallMs),
    peakRssMB: Math.round(peakRss / 1e5) / 10,
    rssGrowthMB: Math.round((peakRss - rss0) / 1e5) / 10,
    peakHeapMB: Math.round(peakHeap / 1e5) / 10,
    sorties: metrics.sorties,
    coveredPct: metrics.coveredPct,
  };
}

/** Runs the simulator benchmark. */
export async function run(): Promise<BenchSection> {
  const five = rectField(250, 200, 'bench-5ha');
  const rows = [
    runCase({ name: '1 drone, 5 ha, 10 Hz, 0.25 m raster', field: five, vehicle: 'drone', count: 1, cellM: 0.25 }),
    runCase({ name: '10 drones, 5 ha, 10 Hz, 0.25 m raster', field: five, vehicle: 'drone', count: 10, cellM: 0.25 }),
    runCase({
      name: '1 transplanter, 1 ha, 10 Hz, 0.25 m raster',
      field: rectField(100, 100, 'bench-1ha'),
      vehicle: 'transplanter',
      count: 1,
      cellM: 0.25,
    }),
    memoryCase(),
  ];
  return {
    name: 'sim',
    rows,
    notes: [
      'realTimeX = simulated seconds per wall second (goal ≥ 10,000 for one vehicle).',
      'vsBareLoop = wall time of the simulation ÷ a bare loop making one frame-shaped object per tick, same tick count, same run.',
      'Raster memory is 4 bytes per cell: 100 ha at 0.25 m ≈ 16 M cells ≈ 64 MB plus the margin ring.',
    ],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await run();
  console.table(s.rows);
}
