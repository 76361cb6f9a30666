/**
 * Telemetry stage: simulations streamed live over WebSocket (protocol `agrisim/1`, docs/contracts.md
 * "Telemetry over WebSocket"), NMEA 0183 over TCP, NDJSON record and replay. The protocol
 * pieces (messages, encoding, client-message checks, hub, feeds) do not depend on where the
 * data comes from, so gateways can reuse them. Named exports only; the client library is
 * `agrisim/telemetry/client`.
 */
// Protocol: messages, encoding, client-message checks (no Node imports).
export { PROTOCOL } from './protocol/messages.js';
export type {
  SimOffer,
  WireVehicle,
  WireProgress,
  LonLat,
  CoverageTrail,
  ControlAction,
  HelloMessage,
  SnapshotMessage,
  TelemetryGap,
  TelemetryMessage,
  EventMessage,
  ErrorMessage,
  ControlAckMessage,
  ServerMessage,
  Unsequenced,
  BroadcastMessage,
  SubscribeMessage,
  UnsubscribeMessage,
  ControlMessage,
  ClientMessage,
} from './protocol/messages.js';
export { encodeMessage, frameWithSeq } from './protocol/encode.js';
export type { EncodedMessage } from './protocol/encode.js';
export { parseClientMessage } from './protocol/parse-client.js';
export { ClientMessageSchema } from './protocol/client-schema.js';
export { ServerMessageSchema } from './protocol/server-schema.js';
export { parseServerMessage } from './protocol/parse-server.js';
export type { ParsedServer } from './protocol/parse-server.js';
export type { ParsedClient } from './protocol/parse-client.js';
export { errorMessage } from './protocol/errors.js';
export type { TelemetryErrorCode } from './protocol/errors.js';
// Feeds: where updates come from (simulator, hand-driven, MQTT via a gateway) and the state they keep.
export type { TelemetryFeed, FeedState, FeedUpdate } from './feed/types.js';
export { createSimFeed, checkSpeedup, offerOf, MAX_SPEEDUP } from './feed/sim-feed.js';
export type { SimFeedOptions } from './feed/sim-feed.js';
export { createFeedStateTracker, ZERO_PROGRESS } from './feed/feed-state.js';
export type { FeedStateTracker } from './feed/feed-state.js';
export { createCoverageTrails } from './feed/coverage-trails.js';
export type { CoverageTrails, CoverageTrailOptions } from './feed/coverage-trails.js';
export { toWireVehicle } from './feed/wire-vehicle.js';
export { createManualFeed } from './feed/manual-feed.js';
export type { ManualFeed } from './feed/manual-feed.js';
// Server: hub, connections, limits, startTelemetryServer.
export { createHub, snapshotMessage, updateMessage } from './server/hub.js';
export type { Hub, HubStats, BroadcastListener } from './server/hub.js';
export { ClientConnection, frameBytes } from './server/client-connection.js';
export { startTelemetryServer } from './server/server.js';
export { CLOSE_GOING_AWAY, CLOSE_TRY_AGAIN_LATER } from './server/close-codes.js';
export type { TelemetryServer } from './server/server.js';
export type { TelemetryServerOptions, StaticHandler } from './server/options.js';
export { tokenMatches } from './server/token.js';
export { createRateLimiter } from './server/rate-limit.js';
export type { RateLimiter } from './server/rate-limit.js';
// Record and replay.
export { createBroadcastRecorder } from './record/recorder.js';
export type { BroadcastRecorder, RecorderOptions } from './record/recorder.js';
export { TELEMETRY_RECORDING_FORMAT } from './record/format.js';
export type { TelemetryRecordingHeader } from './record/format.js';
export { readTelemetryRecording } from './record/read.js';
export type { TelemetryRecording, RecordedBroadcast } from './record/read.js';
export { createReplayFeeds } from './record/replay-feeds.js';
export type { ReplayOptions } from './record/replay-feeds.js';
// NMEA 0183.
export { startNmeaServer, DEFAULT_NMEA_START_UTC } from './nmea/nmea-server.js';
export type { NmeaServer, NmeaServerOptions } from './nmea/nmea-server.js';
export { nmeaSentences, nmeaSentence, nmeaChecksum, nmeaAngle, nmeaTime, nmeaDate, FIX_REPORT, KNOTS_PER_MPS } from './nmea/sentences.js';
export type { NmeaOptions } from './nmea/sentences.js';
export * from './mqtt/index.js';
// Bounded shutdown steps and the HTTP guard (security headers, Origin policy).
export { withTimeout, TIMED_OUT } from './timeout.js';
export { defaultCsp, isLoopbackHost, originAllowed } from './server/http-guard.js';
export type { OriginPolicy } from './server/http-guard.js';
