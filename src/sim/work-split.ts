/**
 * Work items: the plans' route segments in one frame, with their refill stops, and how
 * several vehicles share them (contiguous runs of the route with equal working length,
 * cut where a sortie ends when one is near).
 */
import type { XY } from '../geometry/index.js';
import type { Plan, RefillStop, RouteSegment } from '../plan/index.js';

/** One route segment to drive, in the simulation frame, with the stop that follows it. */
export interface WorkItem {
  segment: RouteSegment;
  planIndex: number;
  refillAfter?: RefillStop;
  /** Block runs: the paddy the segment lies in. */
  paddy?: string;
  /** Block runs: road travel, driven at `roadSpeedMps` when given. */
  road?: boolean;
}

/** Converts a plan's local metres to the simulation frame (the first plan's projection). */
export type FrameConvert = (planIndex: number, xy: readonly number[]) => XY;

/** Every segment of every plan, in order, converted to the simulation frame. */
export function collectWork(plans: readonly Plan[], convert: FrameConvert): WorkItem[] {
  const items: WorkItem[] = [];
  plans.forEach((plan, pi) => {
    const stops = new Map<number, RefillStop>();
    for (const r of plan.refills) stops.set(r.afterSegment, r);
    plan.route.forEach((seg, si) => {
      const points = seg.points.map((p) => convert(pi, p));
      const stop = stops.get(si);
      items.push({
        segment: { ...seg, points },
        planIndex: pi,
        refillAfter: stop ? { ...stop, at: convert(pi, stop.at) } : undefined,
      });
    });
  });
  return items;
}

function workLength(it: WorkItem): number {
  if (it.segment.kind !== 'swath') return 0;
  let len = 0;
  const p = it.segment.points;
  for (let i = 1; i < p.length; i++) len += Math.hypot(p[i][0] - p[i - 1][0], p[i][1] - p[i - 1][1]);
  return len;
}

/**
 * Splits the work into `n` contiguous runs of about equal working length. A cut falls after
 * a refill stop when one lies within 10 % of the ideal share, else right after a swath.
 */
export function splitWork(items: readonly WorkItem[], n: number): WorkItem[][] {
  if (n <= 1) return [items.slice()];
  const lens = items.map(workLength);
  const total = lens.reduce((a, b) => a + b, 0);
  const cuts: number[] = [];
  let acc = 0;
  let k = 1;
  for (let i = 0; i < items.length && k < n; i++) {
    acc += lens[i];
    const target = (total * k) / n;
    if (acc < target) continue;
    let cut = i;
    for (let j = i; j < items.length && acc + sumRange(lens, i + 1, j) < target + total / n / 10; j++) {
      if (items[j].refillAfter) {
        cut = j;
        break;
      }
    }
    cuts.push(cut + 1);
    i = cut;
    acc = sumRange(lens, 0, cut);
    k++;
  }
  const parts: WorkItem[][] = [];
  let start = 0;
  for (const c of [...cuts, items.length]) {
    parts.push(items.slice(start, c));
    start = c;
  }
  while (parts.length < n) parts.push([]);
  return parts;
}

function sumRange(a: number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i <= to && i < a.length; i++) s += a[i];
  return s;
}
