/**
 * Telemetry messages as the viewer reads them (docs/contracts.md "Telemetry over WebSocket").
 * Type-only: the browser bundle imports no runtime code from other stages. Fields the
 * viewer does not use are left out; unknown fields are ignored.
 */
import type { SimDescription, SimEvent, SimProgress, VehicleState } from '../../sim/index.js';

/** One simulation on offer in `hello`. */
export interface SimOffer {
  id: string;
  name: string;
  /** Optional hints a server may add: guidance of its vehicles, the field it shares. */
  guidance?: string;
  field?: string;
  /** Vehicle ids of the run (their count names a fleet). */
  vehicles?: string[];
}

/** Vehicle state as sent in a telemetry frame (the local x/y are not sent). */
export type WireVehicle = Omit<VehicleState, 'x' | 'y'> & Partial<Pick<VehicleState, 'x' | 'y'>>;

/** Coverage painted so far by one vehicle: passes of [lon, lat] while the implement was on. */
export interface WireCoverageTrail {
  vehicleId?: string;
  id?: string;
  widthM: number;
  trails?: [number, number][][];
  passes?: [number, number][][];
  points?: [number, number][];
}

export interface HelloMessage {
  type: 'hello';
  seq: number;
  protocol: string;
  simulations: SimOffer[];
  /** True when the server accepts control messages (it has a token). */
  control?: boolean;
}
export interface SnapshotMessage {
  type: 'snapshot';
  seq: number;
  sim: string;
  description: Omit<SimDescription, 'seed'> & { seed?: number };
  t?: number;
  vehicles: WireVehicle[];
  progress: SimProgress;
  coverage?: WireCoverageTrail[];
  paused?: boolean;
  speedup?: number;
  /** True when every machine has finished. */
  done?: boolean;
}
export interface TelemetryMessage { type: 'telemetry'; seq: number; sim: string; t: number; vehicles: WireVehicle[]; progress: SimProgress }
export interface EventMessage { type: 'event'; seq: number; sim: string; event?: SimEvent; events?: SimEvent[]; t?: number }
export interface ErrorMessage { type: 'error'; seq: number; code: string; message: string }
export interface ControlAckMessage { type: 'control'; seq: number; sim: string; action: string; ok?: boolean; paused?: boolean; speedup?: number }

/** Anything the server sends. */
export type ServerMessage = HelloMessage | SnapshotMessage | TelemetryMessage | EventMessage | ErrorMessage | ControlAckMessage;

/** Control actions (need the server's token). */
export type ControlAction = 'pause' | 'resume' | 'speed' | 'restart';

/**
 * What the viewer sends. `speed` carries the new speed-up (simulated s per wall s) in `value`.
 * After a reconnect the viewer subscribes again and expects a fresh `snapshot`.
 */
export type ClientMessage =
  | { type: 'subscribe'; sim: string }
  | { type: 'unsubscribe'; sim: string }
  | { type: 'control'; sim: string; action: ControlAction; value?: number; token: string };

/** Parses one text frame; returns undefined for anything that is not an object with a string `type`. */
export function parseServerMessage(text: string): ServerMessage | undefined {
  try {
    const m = JSON.parse(text) as { type?: unknown };
    return m && typeof m === 'object' && typeof m.type === 'string' ? (m as ServerMessage) : undefined;
  } catch {
    return undefined;
  }
}
