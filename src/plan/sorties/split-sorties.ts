import { polylineLength, splitPolyline } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import type { XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { segmentTimeS } from '../metrics/segment-time.js';
import type { TurnSpace } from '../turns/plan-turn.js';
import type { RefillStop, RouteSegment, Sortie } from '../types.js';

/** DJI Agras return-to-home low-battery threshold defaults to about 25–30 %: keep 25 % in reserve. */
const BATTERY_RESERVE = 0.25;

/**
 * A drone with less than this share of a load left refills before a swath it could not finish
 * rather than breaking the swath off (the rest of the tank is carried into the next sortie).
 */
const EARLY_REFILL_SHARE = 0.25;

export interface SortiePlan {
  route: RouteSegment[];
  refills: RefillStop[];
  sorties: Sortie[];
}

/** Product (kg) or trays used per metre of swath. */
export function usePerM(v: Vehicle): number {
  const ha = v.workingWidthM / 10_000;
  return v.payload.kind === 'tank' ? ha * v.payload.rateKgPerHa : ha * v.payload.traysPerHa;
}

/** Tank (kg) or trays of one load. */
export function capacity(v: Vehicle): number {
  return v.payload.kind === 'tank' ? v.payload.capacityKg : v.payload.trays;
}

/** Flight time before a drone must turn back: its battery less the reserve, s (unbounded without a battery). */
export function usableBatteryS(v: Vehicle): number {
  return v.battery ? v.battery.enduranceS * (1 - BATTERY_RESERVE) : Infinity;
}

/**
 * Splits the route into sorties. Drones: where the tank (or the battery less its reserve) runs
 * out in the middle of a swath, the drone flies from that point to the service point, refills
 * (and swaps its battery, in parallel), comes back to the same point and goes on; transits
 * follow the shortest path inside the field. Ground machines (transplanters) do not drive over
 * planted rows to a service point: they reload trays where they stand, at the headland end of
 * the swath that would run out (a helper carries trays along the bund, as on Thái Bình farms),
 * or mid-swath only when one swath needs more than a full load.
 */
export function splitSorties(route: RouteSegment[], vehicle: Vehicle, servicePoint: XY, space: TurnSpace): SortiePlan {
  const perM = usePerM(vehicle);
  const cap = capacity(vehicle);
  const batteryS = vehicle.battery ? vehicle.battery.enduranceS * (1 - BATTERY_RESERVE) : Infinity;
  const stopS = Math.max(vehicle.payload.refillS, vehicle.battery?.swapS ?? 0);
  const out: RouteSegment[] = [];
  const refills: RefillStop[] = [];
  const sorties: Sortie[] = [];
  let sortie = 0,
    used = 0,
    flownS = 0,
    worked = 0,
    first = 0;

  const path = (a: XY, b: XY) => shortestPathInside(a, b, space.field, space.waypoints) ?? [a, b];
  const push = (s: RouteSegment) => {
    s.sortie = sortie;
    out.push(s);
    flownS += segmentTimeS(s, vehicle);
  };
  /** Ends the sortie with a stop at `p` and starts the next one there. */
  const stopAt = (p: XY, reason: RefillStop['reason']) => {
    sorties.push({ index: sortie, firstSegment: first, lastSegment: out.length - 1, workedM2: worked, used });
    refills.push({ afterSegment: out.length - 1, at: p, durationS: stopS, reason });
    sortie++;
    used = 0;
    flownS = 0;
    worked = 0;
    first = out.length;
  };
  const refillTransit = (a: XY, b: XY): RouteSegment => ({
    kind: 'transit',
    points: path(a, b),
    reverse: false,
    cellId: -1,
    swathIndex: -1,
    headlandLap: -1,
    transitPurpose: 'refill',
    sortie,
  });
  /** Drones: to the service point, refill there, and back to `p`. */
  const refillAt = (p: XY, reason: RefillStop['reason']) => {
    push(refillTransit(p, servicePoint));
    stopAt(servicePoint, reason);
    push(refillTransit(servicePoint, p));
  };
  const inPlace = vehicle.kind === 'ground';

  for (const s0 of route) {
    if (s0.kind !== 'swath') {
      push({ ...s0 });
      continue;
    }
    let s = { ...s0 };
    // ground machines reload before a swath the trays left would not finish, if a full load would
    const needs = polylineLength(s.points) * perM;
    if (inPlace && used > 0 && needs > cap - used + 1e-9 && needs <= cap)
      stopAt(s.points[0], vehicle.payload.kind === 'tank' ? 'tank' : 'trays');
    for (let fresh = true; ; fresh = false) {
      const l = polylineLength(s.points);
      const byTank = perM > 0 ? (cap - used) / perM : Infinity;
      const returnS = polylineLength([s.points[s.points.length - 1], servicePoint]) / vehicle.transitSpeedMps;
      const byBattery = (batteryS - flownS - returnS) * vehicle.workSpeedMps;
      const canM = Math.min(byTank, byBattery);
      if (!inPlace && fresh && worked > 0 && canM < l - 1e-6 && canM * perM < EARLY_REFILL_SHARE * cap) {
        // refill before a swath a nearly empty drone would break off: the two footprints of a
        // swath broken in the middle work a disc of the swath's width twice (docs/contracts.md)
        refillAt(s.points[0], byTank <= byBattery ? 'tank' : 'battery');
        continue;
      }
      if (canM >= l - 1e-6) {
        used += l * perM;
        worked += l * vehicle.workingWidthM;
        push(s);
        break;
      }
      if (canM > 0.5) {
        const [done, rest] = splitPolyline(s.points, canM);
        used += canM * perM;
        worked += canM * vehicle.workingWidthM;
        push({ ...s, points: done });
        s = { ...s, points: rest };
      } else if (worked === 0) {
        // nothing worked since the last refill: refilling again would loop forever
        push(s);
        break;
      }
      const p = s.points[0];
      const reason = byTank <= byBattery ? (vehicle.payload.kind === 'tank' ? 'tank' : 'trays') : 'battery';
      if (inPlace) stopAt(p, reason);
      else refillAt(p, reason);
    }
  }
  sorties.push({ index: sortie, firstSegment: first, lastSegment: out.length - 1, workedM2: worked, used });
  return { route: out, refills, sorties };
}
