/**
 * Transverse spread patterns: how the product of one pass is shared across the track, as
 * lateral offsets (m, + to the right of the heading) with mass fractions summing to 1.
 */

/** A sampled transverse pattern. */
export interface SpreadPattern {
  /** Lateral offset of each sample from the track, m (+ right of the heading). */
  offsetsM: Float64Array;
  /** Mass fraction of each sample (sums to 1). */
  weights: Float64Array;
  /** Farthest offset with product, m. */
  halfExtentM: number;
}

function sample(halfExtentM: number, stepM: number, shape: (x: number) => number): SpreadPattern {
  const n = Math.max(3, 2 * Math.ceil(halfExtentM / stepM) + 1);
  const offsetsM = new Float64Array(n);
  const weights = new Float64Array(n);
  const dx = (2 * halfExtentM) / (n - 1);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    offsetsM[i] = -halfExtentM + i * dx;
    weights[i] = Math.max(0, shape(offsetsM[i]));
    sum += weights[i];
  }
  for (let i = 0; i < n; i++) weights[i] /= sum;
  return { offsetsM, weights, halfExtentM };
}

/**
 * Granular spinner-disc pattern of a drone spreader: a trapezoid whose flat top is half the
 * working width and whose base is 1.5 × the working width. A bench and field test of four
 * commercial UAV granular spreaders (IEEE Access; "the distribution patterns of GFS-A and D were
 * trapezoidal", effective swath at CV ≤ 20 % of 3.9–5.7 m) found trapezoids the best patterns,
 * and SPAT (Trans. ASABE 1341–1350) shows a trapezoid with top + base = 2 × track spacing overlaps
 * to a flat rate; the 0.5/1.5 split is our assumption within that family.
 * @param workingWidthM - effective swath (track spacing), m
 * @param stepM - sample spacing, m (half the dose cell is enough)
 */
export function granularPattern(workingWidthM: number, stepM: number): SpreadPattern {
  const top = 0.25 * workingWidthM;
  const half = 0.75 * workingWidthM;
  return sample(half, stepM, (x) => {
    const a = Math.abs(x);
    return a <= top ? 1 : (half - a) / (half - top);
  });
}

/**
 * Liquid pattern of a drone with two rotary atomisers under its rear arms (DJI Agras T40 class:
 * "dual atomized spraying"): two Gaussian plumes at ±W/4 with σ = W/4 at 3 m height, which sum
 * at track spacing W to a flat rate within 2 % (Gaussians spaced 2σ apart). The plume widens
 * with height as the rotor downwash spreads it, σ ∝ √(h / 3 m): assumption.
 * @param workingWidthM - track spacing, m
 * @param heightM - spray height above the crop, m
 * @param stepM - sample spacing, m
 */
export function liquidPattern(workingWidthM: number, heightM: number, stepM: number): SpreadPattern {
  const sigma = (workingWidthM / 4) * Math.sqrt(Math.max(0.5, heightM) / 3);
  const c = workingWidthM / 4;
  const g = (x: number) => Math.exp(-0.5 * ((x - c) / sigma) ** 2) + Math.exp(-0.5 * ((x + c) / sigma) ** 2);
  return sample(c + 3 * sigma, stepM, g);
}
