/**
 * QGroundControl `.plan` export: the route as a mission of waypoints with the implement, speed,
 * reverse and rate commands where they change, the field as the geofence and the service point
 * as the rally point. The file's shape is in qgc-format.ts.
 */
import type { Plan, RouteSegment } from '../types.js';
import type { XY } from '../../geometry/index.js';
import { machinePoints } from '../route/machine-path.js';
import { lonLatOf, roundDeg } from './lonlat.js';
import { RATE_LOOK_AHEAD_S, zoneRunsAhead } from './prescription-parts.js';
import type { Prescription } from '../../prescription/index.js';
import { roundTo } from '../../units/index.js';
import { MAV_CMD, MAV_FRAME, type QgcPlanFile, type QgcSimpleItem } from './qgc-format.js';
import { hypot } from '../../geometry/index.js';

/** Options of {@link planToQgcPlan}; every one has a default in {@link QGC_DEFAULTS}. */
export interface QgcPlanOptions {
  /** Autopilot firmware: `ardupilot` (MAV_AUTOPILOT 3) or `px4` (12). */
  firmware?: 'ardupilot' | 'px4';
  /** How the implement is switched: `servo` (DO_SET_SERVO), `sprayer` (DO_SPRAYER) or `relay` (DO_SET_RELAY). Default: servo for drones, relay for ground machines. */
  implement?: 'servo' | 'sprayer' | 'relay';
  /** Servo output driving the spreader gate (DO_SET_SERVO param1). */
  servo?: number;
  /** PWM for implement on / off, µs. */
  pwmOn?: number;
  pwmOff?: number;
  /** Relay number (DO_SET_RELAY param1). */
  relay?: number;
  /** Waypoint altitude above home, m (default: the vehicle's `altitudeM`). */
  altitudeM?: number;
  /**
   * A prescription clipped to the plan's field: swaths get a waypoint where they cross a zone
   * border and a DO_SET_SERVO on `rateServo` setting the metering rate there (PWM linear from
   * `pwmOff` at 0 to `pwmOn` at the highest zone rate), as ArduPilot's servo-driven spreaders take it.
   */
  prescription?: Prescription;
  /** Servo output of the metering (rate) drive (default 10). */
  rateServo?: number;
  /**
   * Rate changes are placed this long ahead of each zone border at working speed, s (default
   * 0.6: the metering drive's time constant), so the drive's lag straddles the border; 0 puts
   * them on the border.
   */
  rateLookAheadS?: number;
}

/** Defaults of {@link QgcPlanOptions}. */
export const QGC_DEFAULTS = {
  firmware: 'ardupilot' as const,
  servo: 9,
  /** Typical RC PWM range 1000–2000 µs; 1900 opens, 1100 closes. */
  pwmOn: 1900,
  pwmOff: 1100,
  relay: 0,
  rateServo: 10,
  rateLookAheadS: RATE_LOOK_AHEAD_S,
};

const round2 = (v: number) => roundTo(v, 2);

type ResolvedQgcOptions = Required<Omit<QgcPlanOptions, 'implement' | 'altitudeM' | 'prescription'>> & QgcPlanOptions;
type Implement = NonNullable<QgcPlanOptions['implement']>;

/** Builds the mission's item list, emitting a command only when the state it sets changes. */
class MissionItems {
  readonly items: QgcSimpleItem[] = [];
  private speedMps = NaN;
  private implementOn = false;
  private reverse = false;
  private ratePerHa = NaN;
  last: XY | undefined;

  constructor(
    private readonly o: ResolvedQgcOptions,
    private readonly implement: Implement,
    private readonly air: boolean,
    private readonly position: (xy: XY, altM?: number) => [number, number, number],
    /** Highest zone rate of the prescription: the rate servo's full travel. */
    private readonly rateMaxPerHa: number,
  ) {}

  push(command: number, frame: number, params: (number | null)[]): void {
    this.items.push({ type: 'SimpleItem', autoContinue: true, command, doJumpId: this.items.length + 1, frame, params });
  }

  /** A waypoint at `xy`, unless the vehicle is already there (within 1 cm). */
  waypointTo(xy: XY): void {
    if (this.last !== undefined && hypot(this.last[0] - xy[0], this.last[1] - xy[1]) < 0.01) return;
    this.waypoint(xy);
  }

  /** A waypoint at `xy`, held `holdS` seconds. */
  waypoint(xy: XY, holdS = 0): void {
    this.push(MAV_CMD.NAV_WAYPOINT, MAV_FRAME.GLOBAL_RELATIVE_ALT, [holdS, 0, 0, null, ...this.position(xy)]);
    this.last = xy;
  }

  setImplement(on: boolean): void {
    if (this.implementOn === on) return;
    this.implementOn = on;
    const o = this.o;
    if (this.implement === 'servo') this.push(MAV_CMD.DO_SET_SERVO, MAV_FRAME.MISSION, [o.servo, on ? o.pwmOn : o.pwmOff, 0, 0, 0, 0, 0]);
    else if (this.implement === 'sprayer') this.push(MAV_CMD.DO_SPRAYER, MAV_FRAME.MISSION, [on ? 1 : 0, 0, 0, 0, 0, 0, 0]);
    else this.push(MAV_CMD.DO_SET_RELAY, MAV_FRAME.MISSION, [o.relay, on ? 1 : 0, 0, 0, 0, 0, 0]);
  }

  setSpeed(mps: number): void {
    if (this.speedMps === mps) return;
    this.speedMps = mps;
    // param1 1 = ground speed, param2 m/s, param3 -1 = throttle unchanged
    this.push(MAV_CMD.DO_CHANGE_SPEED, MAV_FRAME.MISSION, [1, round2(mps), -1, 0, 0, 0, 0]);
  }

  /** DO_SET_REVERSE exists for ArduPilot rovers only. */
  setReverse(reverse: boolean): void {
    if (this.air || this.o.firmware !== 'ardupilot' || this.reverse === reverse) return;
    this.reverse = reverse;
    this.push(MAV_CMD.DO_SET_REVERSE, MAV_FRAME.MISSION, [reverse ? 1 : 0, 0, 0, 0, 0, 0, 0]);
  }

  /** The metering servo's PWM, linear from `pwmOff` at 0 to `pwmOn` at the highest zone rate. */
  setRate(ratePerHa: number | undefined): void {
    if (ratePerHa === undefined || ratePerHa === this.ratePerHa) return;
    this.ratePerHa = ratePerHa;
    const o = this.o;
    const pwm = Math.round(o.pwmOff + ((o.pwmOn - o.pwmOff) * ratePerHa) / this.rateMaxPerHa);
    this.push(MAV_CMD.DO_SET_SERVO, MAV_FRAME.MISSION, [o.rateServo, pwm, 0, 0, 0, 0, 0]);
  }

  /** A refill stop: drones land at the service point and take off again; ground machines wait there. */
  refillStop(at: XY, durationS: number, altM: number): void {
    this.setImplement(false);
    if (!this.air) {
      this.waypoint(at, durationS);
      return;
    }
    this.push(MAV_CMD.NAV_LAND, MAV_FRAME.GLOBAL_RELATIVE_ALT, [0, 0, 0, null, ...this.position(at, 0)]);
    this.push(MAV_CMD.NAV_TAKEOFF, MAV_FRAME.GLOBAL_RELATIVE_ALT, [0, 0, 0, null, ...this.position(at, altM)]);
    this.last = at;
  }
}

function segmentSpeed(plan: Plan, s: RouteSegment): number {
  const v = plan.vehicle;
  if (s.kind === 'swath') return v.workSpeedMps;
  if (s.kind === 'turn') return s.reverse && v.reverseSpeedMps > 0 ? v.reverseSpeedMps : v.turnSpeedMps;
  return v.transitSpeedMps;
}

/**
 * One route segment's items: its waypoints with the implement, direction and speed set before
 * them. On a swath under a prescription, a rate command runs when the waypoint before it is
 * reached: at the swath start, then the look-ahead distance before each border (the drive's lag ×
 * speed), where a waypoint is added.
 */
function writeSegment(mission: MissionItems, plan: Plan, stepped: RouteSegment, o: ResolvedQgcOptions): void {
  // a piece of a stepped swath: the machine's straight line, the implement on throughout
  const segment = { ...stepped, points: machinePoints(stepped) };
  mission.waypointTo(segment.points[0]);
  mission.setImplement(segment.kind === 'swath');
  mission.setReverse(segment.reverse);
  mission.setSpeed(segmentSpeed(plan, segment));
  const rx = o.prescription;
  if (!rx || segment.kind !== 'swath') {
    for (const p of segment.points.slice(1)) mission.waypointTo(p);
    return;
  }
  const leadM = Math.max(0, o.rateLookAheadS) * segmentSpeed(plan, segment);
  for (const run of zoneRunsAhead(segment.points, rx, leadM)) {
    mission.setRate(run.ratePerHa);
    for (const p of run.points.slice(1)) mission.waypointTo(p);
  }
}

/** The geofence: the field boundary as inclusion polygon, each hole as exclusion. */
function geoFence(plan: Plan): QgcPlanFile['geoFence'] {
  const fencePoint = ([lon, lat]: number[]): [number, number] => [roundDeg(lat), roundDeg(lon)];
  const open = (ring: number[][]) => ring.slice(0, -1).map(fencePoint);
  const [outer, ...holes] = plan.field.lonLat;
  return {
    version: 2,
    // fenceAction (2 = hold) is read by some QGroundControl forks only; mainline ignores unknown keys
    polygons: [
      { version: 1, inclusion: true, fenceAction: 2, polygon: open(outer) },
      ...holes.map((h) => ({ version: 1 as const, inclusion: false, fenceAction: 2, polygon: open(h) })),
    ],
    circles: [],
  };
}

/**
 * Converts a plan to a QGroundControl `.plan` mission: waypoints along the route (relative
 * altitude), the implement switched on at each swath start and off at its end, speed changes
 * between working, turning and transit, reverse legs of K-turns (ArduPilot rovers), refill stops
 * (drones land at the service point and take off again; ground machines wait there `durationS`),
 * a geofence (the field boundary as inclusion, holes as exclusion) and the service point as
 * rally point.
 *
 * @param plan - a plan from `planField`
 * @param opts - firmware, implement command, servo/relay numbers, altitude
 * @returns the `.plan` object (serialise with JSON.stringify)
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, planToQgcPlan } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const mission = planToQgcPlan(planField(paddy, getVehicle('drone')), { firmware: 'px4' });
 * console.log(mission.mission.items.length);
 * ```
 */
export function planToQgcPlan(plan: Plan, opts: QgcPlanOptions = {}): QgcPlanFile {
  const o: ResolvedQgcOptions = { ...QGC_DEFAULTS, ...opts };
  const v = plan.vehicle;
  const air = v.kind === 'multirotor';
  const altM = opts.altitudeM ?? v.altitudeM;
  const lonLat = lonLatOf(plan);
  const position = (xy: XY, alt = altM): [number, number, number] => {
    const [lon, lat] = lonLat(xy);
    return [lat, lon, alt];
  };
  const rateMaxPerHa = opts.prescription ? Math.max(1e-9, ...opts.prescription.zones.map((z) => z.ratePerHa)) : 1;
  const mission = new MissionItems(o, opts.implement ?? (air ? 'servo' : 'relay'), air, position, rateMaxPerHa);

  const start = plan.route[0]?.points[0] ?? plan.servicePoint;
  if (air) mission.push(MAV_CMD.NAV_TAKEOFF, MAV_FRAME.GLOBAL_RELATIVE_ALT, [0, 0, 0, null, ...position(start)]);
  mission.last = air ? start : undefined;
  const refillsAfter = new Map(plan.refills.map((r) => [r.afterSegment, r]));
  plan.route.forEach((segment, i) => {
    writeSegment(mission, plan, segment, o);
    const refill = refillsAfter.get(i);
    if (refill) mission.refillStop(refill.at, refill.durationS, altM);
  });
  mission.setImplement(false);
  mission.setReverse(false);
  if (air) mission.push(MAV_CMD.NAV_RETURN_TO_LAUNCH, MAV_FRAME.MISSION, [0, 0, 0, 0, 0, 0, 0]);

  return {
    fileType: 'Plan',
    version: 1,
    groundStation: 'QGroundControl',
    mission: {
      version: 2,
      firmwareType: o.firmware === 'px4' ? 12 : 3,
      vehicleType: air ? 2 : 10,
      cruiseSpeed: round2(v.workSpeedMps),
      hoverSpeed: round2(v.workSpeedMps),
      plannedHomePosition: position(plan.servicePoint, 0),
      items: mission.items,
    },
    geoFence: geoFence(plan),
    rallyPoints: { version: 2, points: [position(plan.servicePoint, altM)] },
  };
}
