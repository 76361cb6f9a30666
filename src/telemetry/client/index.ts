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
  ControlAckMessage, ControlAction, ErrorMessage, EventMessage, HelloMessage, ServerMessage, SnapshotMessage, TelemetryMessage,
} from '../protocol/messages.js';
import { parseServerMessage } from '../protocol/parse-server.js';

export type {
  ControlAckMessage, ControlAction, ErrorMessage, EventMessage, HelloMessage, ServerMessage, SnapshotMessage, TelemetryMessage,
  SimOffer, WireVehicle, CoverageTrail, LonLat, ClientMessage,
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
  const minDelay = options.minDelayMs ?? 250;
  const maxDelay = options.maxDelayMs ?? 4000;
  const sims = new Set(options.subscribe ?? []);
  const messages = new Subject<ServerMessage>();
  const invalid = new Subject<string>();
  const state$ = new BehaviorSubject<ConnectionState>('connecting');
  let ws: WebSocketLike | undefined;
  let closed = false;
  let attempt = 0;
  let opens = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sendRaw = (m: object): boolean => {
    if (ws?.readyState !== 1) return false;
    ws.send(JSON.stringify(m));
    return true;
  };
  const retry = () => {
    if (closed) return;
    if (options.reconnect === false) return finish();
    state$.next('reconnecting');
    clearTimeout(timer);
    timer = setTimeout(open, reconnectDelayMs(attempt++, minDelay, maxDelay));
  };
  const finish = () => {
    if (state$.value === 'closed') return;
    state$.next('closed');
    messages.complete();
    invalid.complete();
    state$.complete();
  };
  async function open(): Promise<void> {
    if (closed) return;
    let sock: WebSocketLike;
    try {
      const Ctor = options.WebSocket ?? (await defaultWebSocket());
      if (closed) return;
      sock = new Ctor(url);
    } catch {
      retry();
      return;
    }
    ws = sock;
    sock.onopen = () => {
      attempt = 0;
      opens++;
      state$.next('open');
      for (const sim of sims) sendRaw({ type: 'subscribe', sim });
    };
    sock.onmessage = (ev) => {
      // A socket dropped by reconnectNow() may still deliver a frame or two: ignore them.
      if (ws !== sock || typeof ev.data !== 'string') return;
      const parsed = parseServerMessage(ev.data);
      if (parsed.ok) messages.next(parsed.message);
      else invalid.next(parsed.problem);
    };
    sock.onclose = () => {
      if (ws === sock) {
        ws = undefined;
        retry();
      }
    };
    sock.onerror = () => {
      // close follows (and brings the retry)
    };
  }
  void open();
  const messages$ = messages.asObservable();
  return {
    messages$,
    hello$: messages$.pipe(ofType<HelloMessage>('hello')),
    snapshots$: messages$.pipe(ofType<SnapshotMessage>('snapshot')),
    telemetry$: messages$.pipe(ofType<TelemetryMessage>('telemetry')),
    events$: messages$.pipe(ofType<EventMessage>('event')),
    errors$: messages$.pipe(ofType<ErrorMessage>('error')),
    controls$: messages$.pipe(ofType<ControlAckMessage>('control')),
    invalid$: invalid.asObservable(),
    state$: state$.asObservable(),
    get state() {
      return state$.value;
    },
    get opens() {
      return opens;
    },
    subscribe(sim) {
      sims.add(sim);
      sendRaw({ type: 'subscribe', sim });
    },
    unsubscribe(sim) {
      sims.delete(sim);
      sendRaw({ type: 'unsubscribe', sim });
    },
    control: (sim, action, value) => sendRaw({ type: 'control', sim, action, ...(value !== undefined ? { value } : {}), ...(options.token ? { token: options.token } : {}) }),
    send: sendRaw,
    reconnectNow() {
      if (closed || options.reconnect === false) return;
      clearTimeout(timer);
      attempt = 0;
      const old = ws;
      ws = undefined;
      old?.close(1000);
      state$.next('connecting');
      void open();
    },
    close() {
      if (closed) return;
      closed = true;
      clearTimeout(timer);
      const s = ws;
      ws = undefined;
      s?.close(1000);
      finish();
    },
  };
}
