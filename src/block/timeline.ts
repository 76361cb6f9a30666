/**
 * The fleet's timeline: every machine drives its route; drones that share a depot queue for
 * its crews (one refill at a time per crew, first come first served), and the wait counts.
 * Ground machines reload trays at the paddy's gate from a helper of their own: no queue.
 */
import { segmentTimeS, type RefillStop } from '../plan/index.js';
import type { Vehicle } from '../vehicles/index.js';
import type { BlockRouteSegment } from './types.js';

/** What the timeline needs of one machine. */
export interface TimedMachine {
  route: readonly BlockRouteSegment[];
  refills: readonly RefillStop[];
  vehicle: Vehicle;
  /** Depot whose crew serves its refills, or undefined when they are not queued. */
  queueAt?: string;
}

/** One machine's times, s from the fleet's start. */
export interface MachineTimes {
  /** Per segment, its time, s. */
  segmentS: number[];
  refillStartS: number[];
  waitS: number;
  totalS: number;
  /** When the machine leaves each paddy for the last time, s. */
  paddyDoneS: Map<string, number>;
  /** Machine time spent in each paddy (segments and stops there), s. */
  paddyTimeS: Map<string, number>;
}

function schedule(ms: readonly TimedMachine[], segS: number[][], crews: (depot: string) => number): number[][] {
  const cum = segS.map((s) => {
    const c = [0];
    for (const t of s) c.push(c[c.length - 1] + t);
    return c;
  });
  const starts = ms.map((m) => m.refills.map(() => 0));
  const next = ms.map(() => 0),
    delay = ms.map(() => 0);
  const free = new Map<string, number[]>();
  const arrival = (i: number) => cum[i][ms[i].refills[next[i]].afterSegment + 1] + delay[i];
  for (;;) {
    let i = -1;
    for (let k = 0; k < ms.length; k++) if (next[k] < ms[k].refills.length && (i < 0 || arrival(k) < arrival(i))) i = k;
    if (i < 0) return starts;
    const m = ms[i],
      r = m.refills[next[i]],
      t = arrival(i);
    let start = t;
    if (m.queueAt !== undefined) {
      if (!free.has(m.queueAt)) free.set(m.queueAt, new Array(Math.max(1, crews(m.queueAt))).fill(0));
      const slots = free.get(m.queueAt)!;
      const c = slots.indexOf(Math.min(...slots));
      start = Math.max(t, slots[c]);
      slots[c] = start + r.durationS;
    }
    starts[i][next[i]] = start;
    delay[i] += start - t + r.durationS;
    next[i]++;
  }
}

/**
 * Times every machine of a fleet, depot queues included.
 * @param crews - crews of a depot (refills it serves at once)
 */
export function fleetTimeline(ms: readonly TimedMachine[], crews: (depot: string) => number): MachineTimes[] {
  const segS = ms.map((m) => m.route.map((s) => segmentTimeS(s, m.vehicle)));
  const starts = schedule(ms, segS, crews);
  return ms.map((m, i) => {
    const after = new Map<number, number>();
    m.refills.forEach((r, k) => after.set(r.afterSegment, k));
    const paddyDoneS = new Map<string, number>(),
      paddyTimeS = new Map<string, number>();
    let t = 0,
      waitS = 0;
    m.route.forEach((s, j) => {
      t += segS[i][j];
      if (s.paddy !== undefined) paddyTimeS.set(s.paddy, (paddyTimeS.get(s.paddy) ?? 0) + segS[i][j]);
      const k = after.get(j);
      if (k !== undefined) {
        waitS += starts[i][k] - t;
        t = starts[i][k] + m.refills[k].durationS;
        if (s.paddy !== undefined) paddyTimeS.set(s.paddy, (paddyTimeS.get(s.paddy) ?? 0) + m.refills[k].durationS);
      }
      if (s.paddy !== undefined) paddyDoneS.set(s.paddy, t);
    });
    return { segmentS: segS[i], refillStartS: starts[i], waitS, totalS: t, paddyDoneS, paddyTimeS };
  });
}
