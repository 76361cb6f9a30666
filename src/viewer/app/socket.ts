/**
 * A small reconnecting WebSocket for the browser: backs off 0.25 s → 4 s, reports its
 * state, and lets the caller resubscribe on every (re)open.
 */
import { parseServerMessage, type ClientMessage, type ServerMessage } from './messages.js';

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

export interface ReconnectingSocket {
  send(message: ClientMessage): boolean;
  /** Reconnects at once (after the phone wakes, or when the network is back). */
  reconnectNow(): void;
  close(): void;
  readonly state: ConnectionState;
}

export interface SocketHandlers {
  onOpen(): void;
  onMessage(message: ServerMessage): void;
  onState(state: ConnectionState): void;
}

/**
 * A page hidden (phone asleep, tab in the background) or frozen longer than this reconnects
 * when it comes back, even if the socket looks open: a sleeping phone's socket is often dead
 * without a close event, and the new connection's snapshot resyncs the picture at once.
 */
export const WAKE_RESYNC_MS = 5000;

/** First and longest wait between reconnect attempts, ms. */
export const RECONNECT_MIN_MS = 250;
export const RECONNECT_MAX_MS = 4000;

/** Next back-off delay: doubles per failed attempt, capped. */
export function backoffMs(attempt: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** Math.max(0, attempt));
}

/**
 * Opens `url` and keeps it open.
 * @example
 * const s = connectSocket('ws://127.0.0.1:8080/ws', { onOpen: () => s.send({ type: 'subscribe', sim: 'a' }), onMessage: console.log, onState: console.log });
 */
export function connectSocket(url: string, handlers: SocketHandlers): ReconnectingSocket {
  let ws: WebSocket | undefined;
  let attempt = 0;
  let closed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let state: ConnectionState = 'connecting';
  const setState = (s: ConnectionState) => {
    if (s !== state) {
      state = s;
      handlers.onState(s);
    }
  };
  const retry = () => {
    if (closed) return;
    setState('disconnected');
    clearTimeout(timer);
    timer = setTimeout(open, backoffMs(attempt++));
  };
  function open(): void {
    if (closed) return;
    let sock: WebSocket;
    try {
      sock = new WebSocket(url);
    } catch {
      retry();
      return;
    }
    ws = sock;
    sock.onopen = () => {
      attempt = 0;
      setState('connected');
      handlers.onOpen();
    };
    sock.onmessage = (ev) => {
      if (ws !== sock || typeof ev.data !== 'string') return;
      const m = parseServerMessage(ev.data);
      if (m) handlers.onMessage(m);
    };
    sock.onclose = () => {
      if (ws === sock) retry();
    };
    sock.onerror = () => sock.close();
  }
  /** Drops the socket (if any) and connects again now, back-off reset. */
  const reconnectNow = () => {
    if (closed) return;
    clearTimeout(timer);
    attempt = 0;
    const old = ws;
    ws = undefined;
    old?.close();
    setState('connecting');
    open();
  };
  let hiddenAt: number | undefined;
  const onWake = () => {
    if (document.visibilityState === 'hidden') {
      hiddenAt ??= performance.now();
      return;
    }
    const slept = hiddenAt !== undefined && performance.now() - hiddenAt >= WAKE_RESYNC_MS;
    hiddenAt = undefined;
    if (slept || state !== 'connected') reconnectNow();
  };
  const onFreeze = () => void (hiddenAt ??= performance.now());
  const onOnline = () => state !== 'connected' && reconnectNow();
  document.addEventListener('visibilitychange', onWake);
  document.addEventListener('freeze', onFreeze);
  document.addEventListener('resume', onWake);
  window.addEventListener('pageshow', onWake);
  window.addEventListener('online', onOnline);
  const unlisten = () => {
    document.removeEventListener('visibilitychange', onWake);
    document.removeEventListener('freeze', onFreeze);
    document.removeEventListener('resume', onWake);
    window.removeEventListener('pageshow', onWake);
    window.removeEventListener('online', onOnline);
  };
  handlers.onState(state);
  open();
  return {
    reconnectNow,
    send(message: ClientMessage): boolean {
      if (!ws || ws.readyState !== WebSocket.OPEN) return false;
      ws.send(JSON.stringify(message));
      return true;
    },
    close(): void {
      closed = true;
      unlisten();
      clearTimeout(timer);
      ws?.close();
    },
    get state() {
      return state;
    },
  };
}
