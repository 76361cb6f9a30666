import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RowStep, rowSteps, STEP_COST_PER_R2 } from '../../src/plan/swaths/row-steps.js';

type Need = ([number, number] | undefined)[];

function rowsOnRef(need: Need, u: number, v: number): [number, number] | undefined {
  let k0 = -1,
    k1 = -1;
  need.forEach((iv, k) => {
    if (iv && iv[1] > u + 1e-9 && iv[0] < v - 1e-9) {
      if (k0 < 0) k0 = k;
      k1 = k;
    }
  });
  return k0 < 0 ? undefined : [k0, k1];
}

/**
 * rowSteps as it was before its dynamic programme was written out over arrays (the reference),
 * with the rule added since: no piece's rows centre more than 1 m off the machine's line.
 */
function rowStepsRef(need: Need, passLoM: number, sectionWidthM: number): RowStep[] | undefined {
  const xs = [...new Set(need.flatMap((iv) => iv ?? []))].sort((u, v) => u - v);
  if (xs.length < 3) return undefined;
  const n = xs.length;
  const best = new Float64Array(n).fill(Infinity),
    from = new Int32Array(n).fill(-1);
  best[0] = 0;
  const pieceCost = (i: number, j: number): number => {
    const on = rowsOnRef(need, xs[i], xs[j]);
    if (!on || Math.abs(passLoM + ((on[0] + on[1] + 1) * sectionWidthM) / 2) > 1) return Infinity;
    const r = ((on[1] - on[0] + 1) * sectionWidthM) / 2;
    let m = 0;
    for (let k = on[0]; k <= on[1]; k++) {
      const iv = need[k];
      m += xs[j] - xs[i] - (iv ? Math.max(0, Math.min(xs[j], iv[1]) - Math.max(xs[i], iv[0])) : 0);
    }
    return m * sectionWidthM + (i > 0 ? STEP_COST_PER_R2 * r * r : 0);
  };
  for (let j = 1; j < n; j++)
    for (let i = 0; i < j; i++) {
      const c = best[i] + pieceCost(i, j);
      if (c < best[j]) [best[j], from[j]] = [c, i];
    }
  const breaks: number[] = [];
  for (let j = n - 1; j > 0; j = from[j]) {
    if (from[j] < 0) return undefined;
    breaks.push(j);
  }
  breaks.push(0);
  breaks.reverse();
  if (breaks.length <= 2) return undefined;
  return breaks.slice(1).map((b, k) => {
    const [u, v] = [xs[breaks[k]], xs[b]];
    const [k0, k1] = rowsOnRef(need, u, v)!;
    return { x0: u, x1: v, dy: passLoM + ((k0 + k1 + 1) * sectionWidthM) / 2, widthM: (k1 - k0 + 1) * sectionWidthM };
  });
}

// ends on a coarse grid (shared ends, ties) or anywhere; rows missing now and then
const arbEnd = fc.oneof(
  fc.integer({ min: -20, max: 20 }).map((k) => k / 4),
  fc.double({ min: -5, max: 5, noNaN: true }),
);
const arbRow = fc.option(
  fc.tuple(arbEnd, arbEnd).map(([a, b]): [number, number] => (a <= b ? [a, b + 0.01] : [b, a])),
  { freq: 5, nil: undefined },
);

describe('row steps: the dynamic programme over arrays breaks where the reference does', () => {
  it('property (seeded): the same steps as the reference for random row needs', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 1, maxLength: 8 }), fc.constantFrom(0.25, 0.3), (need, rowM) => {
        expect(rowSteps(need, -(need.length * rowM) / 2, rowM)).toEqual(rowStepsRef(need, -(need.length * rowM) / 2, rowM));
      }),
      { seed: 41, numRuns: 2000 },
    );
  });

  it('property (seeded): wide implements (up to 31 rows as bit masks, more by the loop over rows) break where the reference does', () => {
    fc.assert(
      fc.property(fc.array(arbRow, { minLength: 24, maxLength: 40 }), fc.constantFrom(0.05, 0.1), (need, rowM) => {
        expect(rowSteps(need, -(need.length * rowM) / 2, rowM)).toEqual(rowStepsRef(need, -(need.length * rowM) / 2, rowM));
      }),
      { seed: 42, numRuns: 200 },
    );
  });
});
