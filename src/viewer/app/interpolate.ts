/**
 * Smooth motion between 10 Hz updates: each new sample starts a glide from where the
 * machine is drawn now to the new position, lasting about one update interval, so the
 * 60 fps picture never jumps and lags at most one interval.
 */

export interface Pose {
  lon: number;
  lat: number;
  headingDeg: number;
}

/** Glide state of one vehicle. */
export interface Glide {
  from: Pose;
  to: Pose;
  startMs: number;
  durationMs: number;
  /** Smoothed interval between updates, ms. */
  intervalMs: number;
  lastArrivalMs: number;
}

/** Bounds of the glide duration, ms: faster than 60 Hz is pointless, slower than 1 s looks stuck. */
export const MIN_GLIDE_MS = 16;
export const MAX_GLIDE_MS = 1000;

/** Shortest signed turn from `a` to `b`, degrees in (-180, 180]. */
export function angleDelta(a: number, b: number): number {
  const d = ((((b - a) % 360) + 540) % 360) - 180;
  return d === -180 ? 180 : d;
}

/** Pose at fraction `f` (0..1) of the way from `a` to `b`, turning the short way. */
export function lerpPose(a: Pose, b: Pose, f: number): Pose {
  const k = Math.min(1, Math.max(0, f));
  const h = a.headingDeg + angleDelta(a.headingDeg, b.headingDeg) * k;
  return { lon: a.lon + (b.lon - a.lon) * k, lat: a.lat + (b.lat - a.lat) * k, headingDeg: ((h % 360) + 360) % 360 };
}

/** Where a glide is at time `nowMs`. */
export function poseAt(g: Glide, nowMs: number): Pose {
  return lerpPose(g.from, g.to, g.durationMs > 0 ? (nowMs - g.startMs) / g.durationMs : 1);
}

/**
 * Starts (or restarts) a glide towards `to`, received at `nowMs`.
 * @example
 * let g = startGlide(undefined, { lon: 106.35, lat: 20.65, headingDeg: 0 }, 0);
 * g = startGlide(g, { lon: 106.3501, lat: 20.65, headingDeg: 90 }, 100);
 * poseAt(g, 150).lon; // halfway: 106.35005
 */
export function startGlide(prev: Glide | undefined, to: Pose, nowMs: number): Glide {
  if (!prev) return { from: to, to, startMs: nowMs, durationMs: 0, intervalMs: 100, lastArrivalMs: nowMs };
  const gap = nowMs - prev.lastArrivalMs;
  const intervalMs = gap > 0 && gap < 5000 ? prev.intervalMs * 0.8 + gap * 0.2 : prev.intervalMs;
  // A jump of more than ~1 km (a restart, a resync) is drawn at once, not glided.
  const far = Math.abs(to.lon - prev.to.lon) + Math.abs(to.lat - prev.to.lat) > 0.01;
  return {
    from: far ? to : poseAt(prev, nowMs),
    to,
    startMs: nowMs,
    durationMs: Math.min(MAX_GLIDE_MS, Math.max(MIN_GLIDE_MS, intervalMs)),
    intervalMs,
    lastArrivalMs: nowMs,
  };
}
