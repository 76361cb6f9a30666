/**
 * Contract between the simulator and its consumers (telemetry, viewer, economics).
 * Plain data only, JSON-serialisable, so frames can be recorded to NDJSON and replayed.
 */

/** How the machine is steered: RTK auto-steer, single-frequency GNSS guidance, or a person by eye. */
export type Guidance = 'rtk' | 'gnss' | 'manual';

/** GNSS fix as a receiver reports it. NMEA GGA quality: rtk-fixed 4, rtk-float 5, dgps 2, gnss 1, none 0. */
export type FixQuality = 'rtk-fixed' | 'rtk-float' | 'dgps' | 'gnss' | 'none';

/** One vehicle's state at a tick. */
export interface VehicleState {
  id: string;
  /** Profile id: `drone`, `transplanter`. */
  kind: string;
  /** True position on the local projection, m. */
  x: number;
  y: number;
  /** Position as the GNSS receiver reports it (true position + GNSS error), WGS84. */
  lat: number;
  lon: number;
  altM: number;
  headingDeg: number;
  speedMps: number;
  fix: FixQuality;
  /** Signed distance of the true implement centre from the planned line, m (left negative). */
  crossTrackErrorM: number;
  implementOn: boolean;
  /** What it is doing now; block runs add `road` (on a field road) and `queued` (waiting for a depot crew). */
  activity: 'working' | 'turning' | 'transit' | 'refilling' | 'idle' | 'done' | 'road' | 'queued';
  /** Block runs: the paddy it is in now (absent on roads and between paddies). */
  paddy?: string;
  /** Sortie number, 1-based. */
  sortie: number;
  tank?: { kg: number; capacityKg: number };
  battery?: { pct: number };
  /** Variable-rate runs: the zone set-point and the rate the controller delivers (kg or L per ha), mean flow over the tick (kg/s, unrounded). */
  dose?: { setPointPerHa: number; ratePerHa: number; flowKgPerS: number };
  trays?: { left: number; capacity: number };
}

/** Something that happened, for logs, telemetry `event` messages and the viewer. */
export interface SimEvent {
  t: number;
  vehicleId: string;
  type: 'start' | 'sortie-start' | 'refill' | 'battery-swap' | 'tray-reload' | 'fault' | 'fault-cleared' | 'done' | 'paddy-done';
  /** For faults: `rtk-lost`, `low-battery-return`, `wind-gust`; for `paddy-done`, the paddy id. */
  detail?: string;
}

/** Progress of the whole run. */
export interface SimProgress {
  coveredPct: number;
  coveredHa: number;
  elapsedS: number;
  etaS: number;
  /** Block runs: covered % of each paddy, index-aligned with `description.block.paddies` (refreshed once a simulated second). */
  paddyCoveredPct?: number[];
  /** Block runs: machines waiting for a crew at each depot, index-aligned with `description.block.depots`. */
  depotQueue?: number[];
  /** Block runs: when the last machine will be done, s from the start (elapsed + ETA; the actual makespan once done). */
  makespanS?: number;
}

/** A block as a viewer draws it (WGS84 `[lon, lat]`), carried by a block run's description. */
export interface BlockDescription {
  /** Machine kind of the fleet. */
  kind: string;
  paddies: { id: string; owner: string; name: string; areaHa: number; rings: [number, number][][] }[];
  roads: { id: string; widthM: number; line: [number, number][] }[];
  gates: { id: string; paddy: string; at: [number, number] }[];
  depots: { id: string; at: [number, number]; crews: number; serves: string[] }[];
  nofly: { id: string; rings: [number, number][][] }[];
  /** Each machine's paddies in work order and its depot. */
  machines: { id: string; kind: string; paddies: string[]; depot: string }[];
  /** The planner's makespan, s (the run measures its own). */
  planMakespanS: number;
}

/** One tick of the run. `t` is simulated milliseconds since the start. */
export interface SimFrame {
  t: number;
  vehicles: VehicleState[];
  progress: SimProgress;
  /** Events that happened during this tick. */
  events: SimEvent[];
}

/** Metrics of a finished run. */
export interface SimMetrics {
  guidance: Guidance;
  seed: number;
  timeS: { working: number; turning: number; transit: number; refill: number; total: number };
  sorties: number;
  refills: number;
  areaCoveredHa: number;
  coveredPct: number;
  overlapPct: number;
  gapPct: number;
  /** Product applied (kg) or trays used, in total and off the field. */
  inputUsed: number;
  inputOffTargetKg: number;
  energy: { batteryCycles?: number; fuelL?: number };
  fieldCapacityHaPerH: number;
  faults: number;
}

/** What a consumer needs to draw a run before its first frame: the plan(s) and the machines. */
export interface SimDescription {
  id: string;
  name: string;
  /** Plan(s) as a docs/contracts.md plan GeoJSON FeatureCollection (WGS84): boundary, holes, headland, swaths, turns… */
  planGeoJson: { type: 'FeatureCollection'; features: unknown[]; properties?: Record<string, unknown> };
  vehicles: { id: string; kind: string; workingWidthM: number; guidance: Guidance }[];
  /** Area to cover, ha (holes excluded). */
  fieldAreaHa: number;
  /** Simulated milliseconds per tick (100 at 10 Hz). */
  tickMs: number;
  seed: number;
  /** Block runs (one simulation, a whole fleet): the block to draw. */
  block?: BlockDescription;
}

/**
 * A running simulation advanced one tick at a time by whoever drives the clock (the rxjs
 * virtual clock in src/sim, the telemetry server's wall timer, a benchmark loop). Deterministic:
 * the same plan, options and seed give the same frames.
 */
export interface Simulation {
  describe(): SimDescription;
  /** Advances one tick and returns its frame; `undefined` once the run is done. */
  step(): SimFrame | undefined;
  readonly done: boolean;
  /** Metrics so far (final once `done`). */
  metrics(): SimMetrics;
}

/** Makes fresh runs of one scenario: `restart` means calling `create` again. */
export interface SimulationFactory {
  id: string;
  name: string;
  create(): Simulation;
}
