/**
 * The planning-complexity guard: refuses, before any work, a field whose plan would take more
 * than about 2 s on one core, and a start (service point, depot) too far from its field. Both
 * limits are {@link PlanOptions}; the defaults come from bench/reliability.bench.ts.
 */
import { PlanError } from '../errors.js';
import { toXY } from '../geodesy/index.js';
import type { Field } from '../field/index.js';
import type { PlanOptions } from './types.js';
import { hypot } from '../geometry/index.js';

/** Defaults of the guard's options. */
export const PLAN_LIMITS = {
  /**
   * Most boundary vertices (outer ring and holes) of one field. Measured on one core (bench
   * "reliability"): a concave 500-vertex 0.8 ha field plans in 0.4–0.6 s with a transplanter,
   * 1,000 vertices in 0.7–2.0 s and 2,000 in 5–8 s (transits search a visibility graph of the
   * boundary's reflex corners, which grows with their square); 500 keeps 3× headroom on a
   * busy machine. Paddies drawn by hand have 4–30 corners; a walked GNSS boundary has ~1 a metre.
   */
  maxVertices: 500,
  /**
   * Most swaths of one field, estimated from its narrowest extent before planning (when the caller
   * set no `maxSwaths` of their own). Measured: 662 swaths (113 ha, transplanter) in 0.2–0.7 s,
   * 1,328 swaths (454 ha) in 1.5–4.3 s on a busy machine.
   */
  maxSwaths: 1_000,
  /** Farthest a start or service point may be from its field's boundary box, m (a village's fields lie within a few km). */
  maxStartDistanceM: 5_000,
} as const;

/** Boundary vertices of a field (closing positions not counted twice). */
export function fieldVertexCount(field: Field): number {
  const { outer, holes } = field.polygon;
  return outer.length + holes.reduce((a, h) => a + h.length, 0);
}

/** Swaths the field needs at least: its narrowest extent over the working width (a lower bound the sweep never beats by much). */
export function estimatedSwaths(field: Field, workingWidthM: number): number {
  const pts = field.polygon.outer;
  let best = Infinity;
  // The narrowest of 36 directions: cheap (one pass per direction) and within 0.4 % of the true width.
  for (let k = 0; k < 36; k++) {
    const a = (k * Math.PI) / 36,
      c = Math.cos(a),
      s = Math.sin(a);
    let lo = Infinity,
      hi = -Infinity;
    for (const p of pts) {
      const d = -p[0] * s + p[1] * c;
      if (d < lo) lo = d;
      if (d > hi) hi = d;
    }
    best = Math.min(best, hi - lo);
  }
  return Math.ceil(best / workingWidthM);
}

/** Distance from a local point to the field's boundary box, m (0 inside it). */
function distanceToBoxM(field: Field, x: number, y: number): number {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (const p of field.polygon.outer) {
    minX = Math.min(minX, p[0]);
    maxX = Math.max(maxX, p[0]);
    minY = Math.min(minY, p[1]);
    maxY = Math.max(maxY, p[1]);
  }
  const dx = Math.max(minX - x, 0, x - maxX),
    dy = Math.max(minY - y, 0, y - maxY);
  return hypot(dx, dy);
}

/**
 * Refuses a field too complex to plan in about 2 s, or a start too far from it.
 * @throws PlanError `PLAN_TOO_COMPLEX` naming the field, the count and how to simplify;
 *   `PLAN_START_TOO_FAR` naming the field and the distance
 */
export function checkPlanComplexity(field: Field, workingWidthM: number, options: PlanOptions = {}): void {
  const maxVertices = options.maxVertices ?? PLAN_LIMITS.maxVertices;
  const vertices = fieldVertexCount(field);
  if (vertices > maxVertices) {
    throw new PlanError(
      'PLAN_TOO_COMPLEX',
      `field ${field.id} has ${vertices} boundary vertices, over the planner's limit of ${maxVertices} (about 2 s of planning): ` +
        'simplify the boundary to 0.1–0.2 m (QGIS Vector ▸ Geometry ▸ Simplify, or mapshaper -simplify) or raise maxVertices',
      { field: field.id, vertices, limit: maxVertices },
    );
  }
  // A caller who set maxSwaths chose their own limit: the planner checks it on the real swaths.
  const swaths = options.maxSwaths === undefined ? estimatedSwaths(field, workingWidthM) : 0;
  if (swaths > PLAN_LIMITS.maxSwaths) {
    throw new PlanError(
      'PLAN_TOO_MANY_SWATHS',
      `field ${field.id} needs at least ${swaths} swaths of ${workingWidthM} m, over the planner's limit of ${PLAN_LIMITS.maxSwaths} (about 2 s of planning): ` +
        'split it into smaller fields, or set maxSwaths to accept it',
      { field: field.id, swaths, limit: PLAN_LIMITS.maxSwaths },
    );
  }
  if (options.startLonLat) {
    const maxM = options.maxStartDistanceM ?? PLAN_LIMITS.maxStartDistanceM;
    const [x, y] = toXY(field.projection, options.startLonLat);
    const d = distanceToBoxM(field, x, y);
    if (d > maxM) {
      throw new PlanError(
        'PLAN_START_TOO_FAR',
        `the start/service point [${options.startLonLat.join(', ')}] is ${(d / 1000).toFixed(1)} km from field ${field.id}, over the limit of ${(maxM / 1000).toFixed(1)} km: check its [lon, lat] order and value`,
        { field: field.id, distanceM: Math.round(d), limitM: maxM },
      );
    }
  }
}
