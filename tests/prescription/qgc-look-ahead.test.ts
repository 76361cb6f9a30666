/**
 * QGroundControl rate changes with look-ahead: the command that sets a zone's rate is reached the
 * rate drive's lag × working speed before the zone border, so the metering ramp straddles it.
 */
import { describe, expect, it } from 'vitest';
import {
  clipPrescription,
  getVehicle,
  parsePrescriptionGeoJson,
  planField,
  planToQgcPlan,
  QGC_DEFAULTS,
  toXY,
  type Prescription,
  type QgcPlanFile,
} from '../../src/index.js';
import { pointInPolygon, type XY } from '../../src/geometry/index.js';
import { RATE_LOOK_AHEAD_S, zoneRateAt, zoneRuns, zoneRunsAhead } from '../../src/plan/export/prescription-parts.js';
import { validateQgcPlan } from '../helpers/qgc-plan-validator.js';
import { paddy, twoZoneGeoJson } from './helpers.js';

const drone = getVehicle('drone');
const len = (pts: readonly XY[]) => pts.reduce((a, p, i) => (i ? a + Math.hypot(p[0] - pts[i - 1][0], p[1] - pts[i - 1][1]) : 0), 0);

async function setup() {
  const field = await paddy();
  const plan = planField(field, drone);
  const rx = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field)), field, { defaultRatePerHa: 70 });
  return { field, plan, rx };
}

/** Rate commands (servo 10) with the waypoint reached just before each, in field metres. */
function rateChanges(mission: QgcPlanFile, toField: (lonLat: [number, number]) => XY): { pwm: number; at: XY }[] {
  const items = mission.mission.items;
  const out: { pwm: number; at: XY }[] = [];
  items.forEach((it, i) => {
    if (it.command !== 183 || it.params[0] !== QGC_DEFAULTS.rateServo) return;
    const wp = items
      .slice(0, i)
      .reverse()
      .find((w) => w.command === 16)!;
    out.push({ pwm: it.params[1] as number, at: toField([wp.params[5] as number, wp.params[4] as number]) });
  });
  return out;
}

describe('zoneRunsAhead', () => {
  it('moves each border back by the look-ahead along the swath, keeps the total length and the rates', async () => {
    const { plan, rx } = await setup();
    const crossing = plan.route.find((s) => s.kind === 'swath' && zoneRuns(s.points, rx).length === 2)!;
    const plain = zoneRuns(crossing.points, rx);
    const ahead = zoneRunsAhead(crossing.points, rx, 3);
    expect(ahead.map((r) => r.ratePerHa)).toEqual(plain.map((r) => r.ratePerHa));
    expect(len(ahead[0].points)).toBeCloseTo(len(plain[0].points) - 3, 6);
    expect(len(ahead[0].points) + len(ahead[1].points)).toBeCloseTo(len(crossing.points), 6);
    // a look-ahead longer than the first run puts the change at the swath start: one run
    expect(zoneRunsAhead(crossing.points, rx, len(plain[0].points) + 1).map((r) => r.ratePerHa)).toEqual([plain[1].ratePerHa]);
    expect(zoneRunsAhead(crossing.points, rx, 0)).toEqual(plain);
  });
});

describe('QGroundControl export: rate changes ahead of the zone border', () => {
  it('each mid-swath rate command is reached 0.6 s × working speed before the border, still in the previous zone', async () => {
    const { field, plan, rx } = await setup();
    const mission = planToQgcPlan(plan, { prescription: rx });
    expect(validateQgcPlan(mission)).toEqual([]);
    const leadM = RATE_LOOK_AHEAD_S * drone.workSpeedMps;
    expect(leadM).toBeGreaterThan(1);
    const toField = (ll: [number, number]) => toXY(field.projection, ll);
    const pwmOf = (rate: number) => Math.round(QGC_DEFAULTS.pwmOff + ((QGC_DEFAULTS.pwmOn - QGC_DEFAULTS.pwmOff) * rate) / 110);
    const ahead = rateChanges(mission, toField).filter((c) => pwmOf(zoneRateAt(rx, c.at) ?? -1) !== c.pwm);
    const crossings = plan.route.filter((s) => s.kind === 'swath').reduce((a, s) => a + zoneRuns(s.points, rx).length - 1, 0);
    expect(ahead.length).toBeGreaterThanOrEqual(Math.min(crossings, plan.metrics.swaths.count));
    for (const c of ahead) {
      const target = rx.zones.find((z) => pwmOf(z.ratePerHa) === c.pwm)!;
      expect(distanceToZone(c.at, target)).toBeGreaterThan(leadM - 0.05);
      expect(distanceToZone(c.at, target)).toBeLessThan(leadM + 0.05);
    }
    // with no look-ahead the commands sit on the border: every waypoint before a rate change is in (or on) its zone
    const onBorder = rateChanges(planToQgcPlan(plan, { prescription: rx, rateLookAheadS: 0 }), toField);
    for (const c of onBorder) {
      const target = rx.zones.find((z) => pwmOf(z.ratePerHa) === c.pwm)!;
      expect(distanceToZone(c.at, target)).toBeLessThan(0.05);
    }
  });
});

/** Distance from a point to a zone's polygons (0 inside), m. */
function distanceToZone(p: XY, zone: Prescription['zones'][number]): number {
  if (zone.polygons.some((poly) => pointInPolygon(p, poly))) return 0;
  let best = Infinity;
  for (const poly of zone.polygons)
    for (const ring of [poly.outer, ...poly.holes])
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [ax, ay] = ring[j],
          [bx, by] = ring[i];
        const dx = bx - ax,
          dy = by - ay,
          l2 = dx * dx + dy * dy;
        const t = l2 > 0 ? Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / l2)) : 0;
        best = Math.min(best, Math.hypot(p[0] - ax - t * dx, p[1] - ay - t * dy));
      }
  return best;
}
