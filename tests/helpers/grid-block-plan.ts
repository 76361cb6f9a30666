/**
 * A small, fully known block plan for simulator tests: a grid of rectangular paddies, one
 * depot, each machine given whole paddies round-robin, each paddy planned with planField from
 * the depot and joined by `road` legs. It is not the block planner (src/block): it gives the
 * fleet simulator exact, hand-checkable input (e.g. two drones forced to share one crew).
 */
import type { Block, BlockPlan, BlockRouteSegment, MachinePlan } from '../../src/block/index.js';
import { fieldFromMetres } from '../../src/field/index.js';
import { localProjection, toLonLat, toXY } from '../../src/geodesy/index.js';
import type { XY } from '../../src/geometry/types.js';
import { planField } from '../../src/plan/index.js';
import type { RefillStop } from '../../src/plan/types.js';
import { getVehicle } from '../../src/vehicles/index.js';

const ORIGIN: [number, number] = [106.35, 20.65];

/** Options of {@link gridBlockPlan}. */
export interface GridBlockOptions {
  cols: number;
  rows: number;
  /** Paddy size, m (default 40 × 60). */
  widthM?: number;
  heightM?: number;
  /** Bund gap between paddies, m (default 2). */
  gapM?: number;
  kind: 'drone' | 'transplanter';
  machines: number;
  /** Crews at the depot (default 1). */
  crews?: number;
  /** Tank override, kg (small tanks force refills). */
  capacityKg?: number;
}

/** Builds the grid block and its plan; see the file comment. */
export function gridBlockPlan(o: GridBlockOptions): BlockPlan {
  const w = o.widthM ?? 40;
  const h = o.heightM ?? 60;
  const gap = o.gapM ?? 2;
  const proj = localProjection(ORIGIN[0], ORIGIN[1]);
  const base = getVehicle(o.kind);
  const vehicle = o.capacityKg && base.payload.kind === 'tank' ? { ...base, payload: { ...base.payload, capacityKg: o.capacityKg } } : base;
  const depotAt: XY = [-8, -8];
  const depotLonLat = toLonLat(proj, depotAt);
  const paddies: Block['paddies'] = [];
  for (let r = 0; r < o.rows; r++) {
    for (let c = 0; c < o.cols; c++) {
      const x = c * (w + gap);
      const y = r * (h + gap);
      const outer: XY[] = [
        [x, y],
        [x + w, y],
        [x + w, y + h],
        [x, y + h],
      ];
      const i = paddies.length;
      paddies.push({
        id: `P${i + 1}`,
        owner: `Hộ ${String.fromCharCode(65 + (i % 5))}`,
        name: `Ô ${i + 1}`,
        areaHa: (w * h) / 10_000,
        polygon: { outer, holes: [] },
        lonLat: [[...outer, outer[0]].map((p) => toLonLat(proj, p))],
        properties: {},
      });
    }
  }
  const block: Block = {
    name: `grid ${o.cols}×${o.rows}`,
    projection: proj,
    paddies,
    roads: [],
    gates: [],
    depots: [{ id: 'depot-1', at: depotAt, serves: ['drone', 'transplanter'], crews: o.crews ?? 1 }],
    nofly: [],
  };
  const machines: MachinePlan[] = Array.from({ length: o.machines }, (_, mi) => {
    const mine = paddies.filter((_, i) => i % o.machines === mi);
    const route: BlockRouteSegment[] = [];
    const refills: RefillStop[] = [];
    let pos = depotAt;
    let totalS = 0;
    const paddyTimes: MachinePlan['paddyTimes'] = [];
    const road = (to: XY) => {
      if (Math.hypot(to[0] - pos[0], to[1] - pos[1]) > 0.01) {
        route.push({
          kind: 'transit',
          points: [pos, to],
          reverse: false,
          cellId: -1,
          swathIndex: -1,
          headlandLap: -1,
          sortie: 0,
          road: true,
        });
      }
      pos = to;
    };
    for (const p of mine) {
      const field = fieldFromMetres([p.polygon.outer], ORIGIN, { id: p.id, name: p.name });
      const plan = planField(field, vehicle, { startLonLat: depotLonLat });
      const toBlock = (q: readonly number[]): XY => toXY(proj, toLonLat(field.projection, q));
      road(toBlock(plan.route[0].points[0]));
      const offset = route.length;
      for (const s of plan.route) route.push({ ...s, points: s.points.map(toBlock), paddy: p.id });
      for (const f of plan.refills) refills.push({ ...f, afterSegment: f.afterSegment + offset, at: toBlock(f.at) });
      pos = route[route.length - 1].points[route[route.length - 1].points.length - 1];
      totalS += plan.metrics.timeS.total;
      paddyTimes.push({ paddy: p.id, timeS: plan.metrics.timeS.total, doneS: totalS });
    }
    road(depotAt);
    const id = `${o.kind}-${mi + 1}`;
    return {
      id,
      kind: o.kind,
      vehicle,
      paddies: mine.map((p) => p.id),
      depot: 'depot-1',
      start: depotAt,
      route,
      refills,
      refillStartS: refills.map(() => 0),
      waitS: 0,
      paddyTimes,
      metrics: {
        id,
        kind: o.kind,
        paddies: mine.map((p) => p.id),
        workedHa: mine.reduce((a, p) => a + p.areaHa, 0),
        lengthM: { working: 0, turning: 0, transit: 0, road: 0 },
        timeS: { working: 0, turning: 0, transit: 0, refill: 0, total: totalS },
        waitS: 0,
      },
    };
  });
  const areaHa = paddies.reduce((a, p) => a + p.areaHa, 0);
  return {
    block,
    kind: o.kind,
    machines,
    metrics: {
      block: { paddies: paddies.length, areaHa, areaSao: (areaHa * 10_000) / 360 },
      vehicles: machines.map((m) => m.metrics),
      paddies: paddies.map((p) => ({
        id: p.id,
        owner: p.owner,
        areaHa: p.areaHa,
        coveragePct: 100,
        vehicles: machines.filter((m) => m.paddies.includes(p.id)).map((m) => m.id),
      })),
      makespanS: Math.max(...machines.map((m) => m.metrics.timeS.total)),
      planMs: 0,
    },
  };
}
