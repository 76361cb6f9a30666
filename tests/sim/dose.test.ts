/**
 * Variable-rate dose: a two-zone prescription applied per zone, wind and drift off target,
 * rate ramps at zone borders, water buffers.
 */
import { describe, expect, it } from 'vitest';
import {
  clipPrescription,
  createSimulation,
  getVehicle,
  parsePrescriptionGeoJson,
  planField,
  runToEnd,
  withoutBuffer,
  type Field,
  type Plan,
  type Prescription,
  type RunMetrics,
  type SimFrame,
  type WindOptions,
} from '../../src/index.js';
import { scenarioFromObject } from '../../src/scenario/index.js';
import { paddy, twoZoneGeoJson } from '../prescription/helpers.js';

/** An 8 m spreader on the 40 m paddy: 3 swaths and one headland lap fit it with 2 % overlap (7 m leaves 6.5 %). */
const DRONE_8M = getVehicle('drone', { workingWidthM: 8 });

interface Case {
  field: Field;
  plan: Plan;
  rx: Prescription;
}
let cached: Case | undefined;
async function twoZones(): Promise<Case> {
  if (cached) return cached;
  const field = await paddy();
  cached = { field, plan: planField(field, DRONE_8M), rx: clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field)), field) };
  return cached;
}

/** Compass bearing (degrees from north) of the plan's swaths, from the sweep angle (degrees from east, CCW). */
const swathBearing = (plan: Plan) => (((90 - plan.metrics.swaths.angleDeg) % 360) + 360) % 360;

function run(c: Case, wind?: WindOptions, seed = 1, keepFrames = false): { m: RunMetrics; frames?: SimFrame[] } {
  const sim = createSimulation({ plan: c.plan, seed, dose: { prescriptions: [c.rx], ...(wind ? { wind } : {}) } });
  const out = runToEnd(sim, { keepFrames });
  return { m: out.metrics, frames: out.frameList };
}

describe('dose: two-zone prescription', () => {
  it('applies 50 and 110 kg/ha within 7 % per zone in calm air', async () => {
    const c = await twoZones();
    const { m } = run(c);
    const dose = m.dose!;
    expect(dose.zones.map((z) => z.id)).toEqual(['low', 'high']);
    for (const z of dose.zones) {
      expect(Math.abs(z.appliedKg - z.prescribedKg) / z.prescribedKg).toBeLessThan(0.07);
      expect(Math.abs(z.meanRateKgPerHa - z.rateKgPerHa) / z.rateKgPerHa).toBeLessThan(0.07);
    }
    expect(dose.zones[0].prescribedKg).toBeCloseTo(50 * 0.24, 1);
    expect(dose.zones[1].prescribedKg).toBeCloseTo(110 * 0.24, 1);
    // the trapezoid's tails leave the paddy on the headland lap: a little product off target, under 5 %
    expect(dose.offTargetKg).toBeGreaterThan(0);
    expect(dose.offTargetKg / dose.emittedKg).toBeLessThan(0.05);
    expect(dose.intoBufferKg).toBe(0);
    expect(dose.underDosedPct + dose.overDosedPct).toBeLessThan(40);
    expect(m.inputUsed).toBeCloseTo(dose.emittedKg, 2);
  });

  it('ramps the rate at the border: the controller passes through rates between the zones', async () => {
    const c = await twoZones();
    const { frames } = run(c, undefined, 1, true);
    const rates = frames!.flatMap((f) => f.vehicles.filter((v) => v.implementOn && v.dose).map((v) => v.dose!));
    const between = rates.filter((d) => d.ratePerHa > 60 && d.ratePerHa < 100);
    const settled = rates.filter((d) => Math.abs(d.ratePerHa - d.setPointPerHa) < 0.5);
    expect(between.length).toBeGreaterThan(3);
    // the ramp lasts about 3τ (≈ 2 s = 20 ticks) per crossing; most ticks are settled
    expect(between.length).toBeLessThan(rates.length * 0.2);
    expect(settled.length).toBeGreaterThan(rates.length * 0.7);
    expect(new Set(rates.map((d) => d.setPointPerHa))).toEqual(new Set([50, 110]));
  });

  it('a 6 m/s cross wind puts more product off target than calm air, and most of it downwind', async () => {
    const c = await twoZones();
    const fromDeg = swathBearing(c.plan) + 90;
    const calm = run(c, { speedMps: 0, fromDeg }).m.dose!;
    const windy = run(c, { speedMps: 6, fromDeg }).m.dose!;
    const other = run(c, { speedMps: 6, fromDeg: fromDeg + 180 }).m.dose!;
    expect(windy.offTargetKg).toBeGreaterThan(calm.offTargetKg * 1.3);
    expect(calm.offTargetDownwindPct).toBeGreaterThan(35);
    expect(calm.offTargetDownwindPct).toBeLessThan(65);
    expect(windy.offTargetDownwindPct).toBeGreaterThan(75);
    expect(other.offTargetDownwindPct).toBeGreaterThan(75);
    expect(windy.emittedKg).toBeCloseTo(calm.emittedKg, 1);
  });

  it('a water buffer strip: the spreader stays off it, and what the wind still carries in is reported', async () => {
    const field = await paddy();
    // 4 m strips leave a 32 m wide worked paddy: one 8 m headland lap and two swaths fit it exactly
    const { worked, buffer } = withoutBuffer(field, 4);
    const plan = planField(worked, DRONE_8M);
    const rx = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field)), worked);
    const fromDeg = swathBearing(plan) + 90;
    const dose = (wind?: WindOptions) =>
      runToEnd(createSimulation({ plan, seed: 1, dose: { prescriptions: [rx], buffers: [buffer], ...(wind ? { wind } : {}) } })).metrics
        .dose!;
    const calm = dose();
    const windy = dose({ speedMps: 6, fromDeg });
    expect(calm.intoBufferKg).toBeGreaterThan(0);
    expect(calm.intoBufferKg / calm.emittedKg).toBeLessThan(0.05);
    expect(windy.intoBufferKg + windy.offTargetKg).toBeGreaterThan(calm.intoBufferKg + calm.offTargetKg);
    for (const z of calm.zones) expect(Math.abs(z.appliedKg - z.prescribedKg) / z.prescribedKg).toBeLessThan(0.1);
  });

  it('liquids (L/ha): nozzle pattern and spray drift reaching tens of metres downwind', async () => {
    const field = await paddy();
    const plan = planField(field, DRONE_8M);
    const rx = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field, 15, 30, 'rateLPerHa')), field);
    expect(rx.product).toBe('liquid');
    const fromDeg = swathBearing(plan) + 90;
    const dose = (wind?: WindOptions) =>
      runToEnd(createSimulation({ plan, seed: 1, dose: { prescriptions: [rx], ...(wind ? { wind } : {}) } })).metrics.dose!;
    // calm air with the same direction, so the downwind side is the same half
    const calm = dose({ speedMps: 0, fromDeg });
    const windy = dose({ speedMps: 6, fromDeg });
    expect(calm.product).toBe('liquid');
    expect(calm.unit).toBe('L/ha');
    for (const z of calm.zones) expect(Math.abs(z.appliedKg - z.prescribedKg) / z.prescribedKg).toBeLessThan(0.07);
    expect(windy.offTargetKg).toBeGreaterThan(calm.offTargetKg);
    // Rautmann field-crop curve at 1 m is 2.76 % at 3 m/s; scaled to 6 m/s about 5.5 % of the spray is airborne
    expect((windy.offTargetKg - calm.offTargetKg) / windy.emittedKg).toBeGreaterThan(0.01);
    // the nozzle plumes' tails leave the paddy on both sides in calm air; the wind tips the balance downwind
    expect(calm.offTargetDownwindPct).toBeGreaterThan(35);
    expect(calm.offTargetDownwindPct).toBeLessThan(65);
    expect(windy.offTargetDownwindPct).toBeGreaterThan(calm.offTargetDownwindPct + 10);
  });

  it('refuses bad dose options with SIM_INVALID_OPTION or PRESCRIPTION_INVALID_OPTION', async () => {
    const c = await twoZones();
    expect(() => createSimulation({ plan: c.plan, dose: { rateTauS: 0 } })).toThrow(
      expect.objectContaining({ code: 'SIM_INVALID_OPTION' }),
    );
    expect(() => createSimulation({ plan: c.plan, dose: { wind: { speedMps: 50, fromDeg: 0 } } })).toThrow(
      expect.objectContaining({ code: 'PRESCRIPTION_INVALID_OPTION' }),
    );
    const other = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(c.field)), { ...c.field, id: 'other' });
    expect(() => createSimulation({ plan: c.plan, dose: { prescriptions: [other] } })).toThrow(
      expect.objectContaining({ code: 'SIM_INVALID_OPTION' }),
    );
  });

  it('a scenario file may give the wind: its runs keep a dose raster; a bad wind names the key', async () => {
    const base = {
      id: 'windy',
      name: 'Windy paddy',
      field: 'fields/paddy-40x120.geojson',
      vehicles: [{ profile: 'drone', guidance: 'rtk' }],
      seed: 2,
      faults: false,
      cellM: 1,
    };
    const f = await scenarioFromObject({ ...base, wind: { speedMps: 4, fromDeg: 90, gustSigmaMps: 1 } }, 'sims', 'windy.json');
    const m = runToEnd(f.create()).metrics;
    expect(m.dose?.wind).toEqual({ speedMps: 4, fromDeg: 90, gustSigmaMps: 1 });
    expect(m.dose?.zones.map((z) => z.id)).toEqual(['field']);
    await expect(scenarioFromObject({ ...base, wind: { speedMps: 40, fromDeg: 90 } }, 'sims', 'windy.json')).rejects.toMatchObject({
      code: 'SIM_SCENARIO_INVALID',
      message: expect.stringMatching(/wind\.speedMps/),
    });
  });
});
