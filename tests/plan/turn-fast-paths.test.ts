/**
 * The turn planner's fast paths give the numbers of the code they replaced: arcs from the
 * per-radius offset table are the points the formula gave, the shapes written flat are the
 * shapes built as arrays (tests/plan/reference/turn-shapes-main.ts), and `planTurn` (shapes
 * written and placed into flat buffers, tested with `polylinesInside`, no shape cache) returns
 * the turns the old placement (array shapes, `toWorld` per point, `polylineInside` per leg) returned, on random fields with
 * holes and concave corners, for both machines and a machine that cannot reverse (fast-check,
 * seeded). The K-turn's and the omega's times worked out from their lengths (which of the two is
 * tried first, without writing the omega) are the written shapes' times to well under the 1e-6 s
 * the choice leaves to the written shapes, and give their choice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  offsetPolygons,
  pointInPolygon,
  pointInPolygonTol,
  reflexVertices,
  segmentCrossesPolygon,
  shortestPathInside,
} from '../../src/geometry/index.js';
import type { PolygonM, XY } from '../../src/geometry/index.js';
import { planTurn, type Turn, type TurnSpace } from '../../src/plan/index.js';
import { arcPoints } from '../../src/plan/turns/arc.js';
import { kTimeS, kTurnFirst, omegaTimeS } from '../../src/plan/turns/k-or-omega.js';
import * as flat from '../../src/plan/turns/shapes.js';
import { backedUp, kTurn, omegaTurn, stopTurn, type TurnShape, uTurn, withReverseTail } from './reference/turn-shapes-main.js';
import { getVehicle, type Vehicle } from '../../src/vehicles/index.js';
import { arbParsedField, mulberry32 } from '../helpers/random-fields.js';

/** arcPoints as src/plan/turns/arc.ts had it (reference). */
function formulaArc(center: XY, radiusM: number, fromRad: number, toRad: number): XY[] {
  const sweep = toRad - fromRad;
  const maxStep = radiusM > 0.005 ? 2 * Math.acos(1 - 0.005 / radiusM) : Math.PI / 8;
  const n = Math.max(1, Math.ceil(Math.abs(sweep) / maxStep));
  const pts: XY[] = [];
  for (let i = 0; i <= n; i++) {
    const a = fromRad + (sweep * i) / n;
    pts.push([center[0] + radiusM * Math.cos(a), center[1] + radiusM * Math.sin(a)]);
  }
  return pts;
}

/** The plain inside test the old placement used per leg (every segment walks the edge grid). */
function plainInside(points: XY[], poly: PolygonM, tolM: number): boolean {
  if (!pointInPolygon(points[0], poly) || !pointInPolygon(points[points.length - 1], poly))
    for (const p of points) if (!pointInPolygonTol(p, poly, tolM)) return false;
  for (let i = 1; i < points.length; i++) if (segmentCrossesPolygon(points[i - 1], points[i], poly)) return false;
  return true;
}

function shapeTimeS(shape: TurnShape, v: Vehicle): number {
  let t = 0;
  for (const leg of shape.legs) {
    let l = 0;
    for (let i = 1; i < leg.points.length; i++)
      l += Math.hypot(leg.points[i][0] - leg.points[i - 1][0], leg.points[i][1] - leg.points[i - 1][1]);
    t += l / (leg.reverse ? v.reverseSpeedMps || v.turnSpeedMps : v.turnSpeedMps);
  }
  return t + (shape.legs.length - 1) * 2 * (v.turnSpeedMps / v.accelMps2);
}

/** planTurn as src/plan/turns/plan-turn.ts had it, less its shape cache (shapes are pure). */
function referenceTurn(end: XY, heading: XY, next: XY, vehicle: Vehicle, space: TurnSpace): Turn {
  const left: XY = [-heading[1], heading[0]];
  const dx = next[0] - end[0],
    dy = next[1] - end[1];
  const bx = dx * heading[0] + dy * heading[1];
  const dRaw = dx * left[0] + dy * left[1];
  const mirror = dRaw < 0 ? -1 : 1;
  const d = Math.abs(dRaw);
  const toWorld = ([u, v]: XY): XY => [end[0] + u * heading[0] + v * mirror * left[0], end[1] + u * heading[1] + v * mirror * left[1]];
  const candidates: (() => TurnShape | undefined)[] = [];
  if (vehicle.kind === 'multirotor' || vehicle.minTurnRadiusM <= 0) candidates.push(() => stopTurn(bx, d));
  else {
    const R = vehicle.minTurnRadiusM;
    const canReverse = vehicle.reverseSpeedMps > 0;
    const byTime = (shapes: (TurnShape | undefined)[]) =>
      shapes.filter((s): s is TurnShape => !!s).sort((a, b) => shapeTimeS(a, vehicle) - shapeTimeS(b, vehicle));
    if (d >= 2 * R) candidates.push(() => uTurn(bx, d, R));
    else for (const s of byTime([omegaTurn(bx, d, R), canReverse ? kTurn(bx, d, R) : undefined])) candidates.push(() => s);
    if (canReverse && bx > 0) candidates.push(() => withReverseTail(d >= 2 * R ? uTurn(0, d, R) : kTurn(0, d, R), bx, d));
    if (canReverse)
      for (const back of [0.5, 1, 2, 3].map((k) => k * R)) candidates.push(() => backedUp(kTurn(0, d, R) ?? uTurn(0, d, R), back, bx, d));
  }
  for (const make of candidates) {
    const shape = make();
    if (!shape) continue;
    const legs = shape.legs.map((leg) => ({ points: leg.points.map(toWorld), reverse: leg.reverse }));
    if (legs.every((leg) => plainInside(leg.points, space.field, space.tolM))) {
      legs[0].points[0] = end;
      legs[legs.length - 1].points[legs[legs.length - 1].points.length - 1] = next;
      return { type: shape.type, legs };
    }
  }
  const path = shortestPathInside(end, next, space.field, space.waypoints) ?? [end, next];
  return { type: 'path', legs: [{ points: path, reverse: false }] };
}

const VEHICLES = [getVehicle('transplanter'), getVehicle('drone'), { ...getVehicle('transplanter'), reverseSpeedMps: 0 }];

/** Turns from points near the boundary's corners (where shapes stop fitting); returns the turn types seen. */
function sameTurns(field: PolygonM, seed: number, types: Set<string>): void {
  const space: TurnSpace = { field, waypoints: offsetPolygons([field], -0.1, 'miter').flatMap(reflexVertices), tolM: 0.01 };
  const rnd = mulberry32(seed);
  for (const corner of [field.outer, ...field.holes].flat()) {
    const end: XY = [corner[0] + (rnd() - 0.5) * 12, corner[1] + (rnd() - 0.5) * 12];
    if (!pointInPolygon(end, field)) continue;
    const a = rnd() * 2 * Math.PI,
      heading: XY = [Math.cos(a), Math.sin(a)];
    const d = [1.8, 3.6, 5.4, 7, rnd() * 8][Math.floor(rnd() * 5)] * (rnd() < 0.5 ? -1 : 1),
      bx = (rnd() - 0.5) * 6;
    const next: XY = [end[0] + bx * heading[0] - d * heading[1], end[1] + bx * heading[1] + d * heading[0]];
    for (const v of VEHICLES) {
      const t = planTurn(end, heading, next, v, space);
      expect(t).toEqual(referenceTurn(end, heading, next, v, space));
      types.add(t.type);
    }
  }
}

describe('turn fast paths give the replaced code’s numbers (fast-check, seeded)', () => {
  it('arcs from the offset table are the formula’s points', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true })),
        fc.constantFrom(0.001, 0.5, 2, 2.5, 30),
        fc.constantFrom(-Math.PI / 2, 0, Math.PI / 2, 1.234),
        fc.double({ min: -7, max: 7, noNaN: true }),
        (center, r, from, sweep) => {
          // twice: the second from the kept offsets
          for (let k = 0; k < 2; k++) expect(arcPoints(center, r, from, from + sweep)).toEqual(formulaArc(center, r, from, from + sweep));
        },
      ),
      { seed: 7, numRuns: 300 },
    );
  });
  it('arcs asked in runs from a few repeated (radius, from, to), more than the recent slots hold, are the formula’s points', () => {
    // keys that share one or two of their three numbers: a recent slot must match on all three
    const radii = [2, 2.5],
      ends = [-Math.PI / 2, 0, Math.PI / 2, 1.234, 2.5];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(radii.length - 1), fc.nat(ends.length - 1), fc.nat(ends.length - 1)), { minLength: 1, maxLength: 60 }),
        fc.tuple(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true })),
        (asks, center) => {
          for (const [r, f, t] of asks)
            expect(arcPoints(center, radii[r], ends[f], ends[t])).toEqual(formulaArc(center, radii[r], ends[f], ends[t]));
        },
      ),
      { seed: 77, numRuns: 300 },
    );
  });
  it('the shapes written flat are the shapes built as arrays', () => {
    const f = new flat.FlatShape();
    const asShape = (ok: boolean) => (ok ? f.toShape() : undefined);
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 8, noNaN: true }),
        fc.oneof(fc.double({ min: 0, max: 12, noNaN: true }), fc.constantFrom(0, 1.8, 3.6, 4, 4 - 1e-10, 5.4)),
        fc.constantFrom(0.5, 2, 2.5, 6),
        fc.constantFrom(0.5, 1, 2, 3),
        (bx, d, R, back) => {
          expect(flat.uTurn(bx, d, R)).toEqual(uTurn(bx, d, R));
          expect(flat.omegaTurn(bx, d, R)).toEqual(omegaTurn(bx, d, R));
          expect(flat.kTurn(bx, d, R)).toEqual(kTurn(bx, d, R));
          expect(flat.stopTurn(bx, d)).toEqual(stopTurn(bx, d));
          // the turn at x = 0 as planTurn asked for the reverse-out and backed-up turns
          const core = kTurn(0, d, R) ?? uTurn(0, d, R);
          expect(asShape(flat.flatReverseTail(f.reset('u'), bx, d, R))).toEqual(withReverseTail(core, bx, d));
          expect(asShape(flat.flatBackedUp(f.reset('u'), back * R, bx, d, R))).toEqual(backedUp(core, back * R, bx, d));
        },
      ),
      { seed: 11, numRuns: 400 },
    );
  });
  it('planTurn returns the old placement’s turns on concave fields and fields with holes', () => {
    const types = new Set<string>();
    for (const kind of ['concave', 'holes'] as const)
      fc.assert(
        fc.property(arbParsedField(kind, { minAreaHa: 0.05, maxAreaHa: 2 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) =>
          sameTurns(field.polygon, seed, types),
        ),
        { seed: 43, numRuns: 25 },
      );
    // every kind of answer was asked for
    expect([...types].sort()).toEqual(['k', 'omega', 'path', 'stop', 'u']);
  });
});

describe('K-turn or omega first: the worked-out times are the written shapes’ (fast-check, seeded)', () => {
  it('to 1e-9 s, and the choice is the written shapes’ whenever it is made', () => {
    let decided = 0,
      kFirst = 0;
    fc.assert(
      fc.property(
        fc.double({ min: -15, max: 15, noNaN: true }),
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.constantFrom(0.5, 2, 2.5, 6),
        fc.record({
          turnSpeedMps: fc.double({ min: 0.2, max: 3, noNaN: true }),
          reverseSpeedMps: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 2, noNaN: true })),
          accelMps2: fc.double({ min: 0.2, max: 2, noNaN: true }),
        }),
        (bx, share, R, speeds) => {
          const vehicle: Vehicle = { ...getVehicle('transplanter'), ...speeds, minTurnRadiusM: R };
          const d = share * 2 * R;
          const k = kTurn(bx, d, R),
            omega = omegaTurn(bx, d, R);
          if (!k || !omega) throw new Error('both shapes exist for 0 < d < 2R');
          const kS = shapeTimeS(k, vehicle),
            omegaS = shapeTimeS(omega, vehicle);
          expect(Math.abs(kTimeS(bx, d, R, vehicle) - kS)).toBeLessThan(1e-9);
          expect(Math.abs(omegaTimeS(bx, d, R, vehicle) - omegaS)).toBeLessThan(1e-9);
          const first = kTurnFirst(bx, d, R, vehicle);
          if (first === undefined) return;
          decided++;
          if (first) kFirst++;
          expect(first).toBe(kS - omegaS < 0);
        },
      ),
      { seed: 2026, numRuns: 2000 },
    );
    // nearly every choice is made from the worked-out times, both ways
    expect(decided).toBeGreaterThan(1990);
    expect(kFirst).toBeGreaterThan(100);
    expect(decided - kFirst).toBeGreaterThan(100);
  });
});
