import { hypot } from '../../geometry/index.js';
import { closestOnSegment } from '../../geometry/index.js';
import type { Ring, XY } from '../../geometry/index.js';

/**
 * A closed ring as a polyline that starts and ends at the point of the ring nearest `p`,
 * keeping the ring's direction.
 */
export function ringFrom(ring: Ring, p: XY): XY[] {
  let best = 0,
    bestD = Infinity,
    bestPt: XY = ring[0];
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i],
      b = ring[(i + 1) % ring.length];
    const q = closestOnSegment(p, a, b);
    const d = hypot(q[0] - p[0], q[1] - p[1]);
    if (d < bestD) [best, bestD, bestPt] = [i, d, q];
  }
  const out: XY[] = [bestPt];
  for (let k = 1; k <= ring.length; k++) out.push(ring[(best + k) % ring.length]);
  out.push(bestPt);
  return out.filter((q, i) => i === 0 || hypot(q[0] - out[i - 1][0], q[1] - out[i - 1][1]) > 1e-6);
}

/**
 * The point of segment a–b nearest `p`, into `out` (`closestOnSegment`'s arithmetic, without
 * an array per segment: the rings of rounded headland laps have hundreds of vertices and the
 * route asks them for every cell exit), and its distance.
 */
function nearestOnSegment(p: XY, a: XY, b: XY, out: { x: number; y: number }): number {
  const dx = b[0] - a[0],
    dy = b[1] - a[1];
  const l2 = dx * dx + dy * dy;
  let t = l2 ? ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / l2 : 0;
  t = t < 0 ? 0 : t > 1 ? 1 : t;
  out.x = a[0] + t * dx;
  out.y = a[1] + t * dy;
  return hypot(out.x - p[0], out.y - p[1]);
}

const scratch = { x: 0, y: 0 };

/** Distance from `p` to the nearest point of a ring, m. */
export function distToRingPoint(ring: Ring, p: XY): number {
  let d = Infinity;
  for (let i = 0; i < ring.length; i++) d = Math.min(d, nearestOnSegment(p, ring[i], ring[(i + 1) % ring.length], scratch));
  return d;
}

/** Nearest point of some rings to `p`, and its distance (p itself and 0 when there are none; the first of equals). */
export function nearestOnRings(rings: Ring[], p: XY): { at: XY; d: number } {
  let at = p,
    d = rings.length ? Infinity : 0;
  for (const r of rings)
    for (let i = 0; i < r.length; i++) {
      const di = nearestOnSegment(p, r[i], r[(i + 1) % r.length], scratch);
      if (di < d) [at, d] = [[scratch.x, scratch.y], di];
    }
  return { at, d };
}

/** Segments per block of {@link RingsNearest}: a block is skipped when its box is farther than the best so far. */
const BLOCK = 16;

/**
 * {@link nearestOnRings} of fixed rings asked for many points (the route asks it for every cell
 * exit, of headland laps with hundreds of vertices): the rings' segments in blocks of
 * {@link BLOCK}, each with its box; a block whose box is farther from `p` than a distance already
 * found (less a rounding slack) holds no segment the plain loop would take, so it is skipped.
 * The answer is the plain loop's: the same distances, the first of equals in the same order
 * (tests/plan/ring-nearest.test.ts holds the two equal).
 */
export class RingsNearest {
  /** Per block: ring index, first segment, end segment (exclusive), then its box x0, y0, x1, y1. */
  private readonly blocks: Float64Array;
  private readonly count: number;
  private readonly lb: Float64Array;

  constructor(private readonly rings: Ring[]) {
    let count = 0;
    for (const r of rings) count += Math.ceil(r.length / BLOCK);
    this.count = count;
    this.blocks = new Float64Array(7 * count);
    this.lb = new Float64Array(count);
    let k = 0;
    rings.forEach((r, ri) => {
      for (let s = 0; s < r.length; s += BLOCK, k++) {
        const e = Math.min(s + BLOCK, r.length);
        let x0 = Infinity,
          y0 = Infinity,
          x1 = -Infinity,
          y1 = -Infinity;
        // segment i runs from vertex i to vertex i + 1 (the last back to vertex 0)
        for (let i = s; i <= e; i++) {
          const q = r[i % r.length];
          x0 = Math.min(x0, q[0]);
          y0 = Math.min(y0, q[1]);
          x1 = Math.max(x1, q[0]);
          y1 = Math.max(y1, q[1]);
        }
        this.blocks.set([ri, s, e, x0, y0, x1, y1], 7 * k);
      }
    });
  }

  /** The nearest point of the rings to `p` and its distance, as {@link nearestOnRings} gives them. */
  nearest(p: XY): { at: XY; d: number } {
    const { blocks, lb, count, rings } = this;
    if (count === 0) return nearestOnRings(rings, p);
    // a lower bound on each block's distance from p, and the block where it is least
    let first = 0;
    for (let k = 0; k < count; k++) {
      const b = 7 * k;
      const dx = Math.max(blocks[b + 3] - p[0], 0, p[0] - blocks[b + 5]),
        dy = Math.max(blocks[b + 4] - p[1], 0, p[1] - blocks[b + 6]);
      // less a slack far above rounding (a computed distance may come out a few ulps under the box's)
      const slack =
        1e-9 *
        (1 +
          Math.abs(p[0]) +
          Math.abs(p[1]) +
          Math.abs(blocks[b + 3]) +
          Math.abs(blocks[b + 4]) +
          Math.abs(blocks[b + 5]) +
          Math.abs(blocks[b + 6]));
      // the larger of the two gaps: never more than the distance to the box (and no hypot)
      lb[k] = Math.max(dx, dy) - slack;
      if (lb[k] < lb[first]) first = k;
    }
    // an upper bound on the answer: a distance the plain loop computes too
    let bound = Infinity;
    for (let i = blocks[7 * first + 1], e = blocks[7 * first + 2], r = rings[blocks[7 * first]]; i < e; i++)
      bound = Math.min(bound, nearestOnSegment(p, r[i], r[(i + 1) % r.length], scratch));
    let at = p,
      d = Infinity;
    for (let k = 0; k < count; k++) {
      if (lb[k] > bound || lb[k] > d) continue;
      const b = 7 * k,
        r = rings[blocks[b]];
      for (let i = blocks[b + 1], e = blocks[b + 2]; i < e; i++) {
        const di = nearestOnSegment(p, r[i], r[(i + 1) % r.length], scratch);
        if (di < d) [at, d] = [[scratch.x, scratch.y], di];
      }
    }
    return { at, d };
  }
}
