/**
 * Each paddy planned with the field planner, in block metres: ground machines start and end at
 * the service point nearest the paddy's gate (tray reloads there or where they stand); drones
 * start nearest their depot and leave refills to the block's sortie split. Parts of a paddy
 * under a `nofly` area are cut out first (worked around, never over); drones leave out the strip
 * within a water buffer's `bufferM` (see buffers.ts).
 */
import { AgrisimError } from '../errors.js';
import type { Field } from '../field/index.js';
import { toLonLat } from '../geodesy/index.js';
import type { XY } from '../geometry/index.js';
import { bounds, offsetPolygons, type PolygonM } from '../geometry/index.js';
import { planField, segmentTimeS, type Plan } from '../plan/index.js';
import type { Vehicle } from '../vehicles/index.js';
import { boxesMeet, polygonAreaM2, subtractPolygons } from './geom.js';
import { paddyBufferSplit } from './buffers.js';
import { fillGaps, routeAroundNofly } from './nofly-clip.js';
import type { Block, BlockGate, BlockMachineKind, BlockPaddy } from './types.js';

/**
 * Nofly areas are cut out of paddies with this margin, m: route points may sit 0.01 m outside a
 * planned polygon, and a point closer than 0.05 m to a nofly edge is not over it (check-block).
 * Small, because the strip left between the cut and the nofly is not worked.
 */
export const NOFLY_MARGIN_M = 0.15;
/**
 * Drones: the margin swaths are cut back by, m. Their footprint may spread over a nofly area
 * (only route points may not be over it), so it is kept thin: the strip it leaves is not worked.
 */
export const DRONE_NOFLY_MARGIN_M = 0.06;

/** One paddy, planned. */
export interface PaddyWork {
  paddy: BlockPaddy;
  /** One plan per workable piece (one unless a nofly area cuts the paddy in parts). */
  plans: Plan[];
  /** Ground machines: the gate used to enter and leave. */
  gate?: BlockGate;
  /** Time inside the paddy (work, turns, in-paddy transits, tray reloads), s. */
  inPaddyS: number;
  /** Product (kg) or trays the paddy takes. */
  use: number;
  /** Centre of the paddy's box, for ordering. */
  centre: XY;
}

/** Nofly areas near a paddy, grown by the margin. */
function noflyNear(paddy: BlockPaddy, block: Block, marginM: number): PolygonM[] {
  const box = bounds([paddy.polygon.outer]);
  const cut = block.nofly.filter((n) => boxesMeet(box, bounds([n.polygon.outer]), marginM)).map((n) => n.polygon);
  return cut.length ? offsetPolygons(cut, marginM, 'miter') : [];
}

/** Ground machines work the paddy less its nofly areas (they drive around them, never over). */
function pieces(polys: PolygonM[], cut: PolygonM[]): PolygonM[] {
  if (cut.length === 0) return polys;
  return polys.flatMap((poly) => subtractPolygons(poly, cut)).filter((p) => polygonAreaM2(p) > 1);
}

/**
 * A paddy of a block as a field (block projection and metres), e.g. to clip a prescription map to it.
 * @param paddy - one of `block.paddies`
 * @param block - its block
 */
export function paddyField(paddy: BlockPaddy, block: Block): Field {
  return fieldOf(paddy, paddy.polygon, 0, block);
}

function fieldOf(paddy: BlockPaddy, polygon: PolygonM, k: number, block: Block): Field {
  return {
    id: k === 0 ? paddy.id : `${paddy.id}-${k + 1}`,
    name: paddy.name,
    projection: block.projection,
    polygon,
    lonLat: paddy.lonLat,
    areaM2: polygonAreaM2(polygon),
    properties: paddy.properties,
  };
}

/** The gate a ground machine uses: the first one that joins a road reachable from the network. */
function gateOf(paddy: BlockPaddy, block: Block, usable: (g: BlockGate) => boolean): BlockGate | undefined {
  const gates = block.gates.filter((g) => g.paddy === paddy.id);
  return gates.find(usable) ?? gates[0];
}

/**
 * Consolidated blocks (dồn điền đổi thửa) repeat the same plot shape many times: a paddy that is
 * a translated copy of one already planned (every vertex within 5 mm — the survey's precision —
 * and the gate at the same place relative to it) reuses that plan, moved. Candidates are found
 * by the shape relative to its first vertex in decimetres, then compared vertex by vertex.
 */
const TWIN_TOL_M = 0.005;

function relative(poly: PolygonM, start: XY | undefined): XY[] {
  const [x0, y0] = poly.outer[0];
  const rel = (p: XY): XY => [p[0] - x0, p[1] - y0];
  return [...poly.outer.map(rel), ...poly.holes.flatMap((h) => h.map(rel)), ...(start ? [rel(start)] : [])];
}

function shapeKey(poly: PolygonM, start: XY | undefined): string {
  const dm = (p: XY) => `${Math.round(p[0] * 10)},${Math.round(p[1] * 10)}`;
  return `${poly.outer.length}/${poly.holes.map((h) => h.length).join(',')}/${start ? 1 : 0}:` + relative(poly, start).map(dm).join(' ');
}

function sameShape(a: XY[], b: XY[]): boolean {
  return a.length === b.length && a.every((p, i) => Math.abs(p[0] - b[i][0]) <= TWIN_TOL_M && Math.abs(p[1] - b[i][1]) <= TWIN_TOL_M);
}

function moved(plan: Plan, field: Field, dx: number, dy: number): Plan {
  const mv = (p: XY): XY => [p[0] + dx, p[1] + dy];
  return {
    ...plan,
    field,
    headland: { laps: plan.headland.laps, rings: plan.headland.rings.map((rs) => rs.map((r) => r.map(mv))) },
    cells: plan.cells.map((c) => ({ ...c, polygon: { outer: c.polygon.outer.map(mv), holes: c.polygon.holes.map((h) => h.map(mv)) } })),
    route: plan.route.map((s) => ({ ...s, points: s.points.map(mv) })),
    refills: plan.refills.map((r) => ({ ...r, at: mv(r.at) })),
    servicePoint: mv(plan.servicePoint),
    metrics: { ...plan.metrics, fieldId: field.id, planMs: 0 },
  };
}

/**
 * Plans every paddy of the block for one vehicle.
 * @param near - drones: the depot the work starts nearest
 * @param usableGate - ground machines: whether a gate can be reached from a depot
 * @param fly - drones: a flight path from a to b around the nofly areas
 */
export function planPaddies(
  block: Block,
  vehicle: Vehicle,
  kind: BlockMachineKind,
  near: XY,
  usableGate: (g: BlockGate) => boolean,
  fly?: (a: XY, b: XY) => XY[],
): PaddyWork[] {
  const perHa = vehicle.payload.kind === 'tank' ? vehicle.payload.rateKgPerHa : vehicle.payload.traysPerHa;
  const done = new Map<string, { rel: XY[]; plan: Plan }[]>();
  return block.paddies.map((paddy) => {
    const gate = kind === 'transplanter' ? gateOf(paddy, block, usableGate) : undefined;
    const start = toLonLat(block.projection, gate ? gate.at : near);
    const drone = kind === 'drone' && fly !== undefined;
    const cut = noflyNear(paddy, block, drone ? DRONE_NOFLY_MARGIN_M : NOFLY_MARGIN_M);
    // drones spread: the strip by a water buffer is left out, so the spreader stays shut over it
    const base = drone ? paddyBufferSplit(block, paddy).worked : [paddy.polygon];
    const plans = (drone ? base : pieces(base, cut))
      .map((poly, k) => {
        const field = fieldOf(paddy, poly, k, block);
        const key = shapeKey(poly, gate?.at),
          rel = relative(poly, gate?.at);
        const twin = done.get(key)?.find((t) => sameShape(t.rel, rel))?.plan;
        if (twin)
          return moved(twin, field, poly.outer[0][0] - twin.field.polygon.outer[0][0], poly.outer[0][1] - twin.field.polygon.outer[0][1]);
        let plan: Plan;
        try {
          plan = planField(field, vehicle, { startLonLat: start, sorties: kind === 'transplanter' });
        } catch (e) {
          // a sliver a nofly area leaves beside a bund is too narrow to work: skip it, not the block
          if (k > 0 || poly !== paddy.polygon ? e instanceof AgrisimError && e.code === 'PLAN_NO_WORKING_AREA' : false) return undefined;
          throw e;
        }
        done.set(key, [...(done.get(key) ?? []), { rel, plan }]);
        return plan;
      })
      .filter((p): p is Plan => p !== undefined)
      .map((plan) =>
        drone && cut.length
          ? { ...plan, route: fillGaps(routeAroundNofly(plan.route, cut, fly), pieces(base, cut), vehicle.workingWidthM, fly) }
          : plan,
      );
    let inPaddyS = 0;
    for (const p of plans) {
      for (const s of p.route) inPaddyS += segmentTimeS(s, vehicle);
      for (const r of p.refills) inPaddyS += r.durationS;
    }
    const [x0, y0, x1, y1] = bounds([paddy.polygon.outer]);
    return { paddy, plans, gate, inPaddyS, use: paddy.areaHa * perHa, centre: [(x0 + x1) / 2, (y0 + y1) / 2] as XY };
  });
}
