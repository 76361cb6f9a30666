/**
 * A farmer's own paddy (POST /api/paddy): time to plan, simulate guided and by eye, and price
 * one paddy with the endpoint's coarser tick and coverage cell (src/own-paddy SIM_TICK_MS,
 * SIM_CELL_M), against the baseline measured in the same run: the same work with the
 * simulator's defaults (0.1 s tick, 0.25 m cell). Also how far the savings move.
 */
import type { BenchSection } from './run.js';
import { computeSavings, measuredRunOf } from '../src/economics/index.js';
import { parseFields } from '../src/field/index.js';
import { planOwnPaddy } from '../src/own-paddy/index.js';
import { planField } from '../src/plan/index.js';
import { createSimulation, runToEnd, type SimMetrics } from '../src/sim/index.js';
import { getVehicle } from '../src/vehicles/index.js';

function rect(wM: number, hM: number) {
  const dx = wM / 104_050,
    dy = hM / 111_195;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [106.35, 20.65],
        [106.35 + dx, 20.65],
        [106.35 + dx, 20.65 + dy],
        [106.35, 20.65 + dy],
        [106.35, 20.65],
      ],
    ],
  };
}

/** The same work with the simulator's default tick and cell. */
function baseline(machine: 'drone' | 'transplanter', field: object): number {
  const [f] = parseFields(JSON.stringify(field));
  const plan = planField(f, getVehicle(machine));
  const sim = (g: 'rtk' | 'manual') =>
    runToEnd(createSimulation({ plan, vehicles: [{ vehicle: plan.vehicle, guidance: g }], seed: 1, faults: false })).metrics as SimMetrics;
  const areaHa = f.areaM2 / 10_000;
  const r = computeSavings({
    operation: machine === 'drone' ? 'fertilizing' : 'transplanting',
    areaHa,
    ownership: 'own',
    run: { label: 'b', vehicleKind: machine, guided: measuredRunOf(sim('rtk'), areaHa), manual: measuredRunOf(sim('manual'), areaHa) },
  });
  return r.savings.vnd;
}

const ms = (f: () => unknown) => {
  const t0 = performance.now();
  const v = f();
  return { ms: performance.now() - t0, v };
};

export async function run(): Promise<BenchSection> {
  const rows: Record<string, number | string>[] = [];
  for (const [machine, w, h] of [
    ['drone', 40, 100],
    ['transplanter', 40, 100],
    ['transplanter', 100, 100],
  ] as const) {
    const field = rect(w, h);
    planOwnPaddy({ machine, field }); // warm-up
    const ours = ms(() => planOwnPaddy({ machine, field }).savings.savings.vnd);
    const base = ms(() => baseline(machine, field));
    rows.push({
      case: `${machine}, ${(w * h) / 10_000} ha`,
      endpointMs: Math.round(ours.ms),
      defaultsMs: Math.round(base.ms),
      ratio: +(ours.ms / base.ms).toFixed(2),
      savingsVnd: Math.round(ours.v as number),
      savingsDefaultsVnd: Math.round(base.v as number),
      savingsDiffPct: +((100 * ((ours.v as number) - (base.v as number))) / Math.abs(base.v as number)).toFixed(2),
    });
  }
  return {
    name: 'own paddy (POST /api/paddy)',
    rows,
    notes: ['ratio < 1: the endpoint is faster than the simulator defaults on the same paddy, measured in the same run'],
  };
}
