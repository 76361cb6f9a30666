/**
 * The wire contract of docs/contracts.md "Telemetry over WebSocket" (protocol `agrisim/1`): JSON text
 * frames, one message per frame, each with `type` and a per-connection increasing `seq`.
 * Types only (plus the version constant), so browser code and gateways can import them freely.
 */
import type { InferOutput } from 'valibot';
import type { ControlMessageSchema, SubscribeMessageSchema, UnsubscribeMessageSchema } from './client-schema.js';
import type {
  ControlAckMessageSchema,
  CoverageTrailSchema,
  ErrorMessageSchema,
  EventMessageSchema,
  HelloMessageSchema,
  SimOfferSchema,
  SnapshotMessageSchema,
  TelemetryGapSchema,
  TelemetryMessageSchema,
} from './server-schema.js';

export type { WireProgress, WireVehicle, LonLat } from './server-schema.js';

/** Protocol version sent in `hello`; bump on incompatible changes. */
export const PROTOCOL = 'agrisim/1';

/** One simulation on offer in `hello` (type inferred from server-schema.ts, as are the messages below). */
export type SimOffer = InferOutput<typeof SimOfferSchema>;
/** Coverage painted so far by one vehicle: runs of positions while its implement was on. */
export type CoverageTrail = InferOutput<typeof CoverageTrailSchema>;
/** Control actions; all need the server's token. */
export type ControlAction = 'pause' | 'resume' | 'speed' | 'restart';
/** First message on every connection: the protocol and the simulations on offer. */
export type HelloMessage = InferOutput<typeof HelloMessageSchema>;
/** Everything a client needs to draw a simulation now; sent on subscribe, on restart and after a resync. */
export type SnapshotMessage = InferOutput<typeof SnapshotMessageSchema>;
/** Simulated ms [fromT, toT] whose telemetry a viewer missed (see SnapshotMessage.gap). */
export type TelemetryGap = InferOutput<typeof TelemetryGapSchema>;
/** One tick: every machine and the run's progress. */
export type TelemetryMessage = InferOutput<typeof TelemetryMessageSchema>;
/** Something that happened (a refill, a fault, a paddy done…). */
export type EventMessage = InferOutput<typeof EventMessageSchema>;
/** A coded error (TELEMETRY_…), about one simulation when `sim` is set. */
export type ErrorMessage = InferOutput<typeof ErrorMessageSchema>;
/** Broadcast to a simulation's subscribers when a control changed it. */
export type ControlAckMessage = InferOutput<typeof ControlAckMessageSchema>;

/** Anything the server sends. */
export type ServerMessage = HelloMessage | SnapshotMessage | TelemetryMessage | EventMessage | ErrorMessage | ControlAckMessage;
/** A server message before the connection numbers it. */
export type Unsequenced<M> = M extends { seq: number } ? Omit<M, 'seq'> : never;
/** What a feed broadcasts to one simulation's subscribers. */
export type BroadcastMessage = Unsequenced<SnapshotMessage | TelemetryMessage | EventMessage | ControlAckMessage>;

/** Start receiving a simulation (type inferred from client-schema.ts). */
export type SubscribeMessage = InferOutput<typeof SubscribeMessageSchema>;
/** Stop receiving a simulation. */
export type UnsubscribeMessage = InferOutput<typeof UnsubscribeMessageSchema>;
/** Pause, resume, change speed or restart a simulation (`speedup` is read as `value`). */
export type ControlMessage = Omit<InferOutput<typeof ControlMessageSchema>, 'speedup'>;
/** Anything a client may send. */
export type ClientMessage = SubscribeMessage | UnsubscribeMessage | ControlMessage;
