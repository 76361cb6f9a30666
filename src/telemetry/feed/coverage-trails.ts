/**
 * Coverage so far as light polylines: per vehicle, a pass per run of implement-on positions,
 * simplified as it grows with the Reumann–Witkam strip test (points are dropped while they stay
 * within `toleranceM` of the line from the last kept point through the next one), so a late
 * joiner's snapshot stays small on long straight swaths while turns keep their shape. On
 * variable-rate runs a pass is also cut where the delivered rate moves (protocol/strips.ts), and
 * the trail carries each pass's rate, so a late joiner's dose map matches the live one.
 */
import { metresPerDegree } from '../../geodesy/index.js';
import type { CoverageTrail, LonLat, WireVehicle } from '../protocol/messages.js';
import { stripRateMoved } from '../protocol/strips.js';

/** Metres per degree of latitude (WGS84 mean); enough for sub-metre tolerances over a field. */

/** Options of {@link createCoverageTrails}. */
export interface CoverageTrailOptions {
  /** Largest sideways error a dropped point may have, m (default 0.05). */
  toleranceM?: number;
  /** Longest straight piece kept as one segment, m (default 50; keeps curves honest). */
  maxSegmentM?: number;
}

interface Open {
  points: LonLat[];
  /** The rate delivered when the pass started (variable-rate runs). */
  ratePerHa?: number;
  /** The last point seen, not yet committed. */
  pending?: LonLat;
  /** The first point after the last kept one: with it, the direction of the strip. */
  dir?: LonLat;
}

/** Sideways distance of p from the line a→b, and length of a→b, in metres. */
function offLineM(a: LonLat, b: LonLat, p: LonLat): [number, number] {
  const [mLon, mLat] = metresPerDegree(a[1]);
  const bx = (b[0] - a[0]) * mLon;
  const by = (b[1] - a[1]) * mLat;
  const px = (p[0] - a[0]) * mLon;
  const py = (p[1] - a[1]) * mLat;
  const len = Math.hypot(bx, by);
  if (len < 1e-9) return [Math.hypot(px, py), 0];
  return [Math.abs(bx * py - by * px) / len, len];
}

/** Growing coverage of one simulation, fed with the vehicles of each telemetry frame. */
export interface CoverageTrails {
  add(vehicles: readonly WireVehicle[]): void;
  /** A copy safe to serialise (open passes include their last point). */
  trails(): CoverageTrail[];
  clear(): void;
}

/**
 * Coverage trails for vehicles of known widths.
 * @param widthOf - working width of each vehicle, m
 * @example
 * ```ts
 * const c = createCoverageTrails((id) => 6);
 * c.add(frame.vehicles); // every telemetry frame
 * snapshot.coverage = c.trails();
 * ```
 */
export function createCoverageTrails(widthOf: (vehicleId: string) => number, options: CoverageTrailOptions = {}): CoverageTrails {
  const tol = options.toleranceM ?? 0.05;
  const maxSeg = options.maxSegmentM ?? 50;
  const passes = new Map<string, LonLat[][]>();
  /** Rate of each pass, index-aligned with `passes` (null: none reported). */
  const rates = new Map<string, (number | null)[]>();
  const open = new Map<string, Open>();
  /** Opens a pass for a vehicle, starting at `first`. */
  const openPass = (vehicleId: string, first: LonLat[], ratePerHa: number | undefined) => {
    const points: LonLat[] = first;
    if (!passes.has(vehicleId)) {
      passes.set(vehicleId, []);
      rates.set(vehicleId, []);
    }
    passes.get(vehicleId)!.push(points);
    rates.get(vehicleId)!.push(ratePerHa ?? null);
    open.set(vehicleId, { points, ...(ratePerHa !== undefined ? { ratePerHa } : {}) });
  };
  const commit = (o: Open) => {
    if (o.pending) o.points.push(o.pending);
    o.pending = undefined;
    o.dir = undefined;
  };
  return {
    add(vehicles) {
      for (const v of vehicles) {
        const position: LonLat = [v.lon, v.lat];
        const pass = open.get(v.id);
        if (!v.implementOn) {
          if (pass) {
            commit(pass);
            open.delete(v.id);
          }
          continue;
        }
        const rate = v.dose?.ratePerHa;
        if (!pass) {
          openPass(v.id, [position], rate);
          continue;
        }
        if (stripRateMoved(pass.ratePerHa, rate)) {
          // the next strip starts where this one ends, so a rate change leaves no gap
          commit(pass);
          openPass(v.id, [pass.points[pass.points.length - 1]], rate);
          const next = open.get(v.id)!;
          next.dir = position;
          next.pending = position;
          continue;
        }
        if (pass.dir) {
          const last = pass.points[pass.points.length - 1];
          const [off] = offLineM(last, pass.dir, position);
          const [, len] = offLineM(last, position, position);
          if (off > tol || len > maxSeg) commit(pass);
        }
        pass.dir ??= position;
        pass.pending = position;
      }
    },
    trails() {
      const out: CoverageTrail[] = [];
      for (const [vehicleId, list] of passes) {
        const o = open.get(vehicleId);
        const passRates = rates.get(vehicleId) ?? [];
        out.push({
          vehicleId,
          widthM: widthOf(vehicleId),
          passes: list.map((pts) => (o && pts === o.points && o.pending ? [...pts, o.pending] : pts.slice())),
          ...(passRates.some((r) => r !== null) ? { rates: passRates.slice() } : {}),
        });
      }
      return out;
    },
    clear() {
      passes.clear();
      rates.clear();
      open.clear();
    },
  };
}
