/**
 * Variable rate on a block (issue 18): the fleet's drones change rate per zone as they cross from
 * one paddy's zone to the next, the run keeps one dose raster of the block, and `simulate BLOCK
 * --prescription` reports `metrics.dose` per paddy zone.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { paddyField, parseBlock, planBlock, type BlockPlan } from '../../src/block/index.js';
import { readFileSync } from 'node:fs';
import { command as blockCommand } from '../../src/cli/commands/block.js';
import { command as simulate } from '../../src/cli/commands/simulate.js';
import { ERROR_CODES, type AgrisimError } from '../../src/errors.js';
import { clipPrescription, parsePrescriptionGeoJson } from '../../src/prescription/index.js';
import { createFleetSimulation, runToEnd, type FleetMetrics, type WindOptions } from '../../src/sim/index.js';
import { doseBlock, twoPaddyZones } from './dose-block.js';

const dir = mkdtempSync(join(tmpdir(), 'agrisim-block-dose-'));
const BLOCK = join(dir, 'block.geojson');
const ZONES = join(dir, 'zones.geojson');
writeFileSync(BLOCK, JSON.stringify(doseBlock()));
writeFileSync(ZONES, JSON.stringify(twoPaddyZones()));

let planned: BlockPlan | undefined;
function plan(): BlockPlan {
  planned ??= planBlock(parseBlock(JSON.stringify(doseBlock()), { sourceName: 'dose-block.geojson' }), 'drone', { machines: 2 });
  return planned;
}

function run(wind?: WindOptions, seed = 1): FleetMetrics {
  const p = plan();
  const map = parsePrescriptionGeoJson(twoPaddyZones());
  const prescriptions = p.block.paddies.map((paddy) => clipPrescription(map, paddyField(paddy, p.block), { allowMiss: true }));
  return runToEnd(
    createFleetSimulation({ plan: p, seed, raster: { cellM: 0.5 }, dose: { prescriptions, cellM: 0.5, ...(wind ? { wind } : {}) } }),
  ).metrics;
}

async function cli(...argv: string[]): Promise<{ exit: number; stdout: string; code?: string }> {
  return runCommand(simulate, argv);
}

async function runCommand(cmd: typeof simulate, argv: string[]): Promise<{ exit: number; stdout: string; code?: string }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    return { exit: await cmd.run(argv), stdout };
  } catch (e) {
    const error = e as AgrisimError;
    if (!error.code) throw e;
    return { exit: ERROR_CODES[error.code as keyof typeof ERROR_CODES]?.exit ?? 70, stdout, code: error.code };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('block dose: two drones, one zone per paddy', () => {
  it('applies 50 and 110 kg/ha within 7 % per paddy zone in calm air; mass balance holds', () => {
    const m = run();
    const dose = m.dose!;
    expect(dose.zones.map((z) => [z.id, z.rateKgPerHa])).toEqual([
      ['a:low', 50],
      ['b:high', 110],
    ]);
    for (const z of dose.zones) {
      expect(z.prescribedKg).toBeCloseTo((z.rateKgPerHa * 2400) / 10_000, 1);
      expect(Math.abs(z.appliedKg - z.prescribedKg) / z.prescribedKg).toBeLessThan(0.07);
    }
    // everything emitted landed somewhere: on a zone, off target (bund, outside) or in a buffer
    expect(dose.onTargetKg + dose.offTargetKg + dose.intoBufferKg).toBeCloseTo(dose.emittedKg, 1);
    expect(m.inputUsed).toBeCloseTo(dose.emittedKg, 2);
    expect(dose.offTargetKg / dose.emittedKg).toBeLessThan(0.06);
    expect(m.machines.map((x) => x.id)).toEqual(['drone-1', 'drone-2']);
  }, 60_000);

  it('a 6 m/s wind across the block puts more product off target than calm air, and is the same for the same seed', () => {
    const calm = run().dose!;
    const wind = { speedMps: 6, fromDeg: 180, gustSigmaMps: 1 };
    const windy = run(wind).dose!;
    expect(windy.offTargetKg).toBeGreaterThan(calm.offTargetKg * 1.5);
    expect(windy.offTargetDownwindPct).toBeGreaterThan(60);
    expect(run(wind)).toEqual(run(wind));
  }, 120_000);
});

describe('block dose properties (seeded)', () => {
  it('mass balance for the fleet: flow integrated over time = fuel of both tanks = product landed, within 0.5 %', () => {
    const p = plan();
    const map = parsePrescriptionGeoJson(twoPaddyZones());
    const prescriptions = p.block.paddies.map((paddy) => clipPrescription(map, paddyField(paddy, p.block), { allowMiss: true }));
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: 0, max: 8, noNaN: true }),
        fc.integer({ min: 0, max: 359 }),
        (seed, windMps, fromDeg) => {
          const sim = createFleetSimulation({
            plan: p,
            seed,
            raster: { cellM: 0.5 },
            dose: { prescriptions, cellM: 1, wind: { speedMps: windMps, fromDeg, gustSigmaMps: 1 } },
          });
          let flowKg = 0;
          const { metrics } = runToEnd(sim, { onFrame: (f) => f.vehicles.forEach((v) => (flowKg += (v.dose?.flowKgPerS ?? 0) * 0.1)) });
          const raster = sim.dose!.raster;
          const landedKg = raster.massKg.reduce((a, b) => a + b, 0) + raster.lostKg + sim.dose!.driftLostKg;
          expect(metrics.inputUsed).toBeGreaterThan(30);
          expect(Math.abs(flowKg - metrics.inputUsed) / metrics.inputUsed).toBeLessThan(0.005);
          expect(Math.abs(landedKg - metrics.inputUsed) / metrics.inputUsed).toBeLessThan(0.005);
        },
      ),
      { seed: 18, numRuns: 3 },
    );
  }, 120_000);
});

describe('block run description', () => {
  it("carries each paddy's zones (kind zone, with the rate) for a viewer to draw beside the dose", () => {
    const p = plan();
    const map = parsePrescriptionGeoJson(twoPaddyZones());
    const prescriptions = p.block.paddies.map((paddy) => clipPrescription(map, paddyField(paddy, p.block), { allowMiss: true }));
    const sim = createFleetSimulation({ plan: p, dose: { prescriptions } });
    const zones = (sim.describe().planGeoJson.features as { properties: Record<string, unknown> }[]).filter(
      (f) => f.properties.kind === 'zone',
    );
    expect(zones.map((f) => [f.properties.id, f.properties.paddy, f.properties.rateKgPerHa])).toEqual([
      ['a:low', 'a', 50],
      ['b:high', 'b', 110],
    ]);
    const plain = createFleetSimulation({ plan: p }).describe().planGeoJson.features as { properties: Record<string, unknown> }[];
    expect(plain.some((f) => f.properties.kind === 'zone')).toBe(false);
  });
});

describe('simulate BLOCK --prescription', () => {
  it('--json: metrics.dose per paddy zone beside the fleet metrics; the table prints the zones', async () => {
    const r = await cli(BLOCK, '--machines', '2', '--prescription', ZONES, '--wind', '4@0', '--cell', '1', '--json');
    expect(r.exit).toBe(0);
    const m = JSON.parse(r.stdout).metrics;
    expect(m.makespanS).toBeGreaterThan(0);
    expect(m.dose.zones.map((z: { id: string }) => z.id)).toEqual(['a:low', 'b:high']);
    expect(m.dose.wind).toEqual({ speedMps: 4, fromDeg: 0, gustSigmaMps: 0 });
    expect(m.dose.offTargetKg).toBeGreaterThan(0);
    for (const k of ['underDosedPct', 'overDosedPct', 'intoBufferKg']) expect(typeof m.dose[k]).toBe('number');
    const table = await cli(BLOCK, '--prescription', ZONES, '--cell', '1');
    expect(table.stdout).toMatch(/a:low/);
    expect(table.stdout).toMatch(/b:high/);
  }, 120_000);

  it('a map that touches no paddy is PRESCRIPTION_MISSES_FIELD (exit 3); transplanter blocks take no prescription', async () => {
    const away = join(dir, 'away.geojson');
    writeFileSync(away, JSON.stringify(twoPaddyZones(5000)));
    expect(await cli(BLOCK, '--prescription', away)).toMatchObject({ exit: 3, code: 'PRESCRIPTION_MISSES_FIELD' });
    expect(await cli('fields/thai-binh-block.geojson', '--vehicle', 'transplanter', '--wind', '3@90')).toMatchObject({
      code: 'SIM_INVALID_OPTION',
    });
  }, 60_000);
});

describe('block --prescription', () => {
  it("--json adds the zones per paddy; each machine's .plan changes the rate servo for 50 and 110 kg/ha", async () => {
    const out = join(dir, 'fleet.plan');
    const r = await runCommand(blockCommand, [BLOCK, '--machines', '2', '--prescription', ZONES, '--out', out, '--json']);
    expect(r.exit).toBe(0);
    const m = JSON.parse(r.stdout);
    expect(m.prescription.zones.map((z: { id: string; ratePerHa: number }) => [z.id, z.ratePerHa])).toEqual([
      ['a:low', 50],
      ['b:high', 110],
    ]);
    expect(m.prescription.prescribedKg).toBeCloseTo(38.4, 2);
    const pwm = new Set<number>();
    for (const machine of m.vehicles as { id: string }[]) {
      const mission = JSON.parse(readFileSync(join(dir, `fleet-${machine.id}.plan`), 'utf8'));
      for (const it of mission.mission.items) if (it.command === 183 && it.params[0] === 10) pwm.add(it.params[1]);
    }
    // PWM linear from 1100 at 0 to 1900 at the highest rate (110 kg/ha)
    expect(pwm).toEqual(new Set([1100 + Math.round((800 * 50) / 110), 1900]));
    expect(
      await runCommand(blockCommand, ['fields/thai-binh-block.geojson', '--vehicle', 'transplanter', '--prescription', ZONES]),
    ).toMatchObject({ exit: 2, code: 'CLI_USAGE' });
  }, 60_000);
});
