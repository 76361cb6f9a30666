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
const rounded = (value: number, decimals = 3) => roundTo(value, decimals);

/** One total summed over all agents. */
function totalOf(agents: readonly Agent[], key: keyof Agent['totals']): number {
  return agents.reduce((acc, agent) => acc + agent.totals[key], 0);
}

/** Time by activity summed over the agents, s; `total` is the run's elapsed time. */
function timeBreakdown(agents: readonly Agent[], elapsedS: number): SimMetrics['timeS'] {
  return {
    working: rounded(totalOf(agents, 'workingS'), 1),
    turning: rounded(totalOf(agents, 'turningS'), 1),
    transit: rounded(totalOf(agents, 'transitS'), 1),
    refill: rounded(totalOf(agents, 'refillS'), 1),
    total: rounded(elapsedS, 1),
  };
}

/** Battery cycles of the drones, and fuel of the ground machines (engine hours × the transplanter's consumption). */
function energyUse(agents: readonly Agent[]): SimMetrics['energy'] {
  const drones = agents.filter((a) => a.cfg.vehicle.battery);
  const ground = agents.filter((a) => !a.cfg.vehicle.battery);
  const energy: SimMetrics['energy'] = {};
  if (drones.length) energy.batteryCycles = rounded(drones.reduce((a, d) => a + d.totals.batteryUsed, 0));
  if (ground.length) energy.fuelL = rounded((ground.reduce((a, g) => a + g.totals.engineS, 0) / 3600) * TRANSPLANTER_FUEL_L_PER_H);
  return energy;
}

/** Computes metrics; `elapsedS` is the simulated time so far (the fleet's makespan once done). */
export function computeMetrics(
  agents: readonly Agent[],
  raster: CoverageRaster,
  guidance: Guidance,
  seed: number,
  elapsedS: number,
  fieldAreaM2: number,
): RunMetrics {
  const stats = raster.stats;
  const cells = Math.max(1, stats.fieldCells);
  const coveredHa = (stats.covered * raster.cellAreaM2) / 10_000;
  const first = agents[0];
  const perM2 = first ? first.load.perM2 : 0;
  const applied = totalOf(agents, 'applied');
  const onTarget = Math.min(applied, stats.passCellsOnTarget * raster.cellAreaM2 * perM2);
  return {
    guidance,
    seed,
    timeS: timeBreakdown(agents, elapsedS),
    sorties: totalOf(agents, 'sorties'),
    refills: totalOf(agents, 'refills'),
    areaCoveredHa: rounded(coveredHa, 4),
    coveredPct: rounded((100 * stats.covered) / cells, 2),
    overlapPct: rounded((100 * stats.overlapped) / cells, 2),
    gapPct: rounded((100 * (cells - stats.covered)) / cells, 2),
    inputUsed: rounded(applied),
    inputOffTargetKg: rounded(Math.max(0, applied - onTarget)),
    energy: energyUse(agents),
    fieldCapacityHaPerH: elapsedS > 0 ? rounded(coveredHa / (elapsedS / 3600)) : 0,
    faults: totalOf(agents, 'faults'),
    fieldAreaHa: rounded(fieldAreaM2 / 10_000, 4),
    inputUnit: first?.load.unit ?? 'kg',
    inputOnTarget: rounded(onTarget),
    cellM: raster.cellM,
    distanceM: rounded(totalOf(agents, 'distanceM'), 1),
    vehicles: agents.length,
  };
}
