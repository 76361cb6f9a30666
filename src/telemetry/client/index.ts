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
import { type ConnectionState, type LinkEvents, TelemetryLink, type WebSocketConstructor } from './link.js';

export type { ConnectionState, WebSocketConstructor, WebSocketLike } from './link.js';
export { reconnectDelayMs } from './link.js';

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

const ofType = <T extends ServerMessage>(type: T['type']) => filter((m: ServerMessage): m is T => m.type === type);

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
