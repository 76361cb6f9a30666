/**
 * The dose model's parts: spread patterns, granule carry, the spray drift curve, the rate lag.
 */
import { describe, expect, it } from 'vitest';
import { granuleCarryM, RAUTMANN_FIELD_CROPS, sprayDrift, UREA_SIZE_CLASSES } from '../../src/sim/dose/drift.js';
import { stepRate } from '../../src/sim/dose/rate-controller.js';
import { granularPattern, liquidPattern } from '../../src/sim/dose/spread-pattern.js';
import { parseWind } from '../../src/sim/index.js';

/** Overlaps a pattern with itself at `spacingM` and returns the CV (%) of the sum over one spacing. */
function overlapCv(p: ReturnType<typeof granularPattern>, spacingM: number): number {
  const at = (x: number) => {
    let s = 0;
    for (let k = -4; k <= 4; k++) {
      const u = x - k * spacingM;
      for (let i = 0; i + 1 < p.offsetsM.length; i++) {
        const [a, b] = [p.offsetsM[i], p.offsetsM[i + 1]];
        if (u >= a && u < b) s += p.weights[i] + ((p.weights[i + 1] - p.weights[i]) * (u - a)) / (b - a);
      }
    }
    return s;
  };
  const xs = Array.from({ length: 50 }, (_, i) => (i / 50) * spacingM);
  const v = xs.map(at);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return (100 * Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length)) / mean;
}

describe('dose model parts', () => {
  it('patterns sum to 1 and overlap flat at the working width (CV under 3 %)', () => {
    for (const p of [granularPattern(7, 0.25), liquidPattern(7, 3, 0.25)]) {
      expect(p.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(overlapCv(p, 7)).toBeLessThan(3);
    }
    expect(granularPattern(7, 0.25).halfExtentM).toBeCloseTo(5.25, 9);
  });

  it('granule carry: none in calm air, more for small granules and strong wind, about 1.5 m for 2.2 mm urea at 6 m/s from 3 m', () => {
    expect(granuleCarryM(2.2, 3, 0)).toBe(0);
    const at6 = UREA_SIZE_CLASSES.map((c) => granuleCarryM(c.diameterMm, 3, 6));
    for (let i = 1; i < at6.length; i++) expect(at6[i]).toBeLessThan(at6[i - 1]);
    expect(granuleCarryM(2.2, 3, 6)).toBeGreaterThan(1.2);
    expect(granuleCarryM(2.2, 3, 6)).toBeLessThan(1.8);
    expect(granuleCarryM(2.2, 3, 10)).toBeGreaterThan(granuleCarryM(2.2, 3, 6));
    expect(granuleCarryM(2.2, 6, 6)).toBeGreaterThan(granuleCarryM(2.2, 3, 6));
  });

  it('spray drift: the Rautmann curve at 3 m/s, every share accounted for, none in calm air', () => {
    const d = sprayDrift(3);
    expect(d.airborneFraction).toBeCloseTo(RAUTMANN_FIELD_CROPS.a / 100, 6);
    const placed = d.binFractions.reduce((a, b) => a + b, 0);
    expect(placed + d.lostFraction).toBeCloseTo(d.airborneFraction, 9);
    // deposit 5 m from the edge is 0.57 % of the rate (Rautmann et al. 2001, field crops, 90th percentile)
    expect(RAUTMANN_FIELD_CROPS.a * Math.pow(5, RAUTMANN_FIELD_CROPS.b)).toBeCloseTo(0.57, 2);
    expect(sprayDrift(6).airborneFraction).toBeCloseTo(2 * d.airborneFraction, 9);
    expect(sprayDrift(0).airborneFraction).toBe(0);
  });

  it('rate lag: first order, 63 % of a step after τ, mean over the step exact', () => {
    const c = { rate: 50, tauS: 0.6 };
    const mean = stepRate(c, 110, 0.6);
    expect(c.rate).toBeCloseTo(110 - 60 * Math.exp(-1), 9);
    // ∫ r dt / τ = 110 − 60 (1 − e^−1)
    expect(mean).toBeCloseTo(110 - 60 * (1 - Math.exp(-1)), 9);
  });

  it('parses --wind SPEED@FROM[~GUST] and refuses nonsense', () => {
    expect(parseWind('6@270~1.5')).toEqual({ speedMps: 6, fromDeg: 270, gustSigmaMps: 1.5 });
    expect(parseWind(' 3 @ 90 ')).toEqual({ speedMps: 3, fromDeg: 90 });
    for (const bad of ['6', '6@', 'fast@90', '40@90', '6@90~20'])
      expect(() => parseWind(bad)).toThrow(expect.objectContaining({ code: 'PRESCRIPTION_INVALID_OPTION' }));
  });
});
