/**
 * When each paddy is done: every machine's last working leg in a paddy is flagged
 * (`paddyEnd`); a paddy is done when every machine that works it has driven past its flag.
 * Legs before a machine's current leg never move (returns to the depot are spliced in at
 * the current leg), so each tick only the legs passed since the last tick are looked at.
 */
import type { Agent } from '../agent.js';
import type { Leg } from '../legs.js';
import type { SimEvent } from '../types.js';

/** Flags each paddy's last working leg; returns the paddies the legs work. */
export function flagPaddyEnds(legs: Leg[]): Set<string> {
  const seen = new Set<string>();
  for (let i = legs.length - 1; i >= 0; i--) {
    const leg = legs[i];
    if (leg.paddy === undefined || leg.kind !== 'swath' || seen.has(leg.paddy)) continue;
    leg.paddyEnd = true;
    seen.add(leg.paddy);
  }
  return seen;
}

/** Follows the agents and says when each paddy is done. */
export interface PaddyTracker {
  /** Looks at the legs each agent passed in this tick; pushes `paddy-done` events. */
  update(tMs: number, events: SimEvent[]): void;
  /** Time each paddy was done, s (index-aligned with the paddy ids given), or null. */
  doneS(): (number | null)[];
}

/** @param paddyIds - the block's paddies in order @param agents - the fleet, legs already flagged */
export function createPaddyTracker(paddyIds: readonly string[], agents: readonly Agent[], works: readonly Set<string>[]): PaddyTracker {
  const index = new Map(paddyIds.map((id, i) => [id, i]));
  const pending = new Int32Array(paddyIds.length);
  for (const w of works) {
    for (const id of w) {
      const pi = index.get(id);
      if (pi !== undefined) pending[pi]++;
    }
  }
  const done: (number | null)[] = paddyIds.map(() => null);
  const scanned = agents.map(() => 0);
  return {
    update(tMs, events) {
      agents.forEach((a, ai) => {
        const legs = a.cfg.legs;
        const upTo = a.done ? legs.length : a.legIndex;
        for (let k = scanned[ai]; k < upTo; k++) {
          const leg = legs[k];
          if (!leg.paddyEnd || leg.paddy === undefined) continue;
          const pi = index.get(leg.paddy);
          if (pi === undefined || --pending[pi] > 0) continue;
          done[pi] = tMs / 1000;
          events.push({ t: tMs, vehicleId: a.id, type: 'paddy-done', detail: leg.paddy });
        }
        if (upTo > scanned[ai]) scanned[ai] = upTo;
      });
    },
    doneS: () => done.slice(),
  };
}
