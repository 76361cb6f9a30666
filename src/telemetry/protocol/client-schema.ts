/**
 * What clients may send (docs/contracts.md "Telemetry over WebSocket"): the three client messages,
 * declared once with valibot. messages.ts infers their types from these schemas (type-only, so
 * browser code stays free of valibot), parse-client.ts checks frames with them, and
 * `npm run schemas` writes docs/schemas/telemetry-client.schema.json for gateway authors.
 * Each field's message is the sentence a client gets back in its `error` answer.
 */
import * as v from 'valibot';

/** Longest simulation id or token accepted, characters. */
export const MAX_FIELD_CHARS = 256;
/** Control actions; all need the server's token. */
export const CONTROL_ACTIONS = ['pause', 'resume', 'speed', 'restart'] as const;
/** Client message types. */
export const CLIENT_TYPES = ['subscribe', 'unsubscribe', 'control'] as const;

const simOf = (type: string) => {
  const message = `"${type}" needs "sim": a simulation id`;
  return v.pipe(
    v.string(message),
    v.minLength(1, message),
    v.maxLength(MAX_FIELD_CHARS, message),
    v.description('simulation id (from hello)'),
  );
};
const SPEED = 'control "speed" needs "value": a speed-up factor > 0';
const speedFactor = v.pipe(v.number(SPEED), v.description('speed-up factor > 0 (action speed)'));

/** `{"type": "subscribe", "sim": "…"}`: start receiving a simulation's telemetry. */
export const SubscribeMessageSchema = v.object({ type: v.literal('subscribe'), sim: simOf('subscribe') });
/** `{"type": "unsubscribe", "sim": "…"}`: stop receiving it. */
export const UnsubscribeMessageSchema = v.object({ type: v.literal('unsubscribe'), sim: simOf('unsubscribe') });
/** `{"type": "control", "sim", "action", "token"?, "value"?}`: pause, resume, speed or restart. */
export const ControlMessageSchema = v.object({
  type: v.literal('control'),
  sim: simOf('control'),
  action: v.picklist(CONTROL_ACTIONS, 'control needs "action": pause, resume, speed or restart'),
  /** Longer tokens are cut to MAX_FIELD_CHARS (they then fail the comparison, in constant time). */
  token: v.optional(
    v.pipe(
      v.string('"token" must be a string'),
      v.transform((t) => t.slice(0, MAX_FIELD_CHARS)),
    ),
  ),
  value: v.optional(speedFactor),
  /** Older clients' name for `value`. */
  speedup: v.optional(speedFactor),
});

/** Any client message; extra keys are ignored. */
export const ClientMessageSchema = v.variant('type', [SubscribeMessageSchema, UnsubscribeMessageSchema, ControlMessageSchema]);
