/**
 * What an agent looks like from outside at a tick: activity, implement state, heading and
 * true position (read-only views for frames).
 */
import type { XY } from '../geometry/index.js';
import type { Agent } from './agent.js';
import type { VehicleState } from './types.js';

/** Activity now, for frames. */
export function activity(a: Agent): VehicleState['activity'] {
  if (a.done) return 'done';
  const leg = a.cfg.legs[a.legIndex];
  if (!leg) return 'idle';
  if (a.queued) return 'queued';
  if (leg.kind === 'refill') return a.holdLeft > 0 || !a.entered ? 'refilling' : 'transit';
  if (leg.road) return 'road';
  if (leg.kind === 'swath') return 'working';
  return leg.kind === 'turn' ? 'turning' : 'transit';
}

/** Whether the implement is on now. */
export function implementOn(a: Agent): boolean {
  const leg = a.cfg.legs[a.legIndex];
  return !a.done && !!leg && a.entered && a.alongM >= leg.implementFromM && a.alongM < leg.implementToM && a.loadLeft > 0;
}

/** True heading (where the machine points), deg clockwise from north. */
export function headingDeg(a: Agent): number {
  const leg = a.cfg.legs[a.legIndex];
  const sign = leg?.reverse ? -1 : 1;
  const h = (Math.atan2(sign * a.dir[0], sign * a.dir[1]) * 180) / Math.PI;
  return h < 0 ? h + 360 : h;
}

/** True position of the implement centre. */
export function truePosition(a: Agent): XY {
  return [a.pos[0] + a.dir[1] * a.lateralM, a.pos[1] - a.dir[0] * a.lateralM];
}
