import { describe, expect, it } from 'vitest';
import { boustrophedon, planField, skipOrder } from '../../src/plan/index.js';
import { PlanError } from '../../src/errors.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { polylineLength } from '../../src/geometry/polyline.js';
import { fieldM, rectM } from '../helpers/fields.js';

describe('swath orders', () => {
  it('boustrophedon alternates direction', () => {
    expect(boustrophedon(3, false, false)).toEqual([
      { index: 0, reversed: false },
      { index: 1, reversed: true },
      { index: 2, reversed: false },
    ]);
  });
  it('skip-3 visits every swath once, mostly 3 apart', () => {
    const o = skipOrder(10, 3, false, false).map((v) => v.index);
    expect([...o].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const gaps = o.slice(1).map((v, i) => Math.abs(v - o[i]));
    expect(gaps.filter((g) => g === 3).length).toBe(gaps.length - 2); // k − 1 = 2 switches between residues
  });
});

describe('planField', () => {
  const paddy = fieldM([rectM(200, 30, 20)], 'long-paddy');
  it('drone on a 200 × 30 m paddy: no lap (it turns on the spot), 5 swaths, sorties by tank', () => {
    const plan = planField(paddy, getVehicle('drone'));
    const m = plan.metrics;
    expect(m.field.areaHa).toBeCloseTo(0.6, 3);
    expect(m.field.areaSao).toBeCloseTo(6000 / 360, 1);
    // a lap would leave 3 swaths inside it (ceil((30 − 2·7) / 7)) and its caps under the lap:
    // more worked twice than the 5 swaths' 5 m of leftover alone
    expect(m.swaths.count).toBe(5);
    expect(m.swaths.lowerBound).toBe(5); // ceil(30 / 7)
    expect(m.swaths.angleDeg).toBeCloseTo(20, 3);
    expect(m.swaths.headlandPasses).toBe(0);
    expect(m.overlapPct).toBeLessThan(planField(paddy, getVehicle('drone'), { headlandLaps: 1 }).metrics.overlapPct);
    expect(planField(paddy, getVehicle('drone'), { headlandLaps: 1 }).metrics.swaths.count).toBe(3);
    // 0.6 ha × 70 kg/ha = 42 kg > one 40 kg tank: one refill
    expect(m.sorties.count).toBe(2);
    expect(m.sorties.refills).toBe(1);
    const workedM = plan.route.filter((s) => s.kind === 'swath').reduce((a, s) => a + polylineLength(s.points), 0);
    expect(plan.sorties.reduce((a, s) => a + s.used, 0)).toBeCloseTo((workedM * 7 * 70) / 10_000, 6);
    expect(m.timeS.total).toBeCloseTo(m.timeS.working + m.timeS.turning + m.timeS.transit + m.timeS.refill, 0);
    expect(m.fieldCapacityHaPerH).toBeCloseTo(0.6 / (m.timeS.total / 3600), 2);
  });
  it('transplanter on the same paddy: skip pattern with U-turns, trays reloaded', () => {
    const plan = planField(paddy, getVehicle('transplanter'));
    expect(plan.metrics.turns.byType.u).toBeGreaterThan(plan.metrics.turns.byType.k ?? 0);
    // 0.6 ha × 200 trays/ha = 120 trays, 18 per load: at least 7 loads. Trays are topped up at the
    // headland before a swath the trays left would not finish, so two loads in a row always need
    // more than one full load (else the second swath would have fitted): at most 2 × 7.
    const cap = 18;
    const used = plan.sorties.map((s) => s.used);
    expect(used.reduce((a, b) => a + b, 0)).toBeGreaterThan(119);
    expect(plan.metrics.sorties.count).toBeGreaterThanOrEqual(7);
    expect(plan.metrics.sorties.count).toBeLessThanOrEqual(14);
    for (const u of used) expect(u).toBeLessThanOrEqual(cap + 1e-9);
    for (let i = 1; i < used.length; i++) expect(used[i - 1] + used[i]).toBeGreaterThan(cap);
    // reloaded where the machine stands, at the start of the next swath: no transit over planted rows
    expect(plan.route.filter((s) => s.transitPurpose === 'refill')).toEqual([]);
    for (const r of plan.refills) {
      const next = plan.route[r.afterSegment + 1];
      expect(next.kind).toBe('swath');
      expect(next.points[0]).toEqual(r.at);
    }
  });
  it('starts at the service point nearest the given start', () => {
    const plan = planField(paddy, getVehicle('drone'), { startLonLat: [106.352, 20.651] });
    expect(plan.route[0].points[0]).toEqual(plan.servicePoint);
    const end = plan.route[plan.route.length - 1].points;
    expect(end[end.length - 1]).toEqual(plan.servicePoint);
  });
  it('honours a fixed angle and no headland', () => {
    const plan = planField(paddy, getVehicle('drone'), { angleDeg: 110, headlandLaps: 0 });
    expect(plan.metrics.swaths.angleDeg).toBeCloseTo(110, 6);
    expect(plan.metrics.swaths.headlandPasses).toBe(0);
    expect(plan.metrics.swaths.count).toBe(29); // across the paddy: ceil(200 / 7)
  });
  it('refuses bad options and too many swaths with codes', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return e instanceof PlanError ? e.code : String(e);
      }
      return 'no error';
    };
    expect(code(() => planField(paddy, getVehicle('drone'), { headlandLaps: -1 }))).toBe('PLAN_INVALID_OPTION');
    expect(code(() => planField(paddy, getVehicle('drone'), { headlandLaps: 1.5 }))).toBe('PLAN_INVALID_OPTION');
    expect(code(() => planField(paddy, getVehicle('drone'), { angleDeg: NaN }))).toBe('PLAN_INVALID_OPTION');
    expect(code(() => planField(paddy, getVehicle('drone'), { startLonLat: [20.65, 206.35] }))).toBe('PLAN_INVALID_OPTION');
    expect(code(() => planField(paddy, getVehicle('transplanter'), { maxSwaths: 5 }))).toBe('PLAN_TOO_MANY_SWATHS');
  });
});

describe('headland laps around holes', () => {
  it('a transplanter works the laps around the tomb plot before any swath, the boundary laps last; a drone keeps them all last', async () => {
    const { readFieldFile } = await import('../../src/field/index.js');
    const { signedArea } = await import('../../src/geometry/ring.js');
    const [tomb] = await readFieldFile('fields/paddy-with-tomb.geojson');
    const kindOf = (s: { kind: string; headlandLap: number; points: [number, number][] }) =>
      s.kind !== 'swath' ? undefined : s.headlandLap < 0 ? 'swath' : signedArea(s.points) < 0 ? 'hole-lap' : 'boundary-lap';
    const order = (v: 'drone' | 'transplanter') => {
      // the drone with its lap asked for (by default it chooses none where that works less twice)
      const kinds = planField(tomb, getVehicle(v), v === 'drone' ? { headlandLaps: 1 } : {}).route.map(kindOf).filter((k) => k !== undefined);
      return kinds.filter((k, i) => i === 0 || k !== kinds[i - 1]); // runs
    };
    // two laps around the hole (one run), the swaths, two boundary laps (gap passes may follow)
    expect(order('transplanter').slice(0, 3)).toEqual(['hole-lap', 'swath', 'boundary-lap']);
    const drone = order('drone');
    expect(drone[0]).toBe('swath');
    expect(drone.indexOf('hole-lap')).toBeGreaterThan(0);
  });
});
