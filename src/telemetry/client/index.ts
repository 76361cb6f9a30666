/**
 * Typed telemetry client for Node and the browser: `connectTelemetry(url)` gives rxjs
 * Observables of the server's messages, reconnects with back-off and resubscribes (the
 * server answers each subscribe with a fresh snapshot, so a consumer resumes from it).
 * Every frame is checked against the protocol's schema (server-schema.ts) before it is passed on.
 * Imports no Node module: in the browser it uses the global WebSocket; in Node without one
 * (Node 20) it loads the `ws` package on first use.
 */
import { BehaviorSubject, filter, type Observable, Subject } from 'rxjs';
import type {
  ControlAckMessage,
  ControlAction,
  ErrorMessage,
  EventMessage,
  HelloMessage,
  ServerMessage,
  SnapshotMessage,
  TelemetryMessage,
} from '../protocol/messages.js';
import { parseServerMessage } from '../protocol/parse-server.js';

export { STRIP_RATE_STEP, stripRateMoved } from '../protocol/strips.js';

export type {
  ControlAckMessage,
  ControlAction,
  ErrorMessage,
  EventMessage,
  HelloMessage,
  ServerMessage,
  SnapshotMessage,
  TelemetryMessage,
  SimOffer,
  WireVehicle,
  CoverageTrail,
  LonLat,
  ClientMessage,
} from '../protocol/messages.js';

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

/** Options of {@link connectTelemetry}. */
export interface TelemetryClientOptions {
  /** Simulations to subscribe to on every (re)connect. */
  subscribe?: string[];
  /** Token sent with control(). */
  token?: string;
  /** Reconnect after a drop (default true). */
  reconnect?: boolean;
  /** First and longest wait between reconnect attempts, ms (defaults 250 and 4000). */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** WebSocket implementation (default: global WebSocket, else the `ws` package). */
  WebSocket?: WebSocketConstructor;
}

/** A live connection. */
export interface TelemetryConnection {
  /** Every message from the server, across reconnects. */
  readonly messages$: Observable<ServerMessage>;
  readonly hello$: Observable<HelloMessage>;
  readonly snapshots$: Observable<SnapshotMessage>;
  readonly telemetry$: Observable<TelemetryMessage>;
  readonly events$: Observable<EventMessage>;
  readonly errors$: Observable<ErrorMessage>;
  readonly controls$: Observable<ControlAckMessage>;
  /**
   * Frames that failed the protocol's schema (server-schema.ts), each as `path: problem`; they
   * are not passed on. A server of another protocol version shows up here.
   */
  readonly invalid$: Observable<string>;
  /** Current state and every change. */
  readonly state$: Observable<ConnectionState>;
  readonly state: ConnectionState;
  /** Times the connection was opened (1 on the first open, 2 after the first reconnect…). */
  readonly opens: number;
  /** Subscribes now (if open) and after every reconnect. */
  subscribe(sim: string): void;
  unsubscribe(sim: string): void;
  /** Sends a control with the token; false when not connected. */
  control(sim: string, action: ControlAction, value?: number): boolean;
  /** Sends any message; false when not connected. */
  send(message: object): boolean;
  /**
   * Drops the socket (if any) and connects again now, back-off reset: for a phone that wakes
   * up with a socket that looks open but died while it slept (the new snapshot resyncs it).
   */
  reconnectNow(): void;
  /** Closes for good (completes the Observables). */
  close(): void;
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

const ofType = <T extends ServerMessage>(type: T['type']) => filter((m: ServerMessage): m is T => m.type === type);

/** What the socket loop tells the connection. */
interface LinkEvents {
  opened(): void;
  frame(text: string): void;
  state(state: ConnectionState): void;
  ended(): void;
}

/** One connection's socket and its reconnect loop with back-off (internal to {@link connectTelemetry}). */
class TelemetryLink {
  private ws: WebSocketLike | undefined;
  private closed = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly url: string,
    private readonly options: TelemetryClientOptions,
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

/** The message streams by type. */
function streamsByType(messages$: Observable<ServerMessage>) {
  return {
    messages$,
    hello$: messages$.pipe(ofType<HelloMessage>('hello')),
    snapshots$: messages$.pipe(ofType<SnapshotMessage>('snapshot')),
    telemetry$: messages$.pipe(ofType<TelemetryMessage>('telemetry')),
    events$: messages$.pipe(ofType<EventMessage>('event')),
    errors$: messages$.pipe(ofType<ErrorMessage>('error')),
    controls$: messages$.pipe(ofType<ControlAckMessage>('control')),
  };
}

/** What a connection publishes, and the simulations it subscribes to on every (re)connect. */
interface ConnectionOutlets {
  sims: Set<string>;
  messages: Subject<ServerMessage>;
  invalid: Subject<string>;
  state$: BehaviorSubject<ConnectionState>;
  opens: number;
}

/** What the link's socket events do: resubscribe on open, check and pass on frames, complete the streams at the end. */
function linkEvents(outlets: ConnectionOutlets, send: (message: object) => boolean): LinkEvents {
  const { sims, messages, invalid, state$ } = outlets;
  return {
    opened() {
      outlets.opens++;
      state$.next('open');
      for (const sim of sims) send({ type: 'subscribe', sim });
    },
    frame(text) {
      const parsed = parseServerMessage(text);
      if (parsed.ok) messages.next(parsed.message);
      else invalid.next(parsed.problem);
    },
    state: (state) => state$.next(state),
    ended() {
      if (state$.value === 'closed') return;
      state$.next('closed');
      messages.complete();
      invalid.complete();
      state$.complete();
    },
  };
}

/**
 * Connects to an agrisim telemetry server.
 * @param url - e.g. `ws://127.0.0.1:8080/ws`
 * @param options - simulations to subscribe to, token, reconnect back-off, WebSocket implementation
 * @example
 * ```ts
 * import { connectTelemetry } from 'agrisim/telemetry/client';
 * const conn = connectTelemetry('ws://127.0.0.1:8080/ws', { subscribe: ['thai-binh-drone'] });
 * conn.snapshots$.subscribe((s) => console.log('coverage passes', s.coverage.length));
 * conn.telemetry$.subscribe((m) => console.log(m.t, m.progress.coveredPct, m.vehicles[0].lat));
 * // later
 * conn.close();
 * ```
 */
export function connectTelemetry(url: string, options: TelemetryClientOptions = {}): TelemetryConnection {
  const outlets: ConnectionOutlets = {
    sims: new Set(options.subscribe ?? []),
    messages: new Subject<ServerMessage>(),
    invalid: new Subject<string>(),
    state$: new BehaviorSubject<ConnectionState>('connecting'),
    opens: 0,
  };
  const { sims, state$ } = outlets;
  const link: TelemetryLink = new TelemetryLink(
    url,
    options,
    linkEvents(outlets, (message) => link.send(message)),
  );
  void link.open();
  return {
    ...streamsByType(outlets.messages.asObservable()),
    invalid$: outlets.invalid.asObservable(),
    state$: state$.asObservable(),
    get state() {
      return state$.value;
    },
    get opens() {
      return outlets.opens;
    },
    subscribe(sim) {
      sims.add(sim);
      link.send({ type: 'subscribe', sim });
    },
    unsubscribe(sim) {
      sims.delete(sim);
      link.send({ type: 'unsubscribe', sim });
    },
    control: (sim, action, value) =>
      link.send({
        type: 'control',
        sim,
        action,
        ...(value !== undefined ? { value } : {}),
        ...(options.token ? { token: options.token } : {}),
      }),
    send: (message) => link.send(message),
    reconnectNow: () => link.reconnectNow(),
    close: () => link.close(),
  };
}
