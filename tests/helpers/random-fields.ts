/**
 * Seeded random fields for tests and benchmarks: GeoJSON Features (WGS84 `[lon, lat]`, closed
 * rings) near Quỳnh Phụ, Thái Bình (20.65 N, 106.35 E), guaranteed valid (simple rings, holes
 * well inside and apart), 0.05–20 ha. The same seed and kind always give the same feature,
 * on every machine (mulberry32 generator, no Math.random).
 *
 * Kinds:
 * - `convex`: 3–12 corners on a random ellipse (strictly convex), 1:1 to 1:6 aspect.
 * - `concave`: an L, a U or a star-ish polygon (5–9 points, star-shaped around its centre).
 * - `holes`: an elliptical 8–16-gon with 1 or 2 convex holes (tomb plots, pump houses),
 *   each at most 12 % of the small semi-axis in radius, kept apart and far from the edge.
 * - `sliver`: a thin trapezoid, length 20–80 × its width.
 * - `clockwise`: a `convex` or `concave` ring written clockwise (valid input; agrisim re-winds).
 *
 * @example
 * ```ts
 * import { randomField, randomParsedField, arbField } from '../helpers/random-fields.js';
 * const f = randomField(42, 'holes');          // one Feature
 * const field = randomParsedField(42, 'holes'); // the same, as a validated Field in metres
 * fc.assert(fc.property(arbField('concave'), (f) => parseFields(JSON.stringify(f)).length === 1), { seed: 7 });
 * ```
 */
import fc from 'fast-check';
import { parseFields } from '../../src/field/parse-fields.js';
import { localProjection, toLonLat } from '../../src/geodesy/index.js';
import type { Field } from '../../src/field/types.js';

export type RandomFieldKind = 'convex' | 'concave' | 'holes' | 'sliver' | 'clockwise';
export const RANDOM_FIELD_KINDS: readonly RandomFieldKind[] = ['convex', 'concave', 'holes', 'sliver', 'clockwise'];

/** A GeoJSON Feature with one Polygon, as the generators return it. */
export interface RandomFieldFeature {
  type: 'Feature';
  id: string;
  properties: { name: string; kind: RandomFieldKind; seed: number; shape: string; targetAreaHa: number };
  geometry: { type: 'Polygon'; coordinates: number[][][] };
}

export interface RandomFieldOptions {
  /** Smallest area, ha. Default 0.05. */
  minAreaHa?: number;
  /** Largest area, ha. Default 20. */
  maxAreaHa?: number;
  /** Centre of the area where fields are placed, `[lon, lat]`. Default Quỳnh Phụ `[106.35, 20.65]`. */
  centre?: [number, number];
  /** Fields are placed within this many metres of the centre (each axis). Default 3000. */
  spreadM?: number;
}

type P = [number, number];

/** mulberry32: a small, fast, well-mixed 32-bit PRNG; returns floats in [0, 1). */
/**
 * Random points in the bounding box of a field's outer ring, from `seed` (a Lehmer generator:
 * property tests draw paths across a field with it, so gaps and overlaps of every shape appear).
 */
export function randomPointInBox(field: Field, seed: number): () => [number, number] {
  const xs = field.polygon.outer.map((p) => p[0]),
    ys = field.polygon.outer.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  let s = seed;
  const rnd = () => (s = (Math.imul(s, 48271) >>> 0) % 2147483647) / 2147483647;
  return () => [x0 + rnd() * (x1 - x0), y0 + rnd() * (y1 - y0)];
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const between = (rng: Rng, lo: number, hi: number) => lo + (hi - lo) * rng();
const intBetween = (rng: Rng, lo: number, hi: number) => Math.floor(between(rng, lo, hi + 1));

function signedArea(r: P[]): number {
  let s = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) s += (r[j][0] - r[i][0]) * (r[j][1] + r[i][1]);
  return s / 2;
}

/** n points on an ellipse (a, b) at sorted random angles with gaps of at least half the mean: CCW, convex. */
function ellipsePoints(rng: Rng, n: number, a: number, b: number, cx = 0, cy = 0): P[] {
  const gaps = Array.from({ length: n }, () => between(rng, 0.5, 1.5));
  const total = gaps.reduce((s, g) => s + g, 0);
  let t = between(rng, 0, 2 * Math.PI);
  return gaps.map((g) => {
    t += (g / total) * 2 * Math.PI;
    return [cx + a * Math.cos(t), cy + b * Math.sin(t)] as P;
  });
}

function convexShape(rng: Rng): { shape: string; rings: P[][] } {
  const a = 1;
  const b = 1 / between(rng, 1, 6);
  return { shape: 'ellipse-polygon', rings: [ellipsePoints(rng, intBetween(rng, 3, 12), a, b)] };
}

function concaveShape(rng: Rng): { shape: string; rings: P[][] } {
  const pick = rng();
  if (pick < 1 / 3) {
    const w = between(rng, 2, 5),
      h = between(rng, 2, 5),
      tw = between(rng, 0.2, 0.7) * w,
      th = between(rng, 0.2, 0.7) * h;
    return {
      shape: 'L',
      rings: [
        [
          [0, 0],
          [w, 0],
          [w, th],
          [tw, th],
          [tw, h],
          [0, h],
        ],
      ],
    };
  }
  if (pick < 2 / 3) {
    const w = between(rng, 3, 6),
      h = between(rng, 2, 5),
      arm = between(rng, 0.2, 0.35) * w,
      base = between(rng, 0.2, 0.6) * h;
    return {
      shape: 'U',
      rings: [
        [
          [0, 0],
          [w, 0],
          [w, h],
          [w - arm, h],
          [w - arm, base],
          [arm, base],
          [arm, h],
          [0, h],
        ],
      ],
    };
  }
  const spikes = intBetween(rng, 5, 9);
  const ring: P[] = [];
  for (let i = 0; i < 2 * spikes; i++) {
    const t = ((i + between(rng, -0.25, 0.25)) / (2 * spikes)) * 2 * Math.PI;
    const r = i % 2 === 0 ? between(rng, 0.75, 1) : between(rng, 0.35, 0.6);
    ring.push([r * Math.cos(t), r * Math.sin(t)]);
  }
  return { shape: 'star', rings: [ring] };
}

function holesShape(rng: Rng): { shape: string; rings: P[][] } {
  const a = 1,
    b = 1 / between(rng, 1, 2.5);
  const outer = ellipsePoints(rng, intBetween(rng, 8, 16), a, b);
  const count = intBetween(rng, 1, 2);
  const centres: P[] =
    count === 1
      ? [[between(rng, -0.3, 0.3) * a, between(rng, -0.2, 0.2) * b]]
      : [
          [-0.35 * a, between(rng, -0.1, 0.1) * b],
          [0.35 * a, between(rng, -0.1, 0.1) * b],
        ];
  const holes = centres.map(([cx, cy]) => {
    const r = between(rng, 0.04, 0.12) * b;
    return ellipsePoints(rng, intBetween(rng, 4, 6), r, r * between(rng, 0.6, 1), cx, cy).reverse();
  });
  return { shape: `ellipse-with-${count}-hole${count > 1 ? 's' : ''}`, rings: [outer, ...holes] };
}

function sliverShape(rng: Rng): { shape: string; rings: P[][] } {
  const len = between(rng, 20, 80);
  const skew = between(rng, -0.3, 0.3);
  return {
    shape: 'sliver',
    rings: [
      [
        [0, 0],
        [len, 0],
        [len + skew, 1],
        [skew + between(rng, 0, 1), 1],
      ],
    ],
  };
}

function rotateScaleMove(rings: P[][], deg: number, k: number, dx: number, dy: number): P[][] {
  const c = Math.cos((deg * Math.PI) / 180),
    s = Math.sin((deg * Math.PI) / 180);
  return rings.map((r) => r.map(([x, y]) => [dx + k * (x * c - y * s), dy + k * (x * s + y * c)] as P));
}

/**
 * One random valid field as a GeoJSON Feature.
 * @param seed - any integer; the same seed and kind give the same field
 * @param kind - see the module comment
 */
export function randomField(seed: number, kind: RandomFieldKind, opts: RandomFieldOptions = {}): RandomFieldFeature {
  const rng = mulberry32(seed * 7919 + RANDOM_FIELD_KINDS.indexOf(kind) + 1);
  const minHa = opts.minAreaHa ?? 0.05,
    maxHa = opts.maxAreaHa ?? 20;
  const [lon0, lat0] = opts.centre ?? [106.35, 20.65];
  const spread = opts.spreadM ?? 3000;
  const base = kind === 'clockwise' ? (rng() < 0.5 ? 'convex' : 'concave') : kind;
  const made = { convex: convexShape, concave: concaveShape, holes: holesShape, sliver: sliverShape }[base as 'convex'](rng);
  const targetHa = Math.exp(between(rng, Math.log(minHa), Math.log(maxHa)));
  const area = signedArea(made.rings[0]) - made.rings.slice(1).reduce((s, h) => s + Math.abs(signedArea(h)), 0);
  const k = Math.sqrt((targetHa * 10_000) / area);
  let rings = rotateScaleMove(made.rings, between(rng, 0, 360), k, between(rng, -spread, spread), between(rng, -spread, spread));
  if (kind === 'clockwise') rings = rings.map((r) => [...r].reverse());
  const proj = localProjection(lon0, lat0);
  const round = (v: number) => Math.round(v * 1e9) / 1e9;
  const coordinates = rings.map((r) => {
    const ll = r.map((p) => toLonLat(proj, p).map(round));
    return [...ll, [...ll[0]]];
  });
  return {
    type: 'Feature',
    id: `${kind}-${seed}`,
    properties: { name: `Random ${kind} ${seed}`, kind, seed, shape: made.shape, targetAreaHa: targetHa },
    geometry: { type: 'Polygon', coordinates },
  };
}

/** `count` fields cycling through all kinds, seeds `seed`, `seed + 1`, … */
export function randomFieldSet(seed: number, count: number, opts: RandomFieldOptions = {}): RandomFieldFeature[] {
  return Array.from({ length: count }, (_, i) => randomField(seed + i, RANDOM_FIELD_KINDS[i % RANDOM_FIELD_KINDS.length], opts));
}

/**
 * A random self-crossing field (invalid on purpose): a convex ring with two neighbouring
 * corners swapped, so the edges around them cross (a bow-tie for 4 corners).
 */
export function randomBowTie(seed: number): RandomFieldFeature {
  const f = randomField(seed, 'convex');
  const ring = f.geometry.coordinates[0].slice(0, -1);
  if (ring.length === 3) {
    // A triangle cannot cross itself: add the 4th corner of the parallelogram a, b, b + c - a, c first.
    const [a, b, c] = ring;
    ring.splice(2, 0, [b[0] + c[0] - a[0], b[1] + c[1] - a[1]]);
  }
  const i = seed % (ring.length - 1);
  [ring[i], ring[i + 1]] = [ring[i + 1], ring[i]];
  f.geometry.coordinates = [[...ring, [...ring[0]]]];
  f.id = `bow-tie-${seed}`;
  f.properties.name = `Random bow-tie ${seed}`;
  return f;
}

/** fast-check arbitrary of valid random fields of one kind (or any kind). Seed the run: `fc.assert(p, { seed })`. */
export function arbField(kind?: RandomFieldKind, opts: RandomFieldOptions = {}): fc.Arbitrary<RandomFieldFeature> {
  const kinds = kind ? fc.constant(kind) : fc.constantFrom(...RANDOM_FIELD_KINDS);
  return fc.tuple(fc.integer({ min: 0, max: 0x7fffffff }), kinds).map(([seed, k]) => randomField(seed, k, opts));
}

/** fast-check arbitrary of self-crossing fields, see {@link randomBowTie}. */
export function arbBowTie(): fc.Arbitrary<RandomFieldFeature> {
  return fc.integer({ min: 0, max: 0x7fffffff }).map(randomBowTie);
}

/** {@link randomField} already through `parseFields`: a validated {@link Field} in metres. */
export function randomParsedField(seed: number, kind: RandomFieldKind, opts: RandomFieldOptions = {}): Field {
  return parseFields(JSON.stringify(randomField(seed, kind, opts)))[0];
}

/** fast-check arbitrary of validated {@link Field}s (see {@link arbField}). */
export function arbParsedField(kind?: RandomFieldKind, opts: RandomFieldOptions = {}): fc.Arbitrary<Field> {
  return arbField(kind, opts).map((f) => parseFields(JSON.stringify(f))[0]);
}
