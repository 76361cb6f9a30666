/**
 * What refill trips a cell tour will need, estimated before the route is built: a drone flies
 * back to the service point wherever its tank or battery runs out, so where that happens along
 * the swaths (which the cell order and entry corners decide) can cost more than the order saves
 * in transits. The same rules as splitSorties, on straight lines and estimated turns.
 */
import { hypot } from '../../geometry/index.js';
import type { XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { capacity, usableBatteryS, usePerM } from '../sorties/split-sorties.js';

/** A cell worked one way: its swaths in the order driven, each from its first point to its second. */
export type DrivenSwaths = [XY, XY][];

const dist = (a: XY, b: XY) => hypot(b[0] - a[0], b[1] - a[1]);

/** Time of the turn between two swaths of a cell, s: as segmentTimeS costs a drone's stop-turn. */
function turnS(from: XY, to: XY, v: Vehicle): number {
  return dist(from, to) / v.turnSpeedMps + v.stopTurnS + v.workSpeedMps / v.accelMps2;
}

/**
 * Estimated time of the refill trips (there and back) a tour needs, s: 0 for machines reloaded
 * where they stand (ground machines). `cells` are the tour's cells as driven, `from` where the
 * machine is when they begin, `servicePoint` where it refills.
 */
export function refillTripsS(cells: DrivenSwaths[], from: XY, servicePoint: XY, v: Vehicle): number {
  if (v.kind === 'ground') return 0;
  const perM = usePerM(v),
    cap = capacity(v);
  const batteryS = usableBatteryS(v);
  const back = (p: XY) => dist(p, servicePoint) / v.transitSpeedMps;
  let used = 0,
    flownS = back(from),
    worked = 0,
    tripsS = 0,
    pos = from;
  for (const cell of cells)
    cell.forEach(([a0, b], k) => {
      flownS += k === 0 ? dist(pos, a0) / v.transitSpeedMps : turnS(pos, a0, v);
      let a = a0;
      for (let guard = 0; guard < 1000; guard++) {
        const l = dist(a, b);
        const byTank = perM > 0 ? (cap - used) / perM : Infinity;
        const byBattery = (batteryS - flownS - back(b)) * v.workSpeedMps;
        const canM = Math.min(byTank, byBattery);
        if (canM >= l - 1e-6) {
          used += l * perM;
          worked += l;
          flownS += l / v.workSpeedMps;
          break;
        }
        if (canM > 0.5) {
          const t = canM / l;
          a = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
          used += canM * perM;
          worked += canM;
        } else if (worked === 0) break;
        tripsS += 2 * back(a);
        used = 0;
        worked = 0;
        flownS = back(a);
      }
      pos = b;
    });
  return tripsS;
}
