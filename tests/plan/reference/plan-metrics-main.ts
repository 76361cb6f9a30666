/**
 * REFERENCE (tests only): src/plan/metrics/plan-metrics.ts as it was before its route tally kept
 * its sums in locals (a forEach adding to per-key objects), so the fast tally can be held equal
 * to it (tests/plan/metrics-fast.test.ts).
 */
import { hypot } from '../../../src/geometry/index.js';
import { polylineInside } from '../../../src/geometry/index.js';
import { polylineLength } from '../../../src/geometry/index.js';
import { convexHull } from '../../../src/geometry/index.js';
import type { PolygonM } from '../../../src/geometry/index.js';
import type { Field } from '../../../src/field/index.js';
import { SAO_M2, roundTo } from '../../../src/units/index.js';
import type { Vehicle } from '../../../src/vehicles/index.js';
import type { PlanMetrics, RefillStop, RouteSegment } from '../../../src/plan/types.js';
import { estimateCoverage } from '../../../src/plan/metrics/coverage.js';
import { segmentTimeS } from '../../../src/plan/metrics/segment-time.js';

/** The checker's tolerance for route points outside the field, m (docs/contracts.md). */
export const OUTSIDE_TOLERANCE_M = 0.05;

/**
 * Smallest width of a polygon over all sweep directions, m: the least, over the convex hull's
 * edges, of the farthest hull point from that edge (rotating calipers).
 */
export function minWidthM(poly: PolygonM): number {
  const h = convexHull(poly.outer);
  let best = Infinity;
  for (let i = 0; i < h.length; i++) {
    const a = h[i],
      b = h[(i + 1) % h.length],
      l = hypot(b[0] - a[0], b[1] - a[1]);
    if (!l) continue;
    let w = 0;
    for (const q of h) w = Math.max(w, Math.abs((q[0] - a[0]) * (b[1] - a[1]) - (q[1] - a[1]) * (b[0] - a[0])) / l);
    best = Math.min(best, w);
  }
  return Number.isFinite(best) ? best : 0;
}

/** Lower bound on the swath count: ceil(min width / working width). */
export function swathLowerBound(poly: PolygonM, widthM: number): number {
  return Math.ceil(minWidthM(poly) / widthM - 1e-9);
}

export interface MetricsInput {
  field: Field;
  vehicle: Vehicle;
  route: RouteSegment[];
  refills: RefillStop[];
  sorties: number;
  swathCount: number;
  headlandPasses: number;
  headland: { laps: number; smoothedLaps: number };
  angleRad: number;
  planMs: number;
  coverageSamples?: number;
}

const round = (v: number, decimals = 3) => roundTo(v, decimals);

/** The `lengthByKindM` key a segment's length counts under. */
function kindOf(s: RouteSegment): 'work' | 'headland' | 'gapFill' | 'turn' | 'transit' | 'refill' {
  if (s.kind === 'turn') return 'turn';
  if (s.kind === 'transit') return s.transitPurpose === 'refill' ? 'refill' : 'transit';
  return s.gapFill ? 'gapFill' : s.headlandLap >= 0 ? 'headland' : 'work';
}

/** Route lengths and times by what the machine does, and its turns. */
interface RouteTally {
  lengthM: { working: number; turning: number; transit: number };
  timeS: { working: number; turning: number; transit: number };
  byKindM: { work: number; headland: number; gapFill: number; turn: number; transit: number; refill: number };
  turns: PlanMetrics['turns'];
}

/**
 * Walks the route once: lengths and times by working/turning/transit and by kind, turns counted
 * where a run of turn segments starts (by type), and turn segments outside the field.
 */
function tallyRoute(route: RouteSegment[], field: Field, vehicle: Vehicle): RouteTally {
  const tally: RouteTally = {
    lengthM: { working: 0, turning: 0, transit: 0 },
    timeS: { working: 0, turning: 0, transit: 0 },
    byKindM: { work: 0, headland: 0, gapFill: 0, turn: 0, transit: 0, refill: 0 },
    turns: { count: 0, outsideField: 0, fallback: 0, byType: {} },
  };
  route.forEach((segment, i) => {
    const lengthM = polylineLength(segment.points);
    const key = segment.kind === 'swath' ? 'working' : segment.kind === 'turn' ? 'turning' : 'transit';
    tally.lengthM[key] += lengthM;
    tally.timeS[key] += segmentTimeS(segment, vehicle, lengthM);
    tally.byKindM[kindOf(segment)] += lengthM;
    if (segment.kind !== 'turn') return;
    const { turns } = tally;
    if (i === 0 || route[i - 1].kind !== 'turn') {
      const type = segment.turnType ?? 'path';
      turns.count++;
      turns.byType[type] = (turns.byType[type] ?? 0) + 1;
      if (segment.turnType === 'path') turns.fallback++;
    }
    if (!polylineInside(segment.points, field.polygon, OUTSIDE_TOLERANCE_M)) turns.outsideField++;
  });
  return tally;
}

/** Each value rounded to 0.1. */
function roundedTo1<T extends Record<string, number>>(values: T): T {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, round(v, 1)])) as T;
}

/** Computes docs/contracts.md "Plan metrics" from a finished route. */
export function planMetrics(m: MetricsInput): PlanMetrics {
  const { field, vehicle: v, route } = m;
  const { lengthM: len, timeS: time, byKindM, turns } = tallyRoute(route, field, v);
  const refillS = m.refills.reduce((a, r) => a + r.durationS, 0);
  const totalS = time.working + time.turning + time.transit + refillS;
  const totalM = len.working + len.turning + len.transit;
  const work = route.filter((s) => s.kind === 'swath');
  const cov = estimateCoverage(
    field.polygon,
    work.map((s) => s.points),
    v.workingWidthM,
    m.coverageSamples,
    work.map((s) => s.widthM),
  );
  const areaHa = field.areaM2 / 10_000;
  return {
    fieldId: field.id,
    field: { areaHa: round(areaHa, 4), areaSao: round(field.areaM2 / SAO_M2, 2), holes: field.polygon.holes.length },
    vehicle: { id: v.id, workingWidthM: v.workingWidthM, minTurnRadiusM: v.minTurnRadiusM },
    swaths: {
      count: m.swathCount,
      lowerBound: swathLowerBound(field.polygon, v.workingWidthM),
      angleDeg: round(((((m.angleRad * 180) / Math.PI) % 180) + 180) % 180, 2),
      headlandPasses: m.headlandPasses,
    },
    headland: m.headland,
    coveragePct: round(cov.coveragePct, 2),
    overlapPct: round(cov.overlapPct, 2),
    lengthM: roundedTo1({ ...len, total: totalM }),
    lengthByKindM: roundedTo1({ ...byKindM, total: totalM }),
    turns,
    sorties: { count: m.sorties, refills: m.refills.length },
    timeS: roundedTo1({ ...time, refill: refillS, total: totalS }),
    fieldCapacityHaPerH: totalS > 0 ? round(areaHa / (totalS / 3600), 3) : 0,
    planMs: round(m.planMs, 2),
  };
}
