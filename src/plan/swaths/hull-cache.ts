/**
 * Convex hulls kept per ring: one plan asks the hull of the same ring several times (the field's
 * in the angle search and again for the alternative sweep directions, an area part's in the angle
 * search and again in the per-cell test), and each ask sorted a copy of the ring.
 */
import { convexHull } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';

const hulls = new WeakMap<Ring, { length: number; hull: XY[] }>();

/** `convexHull(ring)`, made once per ring array (shared: the caller must not change it). */
export function hullOf(ring: Ring): XY[] {
  const hit = hulls.get(ring);
  if (hit && hit.length === ring.length) return hit.hull;
  const hull = convexHull(ring);
  hulls.set(ring, { length: ring.length, hull });
  return hull;
}
