/**
 * Validation of what the server sends, with the schemas of server-schema.ts: the client checks
 * every frame before handing it on, so an app or the viewer never draws from a malformed one.
 */
import * as v from 'valibot';
import type { ServerMessage } from './messages.js';
import { ServerMessageSchema } from './server-schema.js';

/** Result of {@link parseServerMessage}: the message, or what is wrong with the frame. */
export type ParsedServer = { ok: true; message: ServerMessage } | { ok: false; problem: string };

/** `vehicles.0.lon: Invalid type: Expected number but received "x"` — where and what. */
function problemOf(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/**
 * Parses one text frame from a server.
 * @example
 * ```ts
 * parseServerMessage('{"type":"error","seq":3,"code":"TELEMETRY_UNKNOWN_SIM","message":"no such simulation"}'); // { ok: true, message: … }
 * parseServerMessage('{"type":"telemetry","seq":4}'); // { ok: false, problem: 'sim: …' }
 * ```
 */
export function parseServerMessage(text: string): ParsedServer {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'the frame is not JSON' };
  }
  const result = v.safeParse(ServerMessageSchema, obj, { abortEarly: true });
  return result.success ? { ok: true, message: result.output } : { ok: false, problem: problemOf(result.issues[0]) };
}
