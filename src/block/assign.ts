/**
 * Fleet split: paddies to machines so that the last machine finishes early (makespan), not
 * equal halves of one route. Longest-processing-time-first greedy on each paddy's estimated
 * time (work, tray reloads, refill flights to the depot), then moves and swaps off the busiest
 * machine while they lower the largest load; each machine's paddies then ordered nearest-first
 * from its depot (road distance for ground machines, straight for drones).
 */
import type { XY } from '../geometry/index.js';
import type { Vehicle } from '../vehicles/index.js';
import type { PaddyWork } from './paddy-plan.js';

/** How the fleet is split: `makespan` (default) or `naive` (one route cut into equal runs, the baseline). */
export type SplitMode = 'makespan' | 'naive';

/** What the split needs to know about distances. */
export interface SplitContext {
  vehicle: Vehicle;
  /** Depot of each machine. */
  depots: XY[];
  /** Travel distance between two paddies (gate to gate on roads, or straight), m. */
  between: (a: PaddyWork, b: PaddyWork) => number;
  /** Travel distance from machine `m`'s depot to a paddy, m (Infinity when it cannot reach it). */
  fromDepot: (m: number, w: PaddyWork) => number;
}

/** Estimated machine time a paddy costs, s: in-paddy time plus, for drones, its share of refill flights. */
export function estimateS(w: PaddyWork, ctx: SplitContext, m: number): number {
  const v = ctx.vehicle;
  const d = ctx.fromDepot(m, w);
  if (!Number.isFinite(d)) return Infinity;
  if (!v.battery) return w.inPaddyS;
  const cap = v.payload.kind === 'tank' ? v.payload.capacityKg : v.payload.trays;
  const sorties = Math.max(w.use / cap, w.inPaddyS / (v.battery.enduranceS * 0.75));
  const stopS = Math.max(v.payload.refillS, v.battery.swapS);
  return w.inPaddyS + sorties * (stopS + (2 * d) / v.transitSpeedMps);
}

/** Orders paddies nearest-first from machine `m`'s depot. */
export function orderNearest(works: PaddyWork[], ctx: SplitContext, m: number): PaddyWork[] {
  const left = works.slice(),
    out: PaddyWork[] = [];
  let cur: PaddyWork | undefined;
  while (left.length) {
    let best = 0,
      bestD = Infinity;
    left.forEach((w, i) => {
      const d = cur ? ctx.between(cur, w) : ctx.fromDepot(m, w);
      if (d < bestD - 1e-9) [best, bestD] = [i, d];
    });
    cur = left.splice(best, 1)[0];
    out.push(cur);
  }
  return out;
}

function improve(sets: PaddyWork[][], est: (w: PaddyWork, m: number) => number): void {
  const load = sets.map((s, m) => s.reduce((a, w) => a + est(w, m), 0));
  for (let round = 0; round < 500; round++) {
    const M = load.indexOf(Math.max(...load));
    let best: { gain: number; apply: () => void } | undefined;
    sets[M].forEach((w, i) => {
      sets.forEach((other, m) => {
        if (m === M) return;
        const moved = Math.max(load[M] - est(w, M), load[m] + est(w, m));
        if (load[M] - moved > (best?.gain ?? 1e-6))
          best = {
            gain: load[M] - moved,
            apply: () => {
              sets[M].splice(i, 1);
              other.push(w);
              load[M] -= est(w, M);
              load[m] += est(w, m);
            },
          };
        other.forEach((q, j) => {
          const a = load[M] - est(w, M) + est(q, M),
            b = load[m] - est(q, m) + est(w, m);
          if (load[M] - Math.max(a, b) > (best?.gain ?? 1e-6))
            best = {
              gain: load[M] - Math.max(a, b),
              apply: () => {
                sets[M][i] = q;
                other[j] = w;
                load[M] = a;
                load[m] = b;
              },
            };
        });
      });
    });
    if (!best) return;
    best.apply();
  }
}

/** Splits `works` among `n` machines; returns each machine's paddies in work order. */
export function splitFleet(works: readonly PaddyWork[], n: number, ctx: SplitContext, mode: SplitMode = 'makespan'): PaddyWork[][] {
  if (mode === 'naive') return naiveSplit(works, n, ctx);
  const est = (w: PaddyWork, m: number) => estimateS(w, ctx, m);
  const sets: PaddyWork[][] = Array.from({ length: n }, () => []);
  const load = new Array(n).fill(0);
  const byTime = works.slice().sort((a, b) => est(b, 0) - est(a, 0) || a.paddy.id.localeCompare(b.paddy.id));
  for (const w of byTime) {
    let m = 0;
    for (let k = 1; k < n; k++) if (load[k] + est(w, k) < load[m] + est(w, m)) m = k;
    sets[m].push(w);
    load[m] += est(w, m);
  }
  improve(sets, est);
  return sets.map((s, m) => orderNearest(s, ctx, m));
}

/** The baseline: one machine's route (nearest-first) cut into `n` runs of about equal estimated time. */
export function naiveSplit(works: readonly PaddyWork[], n: number, ctx: SplitContext): PaddyWork[][] {
  const order = orderNearest(works.slice(), ctx, 0);
  const times = order.map((w) => estimateS(w, ctx, 0));
  const total = times.reduce((a, b) => a + b, 0);
  const out: PaddyWork[][] = Array.from({ length: n }, () => []);
  let acc = 0;
  order.forEach((w, i) => {
    const k = Math.min(n - 1, Math.floor(((acc + times[i] / 2) / total) * n));
    out[k].push(w);
    acc += times[i];
  });
  return out;
}
