/**
 * Validation of what clients send: anything that is not one of the three known messages with
 * well-typed fields becomes an `error` answer, never an exception that escapes.
 */
import type { ClientMessage, ControlAction } from './messages.js';
import type { TelemetryErrorCode } from './errors.js';

/** Result of {@link parseClientMessage}: the message, or the error to answer with. */
export type ParsedClient = { ok: true; message: ClientMessage } | { ok: false; code: TelemetryErrorCode; message: string };

const ACTIONS: ReadonlySet<string> = new Set<ControlAction>(['pause', 'resume', 'speed', 'restart']);
/** Longest simulation id or token accepted, characters. */
const MAX_FIELD_CHARS = 256;

const fail = (code: TelemetryErrorCode, message: string): ParsedClient => ({ ok: false, code, message });

function shortString(v: unknown): v is string {
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_FIELD_CHARS;
}

/**
 * Parses one text frame from a client.
 * @returns `{ ok: true, message }` or `{ ok: false, code, message }` with code
 *   `TELEMETRY_BAD_JSON` or `TELEMETRY_BAD_MESSAGE`
 * @example
 * ```ts
 * parseClientMessage('{"type":"subscribe","sim":"thai-binh-drone"}'); // { ok: true, message: { type: 'subscribe', sim: … } }
 * parseClientMessage('{"type":"dance"}'); // { ok: false, code: 'TELEMETRY_BAD_MESSAGE', … }
 * ```
 */
export function parseClientMessage(text: string): ParsedClient {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return fail('TELEMETRY_BAD_JSON', 'the frame is not JSON');
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return fail('TELEMETRY_BAD_MESSAGE', 'a message must be a JSON object with a "type"');
  const m = obj as Record<string, unknown>;
  const type = m.type;
  if (type !== 'subscribe' && type !== 'unsubscribe' && type !== 'control') {
    return fail('TELEMETRY_BAD_MESSAGE', `unknown message type ${JSON.stringify(typeof type === 'string' ? type.slice(0, 40) : type ?? null)} (expected subscribe, unsubscribe or control)`);
  }
  if (!shortString(m.sim)) return fail('TELEMETRY_BAD_MESSAGE', `"${type}" needs "sim": a simulation id`);
  if (type !== 'control') return { ok: true, message: { type, sim: m.sim } };
  if (typeof m.action !== 'string' || !ACTIONS.has(m.action)) {
    return fail('TELEMETRY_BAD_MESSAGE', 'control needs "action": pause, resume, speed or restart');
  }
  if (m.token !== undefined && typeof m.token !== 'string') return fail('TELEMETRY_BAD_MESSAGE', '"token" must be a string');
  const value = m.value ?? m.speedup;
  if (m.action === 'speed' && !(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    return fail('TELEMETRY_BAD_MESSAGE', 'control "speed" needs "value": a speed-up factor > 0');
  }
  const message: ClientMessage = { type, sim: m.sim, action: m.action as ControlAction };
  if (typeof m.token === 'string') message.token = m.token.slice(0, MAX_FIELD_CHARS);
  if (typeof value === 'number') message.value = value;
  return { ok: true, message };
}
