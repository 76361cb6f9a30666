/**
 * Validation of what clients send, with the schemas of client-schema.ts: anything that is not
 * one of the three known messages with well-typed fields becomes an `error` answer, never an
 * exception that escapes.
 */
import * as v from 'valibot';
import { CLIENT_TYPES, ClientMessageSchema } from './client-schema.js';
import type { ClientMessage } from './messages.js';
import type { TelemetryErrorCode } from './errors.js';

/** Result of {@link parseClientMessage}: the message, or the error to answer with. */
export type ParsedClient = { ok: true; message: ClientMessage } | { ok: false; code: TelemetryErrorCode; message: string };

const fail = (code: TelemetryErrorCode, message: string): ParsedClient => ({ ok: false, code, message });
const SPEED = 'control "speed" needs "value": a speed-up factor > 0';
type ClientType = (typeof CLIENT_TYPES)[number];

/** The schema's sentence for an issue; a missing key gets its field's own sentence (`"subscribe" needs "sim"…`). */
function sentenceOf(issue: v.BaseIssue<unknown>, type: ClientType): string {
  const key = issue.path?.at(-1)?.key;
  const schema = ClientMessageSchema.options.find((o) => o.entries.type.literal === type);
  const entry = typeof key === 'string' && schema ? (schema.entries as Record<string, v.GenericSchema>)[key] : undefined;
  if (issue.input !== undefined || !entry) return issue.message;
  const own = v.safeParse(entry, undefined);
  return own.success ? issue.message : own.issues[0].message;
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
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    return fail('TELEMETRY_BAD_MESSAGE', 'a message must be a JSON object with a "type"');
  const type = (obj as { type?: unknown }).type;
  if (!(CLIENT_TYPES as readonly unknown[]).includes(type)) {
    const shown = JSON.stringify(typeof type === 'string' ? type.slice(0, 40) : (type ?? null));
    return fail(
      'TELEMETRY_BAD_MESSAGE',
      `unknown message type ${shown} (expected ${CLIENT_TYPES.slice(0, -1).join(', ')} or ${CLIENT_TYPES.at(-1)})`,
    );
  }
  const result = v.safeParse(ClientMessageSchema, obj, { abortEarly: true });
  if (!result.success) return fail('TELEMETRY_BAD_MESSAGE', sentenceOf(result.issues[0], type as ClientType));
  const parsed = result.output;
  if (parsed.type !== 'control') return { ok: true, message: { type: parsed.type, sim: parsed.sim } };
  const value = parsed.value ?? parsed.speedup;
  if (parsed.action === 'speed' && !(value !== undefined && Number.isFinite(value) && value > 0))
    return fail('TELEMETRY_BAD_MESSAGE', SPEED);
  const message: ClientMessage = { type: 'control', sim: parsed.sim, action: parsed.action };
  if (parsed.token !== undefined) message.token = parsed.token;
  if (value !== undefined) message.value = value;
  return { ok: true, message };
}
