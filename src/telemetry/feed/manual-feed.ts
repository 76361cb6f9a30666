/**
 * A feed driven by hand: whoever holds it pushes updates (an MQTT subscription in a gateway,
 * a benchmark's clock, a test). It keeps the same state as any other feed for snapshots.
 */
import { Subject } from 'rxjs';
import type { SimDescription } from '../../sim/index.js';
import type { ControlAction, SimOffer } from '../protocol/messages.js';
import { createFeedStateTracker } from './feed-state.js';
import type { FeedUpdate, TelemetryFeed } from './types.js';

/** A feed with a push side. */
export interface ManualFeed extends TelemetryFeed {
  /** Broadcasts one update (a `reset` first clears the state, taking `description` if given). */
  push(u: FeedUpdate, description?: SimDescription): void;
}

/**
 * @param description - what the simulation is (plan, vehicles, widths)
 * @param options - hello entry fields, initial speed-up, and a control handler (else control is refused)
 * @example
 * ```ts
 * const feed = createManualFeed(description);
 * const server = await startTelemetryServer({ feeds: [feed] });
 * mqtt.on('message', (_t, buf) => feed.push({ kind: 'telemetry', ...JSON.parse(String(buf)) }));
 * ```
 */
export function createManualFeed(
  description: SimDescription,
  options: { offer?: Partial<SimOffer>; speedup?: number; onControl?: (action: ControlAction, value?: number) => void } = {},
): ManualFeed {
  const tracker = createFeedStateTracker(description, options.speedup ?? 1);
  const updates = new Subject<FeedUpdate>();
  const offer: SimOffer = { id: description.id, name: description.name, vehicles: description.vehicles.map((v) => v.id), ...options.offer };
  return {
    id: description.id,
    offer: () => offer,
    state: () => tracker.state(),
    updates$: updates.asObservable(),
    ...(options.onControl ? { control: options.onControl } : {}),
    push(u, d) {
      if (u.kind === 'reset') tracker.reset(d);
      else tracker.apply(u);
      updates.next(u);
    },
    start() {},
    stop: () => updates.complete(),
  };
}
