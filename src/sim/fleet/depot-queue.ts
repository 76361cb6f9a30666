/**
 * Depot crews: a refill or battery swap at a depot needs one of its crews; a depot with
 * `crews` crews serves that many machines at once and the others wait in line, first come
 * first served. Refills away from every depot (tray reloads at a gate, carried by the
 * machine's own helper) never wait.
 */
import type { XY } from '../../geometry/index.js';
import type { RefillGate } from '../agent-types.js';

/** A depot as the queue sees it. */
export interface QueueDepot {
  id: string;
  at: XY;
  crews: number;
}

/** What a depot's queue counted. */
export interface DepotQueueStats {
  id: string;
  /** Refills served. */
  refills: number;
  /** Machine-seconds spent waiting in line. */
  waitS: number;
  /** Longest line seen (machines waiting, not those being served). */
  maxQueue: number;
}

/** The fleet's depot queues: a {@link RefillGate} for the agents plus counters. */
export interface DepotQueues extends RefillGate {
  /** Machines waiting at each depot now, index-aligned with the depots given (the same array until a line changes: do not modify it). */
  lengths(): number[];
  stats(): DepotQueueStats[];
  /** Adds waiting time of one tick, s, for every machine in line (called once per tick). */
  tick(dtS: number): void;
}

/** How close a refill point must be to a depot to use its crews, m (docs/contracts.md: a drone's refill ends within 5 m of a depot). */
export const DEPOT_RADIUS_M = 5;

interface DepotLine {
  depot: QueueDepot;
  waiting: string[];
  serving: Set<string>;
  stats: DepotQueueStats;
}

/**
 * Makes the queues of `depots`.
 * @example
 * ```ts
 * const q = createDepotQueues([{ id: 'depot-1', at: [0, 0], crews: 1 }]);
 * q.request('drone-1', [0, 0], 0); // true: the crew is free
 * q.request('drone-2', [1, 0], 0); // false: drone-2 waits
 * ```
 */
export function createDepotQueues(depots: readonly QueueDepot[]): DepotQueues {
  const lines: DepotLine[] = depots.map((depot) => ({
    depot,
    waiting: [],
    serving: new Set(),
    stats: { id: depot.id, refills: 0, waitS: 0, maxQueue: 0 },
  }));
  let lengths: number[] = lines.map(() => 0);
  const changed = () => {
    lengths = lines.map((l) => l.waiting.length);
  };
  const lineAt = (at: XY): DepotLine | undefined => {
    let best: DepotLine | undefined;
    let bestD = DEPOT_RADIUS_M;
    for (const l of lines) {
      const d = Math.hypot(l.depot.at[0] - at[0], l.depot.at[1] - at[1]);
      if (d <= bestD) {
        best = l;
        bestD = d;
      }
    }
    return best;
  };
  return {
    request(vehicleId, at) {
      const line = lineAt(at);
      if (!line || line.serving.has(vehicleId)) return true;
      if (!line.waiting.includes(vehicleId)) {
        line.waiting.push(vehicleId);
        changed();
      }
      if (line.serving.size < Math.max(1, line.depot.crews) && line.waiting[0] === vehicleId) {
        line.waiting.shift();
        line.serving.add(vehicleId);
        line.stats.refills++;
        changed();
        return true;
      }
      line.stats.maxQueue = Math.max(line.stats.maxQueue, line.waiting.length);
      return false;
    },
    release(vehicleId, at) {
      lineAt(at)?.serving.delete(vehicleId);
    },
    lengths: () => lengths,
    stats: () => lines.map((l) => ({ ...l.stats, waitS: Math.round(l.stats.waitS * 10) / 10 })),
    tick(dtS) {
      for (const l of lines) l.stats.waitS += l.waiting.length * dtS;
    },
  };
}
