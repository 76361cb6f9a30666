import { hypot, polylineLength, splitPolyline } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import type { XY } from '../../geometry/index.js';
import type { Vehicle } from '../../vehicles/index.js';
import { segmentTimeS } from '../metrics/segment-time.js';
import type { TurnSpace } from '../turns/plan-turn.js';
import { machinePoints } from '../route/machine-path.js';
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

/** Product (kg) or trays used per metre of swath, at `widthM` (default: the full working width). */
export function usePerM(v: Vehicle, widthM = v.workingWidthM): number {
  const ha = widthM / 10_000;
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

/** Walks the route once, keeping what the current sortie has used, flown and worked. */
class SortieSplitter {
  readonly route: RouteSegment[] = [];
  readonly refills: RefillStop[] = [];
  readonly sorties: Sortie[] = [];
  /** The trips out to the service point flown straight (`straightOut`), in order. */
  readonly tripsOut: RouteSegment[] = [];
  private sortie = 0;
  private used = 0;
  private flownS = 0;
  private workedM2 = 0;
  private firstSegment = 0;
  private readonly capacity: number;
  private readonly batteryS: number;
  private readonly stopS: number;
  /** Ground machines reload where they stand; drones fly to the service point. */
  private readonly inPlace: boolean;

  constructor(
    private readonly vehicle: Vehicle,
    private readonly servicePoint: XY,
    private readonly space: TurnSpace,
    /** Fly each trip out to the service point straight, unsearched (see {@link lazySplitSorties}). */
    private readonly straightOut = false,
  ) {
    this.capacity = capacity(vehicle);
    this.batteryS = usableBatteryS(vehicle);
    this.stopS = Math.max(vehicle.payload.refillS, vehicle.battery?.swapS ?? 0);
    this.inPlace = vehicle.kind === 'ground';
  }

  push(segment: RouteSegment): void {
    segment.sortie = this.sortie;
    this.route.push(segment);
    // the time flown bounds only a battery (a machine without one never turns back for it)
    if (this.batteryS !== Infinity) this.flownS += segmentTimeS(segment, this.vehicle);
  }

  /** Closes the last sortie. */
  finish(): SortiePlan {
    this.closeSortie();
    return { route: this.route, refills: this.refills, sorties: this.sorties };
  }

  /** Adds a swath, with the refills it needs before or within it. */
  addSwath(swath: RouteSegment): void {
    let s = { ...swath };
    const { capacity: cap, vehicle } = this;
    // a narrowed last pass (rows switched off) uses product and trays for its own width only
    const widthM = swath.widthM ?? vehicle.workingWidthM;
    const perM = usePerM(vehicle, widthM);
    // ground machines reload before a swath the trays left would not finish, if a full load would
    const swathM = polylineLength(s.points);
    const needs = swathM * perM;
    if (this.inPlace && this.used > 0 && needs > cap - this.used + 1e-9 && needs <= cap)
      this.stopAt(machinePoints(s)[0], vehicle.payload.kind === 'tank' ? 'tank' : 'trays');
    for (let fresh = true; ; fresh = false) {
      // the swath itself first (its length is known), then what is left of it after a split
      const lengthM = fresh ? swathM : polylineLength(s.points);
      const byTank = perM > 0 ? (cap - this.used) / perM : Infinity;
      // the straight line's length as polylineLength measures it (0 + hypot: the same number), no array per swath
      const end = s.points[s.points.length - 1],
        home = this.servicePoint;
      const returnS = hypot(home[0] - end[0], home[1] - end[1]) / vehicle.transitSpeedMps;
      const byBattery = (this.batteryS - this.flownS - returnS) * vehicle.workSpeedMps;
      const canM = Math.min(byTank, byBattery);
      if (!this.inPlace && fresh && this.workedM2 > 0 && canM < lengthM - 1e-6 && canM * perM < EARLY_REFILL_SHARE * cap) {
        // refill before a swath a nearly empty drone would break off: the two footprints of a
        // swath broken in the middle work a disc of the swath's width twice (docs/contracts.md)
        this.refillAt(s.points[0], byTank <= byBattery ? 'tank' : 'battery');
        continue;
      }
      if (canM >= lengthM - 1e-6) {
        this.work(s, lengthM, perM, widthM);
        return;
      }
      if (canM > 0.5) {
        const [done, rest] = splitPolyline(s.points, canM);
        this.work({ ...s, points: done }, canM, perM, widthM);
        s = { ...s, points: rest };
      } else if (this.workedM2 === 0) {
        // nothing worked since the last refill: refilling again would loop forever
        this.push(s);
        return;
      }
      const reason = byTank <= byBattery ? (vehicle.payload.kind === 'tank' ? 'tank' : 'trays') : 'battery';
      // a ground machine stops where it is: on its own line (a stepped swath's rows work off it)
      if (this.inPlace) this.stopAt(machinePoints(s)[0], reason);
      else this.refillAt(s.points[0], reason);
    }
  }

  /** Works `lengthM` of swath: the product and area go on the current sortie. */
  private work(swath: RouteSegment, lengthM: number, perM: number, widthM: number): void {
    this.used += lengthM * perM;
    this.workedM2 += lengthM * widthM;
    this.push(swath);
  }

  private closeSortie(): void {
    const { sortie: index, firstSegment, workedM2, used } = this;
    this.sorties.push({ index, firstSegment, lastSegment: this.route.length - 1, workedM2, used });
  }

  /** Ends the sortie with a stop at `p` and starts the next one there. */
  private stopAt(p: XY, reason: RefillStop['reason']): void {
    this.closeSortie();
    this.refills.push({ afterSegment: this.route.length - 1, at: p, durationS: this.stopS, reason });
    this.sortie++;
    this.used = 0;
    this.flownS = 0;
    this.workedM2 = 0;
    this.firstSegment = this.route.length;
  }

  /** Drones: to the service point, refill there, and back to `p`. */
  private refillAt(p: XY, reason: RefillStop['reason']): void {
    // the trip out ends the sortie: its time is dropped with the sortie's, so its path changes nothing after it
    const out = this.straightOut ? this.transitAlong([p, this.servicePoint]) : this.refillTransit(p, this.servicePoint);
    if (this.straightOut) this.tripsOut.push(out);
    this.push(out);
    this.stopAt(this.servicePoint, reason);
    this.push(this.refillTransit(this.servicePoint, p));
  }

  /** A refill transit along the shortest path inside the field. */
  private refillTransit(a: XY, b: XY): RouteSegment {
    return this.transitAlong(shortestPathInside(a, b, this.space.field, this.space.waypoints) ?? [a, b]);
  }

  /** A refill transit along `points`. */
  private transitAlong(points: XY[]): RouteSegment {
    return {
      kind: 'transit',
      points,
      reverse: false,
      cellId: -1,
      swathIndex: -1,
      headlandLap: -1,
      transitPurpose: 'refill',
      sortie: this.sortie,
    };
  }
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
  return splitWith(new SortieSplitter(vehicle, servicePoint, space), route);
}

function splitWith(splitter: SortieSplitter, route: RouteSegment[]): SortiePlan {
  for (const segment of route) {
    if (segment.kind === 'swath') splitter.addSwath(segment);
    else splitter.push({ ...segment });
  }
  return splitter.finish();
}

/** Length of a route, m: its segments' lengths summed in order. */
export function routeLengthM(route: RouteSegment[]): number {
  return route.reduce((a, s) => a + polylineLength(s.points), 0);
}

/** A sortie split whose trips out to the service point are flown straight until {@link LazySplit.complete}. */
export interface LazySplit {
  /** {@link routeLengthM} of the split with the trips out straight: never over the completed split's (a straight line is never longer than a path between its ends). */
  boundM: number;
  /** The split {@link splitSorties} gives: the trips out searched (once) and put in place. */
  complete(): SortiePlan;
}

/**
 * {@link splitSorties} with the search for each trip out to the service point put off. A trip
 * out ends its sortie, whose flight time is dropped at the stop, so its path changes nothing
 * after it: the split with straight trips out makes the same stops, splits and trips back, and
 * searching those trips afterwards gives the same split. A route choice can drop a candidate
 * whose bound is already behind the best without those searches.
 */
export function lazySplitSorties(route: RouteSegment[], vehicle: Vehicle, servicePoint: XY, space: TurnSpace): LazySplit {
  const splitter = new SortieSplitter(vehicle, servicePoint, space, true);
  const plan = splitWith(splitter, route);
  let searched = false,
    boundM: number | undefined;
  return {
    // measured when first asked: only a drone's route choice asks (a ground machine's split has no trips out)
    get boundM() {
      return (boundM ??= routeLengthM(plan.route));
    },
    complete: () => {
      // the bound is of the straight trips: measured before they are replaced, if not yet asked
      if (!searched && splitter.tripsOut.length > 0) boundM ??= routeLengthM(plan.route);
      if (!searched)
        for (const trip of splitter.tripsOut) {
          const [p, to] = trip.points;
          trip.points = shortestPathInside(p, to, space.field, space.waypoints) ?? trip.points;
        }
      searched = true;
      return plan;
    },
  };
}
