import { hypot } from '../../geometry/index.js';
import type { XY } from '../../geometry/index.js';
import type { RouteSegment } from '../types.js';

/**
 * Where the machine drives a segment: its points, but for a piece of a stepped swath (whose
 * points run along the centre of the rows on) shifted back by `rowsOffsetM` onto the machine's
 * own straight line, which the turns and transits before and after it meet.
 */
export function machinePoints(s: RouteSegment): XY[] {
  const off = s.rowsOffsetM;
  if (!off) return s.points;
  const [a, b] = [s.points[0], s.points[s.points.length - 1]];
  const len = hypot(b[0] - a[0], b[1] - a[1]) || 1;
  // back along the left normal of the direction of travel
  const [nx, ny] = [(-(b[1] - a[1]) / len) * off, ((b[0] - a[0]) / len) * off];
  return s.points.map(([x, y]): XY => [x - nx, y - ny]);
}
