import type { Field } from '../field/index.js';
import type { PolygonM, Ring, XY } from '../geometry/index.js';
import type { Vehicle } from '../vehicles/index.js';

/** What a piece of the route is, as exported in GeoJSON `properties.kind`. */
export type SegmentKind = 'swath' | 'turn' | 'transit';

/**
 * One piece of the route, in order. Consecutive segments join end to start, but for the pieces
 * of one stepped swath (consecutive `swath` segments with the same `cellId` and `swathIndex`
 * and a `rowsOffsetM`: rows switched off one group at a time where its end slants across the
 * headland's edge), whose lines run along the centre of the rows on, `rowsOffsetM` off the
 * machine's path that the segments before and after them join.
 * `swath` has the implement on (headland passes are swaths with `headlandLap` set);
 * `turn` and `transit` have it off.
 */
export interface RouteSegment {
  kind: SegmentKind;
  /** Polyline in local metres, at least 2 points. */
  points: XY[];
  /** Driven in reverse (the middle leg of a K-turn). */
  reverse: boolean;
  /** Cell this segment works or turns in; -1 for headland and transit. */
  cellId: number;
  /** Index of the swath within its cell (swaths only), else -1. */
  swathIndex: number;
  /** Headland lap (0 = outermost) for headland passes, else -1. */
  headlandLap: number;
  /** For turns: `u` (arc–straight–arc), `omega`, `k` (3-point), `stop` (multirotor), `path` (fallback polyline in the field). */
  turnType?: 'u' | 'omega' | 'k' | 'stop' | 'path';
  /** For transit: why (`cell` between cells, `refill` to/from the service point, `start`/`end`). */
  transitPurpose?: 'cell' | 'refill' | 'start' | 'end';
  /** Sortie this segment belongs to (0-based). */
  sortie: number;
  /** A gap pass: an extra short swath over a strip the laps and swaths left uncovered. */
  gapFill?: boolean;
  /**
   * Swaths only: the working width of this pass when narrower than the vehicle's (a narrowed
   * last pass, or a piece of a stepped swath: `widthM / vehicle.sectionWidthM` rows on, the rest
   * switched off), m. Absent: the full `vehicle.workingWidthM`.
   */
  widthM?: number;
  /**
   * Pieces of a stepped swath only: how far the centre of the rows on lies left of the machine's
   * own path (negative: right), m. `points` run along the rows' centre (what is worked); the
   * machine drives `points` shifted right by this much: one straight line for all the pieces,
   * which the turns before and after it meet.
   */
  rowsOffsetM?: number;
}

/** A refill / battery swap / tray reload stop at the service point, between sorties. */
export interface RefillStop {
  /** Index into `route` of the segment after which the stop happens. */
  afterSegment: number;
  at: XY;
  /** Time spent, s: refill (and battery swap for drones, done in parallel: the longer counts). */
  durationS: number;
  reason: 'tank' | 'battery' | 'trays';
}

/** A sortie: the work done between two refills. */
export interface Sortie {
  index: number;
  /** Route segment indices [first, last], inclusive. */
  firstSegment: number;
  lastSegment: number;
  /** Area worked in this sortie, m² (working length × width). */
  workedM2: number;
  /** Product applied (kg) or trays used in this sortie. */
  used: number;
}

/** A cell of the decomposition, worked with parallel swaths at one angle. */
export interface Cell {
  id: number;
  polygon: PolygonM;
  swathCount: number;
}

/** Plan metrics, exactly the shape of docs/contracts.md "Plan metrics" plus a few extra fields. */
export interface PlanMetrics {
  fieldId: string;
  field: { areaHa: number; areaSao: number; holes: number };
  vehicle: { id: string; workingWidthM: number; minTurnRadiusM: number };
  swaths: { count: number; lowerBound: number; angleDeg: number; headlandPasses: number };
  /** Headland laps planned, and how many of them have corners rounded to the turning radius. */
  headland: { laps: number; smoothedLaps: number };
  coveragePct: number;
  overlapPct: number;
  lengthM: { working: number; turning: number; transit: number; total: number };
  /**
   * Path length by kind, m: `work` (cell swaths), `headland` (headland laps), `gapFill` (gap
   * passes), together `lengthM.working`; `turn` (= `lengthM.turning`); `transit` (to, between and
   * from cells and laps) and `refill` (to and from the service point for refills), together
   * `lengthM.transit`; and `total`. Always set by `planField` (block machine routes leave it out).
   */
  lengthByKindM?: { work: number; headland: number; gapFill: number; turn: number; transit: number; refill: number; total: number };
  turns: { count: number; outsideField: number; fallback: number; byType: Record<string, number> };
  sorties: { count: number; refills: number };
  timeS: { working: number; turning: number; transit: number; refill: number; total: number };
  fieldCapacityHaPerH: number;
  planMs: number;
}

/** Options of {@link planField}; every one has a default. */
export interface PlanOptions {
  /** Headland laps (default: the vehicle's). */
  headlandLaps?: number;
  /** Fixed sweep angle in degrees from east, counter-clockwise; default: searched. */
  angleDeg?: number;
  /** Route pattern; `auto` picks skip-k for ground machines when 2·radius > spacing and it is cheaper. */
  pattern?: 'auto' | 'boustrophedon' | 'skip';
  /** Where the work starts and the service (refill) point is nearest: `[lon, lat]`. */
  startLonLat?: [number, number];
  /** Plan refill trips (default true). */
  sorties?: boolean;
  /**
   * Largest number of swaths accepted before refusing (default: 1,000 estimated before planning, so a plan
   * takes about 2 s at most, and 20,000 counted after the sweep). Setting it replaces both.
   */
  maxSwaths?: number;
  /** Most boundary vertices of the field (default 500: about 2 s of planning; see PLAN_LIMITS). */
  maxVertices?: number;
  /** Farthest `startLonLat` may be from the field, m (default 5,000). */
  maxStartDistanceM?: number;
}

/** A coverage plan for one field and one vehicle. Plain data, in local metres. */
export interface Plan {
  field: Field;
  vehicle: Vehicle;
  /** Headland lap centre lines, per lap: rings (outer and around holes). */
  headland: { laps: number; rings: Ring[][] };
  cells: Cell[];
  route: RouteSegment[];
  refills: RefillStop[];
  sorties: Sortie[];
  servicePoint: XY;
  metrics: PlanMetrics;
}
