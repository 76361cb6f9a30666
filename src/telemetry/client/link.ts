/**
 * The telemetry client's socket and its reconnect loop with back-off. Imports no Node module:
 * in the browser it uses the global WebSocket; in Node without one (Node 20) it loads the `ws`
 * package on first use.
 */
/** The part of the WebSocket API the client uses (browser WebSocket and `ws` both have it). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason?: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}
/** A WebSocket constructor. */
export type WebSocketConstructor = new (url: string) => WebSocketLike;

/** Connection state. */
export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What the socket loop needs of the client's options (`TelemetryClientOptions`). */
export interface LinkOptions {
  reconnect?: boolean;
  minDelayMs?: number;
  maxDelayMs?: number;
  WebSocket?: WebSocketConstructor;
}

let wsModule: Promise<WebSocketConstructor> | undefined;
function defaultWebSocket(): Promise<WebSocketConstructor> {
  const g = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (g) return Promise.resolve(g);
  // A computed specifier keeps browser bundlers from pulling in `ws`.
  const name = 'ws';
  return (wsModule ??= import(/* @vite-ignore */ name).then((m: { WebSocket: WebSocketConstructor }) => m.WebSocket));
}

/**
 * Wait before reconnect attempt `attempt` (0 first): doubles per failed attempt from
 * `minDelayMs`, capped at `maxDelayMs`.
 */
export function reconnectDelayMs(attempt: number, minDelayMs = 250, maxDelayMs = 4000): number {
  return Math.min(maxDelayMs, minDelayMs * 2 ** Math.max(0, attempt));
}

/** What the socket loop tells the connection. */
export interface LinkEvents {
  opened(): void;
  frame(text: string): void;
  state(state: ConnectionState): void;
  ended(): void;
}

/** One connection's socket and its reconnect loop with back-off (internal to {@link connectTelemetry}). */
export class TelemetryLink {
  private ws: WebSocketLike | undefined;
  private closed = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private readonly options: LinkOptions,
    private readonly on: LinkEvents,
  ) {}

  send(message: object): boolean {
    if (this.ws?.readyState !== 1) return false;
    this.ws.send(JSON.stringify(message));
    return true;
  }

  async open(): Promise<void> {
    if (this.closed) return;
    let sock: WebSocketLike;
    try {
      const Ctor = this.options.WebSocket ?? (await defaultWebSocket());
      if (this.closed) return;
      sock = new Ctor(this.url);
    } catch {
      this.retry();
      return;
    }
    this.attach(sock);
  }

  private attach(sock: WebSocketLike): void {
    this.ws = sock;
    sock.onopen = () => {
      this.attempt = 0;
      this.on.opened();
    };
    sock.onmessage = (ev) => {
      // A socket dropped by reconnectNow() may still deliver a frame or two: ignore them.
      if (this.ws === sock && typeof ev.data === 'string') this.on.frame(ev.data);
    };
    sock.onclose = () => {
      if (this.ws !== sock) return;
      this.ws = undefined;
      this.retry();
    };
    // an error is followed by close (which brings the retry)
    sock.onerror = () => {};
  }

  private retry(): void {
    if (this.closed) return;
    if (this.options.reconnect === false) {
      this.closed = true;
      this.on.ended();
      return;
    }
    this.on.state('reconnecting');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.open(), reconnectDelayMs(this.attempt++, this.options.minDelayMs, this.options.maxDelayMs));
  }

  reconnectNow(): void {
    if (this.closed || this.options.reconnect === false) return;
    clearTimeout(this.timer);
    this.attempt = 0;
    this.drop();
    this.on.state('connecting');
    void this.open();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.drop();
    this.on.ended();
  }

  private drop(): void {
    const old = this.ws;
    this.ws = undefined;
    old?.close(1000);
  }
}
