/**
 * What the server sends (docs/contracts.md "Telemetry over WebSocket", protocol `agrisim/1`),
 * declared once with valibot: messages.ts infers the message types from these schemas, the
 * client (`agrisim/telemetry/client`, which the viewer bundles) checks every frame with
 * {@link ServerMessageSchema}, and `npm run schemas` writes
 * docs/schemas/telemetry-server.schema.json for gateway and app authors.
 *
 * The simulator's own records (a vehicle's state, progress, an event, the run's description)
 * are typed by the sim stage; here their wire shape is checked field by field for what a
 * client relies on, extra keys pass through (newer servers may add some), and the checked
 * value is given the sim stage's type.
 */
import * as v from 'valibot';
import type { ProgressSavings } from '../../economics/index.js';
import type { SimDescription, SimEvent, SimProgress, VehicleState } from '../../sim/index.js';

/** Progress as it goes on the wire: the simulator's, plus the savings of the area done so far (economics `savingsAtArea`). */
export interface WireProgress extends SimProgress {
  /** Savings against manual work of the area done so far, VND (negative: the machine costs more). */
  savingsVnd?: number;
  /** How `savingsVnd` is made up. */
  savings?: ProgressSavings;
}
/** Vehicle state on the wire: the simulator's VehicleState without the local x/y metres. */
export type WireVehicle = Omit<VehicleState, 'x' | 'y'>;
/** A WGS84 position, [lon, lat]. */
export type LonLat = [number, number];

/** Gives a checked wire shape the type its home stage declares (no change to the value). */
function typedAs<T>() {
  return <S extends v.GenericSchema>(shape: S) =>
    v.pipe(
      shape,
      v.transform((value: v.InferOutput<S>) => value as unknown as T),
    );
}
const seq = v.pipe(v.number(), v.integer(), v.minValue(0), v.description('per-connection message number, increasing'));
const sim = v.pipe(v.string(), v.description('simulation id (from hello)'));
const lonLat = typedAs<LonLat>()(v.tuple([v.number(), v.number()]));

const WireVehicleSchema = typedAs<WireVehicle>()(
  v.looseObject({
    id: v.string(),
    kind: v.string(),
    lat: v.number(),
    lon: v.number(),
    headingDeg: v.number(),
    speedMps: v.number(),
    implementOn: v.boolean(),
    activity: v.string(),
    sortie: v.number(),
  }),
);
const WireProgressSchema = typedAs<WireProgress>()(
  v.looseObject({
    coveredPct: v.number(),
    coveredHa: v.number(),
    elapsedS: v.number(),
    etaS: v.number(),
    savingsVnd: v.optional(v.number()),
  }),
);
const SimEventSchema = typedAs<SimEvent>()(
  v.looseObject({ t: v.number(), vehicleId: v.string(), type: v.string(), detail: v.optional(v.string()) }),
);
const SimDescriptionSchema = typedAs<SimDescription>()(
  v.looseObject({
    id: v.string(),
    name: v.string(),
    planGeoJson: v.looseObject({ type: v.literal('FeatureCollection'), features: v.array(v.unknown()) }),
    vehicles: v.array(v.looseObject({ id: v.string(), kind: v.string(), workingWidthM: v.number(), guidance: v.string() })),
    fieldAreaHa: v.number(),
    tickMs: v.number(),
  }),
);

/** One simulation on offer in `hello`. */
export const SimOfferSchema = v.object({
  id: v.string(),
  name: v.string(),
  /** Guidance of the vehicles (`rtk`, `gnss`, `manual`; several joined by `+`). */
  guidance: v.optional(v.string()),
  /** The field the simulation works (file name or paddy names). */
  field: v.optional(v.string()),
  /** Vehicle ids, in order. */
  vehicles: v.optional(v.array(v.string())),
});

/** Coverage painted so far by one vehicle: runs of positions while its implement was on. */
export const CoverageTrailSchema = v.object({
  vehicleId: v.string(),
  /** Working width of the implement, m. */
  widthM: v.number(),
  passes: v.array(v.array(lonLat)),
  /** Variable-rate runs: the rate delivered along each pass (kg or L per ha), index-aligned with `passes`; null where none was reported. */
  rates: v.optional(v.array(v.nullable(v.number()))),
});

/** Simulated ms [fromT, toT] whose telemetry a viewer missed (see the snapshot's `gap`). */
export const TelemetryGapSchema = v.object({ fromT: v.number(), toT: v.number() });

/** Control actions; all need the server's token. */
const controlAction = v.picklist(['pause', 'resume', 'speed', 'restart']);

/** First message on every connection: the protocol and the simulations on offer. */
export const HelloMessageSchema = v.object({
  type: v.literal('hello'),
  seq,
  protocol: v.literal('agrisim/1'),
  simulations: v.array(SimOfferSchema),
  /** True when the server accepts control messages (it has a token). */
  control: v.boolean(),
});
/** Everything a client needs to draw a simulation now; sent on subscribe, on restart and after a resync. */
export const SnapshotMessageSchema = v.object({
  type: v.literal('snapshot'),
  seq,
  sim,
  description: SimDescriptionSchema,
  /** Simulated ms of the last telemetry (0 before the first). */
  t: v.number(),
  vehicles: v.array(WireVehicleSchema),
  progress: WireProgressSchema,
  coverage: v.array(CoverageTrailSchema),
  paused: v.boolean(),
  /** Simulated time per wall time. */
  speedup: v.number(),
  done: v.boolean(),
  /**
   * Only on a resync after a gap (a gateway that lost its MQTT broker and is back): the stretch of
   * simulated time whose telemetry never arrived. Draw it as a gap in the timeline; the snapshot's
   * coverage already holds what was painted meanwhile.
   */
  gap: v.optional(TelemetryGapSchema),
});
/** One tick: every machine and the run's progress. */
export const TelemetryMessageSchema = v.object({
  type: v.literal('telemetry'),
  seq,
  sim,
  t: v.number(),
  vehicles: v.array(WireVehicleSchema),
  progress: WireProgressSchema,
});
/** Something that happened (a refill, a fault, a paddy done…). */
export const EventMessageSchema = v.object({ type: v.literal('event'), seq, sim, t: v.number(), event: SimEventSchema });
/** A coded error (TELEMETRY_…), about one simulation when `sim` is set. */
export const ErrorMessageSchema = v.object({
  type: v.literal('error'),
  seq,
  code: v.string(),
  message: v.string(),
  sim: v.optional(v.string()),
});
/** Broadcast to a simulation's subscribers when a control changed it. */
export const ControlAckMessageSchema = v.object({
  type: v.literal('control'),
  seq,
  sim,
  action: controlAction,
  ok: v.literal(true),
  paused: v.boolean(),
  speedup: v.number(),
});

/** Anything the server sends. */
export const ServerMessageSchema = v.variant('type', [
  HelloMessageSchema,
  SnapshotMessageSchema,
  TelemetryMessageSchema,
  EventMessageSchema,
  ErrorMessageSchema,
  ControlAckMessageSchema,
]);
