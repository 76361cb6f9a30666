/** Where the machine carries what it applies, and how it is refilled. */
export type Payload =
  | {
      kind: 'tank';
      /** Product carried per sortie, kg (granular) — the tank's rated load. */
      capacityKg: number;
      /** Application rate, kg/ha. */
      rateKgPerHa: number;
      /** Time to refill at the service point, s. */
      refillS: number;
    }
  | {
      kind: 'trays';
      /** Seedling trays carried on the machine. */
      trays: number;
      /** Trays used per hectare transplanted. */
      traysPerHa: number;
      /** Time to reload trays at the field edge, s. */
      refillS: number;
    };

/** A battery (multirotor drones): flight time and the time to swap it. */
export interface Battery {
  /** Flight time at full load, s. */
  enduranceS: number;
  /** Time to swap a battery at the service point, s. */
  swapS: number;
}

/**
 * A machine profile: what the planner, simulator and economics need. Every figure has a
 * source in `sources` (datasheet, spec or stated assumption).
 */
export interface Vehicle {
  id: string;
  name: string;
  /** `multirotor` turns on the spot (stop-turn-go); `ground` respects `minTurnRadiusM`. */
  kind: 'multirotor' | 'ground';
  /** Working (implement) width, m: the spread swath or the transplanted rows. */
  workingWidthM: number;
  /**
   * Width of one section the implement can switch off on its own (a transplanter's row clutch:
   * one row), m; `workingWidthM` is a whole number of them. Absent when the implement works only
   * at full width. With sections, each cell's last swath is a narrowed pass of only the rows it
   * needs instead of a full-width pass overlapping its neighbour, and where a swath's end slants
   * across the headland's edge its rows switch off one group at a time (row steps).
   */
  sectionWidthM?: number;
  /** Minimum turning radius of the path centre, m (0 for multirotors). */
  minTurnRadiusM: number;
  /** Speed while working, m/s. */
  workSpeedMps: number;
  /** Speed in turns, m/s. */
  turnSpeedMps: number;
  /** Speed in transit (implement off), m/s. */
  transitSpeedMps: number;
  /** Speed when reversing (K-turns), m/s; 0 when the machine does not reverse. */
  reverseSpeedMps: number;
  /** Acceleration and braking, m/s². */
  accelMps2: number;
  /** Time spent turning on the spot at each stop-turn-go (multirotor), s. */
  stopTurnS: number;
  /** Default headland laps for this machine. */
  headlandLaps: number;
  /** Cruise altitude above ground, m (drones; 0 for ground machines). */
  altitudeM: number;
  payload: Payload;
  battery?: Battery;
  /** Source of each figure, keyed by field name. */
  sources: Record<string, string>;
}
