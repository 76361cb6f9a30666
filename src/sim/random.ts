/**
 * Seeded pseudo-random numbers for the simulator. Every random thing in a run draws from a
 * stream made here, so the same seed gives the same run bit for bit (no Math.random).
 */

/** A seeded stream of uniform numbers in [0, 1) with helpers for the shapes the models need. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  uniform(min: number, max: number): number;
  /** Standard normal N(0, 1) (Box–Muller; one value per call, deterministic). */
  normal(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** A new independent stream derived from this one and a label (so adding a draw in one model does not shift another). */
  fork(label: string): Rng;
}

/** FNV-1a 32-bit hash of a string: mixes labels into seeds. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state PRNG, fast and good enough for
 * simulation noise (passes gjrand/PractRand to 2^32 outputs).
 * @param seed - any integer; only its low 32 bits are used
 * @example
 * ```ts
 * // inside the sim stage (its index.ts); not on the library face
 * const rng = createRng(42);
 * const u = rng.next(); // same value on every machine for seed 42
 * ```
 */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng: Rng = {
    next,
    uniform: (min, max) => min + (max - min) * next(),
    normal: () => {
      const u1 = Math.max(next(), 1e-12);
      const u2 = next();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    chance: (p) => next() < p,
    fork: (label) => createRng((hashString(label) ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0),
  };
  return rng;
}
