/**
 * Feeds that play a telemetry recording back on the wall clock: every broadcast at its
 * recorded moment (divided by the speed-up), so subscribers get the same messages the live
 * server sent, and late joiners the same snapshots (built from the same updates).
 */
import { Subject } from 'rxjs';
import { createFeedStateTracker, type FeedStateTracker } from '../feed/feed-state.js';
import { checkSpeedup } from '../feed/sim-feed.js';
import type { FeedUpdate, TelemetryFeed } from '../feed/types.js';
import type { BroadcastMessage } from '../protocol/messages.js';
import type { TelemetryRecording } from './read.js';

/** Options of {@link createReplayFeeds}. */
export interface ReplayOptions {
  /** Wall-time speed-up against the recording (default 1). */
  speedup?: number;
  /** Called once the last broadcast has been played. */
  onEnd?: () => void;
}

function toUpdate(m: BroadcastMessage, tracker: FeedStateTracker): FeedUpdate {
  switch (m.type) {
    case 'telemetry':
      return { kind: 'telemetry', t: m.t, vehicles: m.vehicles, progress: m.progress };
    case 'event':
      return { kind: 'event', t: m.t, event: m.event };
    case 'control':
      return { kind: 'control', action: m.action, paused: m.paused, speedup: m.speedup };
    case 'snapshot':
      tracker.reset(m.description);
      tracker.setPaused(m.paused);
      tracker.setSpeedup(m.speedup);
      return m.gap ? { kind: 'reset', gap: m.gap } : { kind: 'reset' };
  }
}

/**
 * One feed per recorded simulation, sharing one clock (started by the first feed's start()).
 * @throws TelemetryError `TELEMETRY_INVALID_OPTION` for a bad speed-up
 * @example
 * ```ts
 * const feeds = createReplayFeeds(readTelemetryRecording(text), { speedup: 4 });
 * const server = await startTelemetryServer({ feeds });
 * ```
 */
export function createReplayFeeds(rec: TelemetryRecording, options: ReplayOptions = {}): TelemetryFeed[] {
  const speedup = checkSpeedup(options.speedup ?? 1);
  const channels = new Map(
    rec.header.simulations.map((offer) => {
      const state = rec.header.states[offer.id];
      const tracker = createFeedStateTracker(state.description, state.speedup);
      tracker.setPaused(state.paused);
      return [offer.id, { offer, tracker, updates: new Subject<FeedUpdate>() }];
    }),
  );
  let i = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let t0 = 0;
  let running = false;
  let stoppedCount = 0;
  const play = () => {
    const now = performance.now();
    const { broadcasts } = rec;
    while (i < broadcasts.length && t0 + broadcasts[i].at / speedup <= now + 0.5) {
      const { message } = broadcasts[i++];
      const ch = channels.get(message.sim)!;
      const update = toUpdate(message, ch.tracker);
      ch.tracker.apply(update);
      ch.updates.next(update);
    }
    if (i < broadcasts.length) timer = setTimeout(play, Math.max(0, t0 + broadcasts[i].at / speedup - performance.now()));
    else options.onEnd?.();
  };
  return [...channels.entries()].map(([id, ch]) => ({
    id,
    offer: () => ch.offer,
    state: () => ch.tracker.state(),
    updates$: ch.updates.asObservable(),
    start() {
      if (running) return;
      running = true;
      t0 = performance.now();
      play();
    },
    stop() {
      ch.updates.complete();
      if (++stoppedCount === channels.size) clearTimeout(timer);
    },
  }));
}
