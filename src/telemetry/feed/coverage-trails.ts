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

/** Options of {@link createCoverageTrails}. */
export interface CoverageTrailOptions {
  /** Largest sideways error a dropped point may have, m (default 0.05). */
  toleranceM?: number;
  /** Longest straight piece kept as one segment, m (default 50; keeps curves honest). */
  maxSegmentM?: number;
}

/** A pass being painted. */
interface OpenPass {
  points: LonLat[];
  /** The rate delivered when the pass started (variable-rate runs). */
  ratePerHa?: number;
  /** The last point seen, not yet committed. */
  pending?: LonLat;
  /** The first point after the last kept one: with it, the direction of the strip. */
  direction?: LonLat;
}

/** Every vehicle's passes so far, their rates, and the pass each vehicle is painting. */
interface TrailBook {
  passes: Map<string, LonLat[][]>;
  /** Rate of each pass, index-aligned with `passes` (null: none reported). */
  rates: Map<string, (number | null)[]>;
  open: Map<string, OpenPass>;
}

/** How far a strip may stray before a point is kept. */
interface StripLimits {
  toleranceM: number;
  maxSegmentM: number;
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

/** Opens a pass for a vehicle, starting at `first`. */
function openPass(book: TrailBook, vehicleId: string, first: LonLat[], ratePerHa: number | undefined): OpenPass {
  const points: LonLat[] = first;
  if (!book.passes.has(vehicleId)) {
    book.passes.set(vehicleId, []);
    book.rates.set(vehicleId, []);
  }
  book.passes.get(vehicleId)!.push(points);
  book.rates.get(vehicleId)!.push(ratePerHa ?? null);
  const pass: OpenPass = { points, ...(ratePerHa !== undefined ? { ratePerHa } : {}) };
  book.open.set(vehicleId, pass);
  return pass;
}

/** Keeps the pending point; the next strip starts there. */
function commitPending(pass: OpenPass): void {
  if (pass.pending) pass.points.push(pass.pending);
  pass.pending = undefined;
  pass.direction = undefined;
}

/** The Reumann–Witkam step: the last point seen is kept once `position` leaves the strip (or the segment grows too long). */
function extendPass(pass: OpenPass, position: LonLat, limits: StripLimits): void {
  if (pass.direction) {
    const last = pass.points[pass.points.length - 1];
    const [offM] = offLineM(last, pass.direction, position);
    const [, lengthM] = offLineM(last, position, position);
    if (offM > limits.toleranceM || lengthM > limits.maxSegmentM) commitPending(pass);
  }
  pass.direction ??= position;
  pass.pending = position;
}

/** One vehicle of a frame: closes its pass when the implement goes off, opens one when it goes on, cuts it where the rate moves. */
function addVehicle(book: TrailBook, vehicle: WireVehicle, limits: StripLimits): void {
  const position: LonLat = [vehicle.lon, vehicle.lat];
  const pass = book.open.get(vehicle.id);
  if (!vehicle.implementOn) {
    if (pass) {
      commitPending(pass);
      book.open.delete(vehicle.id);
    }
    return;
  }
  const rate = vehicle.dose?.ratePerHa;
  if (!pass) {
    openPass(book, vehicle.id, [position], rate);
  } else if (stripRateMoved(pass.ratePerHa, rate)) {
    // the next strip starts where this one ends, so a rate change leaves no gap
    commitPending(pass);
    const next = openPass(book, vehicle.id, [pass.points[pass.points.length - 1]], rate);
    next.direction = position;
    next.pending = position;
  } else {
    extendPass(pass, position, limits);
  }
}

/** A serialisable copy of the book: open passes include their pending point. */
function trailsOf(book: TrailBook, widthOf: (vehicleId: string) => number): CoverageTrail[] {
  const out: CoverageTrail[] = [];
  for (const [vehicleId, vehiclePasses] of book.passes) {
    const pass = book.open.get(vehicleId);
    const passRates = book.rates.get(vehicleId) ?? [];
    out.push({
      vehicleId,
      widthM: widthOf(vehicleId),
      passes: vehiclePasses.map((points) => (pass && points === pass.points && pass.pending ? [...points, pass.pending] : points.slice())),
      ...(passRates.some((rate) => rate !== null) ? { rates: passRates.slice() } : {}),
    });
  }
  return out;
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
  const limits: StripLimits = { toleranceM: options.toleranceM ?? 0.05, maxSegmentM: options.maxSegmentM ?? 50 };
  const book: TrailBook = { passes: new Map(), rates: new Map(), open: new Map() };
  return {
    add(vehicles) {
      for (const vehicle of vehicles) addVehicle(book, vehicle, limits);
    },
    trails: () => trailsOf(book, widthOf),
    clear() {
      book.passes.clear();
      book.rates.clear();
      book.open.clear();
    },
  };
}
