import { beforeAll, describe, expect, it } from 'vitest';
import { toXY } from '../../../src/geodesy/index.js';
import { pointInPolygonTol } from '../../../src/geometry/inside.js';
import { polylineLength } from '../../../src/geometry/polyline.js';
import type { XY } from '../../../src/geometry/types.js';
import { exportPlan, type QgcPlanFile, type QgcPlanOptions } from '../../../src/plan/export/index.js';
import type { Plan } from '../../../src/plan/types.js';
import { validateQgcPlan } from '../../helpers/qgc-plan-validator.js';
import { randomPlans, samplePlans } from './plans.js';

/** MAVLink common.xml MAV_CMD numbers the exporter uses. */
const CMD = { WAYPOINT: 16, RTL: 20, LAND: 21, TAKEOFF: 22, CHANGE_SPEED: 178, RELAY: 181, SERVO: 183, REVERSE: 194, SPRAYER: 216 };
const NAV = new Set([CMD.WAYPOINT, CMD.LAND, CMD.TAKEOFF]);
const IMPLEMENT = new Set([CMD.RELAY, CMD.SERVO, CMD.SPRAYER]);

/** Exports as the CLI writes the file, and parses it back as QGroundControl reads it. */
const qgc = (plan: Plan, opts: QgcPlanOptions = {}) => JSON.parse(exportPlan(plan, 'qgc', opts)) as QgcPlanFile;

/** Whether an implement command switches on (servo: PWM above the off value; relay param2; sprayer param1). */
function implementOn(cmd: number, params: (number | null)[], pwmOff: number): boolean {
  if (cmd === CMD.SERVO) return (params[1] as number) > pwmOff;
  if (cmd === CMD.RELAY) return params[1] === 1;
  return params[0] === 1;
}

/**
 * Flies the mission on paper: position after each NAV item (in the plan's metres), implement
 * state, speed and reverse flag, and the distance covered with the implement on.
 */
function flyMission(plan: Plan, file: QgcPlanFile, pwmOff = 1100) {
  let pos: XY | undefined,
    on = false,
    speed = NaN,
    reverse = false;
  let onM = 0,
    ons = 0,
    offs = 0,
    reverseOns = 0;
  const speedsWhileOn = new Set<number>();
  for (const it of file.mission.items) {
    const p = it.params;
    if (NAV.has(it.command)) {
      const xy = toXY(plan.field.projection, [p[5] as number, p[4] as number]) as XY;
      if (pos && on) {
        onM += Math.hypot(xy[0] - pos[0], xy[1] - pos[1]);
        speedsWhileOn.add(speed);
      }
      pos = xy;
    } else if (IMPLEMENT.has(it.command)) {
      const next = implementOn(it.command, p, pwmOff);
      expect(next).not.toBe(on); // never switched to the state it is already in
      on = next;
      if (on) ons++;
      else offs++;
    } else if (it.command === CMD.CHANGE_SPEED) speed = p[1] as number;
    else if (it.command === CMD.REVERSE) {
      reverse = p[0] === 1;
      if (reverse) reverseOns++;
    }
  }
  return { onM, ons, offs, endsOn: on, endsReverse: reverse, reverseOns, speedsWhileOn };
}

/** Maximal runs of consecutive route segments that satisfy `pred`; a refill stop ends a run. */
function runs(plan: Plan, pred: (i: number) => boolean): number {
  const stops = new Set(plan.refills.map((r) => r.afterSegment));
  let n = 0;
  plan.route.forEach((_, i) => {
    if (pred(i) && (i === 0 || !pred(i - 1) || stops.has(i - 1))) n++;
  });
  return n;
}

describe('planToQgcPlan / exportPlan qgc', () => {
  let samples: { name: string; plan: Plan }[] = [];
  let randoms: { name: string; plan: Plan }[] = [];
  beforeAll(async () => {
    samples = await samplePlans();
    randoms = randomPlans(8);
  });

  it('passes the QGroundControl loader rules for every sample field, vehicle and firmware', () => {
    expect(samples.length).toBeGreaterThanOrEqual(12);
    for (const { name, plan } of samples)
      for (const firmware of ['ardupilot', 'px4'] as const) {
        expect({ name, firmware, problems: validateQgcPlan(qgc(plan, { firmware })) }).toEqual({ name, firmware, problems: [] });
      }
  });

  it('passes the loader rules for seeded random fields (convex, concave, holes, clockwise)', () => {
    for (const { name, plan } of randoms) expect({ name, problems: validateQgcPlan(qgc(plan)) }).toEqual({ name, problems: [] });
  });

  it('validator refuses what QGroundControl refuses (so the checks above can fail)', () => {
    const good = qgc(samples[0].plan);
    expect(validateQgcPlan(good)).toEqual([]);
    const broken = (edit: (f: any) => void) => {
      const f = structuredClone(good) as any;
      edit(f);
      return validateQgcPlan(f).join('\n');
    };
    expect(broken((f) => delete f.groundStation)).toMatch(/required key "groundStation"/);
    expect(broken((f) => (f.fileType = 'Mission'))).toMatch(/Incorrect file type/);
    expect(broken((f) => (f.version = 2))).toMatch(/newer than current supported version 1/);
    expect(broken((f) => delete f.rallyPoints)).toMatch(/required key "rallyPoints"/);
    expect(broken((f) => delete f.mission.firmwareType)).toMatch(/required key "firmwareType"/);
    expect(broken((f) => (f.mission.plannedHomePosition = [20.65, 106.35]))).toMatch(/must contain 3 values/);
    expect(broken((f) => f.mission.items[1].params.pop())).toMatch(/params key must contain 7 values/);
    expect(broken((f) => (f.mission.items[1].params[0] = 'x'))).toMatch(/param 1 incorrect type String/);
    expect(broken((f) => (f.mission.items[1].autoContinue = 1))).toMatch(/"autoContinue" is Double, must be Bool/);
    expect(broken((f) => (f.mission.items[1].type = 'MissionItem'))).toMatch(/Unknown item type: MissionItem/);
    expect(broken((f) => (f.mission.items[2].doJumpId = 1))).toMatch(/doJumpId 1, expected 3/);
    expect(broken((f) => (f.mission.items[0].params[4] = null))).toMatch(/latitude null/); // NaN serialises as null
    expect(broken((f) => (f.mission.items[0].frame = 99))).toMatch(/frame 99 is not a MAV_FRAME/);
    expect(broken((f) => (f.mission.firmwareType = 4))).toMatch(/firmwareType 4/);
    expect(broken((f) => (f.geoFence.version = 1))).toMatch(/ignores the whole fence/);
    expect(broken((f) => delete f.geoFence.polygons[0].inclusion)).toMatch(/required key "inclusion"/);
    expect(broken((f) => f.geoFence.polygons[0].polygon.push(f.geoFence.polygons[0].polygon[0]))).toMatch(/first vertex repeated/);
    expect(broken((f) => (f.rallyPoints.points = [[20.65, 106.35]]))).toMatch(/must contain 3 values/);
    expect(
      broken((f) =>
        f.mission.items.push({
          type: 'SimpleItem',
          frame: 2,
          command: 177,
          autoContinue: true,
          doJumpId: f.mission.items.length + 1,
          params: [9999, 1, 0, 0, 0, 0, 0],
        }),
      ),
    ).toMatch(/Could not find doJumpId: 9999/);
  });

  it('drones take off first at the route start, fly at the configured altitude and return to launch', () => {
    for (const { name, plan } of samples.filter((s) => s.plan.vehicle.kind === 'multirotor')) {
      for (const altitudeM of [undefined, 4.5]) {
        const f = qgc(plan, altitudeM === undefined ? {} : { altitudeM });
        const want = altitudeM ?? plan.vehicle.altitudeM;
        const items = f.mission.items;
        expect({ name, first: items[0].command, frame: items[0].frame }).toEqual({ name, first: CMD.TAKEOFF, frame: 3 });
        expect(items[0].params[6]).toBe(want);
        const [x, y] = toXY(plan.field.projection, [items[0].params[5] as number, items[0].params[4] as number]);
        expect(Math.hypot(x - plan.route[0].points[0][0], y - plan.route[0].points[0][1])).toBeLessThan(0.01);
        expect(items[items.length - 1].command).toBe(CMD.RTL);
        for (const it of items.filter((i) => i.command === CMD.WAYPOINT)) expect(it.params[6]).toBe(want);
        // every refill is a landing at the service point (altitude 0) followed by a take-off to working altitude
        const lands = items.flatMap((it, i) => (it.command === CMD.LAND ? [i] : []));
        expect(lands.length).toBe(plan.refills.length);
        for (const i of lands) {
          expect(items[i].params[6]).toBe(0);
          expect(items[i + 1].command).toBe(CMD.TAKEOFF);
          expect(items[i + 1].params[6]).toBe(want);
        }
        expect(f.mission.vehicleType).toBe(2); // MAV_TYPE_QUADROTOR
      }
    }
  });

  it('ground machines drive at altitude 0 with no take-off or landing, and wait at the service point to refill', () => {
    for (const { name, plan } of samples.filter((s) => s.plan.vehicle.kind === 'ground')) {
      const items = qgc(plan).mission.items;
      expect({ name, cmds: items.filter((i) => [CMD.TAKEOFF, CMD.LAND, CMD.RTL].includes(i.command)).length }).toEqual({ name, cmds: 0 });
      for (const it of items.filter((i) => i.command === CMD.WAYPOINT)) expect(it.params[6]).toBe(0);
      const waits = items.filter((i) => i.command === CMD.WAYPOINT && (i.params[0] as number) > 0);
      expect(waits.map((w) => w.params[0])).toEqual(plan.refills.map((r) => r.durationS));
      expect(qgc(plan).mission.vehicleType).toBe(10); // MAV_TYPE_GROUND_ROVER
    }
  });

  it('switches the implement on for each swath run and off after it: the distance flown "on" equals the swath length', () => {
    for (const { name, plan } of samples) {
      const f = qgc(plan);
      const flown = flyMission(plan, f);
      const swathRuns = runs(plan, (i) => plan.route[i].kind === 'swath');
      const swaths = plan.route.filter((s) => s.kind === 'swath');
      const swathM = swaths.reduce((a, s) => a + polylineLength(s.points), 0);
      expect({ name, ons: flown.ons, offs: flown.offs, endsOn: flown.endsOn }).toEqual({
        name,
        ons: swathRuns,
        offs: swathRuns,
        endsOn: false,
      });
      // ground machines always turn between swaths, so every swath gets its own on/off pair; the
      // pieces of a stepped swath (rows switched off one group at a time) are one drive unless a
      // refill stop comes between them
      const stops = new Set(plan.refills.map((r) => r.afterSegment));
      const continues = (i: number) => {
        const [s, prev] = [plan.route[i], plan.route[i - 1]];
        return (
          i > 0 &&
          !stops.has(i - 1) &&
          prev.kind === 'swath' &&
          s.rowsOffsetM !== undefined &&
          prev.rowsOffsetM !== undefined &&
          prev.swathIndex === s.swathIndex &&
          prev.cellId === s.cellId
        );
      };
      const drives = plan.route.filter((s, i) => s.kind === 'swath' && !continues(i)).length;
      if (plan.vehicle.kind === 'ground') expect(flown.ons).toBe(drives);
      expect(Math.abs(flown.onM - swathM) / swathM, name).toBeLessThan(1e-4);
      expect([...flown.speedsWhileOn]).toEqual([Math.round(plan.vehicle.workSpeedMps * 100) / 100]);
    }
  });

  it('uses the chosen implement command: DO_SET_SERVO with the PWM values, DO_SPRAYER or DO_SET_RELAY', () => {
    const { plan } = samples.find((s) => s.plan.vehicle.kind === 'multirotor')!;
    const swathRuns = runs(plan, (i) => plan.route[i].kind === 'swath');
    const servo = qgc(plan, { servo: 10, pwmOn: 1800, pwmOff: 1200 }).mission.items.filter((i) => i.command === CMD.SERVO);
    expect(servo.length).toBe(2 * swathRuns);
    expect(new Set(servo.map((i) => `${i.params[0]}:${i.params[1]}`))).toEqual(new Set(['10:1800', '10:1200']));
    const sprayer = qgc(plan, { implement: 'sprayer' }).mission.items.filter((i) => i.command === CMD.SPRAYER);
    expect(sprayer.map((i) => i.params[0])).toEqual(Array.from({ length: 2 * swathRuns }, (_, k) => (k % 2 ? 0 : 1)));
    const relay = qgc(plan, { implement: 'relay', relay: 2 }).mission.items.filter((i) => i.command === CMD.RELAY);
    expect(relay.map((i) => `${i.params[0]}:${i.params[1]}`)).toEqual(
      Array.from({ length: 2 * swathRuns }, (_, k) => `2:${k % 2 ? 0 : 1}`),
    );
    expect(flyMission(plan, qgc(plan, { implement: 'sprayer' })).ons).toBe(swathRuns);
  });

  it('keeps every waypoint inside the field (0.05 m) and out of the holes', () => {
    for (const { name, plan } of [...samples, ...randoms]) {
      const outside = qgc(plan)
        .mission.items.filter((i) => NAV.has(i.command))
        .filter(
          (i) =>
            !pointInPolygonTol(toXY(plan.field.projection, [i.params[5] as number, i.params[4] as number]) as XY, plan.field.polygon, 0.05),
        );
      expect({ name, outside: outside.length }).toEqual({ name, outside: 0 });
    }
  });

  it('writes PX4 or ArduPilot as firmwareType, and reverse legs only for ArduPilot ground machines', () => {
    for (const { name, plan } of samples) {
      const ardu = qgc(plan, { firmware: 'ardupilot' }),
        px4 = qgc(plan, { firmware: 'px4' });
      expect(ardu.mission.firmwareType).toBe(3); // MAV_AUTOPILOT_ARDUPILOTMEGA
      expect(px4.mission.firmwareType).toBe(12); // MAV_AUTOPILOT_PX4
      expect(px4.mission.items.filter((i) => i.command === CMD.REVERSE).length).toBe(0);
      const reverseRuns = runs(plan, (i) => plan.route[i].reverse);
      const flown = flyMission(plan, ardu);
      expect({ name, reverse: flown.reverseOns, endsReverse: flown.endsReverse }).toEqual({
        name,
        reverse: plan.vehicle.kind === 'ground' ? reverseRuns : 0,
        endsReverse: false,
      });
    }
  });

  it('fences the field (boundary inclusion, holes exclusion, open rings at 1e-8°) and rallies at the service point', () => {
    for (const { name, plan } of samples) {
      const f = qgc(plan);
      const [outer, ...holes] = plan.field.lonLat;
      expect({ name, n: f.geoFence.polygons.length }).toEqual({ name, n: 1 + holes.length });
      expect(f.geoFence.polygons.map((p) => p.inclusion)).toEqual([true, ...holes.map(() => false)]);
      [outer, ...holes].forEach((ring, r) => {
        const poly = f.geoFence.polygons[r].polygon;
        expect(poly.length).toBe(ring.length - 1);
        poly.forEach(([lat, lon], k) => {
          expect(Math.abs(lat - ring[k][1])).toBeLessThanOrEqual(5e-9);
          expect(Math.abs(lon - ring[k][0])).toBeLessThanOrEqual(5e-9);
        });
      });
      const [lat, lon] = f.rallyPoints.points[0];
      const [x, y] = toXY(plan.field.projection, [lon, lat]);
      expect(Math.hypot(x - plan.servicePoint[0], y - plan.servicePoint[1])).toBeLessThan(0.01);
      expect(f.mission.plannedHomePosition.slice(0, 2)).toEqual([lat, lon]);
    }
  });

  it('is deterministic: the same plan exports to the same bytes', () => {
    const { plan } = samples[1];
    expect(exportPlan(plan, 'qgc')).toBe(exportPlan(plan, 'qgc'));
  });
});
