/**
 * Run metrics from the agents' totals and the coverage raster.
 */
import type { Agent } from './agent.js';
import { TRANSPLANTER_FUEL_L_PER_H } from './consumables.js';
import type { CoverageRaster } from './coverage-raster.js';
import type { DoseMetrics } from './dose/index.js';
import type { Guidance, SimMetrics } from './types.js';
import { roundTo } from '../units/index.js';

/** SimMetrics plus the extras the simulator knows. */
export interface RunMetrics extends SimMetrics {
  /** Field area (holes excluded), ha, from the field polygons. */
  fieldAreaHa: number;
  /** `kg` (tank) or `trays`. */
  inputUnit: 'kg' | 'trays';
  /** Product applied inside the field, same unit. */
  inputOnTarget: number;
  /** Raster cell actually used, m. */
  cellM: number;
  /** Distance driven or flown by all vehicles, m. */
  distanceM: number;
  vehicles: number;
  /** Dose per prescription zone, off target, into buffers (runs with a dose model only). */
  dose?: DoseMetrics;
}

/** Rounded to `decimals` places (3 unless said). */
const r = (v: number, decimals = 3) => roundTo(v, decimals);

/** Computes metrics; `elapsedS` is the simulated time so far (the fleet's makespan once done). */
export function computeMetrics(
  agents: readonly Agent[],
  raster: CoverageRaster,
  guidance: Guidance,
  seed: number,
  elapsedS: number,
  fieldAreaM2: number,
): RunMetrics {
  const sum = (f: (a: Agent) => number) => agents.reduce((acc, a) => acc + f(a), 0);
  const st = raster.stats;
  const cells = Math.max(1, st.fieldCells);
  const coveredHa = (st.covered * raster.cellAreaM2) / 10_000;
  const first = agents[0];
  const perM2 = first ? first.load.perM2 : 0;
  const applied = sum((a) => a.totals.applied);
  const onTarget = Math.min(applied, st.passCellsOnTarget * raster.cellAreaM2 * perM2);
  const drones = agents.filter((a) => a.cfg.vehicle.battery);
  const ground = agents.filter((a) => !a.cfg.vehicle.battery);
  const energy: SimMetrics['energy'] = {};
  if (drones.length) energy.batteryCycles = r(drones.reduce((a, d) => a + d.totals.batteryUsed, 0));
  if (ground.length) energy.fuelL = r((ground.reduce((a, g) => a + g.totals.engineS, 0) / 3600) * TRANSPLANTER_FUEL_L_PER_H);
  return {
    guidance,
    seed,
    timeS: {
      working: r(
        sum((a) => a.totals.workingS),
        1,
      ),
      turning: r(
        sum((a) => a.totals.turningS),
        1,
      ),
      transit: r(
        sum((a) => a.totals.transitS),
        1,
      ),
      refill: r(
        sum((a) => a.totals.refillS),
        1,
      ),
      total: r(elapsedS, 1),
    },
    sorties: sum((a) => a.totals.sorties),
    refills: sum((a) => a.totals.refills),
    areaCoveredHa: r(coveredHa, 4),
    coveredPct: r((100 * st.covered) / cells, 2),
    overlapPct: r((100 * st.overlapped) / cells, 2),
    gapPct: r((100 * (cells - st.covered)) / cells, 2),
    inputUsed: r(applied),
    inputOffTargetKg: r(Math.max(0, applied - onTarget)),
    energy,
    fieldCapacityHaPerH: elapsedS > 0 ? r(coveredHa / (elapsedS / 3600)) : 0,
    faults: sum((a) => a.totals.faults),
    fieldAreaHa: r(fieldAreaM2 / 10_000, 4),
    inputUnit: first?.load.unit ?? 'kg',
    inputOnTarget: r(onTarget),
    cellM: raster.cellM,
    distanceM: r(
      sum((a) => a.totals.distanceM),
      1,
    ),
    vehicles: agents.length,
  };
}
