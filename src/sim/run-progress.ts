/**
 * What every run (one field or a whole block) reports the same way: its progress figures and
 * how machines still working are ended at the run's time limit.
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

/** Ends every machine still working at the run's time limit (a `sim-time-limit` fault, then `done`). */
export function stopAtTimeLimit(agents: readonly Agent[], tMs: number, events: SimEvent[]): void {
  for (const a of agents) {
    if (a.done) continue;
    events.push({ t: tMs, vehicleId: a.id, type: 'fault', detail: 'sim-time-limit' }, { t: tMs, vehicleId: a.id, type: 'done' });
    a.done = true;
    a.endMs = tMs;
  }
}
