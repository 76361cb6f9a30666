/**
 * Refines a fleet split on the exact timeline (routes built, depot queue included): moves a
 * paddy from the machine that finishes last to the one that finishes first while the makespan
 * drops. The estimates the first split uses miss queueing and travel; this closes that gap.
 */
import type { PaddyWork } from './paddy-plan.js';

/** What a refinement step needs: build one machine's route, time the fleet. */
export interface RefineOps<R> {
  route: (works: PaddyWork[], machine: number) => R;
  /** Finish time of every machine for these routes, s. */
  finish: (routes: R[]) => number[];
  /** Work order of a machine's paddies. */
  order: (works: PaddyWork[], machine: number) => PaddyWork[];
  /** Estimated time of a paddy, s. */
  estimateS: (w: PaddyWork, machine: number) => number;
}

/** Rounds of moves tried, and candidate paddies per round (bounds the plan time). */
const ROUNDS = 12,
  TRIES = 3;

/** Improves `sets` in place; returns the routes and finish times of the result. */
export function refineSplit<R>(sets: PaddyWork[][], ops: RefineOps<R>): { routes: R[]; finishS: number[] } {
  let routes = sets.map((s, m) => ops.route(s, m));
  let finishS = ops.finish(routes);
  if (sets.length < 2) return { routes, finishS };
  for (let round = 0; round < ROUNDS; round++) {
    const M = finishS.indexOf(Math.max(...finishS)),
      m = finishS.indexOf(Math.min(...finishS));
    const half = (finishS[M] - finishS[m]) / 2;
    const candidates = sets[M]
      .slice()
      .sort((a, b) => Math.abs(ops.estimateS(a, M) - half) - Math.abs(ops.estimateS(b, M) - half))
      .slice(0, TRIES);
    let moved = false;
    for (const w of candidates) {
      if (ops.estimateS(w, M) >= 2 * half) continue;
      const from = ops.order(
          sets[M].filter((x) => x !== w),
          M,
        ),
        to = ops.order([...sets[m], w], m);
      const next = routes.slice();
      next[M] = ops.route(from, M);
      next[m] = ops.route(to, m);
      const f = ops.finish(next);
      if (Math.max(...f) < Math.max(...finishS) - 1) {
        [sets[M], sets[m], routes, finishS, moved] = [from, to, next, f, true];
        break;
      }
    }
    if (!moved) break;
  }
  return { routes, finishS };
}
