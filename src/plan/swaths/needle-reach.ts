/**
 * How far a needle reaches: a ring vertex whose two edges stay within {@link MIN_PIECE_M} of each
 * other past the end of the shorter one (a survey spike, a ditch drawn out and back). The swath
 * pieces a line loses there (1 mm or shorter, dropped by the sweep) have one end on the longer
 * edge and the other on the shorter edge or on the ring beyond its end, within 1 mm of the
 * longer edge's line; this walks that ring until it leaves the 1 mm band, and gives the farthest
 * such point's distance from the vertex. A piece between two edges that share no vertex and are
 * not the needle's own is left out here as everywhere in the bound (see `piecesAtLeast`).
 */
import { MIN_PIECE_M } from './count-sweep.js';
import type { FlatRings } from './flat-rings.js';
import { hypot } from '../../geometry/index.js';

/** A needle's ring is walked at most this many vertices past its shorter edge before giving up. */
const MAX_WALK = 64;

/**
 * The points whose hull, widened by 1 mm, holds every piece of {@link MIN_PIECE_M} or less at
 * vertex i's needle (ring [first, end), neighbours a before and b after), as x, y pairs: the
 * vertex, the ring from the shorter edge's end to where it leaves the 1 mm band, and the point of
 * the longer edge beside the farthest of them. Undefined when the ring stays in the band past the
 * longer edge's end or for {@link MAX_WALK} vertices (no bound).
 */
export function needleZone(f: FlatRings, first: number, end: number, a: number, i: number, b: number): Float64Array | undefined {
  const { xs, ys } = f;
  const vx = xs[i],
    vy = ys[i];
  const la = hypot(xs[a] - vx, ys[a] - vy),
    lb = hypot(xs[b] - vx, ys[b] - vy);
  // the longer edge runs v→far; the walk starts at the shorter edge's end and goes away from v
  const [far, short, step] = la >= lb ? [a, b, 1] : [b, a, -1];
  const lengthM = Math.max(la, lb);
  if (!(lengthM > 0)) return undefined;
  const ux = (xs[far] - vx) / lengthM,
    uy = (ys[far] - vy) / lengthM;
  // signed distance from the longer edge's line, and position along it
  const side = (x: number, y: number) => (x - vx) * uy - (y - vy) * ux;
  const along = (x: number, y: number) => (x - vx) * ux + (y - vy) * uy;
  const band = MIN_PIECE_M * 1.01 + 1e-9;
  const zone = [vx, vy];
  const s0 = Math.sign(side(xs[short], ys[short]));
  let prev = short,
    most = 0;
  const add = (x: number, y: number) => {
    zone.push(x, y);
    most = Math.max(most, along(x, y));
  };
  for (let n = 0; n <= MAX_WALK; n++) {
    const px = xs[prev],
      py = ys[prev];
    const dPrev = Math.abs(side(px, py));
    if (dPrev > band) {
      // (the shorter edge's end outside the band: its narrow part ends on it, where it meets the band)
      if (n === 0) add(vx + (band / dPrev) * (px - vx), vy + (band / dPrev) * (py - vy));
      break;
    }
    add(px, py);
    const next = prev + step === end ? first : prev + step < first ? end - 1 : prev + step;
    if (next === i || next === far || n === MAX_WALK) return undefined;
    const dNext = side(xs[next], ys[next]);
    // the ring crossing the longer edge's line: no bound
    if (Math.sign(dNext) !== s0 && dNext !== 0) return undefined;
    if (Math.abs(dNext) > band) {
      // the band ends on this edge, where its distance (linear along it) reaches the band
      const t = (band - dPrev) / (Math.abs(dNext) - dPrev);
      add(px + t * (xs[next] - px), py + t * (ys[next] - py));
      break;
    }
    prev = next;
  }
  // the pieces' other ends lie on the longer edge, up to beside the farthest point (and 1 mm on)
  if (most > lengthM) return undefined;
  const reach = Math.min(lengthM, most + MIN_PIECE_M);
  zone.push(vx + reach * ux, vy + reach * uy);
  return Float64Array.from(zone);
}

/** The heights (rotated as `rotateYInto` rotates: y' = x·s + y·c) a needle's zone spans, widened by 1 mm and a margin for rounding. */
export function zoneHeights(zone: Float64Array, c: number, s: number): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let k = 0; k < zone.length; k += 2) {
    const y = zone[k] * s + zone[k + 1] * c;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  const m = 1.01 * MIN_PIECE_M + 1e-6;
  return [lo - m, hi + m];
}
