/**
 * `plan --wind`: the plan's predicted drift (the dose model along the planned swaths in the mean
 * wind) and, with `--buffer`, a strip widened on the downwind edges by the drift carry, so the
 * spreader is shut earlier where the wind blows toward the water.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { command as plan } from '../../src/cli/commands/plan.js';
import { downwindCarryM, getVehicle, planField, predictPlanDose, withoutBuffer, type Field } from '../../src/index.js';
import { bounds } from '../../src/geometry/index.js';
import { paddy } from './helpers.js';

const FIELD = 'fields/paddy-40x120.geojson';
const drone = getVehicle('drone');

async function planJson(...argv: string[]): Promise<Record<string, any>> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  try {
    expect(await plan.run([FIELD, ...argv, '--json'])).toBe(0);
  } finally {
    vi.restoreAllMocks();
  }
  return JSON.parse(stdout.split('\n')[0]);
}

afterEach(() => vi.restoreAllMocks());

describe('plan --wind: the predicted drift', () => {
  it('--json carries drift: more off target in 6 m/s than in 2 m/s, mostly downwind; none without --wind', async () => {
    const light = (await planJson('--wind', '2@90')).drift;
    const strong = (await planJson('--wind', '6@90')).drift;
    expect(Object.keys(strong).sort()).toEqual([
      'emittedKg',
      'intoBufferKg',
      'offTargetDownwindPct',
      'offTargetKg',
      'offTargetPct',
      'onTargetKg',
      'product',
      'wind',
    ]);
    expect(strong.wind).toEqual({ speedMps: 6, fromDeg: 90, gustSigmaMps: 0 });
    expect(strong.offTargetKg).toBeGreaterThan(light.offTargetKg);
    expect(strong.offTargetDownwindPct).toBeGreaterThan(80);
    expect(strong.offTargetPct).toBeCloseTo((100 * strong.offTargetKg) / strong.emittedKg, 1);
    // the planned swaths carry the drone's 70 kg/ha over the 0.48 ha paddy (its overlap on top)
    expect(strong.emittedKg).toBeGreaterThan(70 * 0.48 * 0.98);
    expect((await planJson()).drift).toBeUndefined();
  });

  it('predictPlanDose: product is conserved (on + off target + buffer = emitted), the same every call', async () => {
    const p = planField(await paddy(), drone);
    const d = predictPlanDose(p, { wind: { speedMps: 5, fromDeg: 0 } });
    expect(d.onTargetKg + d.offTargetKg + d.intoBufferKg).toBeCloseTo(d.emittedKg, 2);
    expect(predictPlanDose(p, { wind: { speedMps: 5, fromDeg: 0 } })).toEqual(d);
  });
});

describe('--buffer with --wind: the strip widens on the downwind edges', () => {
  it('the worked field loses the drift carry on its downwind side only', async () => {
    const field: Field = await paddy();
    const carryM = downwindCarryM('granular', drone.altitudeM, 6);
    expect(carryM).toBeGreaterThan(1);
    const plain = withoutBuffer(field, 3).worked;
    // wind from the east blows toward the west: the west (min x) edge moves in by the carry
    const windy = withoutBuffer(field, 3, { driftShiftM: [-carryM, 0] }).worked;
    const [px0, py0, px1, py1] = bounds([plain.polygon.outer]);
    const [wx0, wy0, wx1, wy1] = bounds([windy.polygon.outer]);
    expect(wx1).toBeCloseTo(px1, 3);
    expect(wx0).toBeGreaterThan(px0 + 0.3);
    expect(Math.max(wy0 - py0, py1 - wy1)).toBeLessThan(carryM + 0.01);
    expect(windy.areaM2).toBeLessThan(plain.areaM2);
  });

  it('plan --wind --buffer: a smaller worked area, and less product predicted into the strip than without the widening', async () => {
    const field = await paddy();
    const wind = { speedMps: 6, fromDeg: 90 };
    const plain = withoutBuffer(field, 3);
    const carryM = downwindCarryM('granular', drone.altitudeM, 6);
    const windy = withoutBuffer(field, 3, { driftShiftM: [-carryM, 0] });
    const intoStrip = (f: Field) => predictPlanDose(planField(f, drone), { wind, buffers: [plain.buffer] }).intoBufferKg;
    expect(intoStrip(windy.worked)).toBeLessThan(intoStrip(plain.worked) * 0.8);
    const cli = await planJson('--wind', '6@90', '--buffer', '3');
    expect(cli.field.areaHa).toBeCloseTo(windy.worked.areaM2 / 10_000, 3);
    expect(cli.drift.intoBufferKg).toBeGreaterThan(0);
  });
});
