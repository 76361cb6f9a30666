/**
 * The viewer's connection: the one telemetry client (`connectTelemetry`, which reconnects with
 * back-off 0.25 s → 4 s and resubscribes), plus what only a phone's browser needs — a page that
 * slept or went offline reconnects when it comes back.
 */
import { connectTelemetry, type TelemetryConnection } from '../../telemetry/client/index.js';

/** The connection badge's states. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/**
 * A page hidden (phone asleep, tab in the background) or frozen longer than this reconnects
 * when it comes back, even if the socket looks open: a sleeping phone's socket is often dead
 * without a close event, and the new connection's snapshot resyncs the picture at once.
 */
export const WAKE_RESYNC_MS = 5000;

/**
 * Connects the page to `url` and keeps it connected across sleep and network changes.
 * `onState` gets the badge state at once and on every change.
 * @example
 * const conn = connectViewer('ws://127.0.0.1:8080/ws', console.log);
 * conn.subscribe('thai-binh-drone');
 */
export function connectViewer(url: string, onState: (state: ConnectionState) => void): TelemetryConnection {
  const conn = connectTelemetry(url);
  conn.state$.subscribe((s) => onState(s === 'open' ? 'connected' : s === 'connecting' ? 'connecting' : 'disconnected'));
  const unlisten = reconnectOnWake(conn);
  conn.state$.subscribe({ complete: unlisten });
  return conn;
}

/** Listens for the page waking, resuming or coming back online; returns the un-listener. */
function reconnectOnWake(conn: TelemetryConnection): () => void {
  let hiddenAt: number | undefined;
  const onWake = () => {
    if (document.visibilityState === 'hidden') {
      hiddenAt ??= performance.now();
      return;
    }
    const slept = hiddenAt !== undefined && performance.now() - hiddenAt >= WAKE_RESYNC_MS;
    hiddenAt = undefined;
    if (slept || conn.state !== 'open') conn.reconnectNow();
  };
  const onFreeze = () => void (hiddenAt ??= performance.now());
  const onOnline = () => conn.state !== 'open' && conn.reconnectNow();
  const listeners: [EventTarget, string, () => void][] = [
    [document, 'visibilitychange', onWake],
    [document, 'freeze', onFreeze],
    [document, 'resume', onWake],
    [window, 'pageshow', onWake],
    [window, 'online', onOnline],
  ];
  for (const [target, type, fn] of listeners) target.addEventListener(type, fn);
  return () => {
    for (const [target, type, fn] of listeners) target.removeEventListener(type, fn);
  };
}
