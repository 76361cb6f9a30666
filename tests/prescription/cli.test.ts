/**
 * `simulate` and `plan` with --prescription, --wind and --buffer, called in-process (the command
 * objects the CLI runs), stdout captured.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { command as plan } from '../../src/cli/commands/plan.js';
import { command as simulate } from '../../src/cli/commands/simulate.js';
import { ERROR_CODES, readFieldFile, type AgrisimError } from '../../src/index.js';
import { measuredAssumptions, measuredRunOf } from '../../src/economics/index.js';
import { paddy, twoZoneGeoJson } from './helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-rx-cli-'));
const ZONES = join(dir, 'zones.geojson');
const FIELD = 'fields/paddy-40x120.geojson';

async function run(cmd: typeof plan, ...argv: string[]): Promise<{ exit: number; stdout: string; code?: string; error?: AgrisimError }> {
  let stdout = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { exit: await cmd.run(argv), stdout };
  } catch (e) {
    const error = e as AgrisimError;
    return { exit: ERROR_CODES[error.code]?.exit ?? 70, stdout, code: error.code, error };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

beforeAll(async () => {
  writeFileSync(ZONES, JSON.stringify(twoZoneGeoJson(await paddy())));
});
afterEach(() => vi.restoreAllMocks());

describe('CLI with a prescription', () => {
  it('simulate --prescription --wind --buffer --json: the dose object, per zone and off target', async () => {
    const r = await run(simulate, FIELD, '--prescription', ZONES, '--wind', '6@12~1', '--buffer', '2', '--cell', '1', '--json');
    expect(r.exit).toBe(0);
    const { metrics } = JSON.parse(r.stdout);
    expect(metrics.dose.zones.map((z: { id: string }) => z.id)).toEqual(['low', 'high']);
    expect(metrics.dose.wind).toEqual({ speedMps: 6, fromDeg: 12, gustSigmaMps: 1 });
    expect(metrics.dose.intoBufferKg).toBeGreaterThan(0);
    expect(metrics.dose.emittedKg).toBeCloseTo(metrics.inputUsed, 2);
    // the worked paddy is the 36 × 116 m left inside the 2 m strip (0.4176 ha), less the 6 m/s
    // granule carry (≈ 1.6 m) on its downwind edges: the strip widens where the wind blows toward it
    expect(metrics.fieldAreaHa).toBeCloseTo(0.4051, 3);
  });

  it('simulate prints the dose table; without the options there is no dose', async () => {
    const table = await run(simulate, FIELD, '--prescription', ZONES, '--cell', '1');
    expect(table.stdout).toMatch(/dose \(granular, calm; rate lag τ 0\.6 s/);
    expect(table.stdout).toMatch(/^low\s+50\.0\s+0\.240\s+12\.00/m);
    const plain = await run(simulate, FIELD, '--cell', '1', '--json');
    expect(JSON.parse(plain.stdout).metrics.dose).toBeUndefined();
  });

  it('plan --prescription --json adds the zones; --out .xml writes TZNs', async () => {
    const r = await run(plan, FIELD, '--prescription', ZONES, '--json');
    expect(r.exit).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.prescription.zones.map((z: { id: string }) => z.id)).toEqual(['low', 'high']);
    expect(m.prescription.zones[0].prescribedKg).toBeCloseTo(12, 1);
    expect(m.prescription.zones[1].prescribedKg).toBeCloseTo(26.4, 1);
    expect(m.prescription.defaultRatePerHa).toBe(70);
    const xml = join(dir, 'TASKDATA.XML');
    expect((await run(plan, FIELD, '--prescription', ZONES, '--out', xml)).exit).toBe(0);
    // two zones, the default zone (the drone's 70 kg/ha) and the out-of-field zone at 0
    expect(readFileSync(xml, 'utf8').match(/<TZN /g)).toHaveLength(4);
  });

  it('bad input: a map with overlapping zones exits 3 naming them; a bad --wind or --buffer exits 2', async () => {
    const zones = twoZoneGeoJson(await paddy());
    (zones.features[0].geometry.coordinates as number[][][]) = zones.features[1].geometry.coordinates as number[][][];
    const bad = join(dir, 'overlap.geojson');
    writeFileSync(bad, JSON.stringify(zones));
    const r = await run(simulate, FIELD, '--prescription', bad);
    expect(r).toMatchObject({ exit: 3, code: 'PRESCRIPTION_ZONE_OVERLAP' });
    expect(r.error?.message).toMatch(/"low" and "high"/);
    expect(await run(simulate, FIELD, '--wind', 'strong')).toMatchObject({ exit: 2, code: 'CLI_USAGE' });
    expect(await run(plan, FIELD, '--buffer', '-1')).toMatchObject({ exit: 2, code: 'CLI_USAGE' });
    expect(await run(plan, FIELD, '--prescription', join(dir, 'none.zip'))).toMatchObject({ exit: 3, code: 'IO_READ' });
  });

  it('a block of paddies: a map over one paddy, the others at the default rate; a map over none is refused', async () => {
    const block = await readFieldFile('fields/thai-binh-block.geojson');
    const second = join(dir, 'second.geojson');
    writeFileSync(
      second,
      JSON.stringify({
        type: 'FeatureCollection',
        properties: { defaultRateKgPerHa: 60 },
        features: [
          { type: 'Feature', id: 'p2', properties: { rateKgPerHa: 90 }, geometry: { type: 'Polygon', coordinates: [block[1].lonLat[0]] } },
        ],
      }),
    );
    const r = await run(simulate, 'fields/thai-binh-block.geojson', '--paddies', '2', '--prescription', second, '--cell', '1', '--json');
    expect(r.exit).toBe(0);
    const zones = JSON.parse(r.stdout).metrics.dose.zones;
    expect(zones.map((z: { id: string; rateKgPerHa: number }) => [z.id, z.rateKgPerHa])).toEqual([
      [`${block[0].id}:default`, 60],
      [`${block[1].id}:p2`, 90],
    ]);
    expect(await run(simulate, 'fields/thai-binh-block.geojson', '--paddies', '2', '--prescription', ZONES, '--cell', '1')).toMatchObject({
      exit: 3,
      code: 'PRESCRIPTION_MISSES_FIELD',
    });
  });

  it('savings: the extra product comes from the dose raster (spread beyond the prescription), not the coverage overlap', async () => {
    const r = await run(simulate, FIELD, '--prescription', ZONES, '--cell', '1', '--json');
    const { metrics } = JSON.parse(r.stdout);
    const measured = measuredAssumptions('fertilizing', { label: 'rx', vehicleKind: 'drone', guided: measuredRunOf(metrics) });
    const extra = (100 * (metrics.dose.emittedKg - metrics.dose.prescribedKg)) / metrics.dose.prescribedKg;
    expect(extra).toBeGreaterThan(3);
    expect(measured['drone.overlapPct'].value).toBeCloseTo(Math.min(15, extra), 2);
    expect(measured['drone.overlapPct'].source).toMatch(/kg prescribed .*dose raster/);
  });
});
