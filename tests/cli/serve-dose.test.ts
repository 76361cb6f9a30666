/**
 * `agrisim serve --prescription/--wind/--buffer`: a scenario streamed with a dose model carries
 * the prescription zones in its description (the viewer draws them), and a map that misses the
 * scenario's paddies is refused before anything listens. Called in-process.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { command as serve, loadServeSpec } from '../../src/cli/commands/serve.js';
import { readDoseInput } from '../../src/cli/prescription-input.js';
import { ERROR_CODES, type AgrisimError } from '../../src/index.js';
import { doseBlock, twoPaddyZones } from '../block/dose-block.js';

const ZONES = 'fields/prescriptions/paddy-40x120-zones.geojson';

describe('serve with a prescription', () => {
  it('streams the zones with their rates in the run description', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-serve-dose-'));
    const path = join(dir, 'paddy.json');
    writeFileSync(
      path,
      JSON.stringify({
        id: 'paddy',
        name: 'paddy',
        field: resolve('fields/paddy-40x120.geojson'),
        vehicles: [{ profile: 'drone', guidance: 'rtk' }],
        seed: 1,
      }),
    );
    const dose = await readDoseInput({ prescription: ZONES, buffer: '2' });
    const [factory] = await loadServeSpec(path, { dose: dose.doseFor, fieldTransform: dose.transform });
    const features = factory.create().describe().planGeoJson.features as { properties: Record<string, unknown> }[];
    const zones = features.filter((f) => f.properties.kind === 'zone').map((f) => [f.properties.id, f.properties.rateKgPerHa]);
    expect(zones).toEqual([
      ['low', 50],
      ['high', 110],
    ]);
    expect(features.filter((f) => f.properties.kind === 'buffer')).toHaveLength(1);
  });

  it('serves a block scenario with the map clipped per paddy, zones in the fleet run description', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'agrisim-serve-block-dose-'));
    writeFileSync(join(dir, 'block.geojson'), JSON.stringify(doseBlock({ bufferM: 3 })));
    writeFileSync(join(dir, 'zones.geojson'), JSON.stringify(twoPaddyZones()));
    const path = join(dir, 'fleet.json');
    writeFileSync(
      path,
      JSON.stringify({ id: 'fleet', name: 'two drones', block: join(dir, 'block.geojson'), vehicle: 'drone', machines: 2, seed: 1 }),
    );
    const dose = await readDoseInput({ prescription: join(dir, 'zones.geojson') });
    const [factory] = await loadServeSpec(path, { dose: dose.doseFor }, { blockDose: dose.doseForBlock });
    const features = factory.create().describe().planGeoJson.features as { properties: Record<string, unknown> }[];
    const zones = features.filter((f) => f.properties.kind === 'zone').map((f) => f.properties.rateKgPerHa);
    expect(zones).toEqual(expect.arrayContaining([50, 110]));
    expect(features.some((f) => f.properties.kind === 'buffer')).toBe(true);
  });

  it('refuses a map that misses the scenario paddies, naming them (exit 3), before listening', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const err = await serve
      .run(['--scenario', 'sims/thai-binh-drone.json', '--prescription', ZONES, '--port', '0', '--host', '127.0.0.1', '--no-viewer'])
      .then(
        () => undefined,
        (e: AgrisimError) => e,
      );
    vi.restoreAllMocks();
    expect(err?.code).toBe('PRESCRIPTION_MISSES_FIELD');
    expect(ERROR_CODES[err!.code].exit).toBe(3);
    expect(err?.message).toMatch(/no zone of the map touches field "tb-block-1" \(zones low, high\)/);
  });
});
