/**
 * Drift: where wind carries product that leaves the machine.
 * - Granules fall ballistically; each size class is carried downwind by the time it takes to fall.
 * - Spray droplets follow a deposition curve measured downwind of sprayed fields (ISO 22866
 *   field trials): the German basic drift values of Rautmann, Streloke & Winkler (2001).
 */

/** Gravity, m/s². */
const G = 9.81;
/** Air density at 30 °C near sea level (Red River Delta summer), kg/m³. */
const RHO_AIR = 1.16;
/** Drag coefficient of a sphere for Re ≈ 10²–10³ (Newton regime; standard drag curve). */
const CD_SPHERE = 0.47;
/** Urea particle density, kg/m³ (urea crystal 1,335 kg/m³; prills and granules 1,300–1,330). */
export const UREA_DENSITY_KG_M3 = 1320;

/**
 * Urea size classes (diameter mm, mass fraction). Assumption: a granular urea of size guide
 * number ≈ 250 (IFDC Fertilizer Manual: granular urea 2–4 mm, prilled 1–2.4 mm), with a fine tail
 * from abrasion in the spreader.
 */
export const UREA_SIZE_CLASSES: readonly { diameterMm: number; massFraction: number }[] = [
  { diameterMm: 1.0, massFraction: 0.1 },
  { diameterMm: 1.6, massFraction: 0.2 },
  { diameterMm: 2.2, massFraction: 0.35 },
  { diameterMm: 2.8, massFraction: 0.25 },
  { diameterMm: 3.4, massFraction: 0.1 },
];

/**
 * Downwind carry of one granule falling from `heightM` in a horizontal wind `windMps`, m: the
 * equations of motion with quadratic drag, F = ½ρ·Cd·A·|v_rel|·v_rel, integrated at 2 ms from
 * rest (the spinner's throw is already in the pattern; the rotor downwash, which would shorten
 * the fall, is left out, so this errs toward more drift).
 */
export function granuleCarryM(diameterMm: number, heightM: number, windMps: number, densityKgM3 = UREA_DENSITY_KG_M3): number {
  const d = diameterMm / 1000;
  const k = (3 * CD_SPHERE * RHO_AIR) / (4 * d * densityKgM3);
  let x = 0,
    z = heightM,
    u = 0,
    w = 0;
  const dt = 0.002;
  for (let i = 0; i < 30_000 && z > 0; i++) {
    const ru = u - windMps,
      rw = w;
    const speed = Math.hypot(ru, rw);
    u += -k * speed * ru * dt;
    w += (-G - k * speed * rw) * dt;
    x += u * dt;
    z += w * dt;
  }
  return x;
}

/** Carry of each size class for wind speeds 0…30 m/s in 0.5 m/s steps, interpolated between. */
export interface GranuleDrift {
  fractions: Float64Array;
  /** Carry (m) of class `c` at wind `windMps`. */
  carryM(c: number, windMps: number): number;
}

/** Tabulates granule carry for a spreading height; each wind step is computed on first use. */
export function granuleDrift(heightM: number, classes = UREA_SIZE_CLASSES): GranuleDrift {
  const steps = 61;
  const table = classes.map(() => new Float64Array(steps).fill(NaN));
  const at = (c: number, i: number) => {
    const t = table[c];
    if (Number.isNaN(t[i])) t[i] = granuleCarryM(classes[c].diameterMm, heightM, i * 0.5);
    return t[i];
  };
  return {
    fractions: Float64Array.from(classes.map((c) => c.massFraction)),
    carryM(c, windMps) {
      if (!(windMps > 0)) return 0;
      const f = Math.min(steps - 1, windMps * 2);
      const i = Math.min(steps - 2, Math.floor(f));
      const a = at(c, i),
        b = at(c, i + 1);
      return a + (b - a) * (f - i);
    },
  };
}

/**
 * Basic drift values for field crops (Rautmann, Streloke & Winkler 2001, Mitt. Biol. Bundesanst.
 * 383: 133–141; the 90th percentile curve used by the FOCUS surface water drift calculator):
 * deposit downwind of a sprayed field, % of the applied rate, D(x) = 2.7593 · x^−0.9778 (x in m from
 * the last swath's edge, 1 m and beyond).
 */
export const RAUTMANN_FIELD_CROPS = { a: 2.7593, b: -0.9778 } as const;
/**
 * Wind speed the drift values stand for, m/s. Assumption: the trials behind them ran in wind of
 * 1–5 m/s (ISO 22866 asks for at least 1 m/s); deposits are scaled linearly with wind speed from 3 m/s.
 */
export const DRIFT_REFERENCE_WIND_MPS = 3;
/** Drift beyond this distance is not placed on the raster (it is counted as lost off target), m. */
export const LIQUID_DRIFT_MAX_M = 50;

/** Spray drift of one pass: the airborne fraction and where it lands (distance bins from the swath edge). */
export interface SprayDrift {
  airborneFraction: number;
  /** Bin centres, m downwind of the swath edge. */
  binsM: Float64Array;
  /** Fraction of the emitted product per bin (sums to airborneFraction minus what goes past the last bin). */
  binFractions: Float64Array;
  /** Fraction carried past {@link LIQUID_DRIFT_MAX_M}. */
  lostFraction: number;
}

/**
 * Per-pass drift kernel from the field curve: for a field of many passes the edge deposit is
 * D(x) = ∫ₓ^∞ K(u) du, so a pass sends K(x) = −D′(x) downwind and D(1 m) of its product is airborne.
 */
export function sprayDrift(windMps: number): SprayDrift {
  const { a, b } = RAUTMANN_FIELD_CROPS;
  const scale = Math.max(0, windMps) / DRIFT_REFERENCE_WIND_MPS;
  const D = (x: number) => (scale * a * Math.pow(x, b)) / 100;
  // 1 m bins to 10 m, where the curve falls fast, then 2.5 m bins to the end
  const edges: number[] = [];
  for (let x = 1; x < 10; x += 1) edges.push(x);
  for (let x = 10; x < LIQUID_DRIFT_MAX_M; x += 2.5) edges.push(x);
  edges.push(LIQUID_DRIFT_MAX_M);
  const n = edges.length - 1;
  const binsM = new Float64Array(n);
  const binFractions = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x0 = edges[i],
      x1 = edges[i + 1];
    binsM[i] = (x0 + x1) / 2;
    binFractions[i] = D(x0) - D(x1);
  }
  const airborneFraction = Math.min(0.9, D(1));
  const lostFraction = Math.min(airborneFraction, D(LIQUID_DRIFT_MAX_M));
  return { airborneFraction, binsM, binFractions, lostFraction };
}

/**
 * A spray strip is widened downwind until the drift deposit falls under this share of the
 * applied rate, %. Assumption: 1 % is the deposit FOCUS and the German buffer tables treat as the
 * edge of a no-spray strip for surface water (Rautmann et al. 2001 give 2.77 % at 1 m in 3 m/s).
 */
export const DRIFT_EDGE_PCT = 1;

/**
 * How far downwind of where it leaves the machine the product typically lands, m: for granules the
 * mass-weighted ballistic carry from `heightM`; for spray the distance at which the field-crop
 * drift deposit falls to `DRIFT_EDGE_PCT` (1 %) of the rate. 0 in calm air. The planner widens a
 * water buffer strip by this much on the field's downwind edges.
 */
export function downwindCarryM(product: 'granular' | 'liquid', heightM: number, windMps: number): number {
  if (!(windMps > 0)) return 0;
  if (product === 'granular') {
    const g = granuleDrift(Math.max(0.5, heightM));
    let s = 0;
    for (let c = 0; c < g.fractions.length; c++) s += g.fractions[c] * g.carryM(c, windMps);
    return s;
  }
  const { a, b } = RAUTMANN_FIELD_CROPS;
  const scale = windMps / DRIFT_REFERENCE_WIND_MPS;
  // scale·a·x^b = DRIFT_EDGE_PCT ⇒ x = (DRIFT_EDGE_PCT / (scale·a))^(1/b), from the swath edge
  const x = Math.pow(DRIFT_EDGE_PCT / (scale * a), 1 / b);
  return Math.min(LIQUID_DRIFT_MAX_M, Math.max(0, x));
}
