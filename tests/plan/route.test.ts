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
  it('drone on a 200 × 30 m paddy: 3 swaths inside one 7 m lap, sorties by tank', () => {
    const plan = planField(paddy, getVehicle('drone'));
    const m = plan.metrics;
    expect(m.field.areaHa).toBeCloseTo(0.6, 3);
    expect(m.field.areaSao).toBeCloseTo(6000 / 360, 1);
    // the lap stays: without it 5 swaths leave the same 5 m of leftover along 200 m instead of 186 m,
    // which only the contract's round caps under the lap would pay back (layout.ts BAR_CAP_SHARE)
    expect(m.swaths.count).toBe(3); // ceil((30 − 2·7) / 7)
    expect(m.swaths.lowerBound).toBe(5); // ceil(30 / 7)
    expect(m.swaths.angleDeg).toBeCloseTo(20, 3);
    expect(m.swaths.headlandPasses).toBe(1);
    expect(planField(paddy, getVehicle('drone'), { headlandLaps: 0 }).metrics.swaths.count).toBe(5);
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
      const kinds = planField(tomb, getVehicle(v), v === 'drone' ? { headlandLaps: 1 } : {})
        .route.map(kindOf)
        .filter((k) => k !== undefined);
      return kinds.filter((k, i) => i === 0 || k !== kinds[i - 1]); // runs
    };
    // two laps around the hole (one run), the swaths, two boundary laps (gap passes may follow)
    expect(order('transplanter').slice(0, 3)).toEqual(['hole-lap', 'swath', 'boundary-lap']);
    const drone = order('drone');
    expect(drone[0]).toBe('swath');
    expect(drone.indexOf('hole-lap')).toBeGreaterThan(0);
  });
});

describe('drone refills at swath ends', () => {
  it('breaks a swath off for a refill only when over a quarter of the tank was left at its start', () => {
    // 180 × 120 m: 2.16 ha × 70 kg/ha = 151 kg, four 40 kg tanks; swaths of ~120–180 m, a quarter tank is 204 m of swath
    const field = fieldM([rectM(180, 120, 0)], 'refills');
    const drone = getVehicle('drone');
    const plan = planField(field, drone);
    expect(plan.refills.length).toBeGreaterThanOrEqual(3);
    const quarterTankM = (0.25 * 40) / ((drone.workingWidthM / 10_000) * 70);
    const pieces = new Map<string, number>();
    for (const s of plan.route)
      if (s.kind === 'swath' && s.swathIndex >= 0) {
        const key = `${s.cellId}/${s.swathIndex}`;
        pieces.set(key, (pieces.get(key) ?? 0) + polylineLength(s.points));
      }
    const broken = plan.route.filter(
      (s, i) =>
        s.kind === 'swath' &&
        plan.route
          .slice(i + 1)
          .some((t) => t.kind === 'swath' && t.cellId === s.cellId && t.swathIndex === s.swathIndex && s.swathIndex >= 0),
    );
    for (const s of broken) expect(pieces.get(`${s.cellId}/${s.swathIndex}`)!).toBeGreaterThan(quarterTankM);
  });
});
