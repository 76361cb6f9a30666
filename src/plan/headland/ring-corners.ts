/**
 * The corners of a lap's sharp ring that the fillets round: its vertices less those on a
 * straight line, and where two edges' lines meet (a merged corner).
 */
import type { Ring, XY } from '../../geometry/index.js';
import { cross } from './corner-regions.js';
import { hypot } from '../../geometry/index.js';

/** A corner of the working ring: its point and the span of sharp-ring vertices it stands for. */
export interface Corner {
  p: XY;
  first: number;
  last: number;
  /** Set where two corners were merged into one where their outer edges meet (`p` is no vertex of the ring). */
  merged?: true;
}

/** Vertices closer than this to the chord of their neighbours are dropped, m (Clipper rounds to 1 mm). */
const FLAT_M = 0.005;

/** The ring's vertices as corners, without those that lie (within {@link FLAT_M}) on a straight line. */
export function cornersOf(ring: Ring): Corner[] {
  const n = ring.length;
  const out: Corner[] = [];
  for (let i = 0; i < n; i++) {
    const prev = out.length > 0 ? out[out.length - 1].p : ring[n - 1];
    const next = ring[(i + 1) % n];
    const len = hypot(next[0] - prev[0], next[1] - prev[1]);
    if (len > 0 && Math.abs(cross(prev, next, ring[i])) / len < FLAT_M) {
      if (out.length > 0) out[out.length - 1].last = i;
      continue;
    }
    out.push({ p: ring[i], first: i, last: i });
  }
  return out;
}

/**
 * The first sharp-ring vertex a rounded stretch starting at corner k stands for: the corner's own,
 * or, where the corner before it has flat vertices after it (which {@link cornersOf} gives to that
 * corner), the first of them: the rounded ring runs straight over them to this stretch, so their
 * edges are this stretch's own. A merged corner before it keeps its span (its flat vertices are
 * not told apart from the ones it merged).
 */
export function spanFirst(corners: readonly Corner[], k: number, ringLength: number): number {
  const prev = corners[(k + corners.length - 1) % corners.length];
  return prev.merged || corners.length < 2 ? corners[k].first : (prev.first + 1) % ringLength;
}

/** Where the line through a, b meets the line through c, d; undefined when (nearly) parallel. */
export function lineMeet(a: XY, b: XY, c: XY, d: XY): XY | undefined {
  const rx = b[0] - a[0],
    ry = b[1] - a[1],
    sx = d[0] - c[0],
    sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-9 * hypot(rx, ry) * hypot(sx, sy)) return undefined;
  const u = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
  return [a[0] + u * rx, a[1] + u * ry];
}
