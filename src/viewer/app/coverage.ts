/**
 * Coverage painted so far: per vehicle, a list of passes (runs of positions while the
 * implement was on), each drawn as a strip `widthM` wide. Built from the snapshot, then
 * extended by every telemetry frame.
 */
import { metresPerDegree } from '../../geodesy/index.js';
import { type CoverageTrail, stripRateMoved, type WireVehicle } from '../../telemetry/client/index.js';

export type LonLat = [number, number];

export interface Pass {
  vehicleId: string;
  widthM: number;
  points: LonLat[];
  /** Variable-rate runs: the rate the machine delivered along this pass (kg or L per ha). */
  ratePerHa?: number;
}

/** Points closer than this to the previous one are skipped, m (keeps long runs light). */
export const MIN_STEP_M = 0.3;

/** Approximate ground distance between two nearby WGS84 points, m. */
export function nearDistanceM(a: LonLat, b: LonLat): number {
  const [mLon, mLat] = metresPerDegree(a[1]);
  const dx = (b[0] - a[0]) * mLon;
  const dy = (b[1] - a[1]) * mLat;
  return Math.hypot(dx, dy);
}

/** Growing coverage of one simulation. */
export class CoverageModel {
  readonly passes: Pass[] = [];
  private open = new Map<string, Pass>();
  /** Bumped on every change, so views redraw only when needed. */
  version = 0;
  /**
   * Bumped when the finished passes change (a pass closes, a snapshot resets). Views keep
   * finished passes in a layer of their own, re-sent seldom (see {@link layers}), so the
   * frequent refresh only carries the few recent passes, not the whole run.
   */
  doneVersion = 0;
  /** Finished passes as last handed out in the `done` layer. */
  private shownDone = new Set<Pass>();

  constructor(private widthOf: (vehicleId: string) => number) {}

  /** Replaces everything with the snapshot's trails. */
  reset(trails: CoverageTrail[] = []): void {
    this.passes.length = 0;
    this.open.clear();
    this.shownDone.clear();
    for (const tr of trails) {
      tr.passes.forEach((run, i) => {
        const ratePerHa = tr.rates?.[i];
        if (run.length > 0)
          this.passes.push({
            vehicleId: tr.vehicleId,
            widthM: tr.widthM,
            points: run.slice(),
            ...(typeof ratePerHa === 'number' ? { ratePerHa } : {}),
          });
      });
    }
    this.version++;
    this.doneVersion++;
  }

  /** Extends the open pass of each vehicle whose implement is on; closes it when off. */
  add(vehicles: WireVehicle[]): void {
    for (const v of vehicles) {
      const p: LonLat = [v.lon, v.lat];
      const cur = this.open.get(v.id);
      if (!v.implementOn) {
        if (cur) {
          this.open.delete(v.id);
          this.doneVersion++;
          this.version++;
        }
        continue;
      }
      const rate = v.dose?.ratePerHa;
      if (!cur || stripRateMoved(cur.ratePerHa, rate)) {
        // a new strip starts where the last one ended, so a rate change leaves no gap
        const points: LonLat[] = cur ? [cur.points[cur.points.length - 1], p] : [p];
        const pass: Pass = { vehicleId: v.id, widthM: this.widthOf(v.id), points, ...(rate !== undefined ? { ratePerHa: rate } : {}) };
        this.passes.push(pass);
        this.open.set(v.id, pass);
        if (cur) this.doneVersion++;
        this.version++;
      } else if (nearDistanceM(cur.points[cur.points.length - 1], p) >= MIN_STEP_M) {
        cur.points.push(p);
        this.version++;
      }
    }
  }

  /** GeoJSON of the passes: one LineString per pass with `widthM`, `vehicleId` and, on variable-rate runs, `ratePerHa`. */
  toGeoJson(passes: readonly Pass[] = this.passes): GeoJSON.FeatureCollection {
    return {
      type: 'FeatureCollection',
      features: passes
        .filter((p) => p.points.length > 1)
        .map((p) => ({
          type: 'Feature',
          properties: { widthM: p.widthM, vehicleId: p.vehicleId, ...(p.ratePerHa !== undefined ? { ratePerHa: p.ratePerHa } : {}) },
          geometry: { type: 'LineString', coordinates: p.points },
        })),
    };
  }

  /**
   * The strips in two layers. With `refreshDone`, `done` holds every finished pass now;
   * otherwise `done` is undefined (the view keeps its last one) and `open` holds the open
   * passes plus those finished since the last `done`, so together they always show everything.
   */
  layers(refreshDone: boolean): { done?: GeoJSON.FeatureCollection; open: GeoJSON.FeatureCollection } {
    let done: GeoJSON.FeatureCollection | undefined;
    if (refreshDone) {
      const open = new Set(this.open.values());
      this.shownDone = new Set(this.passes.filter((p) => !open.has(p)));
      done = this.toGeoJson([...this.shownDone]);
    }
    return { done, open: this.toGeoJson(this.passes.filter((p) => !this.shownDone.has(p))) };
  }
}
