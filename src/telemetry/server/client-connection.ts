/**
 * One WebSocket client on the server: its own `seq`, its subscriptions, its rate limit, and
 * which simulations it fell behind on (their telemetry is skipped until its backlog drains,
 * then it gets one fresh snapshot: coalescing to the latest state keeps memory flat).
 */
import type { WebSocket } from 'ws';
import type { EncodedMessage } from '../protocol/encode.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';

/** UTF-8 halves of an encoded message, made once per message on first send. */
const halves = new WeakMap<EncodedMessage, [Buffer, Buffer]>();

/**
 * The frame of `e` numbered `seq` as bytes: the two halves are UTF-8 encoded once per
 * message and each connection only copies them around its digits (cheaper than handing `ws`
 * a fresh string per client, which it would measure and encode again every time).
 */
export function frameBytes(e: EncodedMessage, seq: number): Buffer {
  let h = halves.get(e);
  if (!h) halves.set(e, (h = [Buffer.from(e.head), Buffer.from(e.rest)]));
  const [head, rest] = h;
  const digits = String(seq);
  const out = Buffer.allocUnsafe(head.length + digits.length + rest.length);
  head.copy(out, 0);
  out.write(digits, head.length, 'latin1');
  rest.copy(out, head.length + digits.length);
  return out;
}

/** A connected client. */
export class ClientConnection {
  seq = 0;
  readonly subscriptions = new Set<string>();
  /** Simulations whose frames were skipped: the client needs a snapshot before more deltas. */
  readonly behind = new Set<string>();
  readonly limiter: RateLimiter;
  /** Answered a ping since the last one (heartbeat). */
  alive = true;
  /** Wall ms of the last rate-limit error sent (one per second at most). */
  lastLimitErrorMs = -Infinity;
  /** Rate-limit warnings in a row (one a second at most; reset after a quiet second). */
  floodStrikes = 0;
  /** Frames skipped while behind (for stats). */
  skipped = 0;

  constructor(
    readonly ws: WebSocket,
    maxMessagesPerSecond: number,
    private readonly highWaterBytes: number,
  ) {
    this.limiter = createRateLimiter(maxMessagesPerSecond);
  }

  get open(): boolean {
    return this.ws.readyState === 1;
  }

  /**
   * Extra backlog allowed while a snapshot is on its way, bytes. A snapshot can be larger than
   * the mark (a long run's coverage); without this a slow link would be marked behind by the
   * snapshot itself and get nothing but snapshots. Reset once the backlog drains.
   */
  private allowanceBytes = 0;

  /** Sends one encoded message with this connection's next seq. */
  send(e: EncodedMessage, isSnapshot = false): void {
    if (!this.open) return;
    const frame = frameBytes(e, ++this.seq);
    if (isSnapshot) this.allowanceBytes = Math.max(this.allowanceBytes, frame.length);
    this.ws.send(frame, { binary: false });
  }

  /** True while the outbound backlog is over the high-water mark (plus a snapshot in flight). */
  get congested(): boolean {
    const queued = this.ws.bufferedAmount;
    if (queued <= this.highWaterBytes / 4) this.allowanceBytes = 0;
    return queued > this.highWaterBytes + this.allowanceBytes;
  }

  /** True once the backlog has drained below a quarter of the mark (hysteresis). */
  get drained(): boolean {
    return this.ws.bufferedAmount <= this.highWaterBytes / 4;
  }

  /**
   * Delivers a broadcast of `sim`: skipped while behind on it; when the backlog is over the
   * mark, the client is marked behind instead (it will get a snapshot once drained).
   * @returns false when skipped
   */
  deliver(sim: string, e: EncodedMessage): boolean {
    if (this.behind.has(sim)) {
      this.skipped++;
      return false;
    }
    if (this.congested) {
      this.behind.add(sim);
      this.skipped++;
      return false;
    }
    this.send(e);
    return true;
  }
}
