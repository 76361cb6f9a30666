/**
 * Drones over a paddy that a `nofly` area cuts into: the paddy is planned whole, then every
 * swath is cut where it would pass over the nofly (grown by a small margin) and the pieces are
 * joined by flights around it; turns and transits that touch it become such flights. Swaths
 * thus run right up to the nofly edge on both sides, so the corners where it meets a bund are
 * covered (planning the cut-out paddy instead leaves them: a 7 m drone cannot turn into a 90°
 * corner).
 */
import { pointInPolygon, type PolygonM, type XY, hypot } from '../geometry/index.js';
import { coverageGrid, gapPasses, PLAN_DEFAULTS, type RouteSegment } from '../plan/index.js';

/** Raster cells per piece when looking for unworked strips (as the planner's own gap search). */
const GAP_SAMPLES = PLAN_DEFAULTS.gapSamples;

function crossings(a: XY, b: XY, polys: readonly PolygonM[]): number[] {
  const ts: number[] = [];
  const rx = b[0] - a[0],
    ry = b[1] - a[1];
  for (const p of polys)
    for (const ring of [p.outer, ...p.holes])
      for (let i = 0; i < ring.length; i++) {
        const c = ring[i],
          d = ring[(i + 1) % ring.length];
        const sx = d[0] - c[0],
          sy = d[1] - c[1];
        const den = rx * sy - ry * sx;
        if (Math.abs(den) < 1e-12) continue;
        const t = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
        const u = ((c[0] - a[0]) * ry - (c[1] - a[1]) * rx) / den;
        if (t > 0 && t < 1 && u >= 0 && u <= 1) ts.push(t);
      }
  return ts.sort((x, y) => x - y);
}

const inside = (p: XY, polys: readonly PolygonM[]) => polys.some((q) => pointInPolygon(p, q));

/** The parts of a polyline outside every polygon, in order. */
export function clipOutside(points: readonly XY[], polys: readonly PolygonM[]): XY[][] {
  const parts: XY[][] = [];
  let cur: XY[] = [];
  const at = (a: XY, b: XY, t: number): XY => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1],
      b = points[i];
    const ts = [0, ...crossings(a, b, polys), 1];
    for (let k = 1; k < ts.length; k++) {
      const p = at(a, b, ts[k - 1]),
        q = at(a, b, ts[k]);
      if (inside(at(a, b, (ts[k - 1] + ts[k]) / 2), polys)) {
        if (cur.length >= 2) parts.push(cur);
        cur = [];
        continue;
      }
      if (cur.length === 0) cur.push(p);
      cur.push(q);
    }
  }
  if (cur.length >= 2) parts.push(cur);
  return parts.filter((p) => hypot(p[p.length - 1][0] - p[0][0], p[p.length - 1][1] - p[0][1]) > 0.05 || p.length > 2);
}

/** True when a polyline touches any polygon. */
function touches(points: readonly XY[], polys: readonly PolygonM[]): boolean {
  return points.some((p) => inside(p, polys)) || points.some((p, i) => i > 0 && crossings(points[i - 1], p, polys).length > 0);
}

/**
 * Cuts a drone route around `polys`; `fly(a, b)` gives a flight path that avoids them.
 * The route's first and last points are kept (they are outside the nofly areas).
 */
export function routeAroundNofly(route: readonly RouteSegment[], polys: readonly PolygonM[], fly: (a: XY, b: XY) => XY[]): RouteSegment[] {
  const out: RouteSegment[] = [];
  let pos: XY | undefined;
  const flight = (to: XY, like: RouteSegment) => {
    if (pos && hypot(to[0] - pos[0], to[1] - pos[1]) > 1e-6)
      out.push({
        ...like,
        kind: 'transit',
        points: fly(pos, to),
        transitPurpose: 'cell',
        turnType: undefined,
        reverse: false,
        swathIndex: -1,
        headlandLap: -1,
      });
    pos = to;
  };
  for (const s of route) {
    if (!touches(s.points, polys)) {
      flight(s.points[0], s);
      out.push(s);
      pos = s.points[s.points.length - 1];
      continue;
    }
    if (s.kind !== 'swath') continue; // a turn or transit over the nofly: the next piece flies around it
    for (const part of clipOutside(s.points, polys)) {
      flight(part[0], s);
      out.push({ ...s, points: part });
      pos = part[part.length - 1];
    }
  }
  return out;
}

/**
 * Adds passes over what the cut route leaves unworked in `pieces` (the paddy less its nofly
 * areas), e.g. a strip beside a bund narrower than the headland lap that fell in the nofly,
 * with the plan stage's own gap finder; each joined by a flight.
 */
export function fillGaps(route: RouteSegment[], pieces: readonly PolygonM[], widthM: number, fly: (a: XY, b: XY) => XY[]): RouteSegment[] {
  const out = route.slice();
  const worked = route.filter((s) => s.kind === 'swath').map((s) => s.points);
  for (const piece of pieces) {
    const grid = coverageGrid(piece, worked, widthM, GAP_SAMPLES);
    // the piece's sharp corners where a nofly edge meets a bund are not corners of the paddy:
    // they count (check-block excludes only the paddy's own corners), so nothing is excluded here
    grid.excluded.fill(0);
    for (const pass of gapPasses(grid, piece, widthM, { targetPct: 99.8, insideTolM: 0.01 })) {
      const last = out[out.length - 1];
      const base = { reverse: false, cellId: -1, swathIndex: -1, headlandLap: -1, sortie: 0 };
      if (last) out.push({ ...base, kind: 'transit', points: fly(last.points[last.points.length - 1], pass[0]), transitPurpose: 'cell' });
      out.push({ ...base, kind: 'swath', points: pass, gapFill: true });
      worked.push(pass);
    }
  }
  return out;
}
