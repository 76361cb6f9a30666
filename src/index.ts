/**
 * agrisim: coverage planning, simulation, telemetry and savings for precision rice farming.
 *
 * The library face: what a user of the package needs, grouped by pipeline stage, each name
 * chosen here (no `export *`), so the public API is this file and `api/agrisim.api.md` tracks
 * every change to it. Stage internals (swath sweeps, turn shapes, hubs, rate limiters…) stay
 * behind their stage's index.ts. The browser-safe telemetry client alone is also
 * `agrisim/telemetry/client`.
 *
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, computeSavings, formatVnd } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-with-tomb.geojson');
 * const plan = planField(paddy, getVehicle('transplanter'));
 * const savings = computeSavings({ operation: 'transplanting', areaHa: plan.metrics.field.areaHa });
 * console.log(formatVnd(savings.perSao.savingsVnd, 'vi'));
 * ```
 * @packageDocumentation
 */

// ── Errors: every refusal carries a stable code ────────────────────────────────────────────
export {
  AgrisimError,
  FieldError,
  PlanError,
  VehicleError,
  SimError,
  TelemetryError,
  EconomicsError,
  ViewerError,
  BlockError,
  PrescriptionError,
  ERROR_CODES,
  isAgrisimError,
} from './errors.js';
export type { ErrorCode } from './errors.js';

// ── Units and geodesy: sào, ha, VND in two languages; the one Earth model ──────────────────
export { SAO_M2, HA_M2, haToSao, saoToHa, perSao } from './units/index.js';
export {
  formatNumber,
  formatVnd,
  formatMillionVnd,
  formatRoughVnd,
  formatPct,
  formatHa,
  formatSao,
  formatDuration,
  formatSpeed,
} from './units/index.js';
export type { Lang } from './units/index.js';
export { EARTH_RADIUS_M, localProjection, toXY, toLonLat, metresPerDegree, distanceM } from './geodesy/index.js';
export type { LocalProjection } from './geodesy/index.js';
export type { XY, Ring, PolygonM } from './geometry/index.js';

// ── Vehicles ───────────────────────────────────────────────────────────────────────────────
export { getVehicle, VEHICLES, DRONE, TRANSPLANTER } from './vehicles/index.js';
export type { Vehicle, VehicleOverrides, Payload, Battery } from './vehicles/index.js';

// ── Field: read and validate paddies (GeoJSON, KML) ────────────────────────────────────────
export {
  readFieldFile,
  parseFields,
  sniffFieldFormat,
  fieldFromRings,
  fieldFromMetres,
  fieldToGeoJsonFeature,
  DEFAULT_FIELD_LIMITS,
} from './field/index.js';
export type { Field, FieldFormat, ParseFieldsOptions, FieldMeta, FieldFeature, FieldLimits, FieldWarning } from './field/index.js';

// ── Prescription: variable-rate zone maps (GeoJSON, shapefile, ISOXML) clipped to a field ───
export {
  parsePrescriptionGeoJson,
  readPrescriptionShapefile,
  parsePrescriptionIsoxml,
  readPrescriptionFile,
  clipPrescription,
  withoutBuffer,
  polygonsAreaM2,
} from './prescription/index.js';
export type {
  Prescription,
  PrescriptionZone,
  RawPrescription,
  RawZone,
  RateUnit,
  ClipOptions,
  ShapefileParts,
  BufferedField,
  BufferOptions,
} from './prescription/index.js';

// ── Plan: coverage plans and their file formats ────────────────────────────────────────────
export {
  planField,
  PLAN_DEFAULTS,
  planFieldsParallel,
  workerCount,
  BATCH_DEFAULTS,
  BATCH_LIMITS,
  QGC_DEFAULTS,
  exportPlan,
  planToGeoJson,
  planToKml,
  planToQgcPlan,
  planToIsoxml,
  planFormatFromPath,
  PLAN_FORMATS,
} from './plan/index.js';
export type {
  Plan,
  PlanOptions,
  PlanMetrics,
  RouteSegment,
  RefillStop,
  Sortie,
  Cell,
  SegmentKind,
  Headland,
  BatchOptions,
  FieldPlanResult,
  PlanFormat,
  PlanFeature,
  PlanFeatureCollection,
  PlanFeatureKind,
  PlanGeometry,
  QgcPlanOptions,
  QgcPlanFile,
  QgcSimpleItem,
} from './plan/index.js';

// ── Block: a co-op's consolidated block planned for a fleet ────────────────────────────────
export { readBlockFile, parseBlock, planBlock, householdSchedule, blockPlanToGeoJson, exportMachine, MAX_MACHINES } from './block/index.js';
export { blockBufferStrips, paddyField } from './block/index.js';
export type { BlockBuffer } from './block/index.js';
export type {
  Block,
  BlockPaddy,
  BlockRoad,
  BlockGate,
  BlockDepot,
  BlockNofly,
  BlockMachineKind,
  BlockRouteSegment,
  BlockVehicleMetrics,
  BlockPaddyMetrics,
  BlockMetrics,
  MachinePlan,
  BlockPlan,
  BlockPlanOptions,
  HouseholdSummary,
  WorkSchedule,
  ParseBlockOptions,
  BlockPlanFeatureCollection,
  BlockFeature,
} from './block/index.js';

// ── Scenario: scenario files → plans and simulation factories ──────────────────────────────
export { loadScenario, scenarioFactories, scenarioFromObject, validateScenario } from './scenario/index.js';
export type { LoadedScenario, ScenarioLoadOptions, Scenario, ScenarioVehicle, ScenarioOverrides } from './scenario/index.js';

// ── Simulation: machines on a virtual clock ────────────────────────────────────────────────
export {
  createSimulation,
  runToEnd,
  simulate$,
  createSimController,
  recordRun,
  recordToString,
  createSimRecorder,
  replayRecording,
  replaySimulation,
  DEFAULT_FAULTS,
  NO_FAULTS,
} from './sim/index.js';
export type {
  Guidance,
  FixQuality,
  VehicleState,
  SimEvent,
  SimProgress,
  SimFrame,
  SimMetrics,
  SimDescription,
  Simulation,
  SimulationFactory,
  SimRun,
  SimulationInput,
  SimVehicleInput,
  RunMetrics,
  RunResult,
  RunOptions,
  FaultOptions,
  SimulateOptions,
  SimController,
  SimRecording,
  SimRecordingHeader,
  SimRecorder,
} from './sim/index.js';
// block runs: a block plan's whole fleet as one simulation
export { createFleetSimulation } from './sim/index.js';
export type {
  FleetRun,
  FleetSimulationInput,
  FleetMetrics,
  FleetMachineMetrics,
  FleetPaddyMetrics,
  FleetHouseholdMetrics,
  DepotQueueStats,
  BlockDescription,
} from './sim/index.js';
export { parseWind, doseTable, predictPlanDose, downwindCarryM } from './sim/index.js';
export type { DoseOptions, DoseMetrics, ZoneDose, WindOptions } from './sim/index.js';

// ── Telemetry: WebSocket server, recordings, NMEA, MQTT, the client ────────────────────────
export {
  PROTOCOL,
  MAX_SPEEDUP,
  DEFAULT_NMEA_START_UTC,
  startTelemetryServer,
  createSimFeed,
  createManualFeed,
  createBroadcastRecorder,
  readTelemetryRecording,
  createReplayFeeds,
  startNmeaServer,
  nmeaSentences,
  publishFeedsToMqtt,
  startMqttGateway,
  connectMqtt,
} from './telemetry/index.js';
export type {
  TelemetryServer,
  TelemetryServerOptions,
  StaticHandler,
  TelemetryFeed,
  FeedState,
  FeedUpdate,
  SimFeedOptions,
  ManualFeed,
  BroadcastRecorder,
  RecorderOptions,
  TelemetryRecording,
  ReplayOptions,
  NmeaServer,
  NmeaServerOptions,
  NmeaOptions,
  MqttPublisher,
  MqttPublisherOptions,
  MqttGateway,
  MqttGatewayOptions,
  ConnectMqttOptions,
  TelemetryErrorCode,
  SimOffer,
  WireVehicle,
  WireProgress,
  LonLat,
  CoverageTrail,
  ControlAction,
  HelloMessage,
  SnapshotMessage,
  TelemetryMessage,
  EventMessage,
  ErrorMessage,
  ControlAckMessage,
  ServerMessage,
  SubscribeMessage,
  UnsubscribeMessage,
  ControlMessage,
  ClientMessage,
} from './telemetry/index.js';
export { connectTelemetry } from './telemetry/client/index.js';
export type {
  TelemetryClientOptions,
  TelemetryConnection,
  ConnectionState,
  WebSocketLike,
  WebSocketConstructor,
} from './telemetry/client/index.js';

// ── Economics: the one savings computation and its report ──────────────────────────────────
export {
  computeSavings,
  savingsForArea,
  savingsReportHtml,
  savingsTable,
  ASSUMPTIONS,
  OPERATIONS,
  resolveAssumptions,
  ownershipCost,
  breakEven,
  sensitivity,
  modelChecks,
} from './economics/index.js';
export { savingsAtArea, savingsReportPagesHtml, householdSavings, labourPeak, SOURCES } from './economics/index.js';
export type {
  Operation,
  Ownership,
  AssumptionDef,
  AssumptionEntry,
  AssumptionValues,
  CostBlock,
  SensitivityRow,
  MeasuredRun,
  RunSummary,
  SavingsReport,
  SavingsInput,
  ResolvedAssumptions,
  OwnershipInput,
  OwnershipCost,
  ModelCheck,
  ReportOptions,
  PlanGeoJsonLike,
} from './economics/index.js';
export type {
  ProgressSavings,
  BreakEven,
  Verdict,
  SourceDef,
  HouseholdInput,
  HouseholdSavings,
  LabourPeakInput,
  LabourPeak,
} from './economics/index.js';
export { parseAssumptionsFile } from './economics/index.js';
export type { AssumptionOverrides } from './economics/index.js';

// ── Viewer: the live web page, to mount on a telemetry server ──────────────────────────────
export { createViewerHandler } from './viewer/index.js';
export type { ViewerHandler, ViewerHandlerOptions } from './viewer/index.js';
