/**
 * Legs: the route as the simulator drives it. A leg is one polyline with a cruise speed, an
 * optional hold at its start (stop-turn yaw, refill), an implement-on range and speed limits
 * at its vertices. Route segments become legs; gaps between them get straight transit legs.
 */
import type { XY } from '../geometry/index.js';

/** What a leg is for; decides which time bucket it fills. */
export type LegKind = 'swath' | 'turn' | 'transit' | 'refill';

/** One leg; see the file comment. */
export interface Leg {
  kind: LegKind;
  points: XY[];
  /** Cumulative length at each point, m. */
  cum: number[];
  lengthM: number;
  cruiseMps: number;
  reverse: boolean;
  /** Time held still at the start of the leg, s (stop-turn yaw, refill). */
  holdS: number;
  /** Implement on for arc length in [implementFromM, implementToM): the swath, or a manual overrun into a turn. */
  implementFromM: number;
  implementToM: number;
  /** Working width on this leg when narrower than the implement (a narrowed pass, rows off), m. */
  widthM?: number;
  /** A piece of a stepped swath: the rows on work this far left of the leg's path (negative: right), m. */
  rowsOffsetM?: number;
  /** Target lateral offset of the true path on this leg, m, right positive (manual uneven spacing). */
  lateralBiasM: number;
  /** Speed limit at each point, m/s (index 0 unused; last = joint with the next leg). */
  vertexMps: number[];
  /** For refill legs: what is refilled and whether the plan asked for it. */
  refill?: { reason: 'tank' | 'battery' | 'trays'; durationS: number; planned: boolean };
  /** Block runs: the paddy this leg lies in (absent on roads and flights between paddies). */
  paddy?: string;
  /** Block runs: travel on a field road (or a flight between the depot and paddies). */
  road?: boolean;
  /** Block runs: this machine's last working leg in `paddy` (the fleet marks the paddy done when every machine passed its own). */
  paddyEnd?: boolean;
}

/** Builds a leg from a polyline (duplicate points removed). */
export function makeLeg(kind: LegKind, points: readonly XY[], cruiseMps: number, extra: Partial<Leg> = {}): Leg {
  const pts: XY[] = [];
  for (const p of points) {
    const last = pts[pts.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) > 1e-6) pts.push([p[0], p[1]]);
  }
  if (pts.length === 1) pts.push([pts[0][0], pts[0][1]]);
  const cum = [0];
  for (let i = 1; i < pts.length; i++) cum.push(cum[i - 1] + Math.hypot(pts[i][0] - pts[i - 1][0], pts[i][1] - pts[i - 1][1]));
  const lengthM = cum[cum.length - 1];
  return {
    kind,
    points: pts,
    cum,
    lengthM,
    cruiseMps,
    reverse: false,
    holdS: 0,
    implementFromM: 0,
    implementToM: kind === 'swath' ? lengthM : 0,
    lateralBiasM: 0,
    vertexMps: pts.map(() => cruiseMps),
    ...extra,
  };
}

/** Unit direction of piece i (from point i to i+1), or of the last non-empty piece. */
export function pieceDir(leg: Leg, i: number): XY {
  const n = leg.points.length;
  const k = Math.min(Math.max(i, 0), n - 2);
  const a = leg.points[k];
  const b = leg.points[k + 1];
  const d = Math.hypot(b[0] - a[0], b[1] - a[1]);
  return d > 1e-9 ? [(b[0] - a[0]) / d, (b[1] - a[1]) / d] : [0, 1];
}

/** Deflection between two unit directions, degrees 0…180. */
export function deflectionDeg(a: XY, b: XY): number {
  const dot = Math.max(-1, Math.min(1, a[0] * b[0] + a[1] * b[1]));
  return (Math.acos(dot) * 180) / Math.PI;
}

/** Speed rules at a corner: how fast a machine may pass a deflection. */
export interface CornerRules {
  multirotor: boolean;
  turnSpeedMps: number;
}

function cornerSpeed(defDeg: number, v: number, rules: CornerRules): number {
  if (defDeg > 60) return rules.multirotor ? 0 : Math.min(v, rules.turnSpeedMps);
  if (defDeg > 20) return Math.min(v, rules.turnSpeedMps);
  return v;
}

/** Sets interior vertex limits of a leg from its corners. */
export function setInteriorLimits(leg: Leg, rules: CornerRules): void {
  for (let i = 1; i < leg.points.length - 1; i++) {
    leg.vertexMps[i] = cornerSpeed(deflectionDeg(pieceDir(leg, i - 1), pieceDir(leg, i)), leg.cruiseMps, rules);
  }
}

/** Sets each leg's end limit (index `last`) from the join with the next leg, for legs from `from` on. */
export function setJoinLimits(legs: Leg[], rules: CornerRules, from = 0): void {
  for (let i = Math.max(0, from); i < legs.length; i++) {
    const leg = legs[i];
    const next = legs[i + 1];
    const last = leg.points.length - 1;
    if (!next || next.reverse !== leg.reverse || next.holdS > 0 || next.lengthM === 0 || leg.lengthM === 0) {
      leg.vertexMps[last] = 0;
      continue;
    }
    const def = deflectionDeg(pieceDir(leg, last - 1), pieceDir(next, 0));
    leg.vertexMps[last] = cornerSpeed(def, Math.min(leg.cruiseMps, next.cruiseMps), rules);
  }
}

/** Point at arc length `s` on piece `i` of a leg. */
export function pointAt(leg: Leg, i: number, s: number): XY {
  const a = leg.points[i];
  const b = leg.points[i + 1] ?? a;
  const len = leg.cum[i + 1] - leg.cum[i];
  const f = len > 0 ? (s - leg.cum[i]) / len : 0;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

/** The part of a leg from arc length `s` to its end, as a new leg of the same kind. */
export function tailOf(leg: Leg, piece: number, s: number): Leg {
  const pts: XY[] = [pointAt(leg, piece, s), ...leg.points.slice(piece + 1)];
  const t = makeLeg(leg.kind, pts, leg.cruiseMps, {
    reverse: leg.reverse,
    lateralBiasM: leg.lateralBiasM,
    implementFromM: Math.max(0, leg.implementFromM - s),
    implementToM: Math.max(0, leg.implementToM - s),
    // the rows on and the block tags travel with the rest of the leg (a return to the depot splits it)
    ...(leg.widthM !== undefined ? { widthM: leg.widthM } : {}),
    ...(leg.rowsOffsetM !== undefined ? { rowsOffsetM: leg.rowsOffsetM } : {}),
    ...(leg.paddy !== undefined ? { paddy: leg.paddy } : {}),
    ...(leg.road ? { road: true } : {}),
    ...(leg.paddyEnd ? { paddyEnd: true } : {}),
  });
  t.vertexMps = [leg.cruiseMps, ...leg.vertexMps.slice(piece + 1)];
  if (t.vertexMps.length !== t.points.length)
    t.vertexMps = t.points.map((_, k) => (k === 0 ? leg.cruiseMps : leg.vertexMps[leg.vertexMps.length - 1]));
  return t;
}

/**
 * Cuts the corners of a working path (a person driving by eye does not reach the corner):
 * each vertex deflecting more than 30° is replaced by two points `cut(i)` metres before and after.
 */
export function chamferCorners(points: readonly XY[], cut: () => number): XY[] {
  if (points.length < 3) return points.map((p) => [p[0], p[1]] as XY);
  const out: XY[] = [[points[0][0], points[0][1]]];
  for (let i = 1; i < points.length - 1; i++) {
    const a = points[i - 1];
    const v = points[i];
    const b = points[i + 1];
    const la = Math.hypot(v[0] - a[0], v[1] - a[1]);
    const lb = Math.hypot(b[0] - v[0], b[1] - v[1]);
    if (la < 1e-6 || lb < 1e-6) continue;
    const da: XY = [(v[0] - a[0]) / la, (v[1] - a[1]) / la];
    const db: XY = [(b[0] - v[0]) / lb, (b[1] - v[1]) / lb];
    if (deflectionDeg(da, db) <= 30) {
      out.push([v[0], v[1]]);
      continue;
    }
    const c = Math.min(cut(), 0.45 * la, 0.45 * lb);
    out.push([v[0] - da[0] * c, v[1] - da[1] * c], [v[0] + db[0] * c, v[1] + db[1] * c]);
  }
  const z = points[points.length - 1];
  out.push([z[0], z[1]]);
  return out;
}
