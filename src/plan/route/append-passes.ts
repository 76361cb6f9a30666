/**
 * Appends extra working passes (gap passes) to a finished route: before the final return to
 * the service point, nearest pass first, each reached along the shortest path inside the field.
 */
import { hypot } from '../../geometry/index.js';
import { shortestPathInside } from '../../geometry/index.js';
import type { XY } from '../../geometry/index.js';
import type { TurnSpace } from '../turns/plan-turn.js';
import type { RouteSegment } from '../types.js';
import { machinePoints } from './machine-path.js';

const base = { reverse: false, cellId: -1, swathIndex: -1, headlandLap: -1, sortie: 0 } as const;

/**
 * @param route - a route from `buildRoute` (ends with the transit back to `start`)
 * @param passes - two-point passes in local metres, driven in either direction
 * @returns a new route: the old one without its final return, the passes with transits between
 *   them (segments marked `gapFill`), and the return to `start`
 * @example
 * ```ts
 * const full = appendPasses(route, gapPasses(grid, field.polygon, 7, opts), space, servicePoint);
 * ```
 */
export function appendPasses(route: RouteSegment[], passes: XY[][], space: TurnSpace, start: XY): RouteSegment[] {
  if (passes.length === 0) return route;
  const out = route[route.length - 1]?.transitPurpose === 'end' ? route.slice(0, -1) : route.slice();
  // where the machine is: on its own line when the route ends on a stepped swath's piece
  const last = out.length ? machinePoints(out[out.length - 1]) : undefined;
  let pos: XY = last ? last[last.length - 1] : start;
  const go = (to: XY, purpose: RouteSegment['transitPurpose']) => {
    if (hypot(to[0] - pos[0], to[1] - pos[1]) < 1e-6) return;
    const path = shortestPathInside(pos, to, space.field, space.waypoints) ?? [pos, to];
    out.push({ ...base, kind: 'transit', points: path, transitPurpose: purpose });
    pos = to;
  };
  const left = passes.slice();
  while (left.length) {
    let bi = 0,
      flip = false,
      bd = Infinity;
    left.forEach((p, i) => {
      const da = hypot(p[0][0] - pos[0], p[0][1] - pos[1]),
        db = hypot(p[p.length - 1][0] - pos[0], p[p.length - 1][1] - pos[1]);
      if (Math.min(da, db) < bd) [bd, bi, flip] = [Math.min(da, db), i, db < da];
    });
    const pass = left.splice(bi, 1)[0];
    const points = flip ? pass.slice().reverse() : pass;
    go(points[0], 'cell');
    out.push({ ...base, kind: 'swath', points, gapFill: true });
    pos = points[points.length - 1];
  }
  go(start, 'end');
  return out;
}
