/**
 * What every run (one field or a whole block) reports the same way: its opening events, its
 * progress figures, and when it ends (machines still working are ended at the run's time limit).
 */
import type { Agent } from './agent.js';
import type { CoverageRaster } from './coverage-raster.js';
import type { SimEvent, SimProgress } from './types.js';

/** Covered % and ha from the raster, with the elapsed and remaining time, rounded as frames carry them. */
export function coverageProgress(raster: CoverageRaster, elapsedS: number, etaS: number): SimProgress {
  const st = raster.stats;
  return {
    coveredPct: Math.round((10_000 * st.covered) / Math.max(1, st.fieldCells)) / 100,
    coveredHa: Math.round((st.covered * raster.cellAreaM2) / 10) / 1000,
    elapsedS: Math.round(elapsedS * 10) / 10,
    etaS: Math.round(etaS * 10) / 10,
  };
}

/** The events of a run's first tick: every machine starts, on its first sortie. */
export function startEvents(agents: readonly Agent[]): SimEvent[] {
  const events: SimEvent[] = [];
  for (const a of agents) events.push({ t: 0, vehicleId: a.id, type: 'start' }, { t: 0, vehicleId: a.id, type: 'sortie-start' });
  return events;
}

/** True once every machine is done, or at the time limit (machines still working are then stopped, with events). */
export function runEnded(agents: readonly Agent[], tMs: number, maxSimS: number, events: SimEvent[]): boolean {
  if (agents.every((a) => a.done)) return true;
  if (tMs / 1000 < maxSimS) return false;
  stopAtTimeLimit(agents, tMs, events);
  return true;
}

/** Ends every machine still working at the run's time limit (a `sim-time-limit` fault, then `done`). */
function stopAtTimeLimit(agents: readonly Agent[], tMs: number, events: SimEvent[]): void {
  for (const a of agents) {
    if (a.done) continue;
    events.push({ t: tMs, vehicleId: a.id, type: 'fault', detail: 'sim-time-limit' }, { t: tMs, vehicleId: a.id, type: 'done' });
    a.done = true;
    a.endMs = tMs;
  }
}

/** Product all machines applied (kg, or L for liquids): what left their tanks, for the dose metrics. */
export function appliedTotal(agents: readonly Agent[]): number {
  return agents.reduce((sum, agent) => sum + agent.totals.applied, 0);
}
