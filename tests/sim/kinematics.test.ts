import { describe, expect, it } from 'vitest';
import { fieldFromMetres } from '../../src/field/index.js';
import type { XY } from '../../src/geometry/types.js';
import type { Plan, RouteSegment } from '../../src/plan/types.js';
import { createSimulation, runToEnd } from '../../src/sim/index.js';
import { getVehicle } from '../../src/vehicles/index.js';

// Tiny hand-built plans: unit tests of the kinematics only (the rest of the suite uses the real planner).
const field = fieldFromMetres(
  [
    [
      [-10, -10],
      [110, -10],
      [110, 30],
      [-10, 30],
    ],
  ],
  [106.35, 20.65],
);
const seg = (kind: RouteSegment['kind'], points: XY[], extra: Partial<RouteSegment> = {}): RouteSegment => ({
  kind,
  points,
  reverse: false,
  cellId: 0,
  swathIndex: -1,
  headlandLap: -1,
  sortie: 0,
  ...extra,
});
function plan(route: RouteSegment[]): Plan {
  const drone = getVehicle('drone');
  // the field is re-projected around its first corner: shift the route into its frame
  const o = field.polygon.outer.reduce((m, p) => [Math.min(m[0], p[0]), Math.min(m[1], p[1])], [Infinity, Infinity]);
  const shift = (p: XY): XY => [p[0] + o[0] + 10, p[1] + o[1] + 10];
  const r = route.map((s) => ({ ...s, points: s.points.map(shift) }));
  return {
    field,
    vehicle: drone,
    headland: { laps: 0, rings: [] },
    cells: [],
    route: r,
    refills: [],
    sorties: [],
    servicePoint: r[0].points[0],
    metrics: undefined as never,
  };
}

describe('kinematics along a hand-built route', () => {
  it('accelerates at 2 m/s² to 7 m/s and brakes to a stop: one 100 m swath in ≈ 17.8 s', () => {
    const sim = createSimulation({
      plan: plan([
        seg('swath', [
          [0, 0],
          [100, 0],
        ]),
      ]),
      seed: 1,
      raster: { cellM: 0.5 },
    });
    const { metrics, frameList } = runToEnd(sim, { keepFrames: true });
    // 3.5 s up (12.25 m), 75.5 m at 7 m/s (10.79 s), 3.5 s down: 17.79 s
    expect(metrics.timeS.working).toBeGreaterThan(17.6);
    expect(metrics.timeS.working).toBeLessThan(18.1);
    const speeds = frameList!.map((f) => f.vehicles[0].speedMps);
    expect(Math.max(...speeds)).toBeGreaterThan(6.8);
    expect(Math.max(...speeds)).toBeLessThan(7.3);
    const at1s = frameList!.find((f) => f.t === 1000)!.vehicles[0];
    expect(at1s.speedMps).toBeGreaterThan(1.8);
    expect(at1s.speedMps).toBeLessThan(2.2);
    expect(at1s.headingDeg).toBeGreaterThan(88);
    expect(at1s.headingDeg).toBeLessThan(92);
    expect(metrics.inputUsed).toBeCloseTo((100 * 7 * 70) / 10_000, 2);
  });

  it('stops, holds stopTurnS and moves over at turn speed between swaths (multirotor stop-turn-go)', () => {
    const route = [
      seg('swath', [
        [0, 0],
        [100, 0],
      ]),
      seg(
        'turn',
        [
          [100, 0],
          [100, 7],
        ],
        { turnType: 'stop' },
      ),
      seg('swath', [
        [100, 7],
        [0, 7],
      ]),
    ];
    const { metrics, frameList } = runToEnd(createSimulation({ plan: plan(route), seed: 1, raster: { cellM: 0.5 } }), { keepFrames: true });
    // 3 s hold + 7 m from standstill at ≤ 1 m/s with 2 m/s² (0.25 s up, 0.25 s down): ≈ 10.25 s
    expect(metrics.timeS.turning).toBeGreaterThan(10);
    expect(metrics.timeS.turning).toBeLessThan(10.6);
    const turning = frameList!.filter((f) => f.vehicles[0].activity === 'turning');
    expect(Math.max(...turning.map((f) => f.vehicles[0].speedMps))).toBeLessThan(1.2);
    expect(frameList!.at(-1)!.vehicles[0].headingDeg).toBeGreaterThan(268);
    expect(metrics.coveredPct).toBeGreaterThan(28); // 2 × 100 m × 7 m of 120 × 40 m
  });
});
