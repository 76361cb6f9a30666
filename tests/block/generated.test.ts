import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blockPlanToGeoJson, parseBlock, planBlock, type BlockMachineKind } from '../../src/block/index.js';
import { checkBlock } from '../helpers/check-block.js';
import { gridBlock, type GridBlockSpec } from '../helpers/block-gen.js';

/** Random consolidated blocks: 1–2 bands of two rows, 2–4 columns, split plots, tomb plots, houses, tree clumps, 1–2 depots. */
const specs = fc
  .record({
    bands: fc.integer({ min: 1, max: 2 }),
    columnsM: fc.array(fc.integer({ min: 18, max: 50 }), { minLength: 2, maxLength: 4 }),
    depthM: fc.integer({ min: 25, max: 60 }),
    rotateDeg: fc.integer({ min: -40, max: 40 }),
    picks: fc.array(
      fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom('split', 'tombs', 'houses', 'trees')),
      { maxLength: 4 },
    ),
    crews: fc.integer({ min: 1, max: 2 }),
    eastDepot: fc.boolean(),
    corridor: fc.option(fc.double({ min: 0.1, max: 0.9, noNaN: true }), { nil: undefined }),
    kind: fc.constantFrom<BlockMachineKind>('drone', 'transplanter'),
    machines: fc.integer({ min: 1, max: 6 }),
  })
  .map((r) => {
    const spec: GridBlockSpec = {
      origin: [106.36, 20.64],
      rotateDeg: r.rotateDeg,
      bands: r.bands,
      columnsM: r.columnsM,
      depthM: r.depthM,
      owners: ['An', 'Bình', 'Cường'],
      crews: r.crews,
      eastDepot: r.eastDepot,
      split: [],
      tombs: [],
      houses: [],
      trees: [],
    };
    for (const [row, col, what] of r.picks) {
      const key = `${row % (2 * r.bands)},${col % r.columnsM.length}`;
      // a house cluster replaces the plot: not on a split one, and never every plot
      (spec[what as 'split'] as string[]).push(key);
    }
    spec.houses = spec.houses!.filter((h) => !spec.split!.includes(h)).slice(0, 1);
    // a power-line corridor across the rows (it crosses no road): drones fly their swaths around it
    if (r.kind === 'drone') spec.corridorAt = r.corridor;
    return { spec, kind: r.kind, machines: r.machines };
  });

describe('generated blocks (fast-check, seeded)', () => {
  it('every plan passes check-block with no problem: both kinds, 1–6 machines', () => {
    fc.assert(
      fc.property(specs, ({ spec, kind, machines }) => {
        const block = gridBlock(spec);
        const plan = planBlock(parseBlock(JSON.stringify(block)), kind, { machines });
        const check = checkBlock(block, blockPlanToGeoJson(plan));
        expect(check.problems, JSON.stringify({ spec, kind, machines })).toEqual([]);
        expect(check.vehicles.length).toBeLessThanOrEqual(machines);
        expect(plan.metrics.makespanS).toBeGreaterThanOrEqual(Math.max(...plan.metrics.vehicles.map((v) => v.timeS.total)));
      }),
      { seed: 14, numRuns: 12, endOnFailure: true },
    );
  }, 600_000);
});
