import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFieldFile } from '../../src/field/index.js';
import { gapClusters, gapPasses } from '../../src/plan/cleanup/index.js';
import { coverageGrid, estimateCoverage } from '../../src/plan/metrics/coverage.js';
import { machinePoints, planField } from '../../src/plan/index.js';
import { getVehicle } from '../../src/vehicles/index.js';
import type { XY } from '../../src/geometry/types.js';
import { checkPlan } from '../helpers/check-plan.js';
import { rectM } from '../helpers/fields.js';
import { arbParsedField, randomPointInBox } from '../helpers/random-fields.js';

const OPTS = { targetPct: 99.8, insideTolM: 0.01 };

describe('gap passes over strips the laps and swaths leave uncovered', () => {
  it('finds a 3 m strip left along one side of a 40 × 10 m plot and covers it with one pass inside it', () => {
    const field = { outer: rectM(40, 10), holes: [] };
    // one 7 m pass along y = 3.5 covers y ∈ [0, 7]: the strip y ∈ [7, 10] is bare (30 m² of 400)
    const paths: XY[][] = [
      [
        [0, 3.5],
        [40, 3.5],
      ],
    ];
    const before = estimateCoverage(field, paths, 7, 10_000);
    expect(before.coveragePct).toBeLessThan(95);
    const g = coverageGrid(field, paths, 7, 10_000);
    expect(gapClusters(g)).toHaveLength(1);
    const extra = gapPasses(g, field, 7, OPTS);
    expect(extra).toHaveLength(1);
    const [[a, b]] = extra;
    // along the strip (x), in its middle (y ≈ 8.5), and inside the plot
    expect(Math.abs(b[0] - a[0])).toBeGreaterThan(30);
    expect((a[1] + b[1]) / 2).toBeGreaterThan(7.5);
    expect((a[1] + b[1]) / 2).toBeLessThan(9.5);
    for (const p of [a, b]) expect(p[1]).toBeLessThanOrEqual(10);
    expect(estimateCoverage(field, [...paths, ...extra], 7, 10_000).coveragePct).toBe(100);
  });

  it('adds nothing when the footprints already cover the target', () => {
    const field = { outer: rectM(40, 7), holes: [] };
    const g = coverageGrid(
      field,
      [
        [
          [0, 3.5],
          [40, 3.5],
        ],
      ],
      7,
      10_000,
    );
    expect(gapPasses(g, field, 7, OPTS)).toEqual([]);
  });

  it('a wider bare strip gets one lane per implement width', () => {
    const field = { outer: rectM(60, 20), holes: [] };
    // the pass covers y ∈ [0, 4]; 16 m bare with a 4 m implement: four lanes
    const g = coverageGrid(
      field,
      [
        [
          [0, 2],
          [60, 2],
        ],
      ],
      4,
      20_000,
    );
    const extra = gapPasses(g, field, 4, OPTS);
    expect(extra).toHaveLength(4);
    expect(
      estimateCoverage(
        field,
        [
          [
            [0, 2],
            [60, 2],
          ],
          ...extra,
        ],
        4,
        20_000,
      ).coveragePct,
    ).toBeGreaterThanOrEqual(99.5);
  });

  it('closes the strips a vanished headland lap leaves in the spikes of a 0.065 ha star (transplanter, 2 laps)', async () => {
    const [star] = await readFieldFile('tests/fixtures/plan/spiky-star.geojson');
    const plan = planField(star, getVehicle('transplanter'));
    const fills = plan.route.filter((s) => s.gapFill);
    expect(fills.length).toBeGreaterThan(0);
    for (const s of fills) expect(s.kind).toBe('swath');
    // the route stays one continuous path that ends back at the service point (the machine's:
    // a stepped swath's pieces run along their rows, rowsOffsetM off it)
    for (let i = 1; i < plan.route.length; i++) {
      const end = machinePoints(plan.route[i - 1]).at(-1)!,
        start = machinePoints(plan.route[i])[0];
      expect(Math.hypot(end[0] - start[0], end[1] - start[1])).toBeLessThan(1e-6);
    }
    const last = plan.route.at(-1)!.points.at(-1)!;
    expect(Math.hypot(last[0] - plan.servicePoint[0], last[1] - plan.servicePoint[1])).toBeLessThan(1e-6);
    const check = checkPlan(plan);
    expect(check.problems).toEqual([]);
    expect(check.coveragePct).toBeGreaterThanOrEqual(99.5);
    expect(plan.metrics.coveragePct).toBeGreaterThanOrEqual(99.5);
  });
});

/** gapClusters as it was written with a closure and a neighbour array per cell (reference answers). */
function plainClusters(g: ReturnType<typeof coverageGrid>): number[][] {
  const gap = (k: number) => g.inField[k] === 1 && g.excluded[k] === 0 && g.passes[k] === 0;
  const seen = new Uint8Array(g.passes.length);
  const clusters: number[][] = [];
  for (let k0 = 0; k0 < g.passes.length; k0++) {
    if (seen[k0] || !gap(k0)) continue;
    const cluster: number[] = [];
    const stack = [k0];
    seen[k0] = 1;
    while (stack.length) {
      const k = stack.pop() as number;
      cluster.push(k);
      const ix = k % g.nx;
      for (const n of [ix > 0 ? k - 1 : -1, ix < g.nx - 1 ? k + 1 : -1, k - g.nx, k + g.nx])
        if (n >= 0 && n < g.passes.length && !seen[n] && gap(n)) {
          seen[n] = 1;
          stack.push(n);
        }
    }
    clusters.push(cluster);
  }
  return clusters.sort((a, b) => b.length - a.length);
}

describe('gapClusters on typed arrays', () => {
  it('finds the clusters of the plain search, cell for cell and in order (fast-check, seeded)', () => {
    fc.assert(
      fc.property(arbParsedField('holes', { minAreaHa: 0.05, maxAreaHa: 2 }), fc.integer({ min: 1, max: 1e9 }), (field, seed) => {
        const at = randomPointInBox(field, seed);
        // a few random passes leave gaps of every shape
        const g = coverageGrid(
          field.polygon,
          Array.from({ length: 8 }, () => [at(), at()]),
          3,
          4_000,
        );
        expect(gapClusters(g)).toEqual(plainClusters(g));
      }),
      { seed: 31, numRuns: 30 },
    );
  });
});
