import type { Vehicle } from './types.js';

/**
 * Headland laps a machine needs to turn in, from its turning radius and width: a ground machine
 * turns from a swath end at the headland's inner edge, its path reaching about one turning radius
 * beyond (the arc of a U-turn, the forward leg of a K-turn), so the laps must be at least that
 * deep: ceil(minTurnRadiusM / workingWidthM). A multirotor turns on the spot and needs none.
 *
 * @example turnSpaceLaps(getVehicle('transplanter')) // 2: ceil(2 m / 1.8 m)
 */
export function turnSpaceLaps(v: Pick<Vehicle, 'kind' | 'minTurnRadiusM' | 'workingWidthM'>): number {
  if (v.kind === 'multirotor' || v.minTurnRadiusM <= 0) return 0;
  return Math.ceil(v.minTurnRadiusM / v.workingWidthM - 1e-9);
}
