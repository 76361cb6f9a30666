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
  describe(retained: MqttDescription): void;
  /** A (re)published snapshot: the new base state. */
  rebase(snapshot: MqttSnapshot): void;
  /** A live telemetry or event message. */
  apply(message: MqttUpdate): void;
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

/** What the gateway knows of the run: the base snapshot, the live figures since, and coverage painted since. */
interface GatewayRunState {
  offer: SimOffer;
  description: MqttDescription['description'];
  base: MqttSnapshot;
  t: number;
  vehicles: MqttSnapshot['vehicles'];
  progress: MqttSnapshot['progress'];
  paused: boolean;
  speedup: number;
  since: CoverageTrails;
  /** Set between a reconnect and the next snapshot: the t the viewers last saw. */
  resyncFromT: number | undefined;
}

/** Coverage painted since `snapshot`, seeded with where the machines are, so a pass open in the snapshot continues from there. */
function trailsSince(snapshot: MqttSnapshot, run: Pick<GatewayRunState, 'description'>): CoverageTrails {
  // the description is read at each pass, as a new retained description may change it
  const since = createCoverageTrails((vehicleId) => run.description.vehicles.find((v) => v.id === vehicleId)?.workingWidthM ?? 0);
  since.add(snapshot.vehicles);
  return since;
}

/** Makes `snapshot` the base: its figures replace ours and coverage since starts over. */
function rebaseOn(run: GatewayRunState, snapshot: MqttSnapshot): void {
  run.base = snapshot;
  ({ t: run.t, vehicles: run.vehicles, progress: run.progress, paused: run.paused, speedup: run.speedup } = snapshot);
  run.since = trailsSince(snapshot, run);
}

function gatewayFeedState(run: GatewayRunState): FeedState {
  return {
    description: run.description,
    t: run.t,
    vehicles: run.vehicles,
    progress: run.progress,
    coverage: joinCoverage(run.base.coverage, run.since.trails()),
    paused: run.paused,
    speedup: run.speedup,
    done: run.vehicles.length > 0 && run.vehicles.every((v) => v.activity === 'done'),
  };
}

/** A (re)published snapshot: rebase on it unless it would step back; say `reset` (with the gap after an outage). */
function acceptSnapshot(run: GatewayRunState, snapshot: MqttSnapshot, updates: Subject<FeedUpdate>): void {
  // A snapshot of this run older than what we have already drawn would step back: ignore it.
  if (snapshot.run < run.base.run || (snapshot.run === run.base.run && snapshot.t < run.t)) return;
  const newRun = snapshot.run > run.base.run;
  const fromT = run.resyncFromT;
  rebaseOn(run, snapshot);
  run.resyncFromT = undefined;
  if (fromT !== undefined) updates.next({ kind: 'reset', gap: { fromT: newRun ? 0 : fromT, toT: snapshot.t } });
  else if (newRun) updates.next({ kind: 'reset' });
}

/** A live message: telemetry newer than the base, events, control, or a new run announced before its snapshot. */
function applyLive(run: GatewayRunState, message: MqttUpdate, updates: Subject<FeedUpdate>): void {
  if (run.resyncFromT !== undefined) return; // the snapshot after the outage comes first
  if (message.type === 'telemetry') {
    if (message.t <= run.t) return; // already in the base snapshot
    run.t = message.t;
    run.vehicles = message.vehicles;
    run.progress = message.progress;
    run.since.add(message.vehicles);
    updates.next({ kind: 'telemetry', t: message.t, vehicles: message.vehicles, progress: message.progress });
  } else if (message.type === 'event') {
    updates.next({ kind: 'event', t: message.t, event: message.event });
  } else if (message.type === 'control') {
    run.paused = message.paused;
    run.speedup = message.speedup;
    updates.next({ kind: 'control', action: message.action, paused: message.paused, speedup: message.speedup });
  } else if (message.type === 'reset' && message.run > run.base.run) {
    // Normally the new run's snapshot came first (same publisher connection, in order) and
    // already reset us; if not, start the new run empty.
    const emptyProgress = { coveredPct: 0, coveredHa: 0, elapsedS: 0, etaS: 0 };
    rebaseOn(run, { ...run.base, run: message.run, t: 0, vehicles: [], progress: emptyProgress, coverage: [] });
    updates.next({ kind: 'reset' });
  }
}

/**
 * @param retained - the retained description
 * @param snapshot - the retained snapshot
 */
export function createMqttFeed(retained: MqttDescription, snapshot: MqttSnapshot): MqttFeed {
  const updates = new Subject<FeedUpdate>();
  const { t, vehicles, progress, paused, speedup } = snapshot;
  const known = { offer: retained.offer, description: retained.description, base: snapshot, t, vehicles, progress, paused, speedup };
  const run: GatewayRunState = Object.assign(known, { since: trailsSince(snapshot, known), resyncFromT: undefined });

  return {
    id: retained.offer.id,
    offer: () => run.offer,
    state: () => gatewayFeedState(run),
    updates$: updates.asObservable(),
    describe(next) {
      run.offer = next.offer;
      run.description = next.description;
    },
    rebase: (next) => acceptSnapshot(run, next, updates),
    resync() {
      run.resyncFromT ??= run.t;
    },
    apply: (message) => applyLive(run, message, updates),
    start() {},
    stop: () => updates.complete(),
  };
}
