import { closestOnSegment, hypot } from '../geometry/index.js';
import type { PolygonM, XY } from '../geometry/index.js';

/**
 * The service (refill) point: the point of the navigable area's outer edge nearest `near`
 * (the user's start point, or the field's first corner). It sits just inside the field edge,
 * where a crew on the bund hands over product, batteries or trays.
 */
export function servicePoint(navigable: PolygonM[], near: XY): XY {
  let best: XY = near,
    bestD = Infinity;
  for (const p of navigable) {
    const ring = p.outer;
    for (let i = 0; i < ring.length; i++) {
      const q = closestOnSegment(near, ring[i], ring[(i + 1) % ring.length]);
      const d = hypot(q[0] - near[0], q[1] - near[1]);
      if (d < bestD) [best, bestD] = [q, d];
    }
  }
  return best;
}
