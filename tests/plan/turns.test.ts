import { describe, expect, it } from 'vitest';
import { kTurn, omegaTurn, planTurn, uTurn } from '../../src/plan/index.js';
import type { TurnShape } from '../../src/plan/turns/shapes.js';
import type { XY } from '../../src/geometry/types.js';
import { getVehicle } from '../../src/vehicles/index.js';
import { rectM } from '../helpers/fields.js';

/** Smallest radius of curvature along forward legs, from every three consecutive points. */
function minRadius(shape: TurnShape): number {
  let r = Infinity;
  for (const leg of shape.legs)
    for (let i = 2; i < leg.points.length; i++) {
      const [a, b, c] = [leg.points[i - 2], leg.points[i - 1], leg.points[i]];
      const ab = Math.hypot(b[0] - a[0], b[1] - a[1]),
        bc = Math.hypot(c[0] - b[0], c[1] - b[1]),
        ca = Math.hypot(a[0] - c[0], a[1] - c[1]);
      const cross = Math.abs((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
      if (cross > 1e-9 && ab > 1e-6 && bc > 1e-6) r = Math.min(r, (ab * bc * ca) / (2 * cross));
    }
  return r;
}
const last = (s: TurnShape): XY => {
  const l = s.legs[s.legs.length - 1].points;
  return l[l.length - 1];
};
const maxX = (s: TurnShape) => Math.max(...s.legs.flatMap((l) => l.points.map((p) => p[0])));

describe('turn shapes respect the turning radius', () => {
  const R = 2;
  it('U-turn for 6 m spacing: ends at the next swath, reaches R past the end', () => {
    const u = uTurn(0, 6, R)!;
    expect(last(u)[0]).toBeCloseTo(0, 9);
    expect(last(u)[1]).toBeCloseTo(6, 9);
    expect(maxX(u)).toBeCloseTo(R, 6);
    expect(minRadius(u)).toBeGreaterThan(R - 0.01);
    expect(uTurn(0, 1.8, R)).toBeUndefined(); // needs 2R = 4 m
  });
  it('omega turn for 1.8 m spacing: forward only, depth R + sqrt(4R² − (d/2 + R)²)', () => {
    const o = omegaTurn(0, 1.8, R)!;
    expect(o.legs.every((l) => !l.reverse)).toBe(true);
    expect(last(o)[1]).toBeCloseTo(1.8, 6);
    expect(maxX(o)).toBeCloseTo(R + Math.sqrt(4 * R * R - (0.9 + R) ** 2), 2); // 4.755 m
    expect(minRadius(o)).toBeGreaterThan(R - 0.01);
  });
  it('K-turn for 1.8 m spacing: forward, reverse 2R − d, forward; depth R only', () => {
    const k = kTurn(0, 1.8, R)!;
    expect(k.legs.map((l) => l.reverse)).toEqual([false, true, false]);
    const rev = k.legs[1].points;
    expect(Math.hypot(rev[1][0] - rev[0][0], rev[1][1] - rev[0][1])).toBeCloseTo(2 * R - 1.8, 9);
    expect(maxX(k)).toBeCloseTo(R, 6);
    expect(minRadius(k)).toBeGreaterThan(R - 0.01);
  });
});

describe('planTurn picks a turn that fits inside the field', () => {
  const field = { outer: rectM(50, 40), holes: [] };
  const space = { field, waypoints: [], tolM: 0.01 };
  it('transplanter, 1.8 m apart, 2.7 m from the end: K-turn (an omega needs 4.76 m)', () => {
    const t = planTurn([47.3, 10], [1, 0], [47.3, 11.8], getVehicle('transplanter'), space);
    expect(t.type).toBe('k');
    expect(t.legs.flatMap((l) => l.points).every((p) => p[0] <= 50 && p[0] >= 0)).toBe(true);
  });
  it('transplanter, 5.4 m apart (skip 3): U-turn', () => {
    expect(planTurn([47.3, 10], [1, 0], [47.3, 15.4], getVehicle('transplanter'), space).type).toBe('u');
  });
  it('K-turn (≈ 22 s) beats the omega (≈ 25 s) at 1.8 m, but a machine that cannot reverse makes the omega', () => {
    expect(planTurn([42, 10], [1, 0], [42, 11.8], getVehicle('transplanter'), space).type).toBe('k');
    const noReverse = { ...getVehicle('transplanter'), reverseSpeedMps: 0 };
    expect(planTurn([42, 10], [1, 0], [42, 11.8], noReverse, space).type).toBe('omega');
  });
  it('drone: stop-turn-go straight across', () => {
    const t = planTurn([46.5, 10], [1, 0], [46.5, 17], getVehicle('drone'), space);
    expect(t.type).toBe('stop');
    expect(t.legs[0].points).toEqual([
      [46.5, 10],
      [46.5, 17],
    ]);
  });
  it('no room at all: falls back to a path inside the field, never outside', () => {
    const t = planTurn([49.9, 10], [1, 0], [49.9, 11.8], getVehicle('transplanter', { minTurnRadiusM: 30 }), space);
    expect(t.type).toBe('path');
    expect(t.legs.flatMap((l) => l.points).every((p) => p[0] <= 50.01)).toBe(true);
  });
});
