/**
 * The wire contract of docs/contracts.md "Telemetry over WebSocket" (protocol `agrisim/1`): JSON text
 * frames, one message per frame, each with `type` and a per-connection increasing `seq`.
 * Types only (plus the version constant), so browser code and gateways can import them freely.
 */
import type { SimDescription, SimEvent, SimProgress, VehicleState } from '../../sim/index.js';
import type { ProgressSavings } from '../../economics/index.js';
import type { InferOutput } from 'valibot';
import type { ControlMessageSchema, SubscribeMessageSchema, UnsubscribeMessageSchema } from './client-schema.js';

/**
 * Progress as it goes on the wire: the simulator's, plus the savings of the area done so far
 * against manual work, computed by the economics stage (the viewer shows them, computing nothing).
 */
export interface WireProgress extends SimProgress {
  /** Savings against manual work of the area done so far, VND (negative: the machine costs more). */
  savingsVnd?: number;
  /** How `savingsVnd` is made up (economics `savingsAtArea`). */
  savings?: ProgressSavings;
}

/** Protocol version sent in `hello`; bump on incompatible changes. */
export const PROTOCOL = 'agrisim/1';

/** One simulation on offer in `hello`. */
export interface SimOffer {
  id: string;
  name: string;
  /** Guidance of the vehicles (`rtk`, `gnss`, `manual`; several joined by `+`). */
  guidance?: string;
  /** The field the simulation works (file name or paddy names). */
  field?: string;
  /** Vehicle ids, in order. */
  vehicles?: string[];
}

/** Vehicle state on the wire: the simulator's VehicleState without the local x/y metres. */
export type WireVehicle = Omit<VehicleState, 'x' | 'y'>;

/** A WGS84 position, [lon, lat]. */
export type LonLat = [number, number];

/** Coverage painted so far by one vehicle: runs of positions while its implement was on. */
export interface CoverageTrail {
  vehicleId: string;
  /** Working width of the implement, m. */
  widthM: number;
  passes: LonLat[][];
}

/** Control actions; all need the server's token. */
export type ControlAction = 'pause' | 'resume' | 'speed' | 'restart';

export interface HelloMessage { type: 'hello'; seq: number; protocol: typeof PROTOCOL; simulations: SimOffer[]; control: boolean }
/** Everything a client needs to draw a simulation now; sent on subscribe, on restart and after a resync. */
export interface SnapshotMessage {
  type: 'snapshot';
  seq: number;
  sim: string;
  description: SimDescription;
  /** Simulated ms of the last telemetry (0 before the first). */
  t: number;
  vehicles: WireVehicle[];
  progress: WireProgress;
  coverage: CoverageTrail[];
  paused: boolean;
  /** Simulated time per wall time. */
  speedup: number;
  done: boolean;
  /**
   * Only on a resync after a gap (a gateway that lost its MQTT broker and is back): the stretch of
   * simulated time whose telemetry never arrived. Draw it as a gap in the timeline; the snapshot's
   * coverage already holds what was painted meanwhile.
   */
  gap?: TelemetryGap;
}

/** Simulated ms [fromT, toT] whose telemetry a viewer missed (see SnapshotMessage.gap). */
export interface TelemetryGap {
  fromT: number;
  toT: number;
}
export interface TelemetryMessage { type: 'telemetry'; seq: number; sim: string; t: number; vehicles: WireVehicle[]; progress: WireProgress }
export interface EventMessage { type: 'event'; seq: number; sim: string; t: number; event: SimEvent }
export interface ErrorMessage { type: 'error'; seq: number; code: string; message: string; sim?: string }
/** Broadcast to a simulation's subscribers when a control changed it. */
export interface ControlAckMessage { type: 'control'; seq: number; sim: string; action: ControlAction; ok: true; paused: boolean; speedup: number }

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
