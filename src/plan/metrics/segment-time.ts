import { polylineLength } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import type { RouteSegment } from '../types.js';

/**
 * Time to drive a route segment, s: length over the speed for its kind, plus for each stop
 * (a multirotor's stop-turn-go, a K-turn's change of gear) the time lost braking and
 * accelerating (v/a) and, for multirotors, the time turning on the spot. `l`: the segment's
 * length when the caller has it (`polylineLength` of its points, the same number).
 */
export function segmentTimeS(s: RouteSegment, v: Vehicle, l = polylineLength(s.points)): number {
  if (s.kind === 'swath') return l / v.workSpeedMps;
  if (s.kind === 'transit') return l / v.transitSpeedMps;
  if (s.turnType === 'stop') return l / v.turnSpeedMps + v.stopTurnS + v.workSpeedMps / v.accelMps2;
  if (s.reverse) return l / (v.reverseSpeedMps || v.turnSpeedMps) + 2 * (v.turnSpeedMps / v.accelMps2);
  return l / v.turnSpeedMps;
}
