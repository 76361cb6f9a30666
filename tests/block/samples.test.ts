import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blockPlanToGeoJson, planBlock, readBlockFile, type BlockMachineKind } from '../../src/block/index.js';
import { checkBlock } from '../helpers/check-block.js';

const SAMPLES = ['thai-binh-block', 'quynh-phu-block-large'];

describe.each(SAMPLES)('sample block fields/%s.geojson', (name) => {
  const text = readFileSync(`fields/${name}.geojson`, 'utf8');
  it.each(['drone', 'transplanter'] as BlockMachineKind[])(
    '%s fleets of 1, 2, 3, 6 pass check-block with no problem; more machines finish sooner',
    async (kind) => {
      const block = await readBlockFile(`fields/${name}.geojson`);
      const makespans: number[] = [];
      for (const n of [1, 2, 3, 6]) {
        const plan = planBlock(block, kind, { machines: n });
        const check = checkBlock(text, blockPlanToGeoJson(plan));
        expect(check.problems, `${kind} × ${n}`).toEqual([]);
        expect(check.paddies).toBe(block.paddies.length);
        expect(check.coverageMinPct).toBeGreaterThanOrEqual(99.5);
        expect(check.vehicles).toHaveLength(n);
        // every paddy worked by exactly one machine
        expect(plan.machines.flatMap((m) => m.paddies).sort()).toEqual(block.paddies.map((p) => p.id).sort());
        makespans.push(plan.metrics.makespanS);
      }
      // issue 14 goals: 2 drones ≤ 0.60 of one drone's makespan, 3 transplanters ≤ 0.45 of one
      if (kind === 'drone') expect(makespans[1] / makespans[0]).toBeLessThanOrEqual(0.6);
      else expect(makespans[2] / makespans[0]).toBeLessThanOrEqual(0.45);
      expect(makespans[3]).toBeLessThan(makespans[2]);
    },
    240_000,
  );

  it('the KML copy reads as the same block (kinds from ExtendedData and folders)', async () => {
    const a = await readBlockFile(`fields/${name}.geojson`);
    const b = await readBlockFile(`fields/${name}.kml`);
    expect(b.paddies.map((p) => [p.id, p.owner, p.areaHa.toFixed(4)])).toEqual(a.paddies.map((p) => [p.id, p.owner, p.areaHa.toFixed(4)]));
    expect(b.roads.map((r) => [r.id, r.widthM])).toEqual(a.roads.map((r) => [r.id, r.widthM]));
    expect(b.gates.map((g) => [g.id, g.paddy])).toEqual(a.gates.map((g) => [g.id, g.paddy]));
    expect(b.depots.map((d) => [d.id, d.serves, d.crews])).toEqual(a.depots.map((d) => [d.id, d.serves, d.crews]));
    expect(b.nofly.map((n) => n.id)).toEqual(a.nofly.map((n) => n.id));
  });
});

describe('the large sample', () => {
  it('has ≥ 40 paddies of several households, a tomb plot hole, a house cluster as nofly the drones fly around', async () => {
    const block = await readBlockFile('fields/quynh-phu-block-large.geojson');
    expect(block.paddies.length).toBeGreaterThanOrEqual(40);
    expect(new Set(block.paddies.map((p) => p.owner)).size).toBeGreaterThanOrEqual(5);
    expect(block.paddies.some((p) => p.polygon.holes.length > 0)).toBe(true);
    expect(block.nofly.length).toBeGreaterThan(0);
    const plan = planBlock(block, 'drone', { machines: 3 });
    const check = checkBlock(readFileSync('fields/quynh-phu-block-large.geojson', 'utf8'), blockPlanToGeoJson(plan));
    expect(check.noflyPts).toBe(0);
    expect(check.problems).toEqual([]);
  }, 120_000);
});
