/**
 * Per-machine exports through the plan stage's exporters (QGroundControl `.plan`, ISOXML
 * TASKDATA, KML, GeoJSON): each machine's route is wrapped as a single-field plan whose
 * "field" is the hull of everything it drives over (its geofence), cells numbered per paddy.
 */
import { toLonLat } from '../geodesy/index.js';
import { convexHull, offsetPolygons, polylineLength, type XY } from '../geometry/index.js';
import { exportPlan, type Plan, type PlanFormat, type PrescriptionExport, type QgcPlanOptions } from '../plan/index.js';
import { polygonAreaM2 } from './geom.js';
import type { BlockPlan, MachinePlan } from './types.js';

/** Geofence margin around a machine's route, m. */
const FENCE_MARGIN_M = 5;

/** A machine's route as a single-field plan (for the plan stage's exporters). */
export function machineAsPlan(plan: BlockPlan, m: MachinePlan): Plan {
  const pts: XY[] = m.route.flatMap((s) => s.points);
  const [fence] = offsetPolygons([{ outer: convexHull(pts), holes: [] }], FENCE_MARGIN_M, 'miter');
  const proj = plan.block.projection;
  const closed = [...fence.outer, fence.outer[0]].map((p) => toLonLat(proj, p));
  const order = new Map(m.paddies.map((id, i) => [id, i]));
  // cells are numbered per paddy: keep them apart (paddy k's cell c → k·100 + c)
  const route = m.route.map((s) => ({
    ...s,
    cellId: s.cellId >= 0 && s.paddy !== undefined ? (order.get(s.paddy) ?? 0) * 100 + s.cellId : s.cellId,
  }));
  const len = (k: string) => route.filter((s) => s.kind === k).reduce((a, s) => a + polylineLength(s.points), 0);
  const mm = m.metrics;
  return {
    field: {
      id: m.id,
      name: `${plan.block.name} — ${m.id}`,
      projection: proj,
      polygon: fence,
      lonLat: [closed],
      areaM2: polygonAreaM2(fence),
      properties: { paddies: m.paddies },
    },
    vehicle: m.vehicle,
    headland: { laps: 0, rings: [] },
    cells: [],
    route,
    refills: m.refills,
    sorties: [],
    servicePoint: m.start,
    metrics: {
      fieldId: m.id,
      field: { areaHa: mm.workedHa, areaSao: (mm.workedHa * 10_000) / 360, holes: 0 },
      vehicle: { id: m.vehicle.id, workingWidthM: m.vehicle.workingWidthM, minTurnRadiusM: m.vehicle.minTurnRadiusM },
      swaths: { count: route.filter((s) => s.kind === 'swath').length, lowerBound: 0, angleDeg: 0, headlandPasses: 0 },
      headland: { laps: 0, smoothedLaps: 0 },
      coveragePct: 0,
      overlapPct: 0,
      lengthM: { working: len('swath'), turning: len('turn'), transit: len('transit'), total: len('swath') + len('turn') + len('transit') },
      turns: { count: route.filter((s) => s.kind === 'turn').length, outsideField: 0, fallback: 0, byType: {} },
      sorties: { count: m.refills.length + 1, refills: m.refills.length },
      timeS: {
        working: mm.timeS.working,
        turning: mm.timeS.turning,
        transit: mm.timeS.transit,
        refill: mm.timeS.refill,
        total: mm.timeS.total,
      },
      fieldCapacityHaPerH: mm.timeS.total > 0 ? mm.workedHa / (mm.timeS.total / 3600) : 0,
      planMs: 0,
    },
  };
}

/**
 * Exports one machine's route in a plan format (`qgc`, `isoxml`, `kml`, `geojson`); `extra`
 * carries a prescription (the paddies' zones, block metres) and buffer strips as for one field.
 * @example
 * ```ts
 * const plan = planBlock(block, 'drone', { machines: 2 });
 * for (const m of plan.machines) writeFileSync(`${m.id}.plan`, exportMachine(plan, m, 'qgc'));
 * ```
 */
export function exportMachine(
  plan: BlockPlan,
  m: MachinePlan,
  format: PlanFormat,
  qgc: QgcPlanOptions = {},
  extra: PrescriptionExport = {},
): string {
  const asPlan = machineAsPlan(plan, m);
  const prescription = extra.prescription ? { ...extra.prescription, fieldId: asPlan.field.id } : undefined;
  return exportPlan(asPlan, format, qgc, { ...extra, ...(prescription ? { prescription } : {}) });
}
