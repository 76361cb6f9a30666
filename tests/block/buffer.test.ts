/**
 * Water buffers in a block (`kind: "buffer"`: canals, ponds): read with their no-spray distance,
 * drones leave the strip within it unspread, and the run measures what still drifts into the strip
 * and the water (`dose.intoBufferKg`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { blockBufferStrips, blockPlanToGeoJson, parseBlock, planBlock, type BlockPlan } from '../../src/block/index.js';
import { command as simulate } from '../../src/cli/commands/simulate.js';
import type { BlockError } from '../../src/errors.js';
import { createFleetSimulation, runToEnd } from '../../src/sim/index.js';
import { checkBlock } from '../helpers/check-block.js';
import { doseBlock, rect } from './dose-block.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-block-buffer-'));
const WIND_TO_CANAL = { speedMps: 5, fromDeg: 180 };

const planned = new Map<number, BlockPlan>();
function plan(bufferM: number): BlockPlan {
  if (!planned.has(bufferM)) planned.set(bufferM, planBlock(parseBlock(JSON.stringify(doseBlock({ bufferM }))), 'drone', { machines: 1 }));
  return planned.get(bufferM)!;
}

/** A run of the plan made with `bufferM`, measured against the 5 m strip and the canal. */
function intoBuffer(bufferM: number) {
  const buffers = blockBufferStrips(plan(5).block);
  return runToEnd(createFleetSimulation({ plan: plan(bufferM), seed: 3, raster: { cellM: 0.5 }, dose: { buffers, wind: WIND_TO_CANAL } }))
    .metrics;
}

function badBlock(props: Record<string, unknown>, geometry?: object): BlockError {
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'a', properties: { kind: 'paddy' }, geometry: { type: 'Polygon', coordinates: rect(0, 0, 60, 40) } },
      {
        type: 'Feature',
        id: 'canal',
        properties: { kind: 'buffer', ...props },
        geometry: geometry ?? { type: 'Polygon', coordinates: rect(0, 41, 60, 45) },
      },
    ],
  });
  try {
    parseBlock(text);
  } catch (e) {
    return e as BlockError;
  }
  throw new Error('parsed');
}

afterEach(() => vi.restoreAllMocks());

describe('block input: buffer features', () => {
  it('are read with their bufferM (numeric text from KML too) and kept in the block plan GeoJSON', () => {
    const block = parseBlock(JSON.stringify(doseBlock({ bufferM: 5 })));
    expect(block.buffers).toEqual([expect.objectContaining({ id: 'canal', bufferM: 5 })]);
    expect(parseBlock(JSON.stringify(doseBlock({}))).buffers![0].bufferM).toBeUndefined();
    const kmlLike = JSON.parse(JSON.stringify(doseBlock({})));
    kmlLike.features[3].properties.bufferM = ' 7.5 ';
    expect(parseBlock(JSON.stringify(kmlLike)).buffers![0].bufferM).toBe(7.5);
    const out = blockPlanToGeoJson(plan(5)).features.filter((f) => f.properties.kind === 'buffer');
    expect(out.map((f) => [f.properties.id, f.properties.bufferM])).toEqual([['canal', 5]]);
  });

  it('a bad bufferM or a buffer that is not a polygon is BLOCK_BAD_GEOMETRY naming the feature and key', () => {
    const neg = badBlock({ bufferM: -2 });
    expect(neg.code).toBe('BLOCK_BAD_GEOMETRY');
    expect(neg.message).toBe('buffer "canal" (feature 1): properties.bufferM must be a number ≥ 0, got -2');
    expect(badBlock({ bufferM: 'wide' }).message).toMatch(/properties\.bufferM must be a number ≥ 0, got "wide"/);
    const pt = badBlock({}, { type: 'Point', coordinates: rect(0, 41, 1, 42)[0][0] });
    expect(pt.message).toBe('buffer "canal" (feature 1): a buffer must be a Polygon or MultiPolygon, got Point');
  });
});

describe('the buffer rule: the spreader stays shut within bufferM of the water', () => {
  it('no swath of the drone plan reaches into the 5 m strip; with bufferM 0 they run to the bund', () => {
    // paddies span y 0–40 m, the canal starts at y 41: the strip is y ≥ 36
    const edge = (p: BlockPlan) =>
      Math.max(...p.machines.flatMap((m) => m.route.filter((s) => s.kind === 'swath').flatMap((s) => s.points.map((q) => q[1]))));
    const halfW = plan(5).machines[0].vehicle.workingWidthM / 2;
    expect(edge(plan(5)) + halfW).toBeLessThanOrEqual(36 + 0.05);
    expect(edge(plan(0)) + halfW).toBeGreaterThan(39);
    const strips = blockBufferStrips(plan(5).block);
    const stripM2 = strips[0][0]
      ? Math.abs(strips[0][0].outer.reduce((a, q, i, r) => a + q[0] * r[(i + 1) % r.length][1] - r[(i + 1) % r.length][0] * q[1], 0)) / 2
      : 0;
    expect(stripM2).toBeCloseTo(60 * 4, 0);
    // the independent checker knows no buffers: the only thing it finds is the strip left unspread
    // (4 of 40 m: 90 % of each paddy is the worked part, the swaths' edge reaches a little past it)
    const checked = checkBlock(JSON.stringify(doseBlock({ bufferM: 5 })), blockPlanToGeoJson(plan(5)));
    expect(checked.problems).toHaveLength(1);
    expect(checked.problems[0]).toMatch(/^coverage < 99\.5 % on 2 paddies/);
    expect(checked.coverageMinPct).toBeGreaterThan(89.5);
    expect(checkBlock(JSON.stringify(doseBlock({ bufferM: 0 })), blockPlanToGeoJson(plan(0))).problems).toEqual([]);
  }, 60_000);

  it('wind toward the canal: product still drifts into the strip and canal, much less when the plan leaves the strip out', () => {
    const none = intoBuffer(0).dose!,
      five = intoBuffer(5).dose!;
    expect(none.intoBufferKg).toBeGreaterThan(0);
    expect(five.intoBufferKg).toBeLessThan(none.intoBufferKg * 0.5);
    expect(five.zones.map((z) => z.id)).toEqual(['a:field', 'b:field']);
    // the zones are the paddies less the strip: 60 × 36 m each
    expect(five.zones[0].areaHa).toBeCloseTo(0.216, 3);
  }, 120_000);
});

describe('simulate BLOCK with buffer features', () => {
  async function cli(...argv: string[]) {
    let stdout = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      stdout += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const exit = await simulate.run(argv);
    vi.restoreAllMocks();
    return { exit, json: JSON.parse(stdout) };
  }

  it('reports dose.intoBufferKg without any dose flag; --buffer M is the distance of buffers that give none', async () => {
    const file = join(dir, 'canal.geojson');
    writeFileSync(file, JSON.stringify(doseBlock({})));
    const plain = await cli(file, '--wind', '5@180', '--cell', '1', '--json');
    const strip = await cli(file, '--wind', '5@180', '--buffer', '5', '--cell', '1', '--json');
    expect(plain.exit).toBe(0);
    // without --buffer only the canal is a buffer; with it the 5 m strip too (not spread, but drifted on)
    expect(plain.json.metrics.dose.intoBufferKg).toBeGreaterThan(0);
    expect(strip.json.metrics.dose.intoBufferKg).toBeGreaterThan(0);
    expect(plain.json.metrics.dose.zones[0].areaHa).toBeCloseTo(0.24, 3);
    expect(strip.json.metrics.dose.zones[0].areaHa).toBeCloseTo(0.216, 3);
    const calm = await cli(file, '--cell', '1', '--json');
    expect(calm.json.metrics.dose.intoBufferKg).toBeGreaterThanOrEqual(0);
    expect(calm.json.metrics.dose.wind.speedMps).toBe(0);
  }, 120_000);
});
