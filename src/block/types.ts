/**
 * The block stage's data: a co-op's consolidated block (paddies, field roads, gates, depots,
 * no-fly areas) on one local projection, and the plan of a fleet working it (docs/contracts.md
 * "Block input", "Block plan output"). Plain data only, in metres.
 */
import type { LocalProjection } from '../geodesy/index.js';
import type { PolygonM, XY } from '../geometry/index.js';
import type { RefillStop, RouteSegment } from '../plan/index.js';
import type { Vehicle } from '../vehicles/index.js';

/** The two machine kinds a block is planned for (docs/contracts.md "Block command" `--vehicle`). */
export type BlockMachineKind = 'drone' | 'transplanter';

/** One household's paddy, in block metres. */
export interface BlockPaddy {
  id: string;
  /** The household that farms it (`properties.owner`), `''` when not given. */
  owner: string;
  name: string;
  /** Area, holes excluded, ha. */
  areaHa: number;
  /** Outer ring CCW, holes CW (tomb plots, a well), open rings, block metres. */
  polygon: PolygonM;
  /** The same polygon in WGS84 `[lon, lat]`, closed rings, as read. */
  lonLat: number[][][];
  properties: Record<string, unknown>;
}

/** A field road: a polyline ground machines drive on. */
export interface BlockRoad {
  id: string;
  points: XY[];
  /** Carriageway width, m (default 3). */
  widthM: number;
}

/** A gate: where a ground machine leaves a road for a paddy or back. */
export interface BlockGate {
  id: string;
  at: XY;
  /** Id of the paddy it opens into. */
  paddy: string;
}

/** A depot: take-off, landing, refills, battery swaps, tray loading. */
export interface BlockDepot {
  id: string;
  at: XY;
  serves: BlockMachineKind[];
  /** Crews working at the same time (refills served at once), default 1. */
  crews: number;
}

/** A no-fly / no-entry area (houses, trees, graves, a power-line corridor). */
export interface BlockNofly {
  id: string;
  polygon: PolygonM;
}

/** A water buffer (canal, pond): product may not land in it; spreading stops `bufferM` from it. */
export interface BlockBuffer {
  /** The feature's id (a MultiPolygon gives one BlockBuffer per polygon, same id). */
  id: string;
  /** The water, block metres. */
  polygon: PolygonM;
  /** No-spray distance from the water, m, as given (`properties.bufferM`); absent: 0 unless the run sets one. */
  bufferM?: number;
}

/** A validated block, projected to metres on one local projection. */
export interface Block {
  /** The block's name (file name or `properties.name` of the collection). */
  name: string;
  /** One projection for the whole block: origin at the first paddy's first vertex (as the checker). */
  projection: LocalProjection;
  paddies: BlockPaddy[];
  roads: BlockRoad[];
  gates: BlockGate[];
  depots: BlockDepot[];
  nofly: BlockNofly[];
  /** Water buffers (`kind: "buffer"`); absent or empty when the block has none. */
  buffers?: BlockBuffer[];
}

/**
 * One piece of a machine's route: a plan route segment (the simulator drives it as it drives a
 * single-field plan) in block metres, tagged with the paddy it lies in and whether it is road travel.
 */
export interface BlockRouteSegment extends RouteSegment {
  /** The paddy this segment works or turns in; absent for road travel and flights between paddies. */
  paddy?: string;
  /** Travel on a field road (ground machines) or a flight between the depot and paddies (drones). */
  road?: boolean;
}

/** Per-machine metrics, exactly docs/contracts.md "Block plan output" `vehicles[]`. */
export interface BlockVehicleMetrics {
  id: string;
  kind: BlockMachineKind;
  /** Paddy ids in work order. */
  paddies: string[];
  workedHa: number;
  lengthM: { working: number; turning: number; transit: number; road: number };
  /** `total` includes the time spent queueing for a depot crew (`MachinePlan.waitS`). */
  timeS: { working: number; turning: number; transit: number; refill: number; total: number };
}

/** Per-paddy metrics, docs/contracts.md `paddies[]`. */
export interface BlockPaddyMetrics {
  id: string;
  owner: string;
  areaHa: number;
  coveragePct: number;
  /** Machines that work it. */
  vehicles: string[];
}

/** Block metrics, exactly docs/contracts.md "Block plan output" `properties.agrisim`. */
export interface BlockMetrics {
  block: { paddies: number; areaHa: number; areaSao: number };
  vehicles: BlockVehicleMetrics[];
  paddies: BlockPaddyMetrics[];
  /** Time until the last machine is done, depot queue waits included, s. */
  makespanS: number;
  planMs: number;
}

/** One machine of the fleet and its route. */
export interface MachinePlan {
  /** `drone-1`, `transplanter-2`… */
  id: string;
  kind: BlockMachineKind;
  vehicle: Vehicle;
  /** Paddy ids in work order. */
  paddies: string[];
  /** The depot it starts and ends at (and, for drones, refills at). */
  depot: string;
  /** Where it starts (the depot), block metres. */
  start: XY;
  /** The route, joined end to start, from the depot back to it; feed it to the simulator like `Plan.route`. */
  route: BlockRouteSegment[];
  /** Refill / battery / tray stops, `afterSegment` indexing `route` (as `Plan.refills`). */
  refills: RefillStop[];
  /** Planned start time of each refill (index-aligned with `refills`), s from the fleet's start, queue included. */
  refillStartS: number[];
  /** Time spent waiting for a depot crew, s (part of `metrics.timeS.total`). */
  waitS: number;
  /** Per paddy it works: machine time spent there and when it leaves it done, s from the fleet's start. */
  paddyTimes: { paddy: string; timeS: number; doneS: number }[];
  metrics: BlockVehicleMetrics;
}

/** A fleet plan for a whole block. */
export interface BlockPlan {
  block: Block;
  kind: BlockMachineKind;
  machines: MachinePlan[];
  metrics: BlockMetrics;
}

/** Options of `planBlock`. */
export interface BlockPlanOptions {
  /** Fleet size, 1–50 (default 1). */
  machines?: number;
  /** Vehicle profile (default: the `drone` or `transplanter` profile). */
  vehicle?: Vehicle;
  /** `makespan` (default) or `naive`: one route cut into equal runs (the benchmark's baseline). */
  split?: 'makespan' | 'naive';
}

/** A household's share of the block: see `householdSchedule`. */
export interface HouseholdSummary {
  owner: string;
  paddies: string[];
  areaHa: number;
  /** Machine time spent on its paddies (work, turns, in-paddy transit, refills there), s. */
  timeS: number;
  /** When its last paddy is finished, s of fleet time from the start. */
  doneAtS: number;
  /** Working day on which its last paddy is finished (day `startDay` is the first). */
  doneDay: number;
  /** Days until done, counting the first day as 1. */
  days: number;
}
