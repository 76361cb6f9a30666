/**
 * A feed: the source of one simulation's telemetry, whatever drives it (the simulator on a
 * wall clock here; a recording in `replay`; an MQTT subscription in a gateway). The server
 * only ever talks to this interface, so any feed can be served over the same protocol.
 */
import type { Observable } from 'rxjs';
import type { SimEvent } from '../../sim/index.js';
import type { ControlAction, SimOffer, SnapshotMessage, TelemetryGap, WireProgress, WireVehicle } from '../protocol/messages.js';

/** Everything a late joiner needs: the body of a `snapshot` message. */
export type FeedState = Omit<SnapshotMessage, 'type' | 'seq' | 'sim' | 'gap'>;

/** One change a feed announces; the server turns each into one broadcast frame. */
export type FeedUpdate =
  | { kind: 'telemetry'; t: number; vehicles: WireVehicle[]; progress: WireProgress }
  | { kind: 'event'; t: number; event: SimEvent }
  /**
   * The state was replaced (restart, loop, or a gateway back from a broker outage): every subscriber gets a
   * fresh snapshot of `state()`; with `gap`, the snapshot carries it (simulated ms whose telemetry never came).
   */
  | { kind: 'reset'; gap?: TelemetryGap }
  /** A control changed the run. */
  | { kind: 'control'; action: ControlAction; paused: boolean; speedup: number };

/**
 * The source of one simulation's telemetry.
 * @example
 * ```ts
 * const feed: TelemetryFeed = createSimFeed(await loadScenario('sims/thai-binh-drone.json'), { speedup: 10 });
 * feed.updates$.subscribe((u) => console.log(u.kind));
 * feed.start();
 * ```
 */
export interface TelemetryFeed {
  readonly id: string;
  /** How `hello` lists it. */
  offer(): SimOffer;
  /** The current state (for snapshots). Must be cheap: called on every subscribe. */
  state(): FeedState;
  /** Hot stream of updates, in order. Completes when the feed is stopped. */
  readonly updates$: Observable<FeedUpdate>;
  /** Applies a control (the server has already checked the token). Throws TelemetryError on a bad value. */
  control?(action: ControlAction, value?: number): void;
  /** Starts producing updates (idempotent). */
  start(): void;
  /** Stops for good and completes `updates$`. */
  stop(): void;
}
