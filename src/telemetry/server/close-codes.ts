/**
 * WebSocket close codes the telemetry server sends (RFC 6455 §7.4.1), each named for when.
 */

/** Close code sent to clients on shutdown ("going away", RFC 6455 §7.4.1). */
export const CLOSE_GOING_AWAY = 1001;
/** Close code when the server is full ("try again later"). */
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** Close code for a client that kept flooding after `floodWarnings` rate-limit warnings ("policy violation", RFC 6455 §7.4.1). */
export const CLOSE_POLICY_VIOLATION = 1008;
/** Close code after a frame over `maxPayloadBytes` ("message too big", RFC 6455 §7.4.1); `TELEMETRY_TOO_LARGE` comes first. */
export const CLOSE_MESSAGE_TOO_BIG = 1009;
