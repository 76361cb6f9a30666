/**
 * What the server does with each frame a client sends: the rate limit (warn, then close a
 * client that keeps flooding), then subscribe, unsubscribe or control, each answered — an
 * acknowledgement or a coded `error` — never an exception that escapes.
 */
import { TelemetryError } from '../../errors.js';
import { encodeMessage } from '../protocol/encode.js';
import { errorMessage, type TelemetryErrorCode } from '../protocol/errors.js';
import type { ControlMessage } from '../protocol/messages.js';
import { parseClientMessage } from '../protocol/parse-client.js';
import type { ClientConnection } from './client-connection.js';
import { CLOSE_POLICY_VIOLATION } from './close-codes.js';
import type { Hub } from './hub.js';
import type { ServedFeeds } from './served-feeds.js';
import { tokenMatches } from './token.js';

/** Rate-limit warnings are sent at most this often, wall ms; a warning within twice this of the last continues a run. */
const WARNING_INTERVAL_MS = 1000;

/** What the handler needs of the server and its options. */
export interface ClientMessageContext {
  hub: Hub;
  served: ServedFeeds;
  startOn: 'listen' | 'subscribe';
  token?: string;
  maxMessagesPerSecond: number;
  floodWarnings: number;
}

/** Answers `client` with a coded error; dropped when it does not read (answers must not pile up either). */
export function replyError(client: ClientConnection, code: TelemetryErrorCode, message: string, sim?: string): void {
  if (!client.congested) client.send(encodeMessage(errorMessage(code, message, sim)));
}

/** A message over the rate: warn once a second; a client warned `floodWarnings` seconds in a row is closed with 1008. */
function answerFlood(client: ClientConnection, context: ClientMessageContext) {
  const nowMs = performance.now();
  const sinceLastMs = nowMs - client.lastLimitErrorMs;
  if (sinceLastMs < WARNING_INTERVAL_MS) return;
  client.floodStrikes = sinceLastMs < 2 * WARNING_INTERVAL_MS ? client.floodStrikes + 1 : 1;
  client.lastLimitErrorMs = nowMs;
  const { maxMessagesPerSecond: rate, floodWarnings } = context;
  if (client.floodStrikes <= floodWarnings) {
    return replyError(
      client,
      'TELEMETRY_RATE_LIMITED',
      `more than ${rate} messages per second; messages are being dropped (warning ${client.floodStrikes} of ${floodWarnings})`,
    );
  }
  client.send(
    encodeMessage(
      errorMessage(
        'TELEMETRY_RATE_LIMITED',
        `still more than ${rate} messages per second after ${floodWarnings} warnings: closing (${CLOSE_POLICY_VIOLATION})`,
      ),
    ),
  );
  client.ws.close(CLOSE_POLICY_VIOLATION, 'rate limit');
}

/** Runs a control message; subscribers get the acknowledgement as a broadcast, a controller watching nothing its own. */
function answerControl(client: ClientConnection, control: ControlMessage, context: ClientMessageContext) {
  const { sim } = control;
  if (context.token === undefined)
    return replyError(client, 'TELEMETRY_CONTROL_DISABLED', 'this server was started without a token: control is disabled', sim);
  if (!tokenMatches(context.token, control.token))
    return replyError(client, 'TELEMETRY_UNAUTHORIZED', "control needs the server's token", sim);
  const feed = context.hub.feed(sim);
  if (!feed?.control) return replyError(client, 'TELEMETRY_BAD_MESSAGE', `simulation "${sim}" takes no control`, sim);
  try {
    feed.control(control.action, control.value);
    if (client.subscriptions.has(sim)) return;
    const state = feed.state();
    client.send(encodeMessage({ type: 'control', sim, action: control.action, ok: true, paused: state.paused, speedup: state.speedup }));
  } catch (error) {
    const code =
      error instanceof TelemetryError && error.code.startsWith('TELEMETRY_') ? (error.code as TelemetryErrorCode) : 'TELEMETRY_BAD_MESSAGE';
    replyError(client, code, (error as Error).message, sim);
  }
}

/** The text of a frame, whatever shape `ws` delivered it in. */
function frameText(data: Buffer | ArrayBuffer | Buffer[]): string {
  return Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
}

/**
 * The handler of every frame a client sends.
 * @example
 * ```ts
 * const onClientMessage = createClientMessageHandler({ hub, served, startOn: 'listen', token, maxMessagesPerSecond: 20, floodWarnings: 5 });
 * ws.on('message', (data, isBinary) => onClientMessage(client, data, isBinary));
 * ```
 */
export function createClientMessageHandler(context: ClientMessageContext) {
  const { hub, served } = context;
  return (client: ClientConnection, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
    if (!client.limiter.take(performance.now())) return answerFlood(client, context);
    if (isBinary) return replyError(client, 'TELEMETRY_BAD_MESSAGE', 'binary frames are not part of agrisim/1: send JSON text');
    const parsed = parseClientMessage(frameText(data));
    if (!parsed.ok) return replyError(client, parsed.code, parsed.message);
    const message = parsed.message;
    const feed = hub.feed(message.sim);
    if (!feed) {
      const onOffer = served.list.map((offered) => offered.id).join(', ');
      return replyError(client, 'TELEMETRY_UNKNOWN_SIM', `no simulation "${message.sim}" (on offer: ${onOffer})`, message.sim);
    }
    if (message.type === 'subscribe') {
      // Subscribe first: a feed may broadcast synchronously as it starts (a replay's first lines).
      hub.subscribe(client, message.sim);
      if (context.startOn === 'subscribe') served.start(feed);
    } else if (message.type === 'unsubscribe') hub.unsubscribe(client, message.sim);
    else answerControl(client, message, context);
  };
}
