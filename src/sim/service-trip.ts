/** Trips to the service point: the unplanned one a machine makes when its tank, battery or trays run out mid-route, and whether a planned one is next. */
import type { XY } from '../geometry/index.js';
import type { AgentConfig } from './agent-types.js';
import type { LoadModel } from './consumables.js';
import { makeLeg, type Leg } from './legs.js';

/**
 * The legs of a break-off from `here`: transit to the service point, the refill stop (the longer
 * of the load's refill and a battery swap) and transit back to `here`. The reason is trays for a
 * transplanter, else the tank when it is empty, else the battery.
 */
export function serviceTripLegs(cfg: AgentConfig, load: LoadModel, loadLeft: number, here: XY): Leg[] {
  const v = cfg.vehicle;
  const sp = cfg.servicePoint;
  const holdS = Math.max(load.refillS, v.battery?.swapS ?? 0);
  const reason = load.unit === 'trays' ? 'trays' : loadLeft <= 1e-6 ? 'tank' : 'battery';
  const transitMps = v.transitSpeedMps * cfg.steering.transitSpeedFactor;
  return [
    makeLeg('transit', [here, sp], transitMps),
    makeLeg('refill', [sp, sp], transitMps, { holdS, refill: { reason, durationS: holdS, planned: false } }),
    makeLeg('transit', [sp, here], transitMps),
  ];
}

/** True when a refill stop comes before the next swath from leg `from` on. */
export function refillBeforeSwath(legs: readonly Leg[], from: number): boolean {
  for (let i = from; i < legs.length; i++) {
    if (legs[i].kind === 'refill') return true;
    if (legs[i].kind === 'swath') return false;
  }
  return false;
}
