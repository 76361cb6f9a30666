/**
 * Errors shared by every stage: one base class, one subclass per stage, and one table of
 * stable codes. Tests assert codes, the CLI maps them to exit codes, the server to `error` frames.
 */

/** Every stable error code, with the CLI exit code it maps to and a one-line meaning. */
export const ERROR_CODES = {
  // field ingest and validation (exit 3: the input is bad)
  FIELD_PARSE: { exit: 3, meaning: 'the file is not valid GeoJSON or KML' },
  FIELD_EMPTY: { exit: 3, meaning: 'no polygon in the input' },
  FIELD_UNSUPPORTED_GEOMETRY: { exit: 3, meaning: 'a geometry that is not Polygon or MultiPolygon' },
  FIELD_RING_UNCLOSED: { exit: 3, meaning: 'a ring whose first and last positions differ' },
  FIELD_RING_TOO_SHORT: { exit: 3, meaning: 'a ring with fewer than 4 positions (3 distinct corners)' },
  FIELD_COORD_INVALID: { exit: 3, meaning: 'a position that is not two finite numbers' },
  FIELD_COORD_OUT_OF_RANGE: { exit: 3, meaning: 'longitude outside ±180 or latitude outside ±90' },
  FIELD_LATLON_SWAPPED: { exit: 3, meaning: 'positions look like [lat, lon] instead of [lon, lat]' },
  FIELD_SELF_INTERSECTION: { exit: 3, meaning: 'a ring crosses itself or another ring' },
  FIELD_HOLE_OUTSIDE: { exit: 3, meaning: 'a hole not inside its outer ring' },
  FIELD_TOO_LARGE: { exit: 3, meaning: 'over a size limit (file bytes, vertices, area or features)' },
  FIELD_DEGENERATE: { exit: 3, meaning: 'a ring with (almost) no area' },
  // planning (exit 4: the field cannot be planned with these settings)
  PLAN_INVALID_OPTION: { exit: 2, meaning: 'a planner option out of range' },
  PLAN_NO_WORKING_AREA: { exit: 4, meaning: 'nothing left to work inside the headland' },
  PLAN_TOO_MANY_SWATHS: { exit: 4, meaning: 'more swaths than the limit allows' },
  PLAN_TOO_COMPLEX: { exit: 4, meaning: 'a field whose boundary has more vertices than plan in about 2 s (simplify it)' },
  PLAN_START_TOO_FAR: { exit: 3, meaning: 'a start, service point or depot too far from its field' },
  PLAN_BATCH_TOO_LARGE: { exit: 4, meaning: 'a batch of fields whose estimated planning time is over the batch limit (split it)' },
  // vehicles
  VEHICLE_UNKNOWN: { exit: 2, meaning: 'no vehicle profile with that id' },
  VEHICLE_INVALID: { exit: 2, meaning: 'a vehicle parameter out of range' },
  // simulation
  SIM_INVALID_OPTION: { exit: 2, meaning: 'a simulation option out of range' },
  SIM_SCENARIO_INVALID: { exit: 3, meaning: 'a scenario file that does not match the schema' },
  SIM_REPLAY_INVALID: { exit: 3, meaning: 'a recording that cannot be replayed' },
  // telemetry
  TELEMETRY_BAD_JSON: { exit: 1, meaning: 'a frame that is not JSON' },
  TELEMETRY_BAD_MESSAGE: { exit: 1, meaning: 'a message without a known type or with bad fields' },
  TELEMETRY_UNKNOWN_SIM: { exit: 1, meaning: 'no simulation with that id' },
  TELEMETRY_UNAUTHORIZED: { exit: 1, meaning: 'control without the right token' },
  TELEMETRY_RATE_LIMITED: { exit: 1, meaning: 'too many messages per second' },
  TELEMETRY_TOO_LARGE: { exit: 1, meaning: 'a frame over maxPayload' },
  TELEMETRY_TOO_MANY_CONNECTIONS: { exit: 1, meaning: 'the server is at its connection limit' },
  TELEMETRY_INVALID_OPTION: { exit: 2, meaning: 'a telemetry server, feed or client option out of range' },
  TELEMETRY_LISTEN: { exit: 1, meaning: 'the server cannot listen on that host and port' },
  TELEMETRY_RECORDING_INVALID: { exit: 3, meaning: 'a telemetry recording that cannot be replayed' },
  TELEMETRY_CONTROL_DISABLED: { exit: 1, meaning: 'control sent to a server started without a token' },
  TELEMETRY_FEED_FAILED: { exit: 1, meaning: 'a simulation feed stopped with an error (its subscribers are told)' },
  TELEMETRY_MQTT_URL: { exit: 2, meaning: 'an MQTT broker URL that is not mqtt://, mqtts://, ws:// or wss://' },
  TELEMETRY_MQTT_CONNECT: { exit: 1, meaning: 'the MQTT broker cannot be reached or refused the connection' },
  TELEMETRY_MQTT_NO_SIMS: { exit: 1, meaning: 'no simulation is published on the MQTT broker (within the wait)' },
  TELEMETRY_ABORTED: { exit: 0, meaning: 'start-up abandoned (a stop signal or AbortSignal) before the server or gateway was ready' },
  // economics
  ECON_UNKNOWN_KEY: { exit: 2, meaning: 'an assumption key that does not exist' },
  ECON_INVALID_VALUE: { exit: 2, meaning: 'an assumption value out of its allowed range' },
  ECON_INVALID_AREA: { exit: 2, meaning: 'an area that is not a positive number' },
  ECON_RUN_INVALID: { exit: 3, meaning: 'a simulated run (recording or simulate --json output) that cannot be read' },
  ECON_RUN_MISMATCH: { exit: 2, meaning: 'a simulated run of a machine that does not do the chosen operation' },
  // prescription maps (variable-rate zones)
  PRESCRIPTION_PARSE: { exit: 3, meaning: 'a prescription file that is not GeoJSON, a shapefile or ISOXML TaskData' },
  PRESCRIPTION_EMPTY: { exit: 3, meaning: 'a prescription with no zone' },
  PRESCRIPTION_UNKNOWN_UNIT: { exit: 3, meaning: 'a zone without a rate in kg/ha or L/ha (or in another unit)' },
  PRESCRIPTION_MIXED_UNITS: { exit: 3, meaning: 'zones in kg/ha and in L/ha in one map' },
  PRESCRIPTION_NEGATIVE_RATE: { exit: 3, meaning: 'a zone rate that is negative or not a number' },
  PRESCRIPTION_BAD_GEOMETRY: { exit: 3, meaning: 'a zone whose geometry is not a valid Polygon or MultiPolygon' },
  PRESCRIPTION_ZONE_OVERLAP: { exit: 3, meaning: 'two zones that overlap inside the field' },
  PRESCRIPTION_MISSES_FIELD: { exit: 3, meaning: 'a prescription none of whose zones touches the field' },
  PRESCRIPTION_INVALID_OPTION: { exit: 2, meaning: 'a prescription, wind or buffer option out of range' },
  // block (a co-op's consolidated block: exit 3 bad block file, 4 cannot plan)
  BLOCK_PARSE: { exit: 3, meaning: 'the block file is not a GeoJSON FeatureCollection or KML' },
  BLOCK_UNKNOWN_KIND: { exit: 3, meaning: 'a block feature whose kind is not paddy, road, gate, depot or nofly' },
  BLOCK_DUPLICATE_ID: { exit: 3, meaning: 'two block features with the same id' },
  BLOCK_BAD_GEOMETRY: { exit: 3, meaning: 'a block feature with the wrong geometry type for its kind or bad coordinates' },
  BLOCK_PADDY_INVALID: { exit: 3, meaning: 'a paddy polygon that fails field validation (the FIELD_ code is in details)' },
  BLOCK_NO_PADDY: { exit: 3, meaning: 'a block without any paddy' },
  BLOCK_PADDY_OVERLAP: { exit: 3, meaning: 'two paddies with more than 1 m² in common' },
  BLOCK_GATE_NO_PADDY: { exit: 3, meaning: 'a gate whose paddy property names no paddy of the block' },
  BLOCK_GATE_FAR_FROM_PADDY: { exit: 3, meaning: 'a gate more than 3 m from its paddy' },
  BLOCK_GATE_FAR_FROM_ROAD: { exit: 3, meaning: 'a gate farther than widthM/2 + 3 m from every road' },
  BLOCK_DEPOT_OFF_ROAD: { exit: 3, meaning: 'a depot serving ground machines farther than widthM/2 + 3 m from every road' },
  BLOCK_NO_DEPOT: { exit: 3, meaning: 'no depot in the block serves the chosen machine kind' },
  BLOCK_PADDY_UNREACHABLE: { exit: 3, meaning: 'a paddy ground machines cannot reach (no gate, or its road not connected to a depot)' },
  BLOCK_NEEDS_ROADS: { exit: 3, meaning: 'ground machines (transplanters) need roads and gates; the block has none' },
  BLOCK_NOFLY_BLOCKED: { exit: 4, meaning: 'a drone cannot reach a paddy or the depot without flying over a nofly area' },
  BLOCK_INVALID_OPTION: { exit: 2, meaning: 'a block planning option out of range (fleet size, vehicle, schedule)' },
  // CLI
  CLI_USAGE: { exit: 2, meaning: 'wrong command-line usage' },
  IO_READ: { exit: 3, meaning: 'a file that cannot be read' },
  IO_WRITE: { exit: 5, meaning: 'a file that cannot be written' },
  // a farmer's own paddy over HTTP (src/own-paddy)
  PADDY_BAD_REQUEST: { exit: 2, meaning: 'a paddy request that is not JSON with a field and a machine' },
  PADDY_BODY_TOO_LARGE: { exit: 2, meaning: 'a paddy request body over the size limit' },
  PADDY_RATE_LIMITED: { exit: 1, meaning: 'too many paddy requests from one client' },
  // viewer
  VIEWER_BUILD: { exit: 1, meaning: 'the web viewer bundle could not be built' },
  VIEWER_INVALID_OPTION: { exit: 2, meaning: 'a viewer option out of range' },
} as const;

/** A stable error code: see {@link ERROR_CODES}. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** Base of every error agrisim throws on purpose: a stable `code`, a message, and `details`. */
export class AgrisimError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
  /** The exit code the CLI uses for this error. */
  get exitCode(): number {
    return ERROR_CODES[this.code].exit;
  }
}

/** Bad field input: parse, geometry validation, limits. */
export class FieldError extends AgrisimError {}
/** A field that cannot be planned with the given vehicle and options. */
export class PlanError extends AgrisimError {}
/** Unknown or invalid vehicle profile. */
export class VehicleError extends AgrisimError {}
/** Invalid simulation input. */
export class SimError extends AgrisimError {}
/** Telemetry protocol and server errors. */
export class TelemetryError extends AgrisimError {}
/** Invalid economics input. */
export class EconomicsError extends AgrisimError {}
/** Bad prescription map (variable-rate zones) or dose option. */
export class PrescriptionError extends AgrisimError {}
/** Bad block input or a block that cannot be planned. */
export class BlockError extends AgrisimError {}
/** Web viewer build and option errors. */
export class ViewerError extends AgrisimError {}

/** True when `e` is an error agrisim threw on purpose (has a stable code). */
export function isAgrisimError(e: unknown): e is AgrisimError {
  return e instanceof AgrisimError;
}
