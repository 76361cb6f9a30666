/**
 * A gateway's feed of one simulation, kept only from what the broker sends: the retained
 * description and snapshot, then live telemetry and events. Each (re)published snapshot
 * becomes the new base and coverage painted since is kept apart and joined on read, so every
 * gateway converges on the publisher's state whenever they joined, with nothing stored.
 */
import { Subject } from 'rxjs';
import type { CoverageTrail, LonLat, SimOffer } from '../protocol/messages.js';
import { createCoverageTrails, type CoverageTrails } from '../feed/coverage-trails.js';
import type { FeedState, FeedUpdate, TelemetryFeed } from '../feed/types.js';
import type { MqttDescription, MqttSnapshot, MqttUpdate } from './wire.js';

/** A feed the gateway pushes broker messages into. */
export interface MqttFeed extends TelemetryFeed {
  /** A new retained description (the run was reset, or first seen). */
  describe(d: MqttDescription): void;
  /** A (re)published snapshot: the new base state. */
  rebase(s: MqttSnapshot): void;
  /** A live telemetry or event message. */
  apply(m: MqttUpdate): void;
  /**
   * The broker link was lost and is back: live messages are dropped until the next snapshot, which is
   * broadcast as a `reset` with the `gap` (simulated ms) the viewers missed.
   */
  resync(): void;
}

const same = (a: LonLat, b: LonLat) => a[0] === b[0] && a[1] === b[1];

/** Base coverage followed by coverage since: a pass that continues across the seam is joined. */
export function joinCoverage(base: CoverageTrail[], since: CoverageTrail[]): CoverageTrail[] {
  const out = base.map((trail) => ({ ...trail, passes: [...trail.passes] }));
  for (const trail of since) {
    const joined = out.find((known) => known.vehicleId === trail.vehicleId);
    if (!joined) {
      out.push({ ...trail, passes: [...trail.passes] });
      continue;
    }
    const passes = [...trail.passes];
    const last = joined.passes[joined.passes.length - 1];
    const first = passes[0];
    if (last && first && same(last[last.length - 1], first[0])) {
      joined.passes[joined.passes.length - 1] = [...last, ...first.slice(1)];
      passes.shift();
    }
    joined.passes.push(...passes);
  }
  return out;
}

/**
 * @param d - the retained description
 * @param s - the retained snapshot
 */
export function createMqttFeed(d: MqttDescription, s: MqttSnapshot): MqttFeed {
  const updates = new Subject<FeedUpdate>();
  let offer: SimOffer = d.offer;
  let description = d.description;
  let base: MqttSnapshot = s;
  let t = s.t;
  let vehicles = s.vehicles;
  let progress = s.progress;
  let paused = s.paused;
  let speedup = s.speedup;
  let since: CoverageTrails;
  /** Set between a reconnect and the next snapshot: the t the viewers last saw. */
  let resyncFromT: number | undefined;

  const widthOf = (id: string) => description.vehicles.find((v) => v.id === id)?.workingWidthM ?? 0;
  const rebase = (snap: MqttSnapshot) => {
    base = snap;
    ({ t, vehicles, progress, paused, speedup } = snap);
    since = createCoverageTrails(widthOf);
    // Seed with where the machines are, so a pass open in the snapshot continues from there.
    since.add(snap.vehicles);
  };
  rebase(s);

  return {
    id: d.offer.id,
    offer: () => offer,
    state: (): FeedState => ({
      description,
      t,
      vehicles,
      progress,
      coverage: joinCoverage(base.coverage, since.trails()),
      paused,
      speedup,
      done: vehicles.length > 0 && vehicles.every((v) => v.activity === 'done'),
    }),
    updates$: updates.asObservable(),
    describe(next) {
      offer = next.offer;
      description = next.description;
    },
    rebase(snap) {
      // A snapshot of this run older than what we have already drawn would step back: ignore it.
      if (snap.run < base.run || (snap.run === base.run && snap.t < t)) return;
      const reset = snap.run > base.run;
      const fromT = resyncFromT;
      rebase(snap);
      resyncFromT = undefined;
      if (fromT !== undefined) updates.next({ kind: 'reset', gap: { fromT: reset ? 0 : fromT, toT: snap.t } });
      else if (reset) updates.next({ kind: 'reset' });
    },
    resync() {
      resyncFromT ??= t;
    },
    apply(m) {
      if (resyncFromT !== undefined) return; // the snapshot after the outage comes first
      if (m.type === 'telemetry') {
        if (m.t <= t) return; // already in the base snapshot
        t = m.t;
        vehicles = m.vehicles;
        progress = m.progress;
        since.add(m.vehicles);
        updates.next({ kind: 'telemetry', t: m.t, vehicles: m.vehicles, progress: m.progress });
      } else if (m.type === 'event') {
        updates.next({ kind: 'event', t: m.t, event: m.event });
      } else if (m.type === 'control') {
        paused = m.paused;
        speedup = m.speedup;
        updates.next({ kind: 'control', action: m.action, paused: m.paused, speedup: m.speedup });
      } else if (m.type === 'reset' && m.run > base.run) {
        // Normally the new run's snapshot came first (same publisher connection, in order) and
        // already reset us; if not, start the new run empty.
        rebase({ ...base, run: m.run, t: 0, vehicles: [], progress: { coveredPct: 0, coveredHa: 0, elapsedS: 0, etaS: 0 }, coverage: [] });
        updates.next({ kind: 'reset' });
      }
    },
    start() {},
    stop: () => updates.complete(),
  };
}
