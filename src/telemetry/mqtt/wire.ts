/** Payloads of the MQTT topics (JSON text; see topics.ts for which goes where). */
import type { SimDescription } from '../../sim/index.js';
import type { FeedState } from '../feed/types.js';
import type { EventMessage, ControlAckMessage, SimOffer, TelemetryMessage, Unsequenced } from '../protocol/messages.js';

/** `…/description`, retained: what the simulation is. */
export interface MqttDescription {
  offer: SimOffer;
  description: SimDescription;
}

/** `…/snapshot`, retained: the state now, without the description. */
export type MqttSnapshot = {
  type: 'snapshot';
  sim: string;
  /** Run number: 0 at start, +1 on each reset (restart, loop), so a gateway tells a new run from an old frame. */
  run: number;
} & Omit<FeedState, 'description'>;

/** `…/event`: a reset (restart, loop) tells gateways to drop what they painted. */
export interface MqttReset {
  type: 'reset';
  sim: string;
  /** The new run number. */
  run: number;
}

/** `…/telemetry` and `…/event` payloads: protocol messages without `seq` (gateways number them per viewer). */
export type MqttUpdate = Unsequenced<TelemetryMessage> | Unsequenced<EventMessage> | Unsequenced<ControlAckMessage> | MqttReset;
