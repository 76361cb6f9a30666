import type { PolygonM, Ring, XY } from '../../geometry/index.js';

/**
 * Analytic corner rounding of a headland lap: each corner of the lap's sharp (mitred) offset
 * becomes a circular arc tangent to both of its edges. This is what the morphological opening
 * and closing by the turning radius give where the corners are far enough apart, at O(n) cost
 * instead of four polygon offsets; where two fillets would overlap (or a fillet would cut
 * another part of the lap) it gives up and the caller falls back to the offsets.
 */

/** Sharp corners and their offset distance: what {@link filletLap} rounds. */
export interface FilletSpec {
  /** Turning radius, m: convex corners get arcs of exactly this radius. */
  radiusM: number;
  /**
   * Offset distance of the lap from the field edge, m. A concave corner of the lap sits at
   * this distance from a reflex field corner; the closing rounds it with radius max(R, d) (the
   * exact offset curve already has radius d there, which a turn of radius R ≤ d can follow).
   */
  offsetM: number;
  /** Largest gap between an arc and its chords, m. */
  arcToleranceM: number;
}

/** A corner's fillet: the tangent points and the arc's centre and radius. */
interface Fillet {
  t: number;
  from: XY;
  to: XY;
  centre: XY;
  radiusM: number;
  /** Signed turn of the corner, rad (positive = left = convex on a ring with the inside on its left). */
  turnRad: number;
}

/** Corners turning less than this (rad) are straight: no arc, no vertex kept. */
const STRAIGHT_RAD = 1e-9;
/** Corners turning more than this (rad) are hairpins a fillet cannot round. */
const HAIRPIN_RAD = Math.PI - 1e-3;

function filletAt(prev: XY, p: XY, next: XY, spec: FilletSpec): Fillet | null | undefined {
  const ax = p[0] - prev[0],
    ay = p[1] - prev[1],
    bx = next[0] - p[0],
    by = next[1] - p[1];
  const la = Math.hypot(ax, ay),
    lb = Math.hypot(bx, by);
  if (la === 0 || lb === 0) return undefined;
  const turnRad = Math.atan2(ax * by - ay * bx, ax * bx + ay * by);
  if (Math.abs(turnRad) < STRAIGHT_RAD) return null;
  if (Math.abs(turnRad) > HAIRPIN_RAD) return undefined;
  const radiusM = turnRad > 0 ? spec.radiusM : Math.max(spec.radiusM, spec.offsetM);
  const t = radiusM * Math.tan(Math.abs(turnRad) / 2);
  const ux = ax / la,
    uy = ay / la,
    vx = bx / lb,
    vy = by / lb;
  const from: XY = [p[0] - ux * t, p[1] - uy * t];
  const to: XY = [p[0] + vx * t, p[1] + vy * t];
  // the centre is on the inside of the turn: left of the incoming edge for a left turn
  const side = turnRad > 0 ? 1 : -1;
  const centre: XY = [from[0] - uy * radiusM * side, from[1] + ux * radiusM * side];
  return { t, from, to, centre, radiusM, turnRad };
}

/** Points of an arc from `f.from` to `f.to` (both included), chords within the tolerance. */
function arcPoints(f: Fillet, arcToleranceM: number, out: XY[]): void {
  const maxStep = 2 * Math.acos(Math.max(-1, 1 - arcToleranceM / f.radiusM));
  const steps = Math.max(1, Math.ceil(Math.abs(f.turnRad) / maxStep));
  out.push(f.from);
  const a0 = Math.atan2(f.from[1] - f.centre[1], f.from[0] - f.centre[0]);
  for (let s = 1; s < steps; s++) {
    const a = a0 + (f.turnRad * s) / steps;
    out.push([f.centre[0] + f.radiusM * Math.cos(a), f.centre[1] + f.radiusM * Math.sin(a)]);
  }
  out.push(f.to);
}

function cross(o: XY, a: XY, b: XY): number {
  return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
}

/** Segments pq and ab touch or cross (collinear overlaps count). */
function segmentsMeet(p: XY, q: XY, a: XY, b: XY): boolean {
  const d1 = cross(a, b, p),
    d2 = cross(a, b, q),
    d3 = cross(p, q, a),
    d4 = cross(p, q, b);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (o: XY, s: XY, e: XY, d: number) =>
    d === 0 && Math.min(s[0], e[0]) <= o[0] && o[0] <= Math.max(s[0], e[0]) && Math.min(s[1], e[1]) <= o[1] && o[1] <= Math.max(s[1], e[1]);
  return on(p, a, b, d1) || on(q, a, b, d2) || on(a, p, q, d3) || on(b, p, q, d4);
}

function inTriangle(p: XY, a: XY, b: XY, c: XY): boolean {
  const d1 = cross(a, b, p),
    d2 = cross(b, c, p),
    d3 = cross(c, a, p);
  const neg = d1 < 0 || d2 < 0 || d3 < 0,
    pos = d1 > 0 || d2 > 0 || d3 > 0;
  return !(neg && pos);
}

/** A corner triangle (from, corner, to) and the ring and vertex it belongs to. */
interface CornerTriangle {
  ring: number;
  /** Sharp-ring vertices the corner stands for (cyclic, inclusive); their edges are its own. */
  first: number;
  last: number;
  a: XY;
  b: XY;
  c: XY;
  box: [number, number, number, number];
}

function inSpan(i: number, tri: CornerTriangle, n: number): boolean {
  return (i - tri.first + n) % n <= (tri.last - tri.first + n) % n;
}

/**
 * True when an edge of the rings, other than the corner's own two, meets the triangle a fillet
 * replaces. The arc lies inside that triangle, so if no other edge reaches it the rounded ring
 * crosses nothing the sharp ring did not (and the sharp ring is simple: it is Clipper's output).
 */
function trianglesHit(rings: Ring[], tris: CornerTriangle[]): boolean {
  for (const tri of tris) {
    const [x0, y0, x1, y1] = tri.box;
    for (let r = 0; r < rings.length; r++) {
      const ring = rings[r],
        n = ring.length;
      for (let i = 0; i < n; i++) {
        const j = (i + 1) % n;
        if (r === tri.ring && (inSpan(i, tri, n) || inSpan(j, tri, n))) continue;
        const p = ring[i],
          q = ring[j];
        if (Math.max(p[0], q[0]) < x0 || Math.min(p[0], q[0]) > x1 || Math.max(p[1], q[1]) < y0 || Math.min(p[1], q[1]) > y1) continue;
        if (inTriangle(p, tri.a, tri.b, tri.c) || inTriangle(q, tri.a, tri.b, tri.c)) return true;
        if (segmentsMeet(p, q, tri.a, tri.c)) return true;
      }
    }
  }
  return false;
}

/** A corner of the working ring: its point and the span of sharp-ring vertices it stands for. */
interface Corner {
  p: XY;
  first: number;
  last: number;
}

/** Vertices closer than this to the chord of their neighbours are dropped, m (Clipper rounds to 1 mm). */
const FLAT_M = 0.005;

/** The ring's vertices as corners, without those that lie (within {@link FLAT_M}) on a straight line. */
function cornersOf(ring: Ring): Corner[] {
  const n = ring.length;
  const out: Corner[] = [];
  for (let i = 0; i < n; i++) {
    const prev = out.length > 0 ? out[out.length - 1].p : ring[n - 1];
    const next = ring[(i + 1) % n];
    const len = Math.hypot(next[0] - prev[0], next[1] - prev[1]);
    if (len > 0 && Math.abs(cross(prev, next, ring[i])) / len < FLAT_M) {
      if (out.length > 0) out[out.length - 1].last = i;
      continue;
    }
    out.push({ p: ring[i], first: i, last: i });
  }
  return out;
}

/**
 * Neighbouring corners turning opposite ways are merged only when the smaller turn is below
 * this (rad): a kink of a digitised edge next to a real corner, which the opening and closing
 * smooth away as well.
 */
const MIXED_MERGE_RAD = (5 * Math.PI) / 180;

/** Where the line through a, b meets the line through c, d; undefined when (nearly) parallel. */
function lineMeet(a: XY, b: XY, c: XY, d: XY): XY | undefined {
  const rx = b[0] - a[0],
    ry = b[1] - a[1],
    sx = d[0] - c[0],
    sy = d[1] - c[1];
  const den = rx * sy - ry * sx;
  if (Math.abs(den) < 1e-9 * Math.hypot(rx, ry) * Math.hypot(sx, sy)) return undefined;
  const u = ((c[0] - a[0]) * sy - (c[1] - a[1]) * sx) / den;
  return [a[0] + u * rx, a[1] + u * ry];
}

/**
 * Merges two neighbouring corners whose fillets overlap into one at the meeting point of the
 * edges either side. For two corners turning the same way with one radius this is exact: the
 * edge between them vanishes when the lap is eroded by the radius (its eroded length is
 * `len − t₁ − t₂ < 0`), so the opening's arc is tangent to the two outer edges. Corners turning
 * opposite ways (or concave ones rounded wider than R) are not merged: undefined.
 */
function mergeAt(cs: Corner[], i: number, spec: FilletSpec, fi: Fillet, fj: Fillet): boolean {
  const n = cs.length;
  if (n <= 3) return false;
  if (
    (fi.turnRad > 0 !== fj.turnRad > 0 || fi.radiusM !== fj.radiusM) &&
    Math.min(Math.abs(fi.turnRad), Math.abs(fj.turnRad)) > MIXED_MERGE_RAD
  )
    return false;
  const j = (i + 1) % n;
  const x = lineMeet(cs[(i + n - 1) % n].p, cs[i].p, cs[j].p, cs[(j + 1) % n].p);
  if (!x || Math.hypot(x[0] - cs[i].p[0], x[1] - cs[i].p[1]) > 4 * Math.max(spec.radiusM, spec.offsetM) + fi.t + fj.t) return false;
  cs[i] = { p: x, first: cs[i].first, last: cs[j].last };
  cs.splice(j, 1);
  return true;
}

/** Fillets of every corner of one ring (null where straight), merging overlapping ones; undefined when that fails. */
function ringFillets(cs: Corner[], spec: FilletSpec): (Fillet | null)[] | undefined {
  for (let guard = 0; guard < 4 * cs.length + 8; guard++) {
    const n = cs.length;
    if (n < 3) return undefined;
    const fillets: (Fillet | null)[] = [];
    for (let i = 0; i < n; i++) {
      const f = filletAt(cs[(i + n - 1) % n].p, cs[i].p, cs[(i + 1) % n].p, spec);
      if (f === undefined) return undefined;
      fillets.push(f);
    }
    let clash = -1;
    for (let i = 0; i < n && clash < 0; i++) {
      const j = (i + 1) % n;
      const edge = Math.hypot(cs[j].p[0] - cs[i].p[0], cs[j].p[1] - cs[i].p[1]);
      if ((fillets[i]?.t ?? 0) + (fillets[j]?.t ?? 0) > edge) clash = i;
    }
    if (clash < 0) return fillets;
    const fi = fillets[clash],
      fj = fillets[(clash + 1) % n];
    if (!fi || !fj || !mergeAt(cs, clash, spec, fi, fj)) return undefined;
  }
  return undefined;
}

/**
 * Rounds every corner of a lap's sharp offset: convex corners to `radiusM`, concave ones to
 * max(radiusM, offsetM). Rings must have the inside on their left (outer counter-clockwise,
 * holes clockwise, as offsetPolygons gives them). Undefined when a ring has a hairpin, two
 * neighbouring fillets overlap, or a fillet would reach another part of the lap: there the
 * opening and closing differ from per-corner fillets and the caller must use them.
 *
 * @param sharp - the lap's centre line offset with mitred corners
 * @param spec - radius, offset distance and arc tolerance
 * @example
 * ```ts
 * const lap = filletLap(offsetPolygons([field], -0.9, 'miter'), { radiusM: 2, offsetM: 0.9, arcToleranceM: 0.02 });
 * ```
 */
export function filletLap(sharp: PolygonM[], spec: FilletSpec): PolygonM[] | undefined {
  const out: PolygonM[] = [];
  for (const poly of sharp) {
    const rings = [poly.outer, ...poly.holes];
    const tris: CornerTriangle[] = [];
    const rounded: Ring[] = [];
    for (let r = 0; r < rings.length; r++) {
      const corners = cornersOf(rings[r]);
      const fillets = ringFillets(corners, spec);
      if (!fillets) return undefined;
      const pts: XY[] = [];
      fillets.forEach((f, i) => {
        if (!f) return;
        arcPoints(f, spec.arcToleranceM, pts);
        const a = f.from,
          b = corners[i].p,
          c = f.to;
        const box: [number, number, number, number] = [
          Math.min(a[0], b[0], c[0]),
          Math.min(a[1], b[1], c[1]),
          Math.max(a[0], b[0], c[0]),
          Math.max(a[1], b[1], c[1]),
        ];
        tris.push({ ring: r, first: corners[i].first, last: corners[i].last, a, b, c, box });
      });
      if (pts.length < 3) return undefined;
      rounded.push(pts);
    }
    if (trianglesHit(rings, tris)) return undefined;
    out.push({ outer: rounded[0], holes: rounded.slice(1) });
  }
  return out;
}
