/**
 * Dose model properties (seeded fast-check): mass balance (what left the tank = flow integrated
 * over time = what landed, within 0.5 %) and a dose raster deterministic per seed.
 */
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  clipPrescription,
  createSimulation,
  fieldFromMetres,
  getVehicle,
  parsePrescriptionGeoJson,
  planField,
  runToEnd,
  toLonLat,
  type Plan,
  type Prescription,
} from '../../src/index.js';

const FIELD = fieldFromMetres(
  [
    [
      [0, 0],
      [30, 0],
      [30, 64],
      [0, 64],
    ],
  ],
  [106.35, 20.65],
  { id: 'prop-paddy' },
);
const PLAN: Plan = planField(FIELD, getVehicle('drone', { workingWidthM: 6 }));

/** Two zones split across the paddy at `splitFrac` of its length (local metres of the field). */
function split(low: number, high: number, splitFrac: number): Prescription {
  const ys = FIELD.polygon.outer.map((p) => p[1]),
    xs = FIELD.polygon.outer.map((p) => p[0]);
  const [x0, x1, y0, y1] = [Math.min(...xs) - 50, Math.max(...xs) + 50, Math.min(...ys), Math.max(...ys)];
  const ym = y0 + (y1 - y0) * splitFrac;
  const box = (a: number, b: number) =>
    [
      [x0, a],
      [x1, a],
      [x1, b],
      [x0, b],
      [x0, a],
    ].map((p) => toLonLat(FIELD.projection, p));
  return clipPrescription(
    parsePrescriptionGeoJson({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'a', properties: { rateKgPerHa: low }, geometry: { type: 'Polygon', coordinates: [box(y0 - 50, ym)] } },
        { type: 'Feature', id: 'b', properties: { rateKgPerHa: high }, geometry: { type: 'Polygon', coordinates: [box(ym, y1 + 50)] } },
      ],
    }),
    FIELD,
  );
}

const arbRun = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  low: fc.integer({ min: 0, max: 200 }),
  high: fc.integer({ min: 1, max: 200 }),
  split: fc.double({ min: 0.2, max: 0.8, noNaN: true }),
  windMps: fc.double({ min: 0, max: 8, noNaN: true }),
  fromDeg: fc.integer({ min: 0, max: 359 }),
  gustMps: fc.double({ min: 0, max: 2, noNaN: true }),
  liquid: fc.boolean(),
});

describe('dose properties', () => {
  it('mass balance: tank drawdown = flow integrated over time = product landed (raster + beyond it), within 0.5 %', () => {
    fc.assert(
      fc.property(arbRun, (r) => {
        const rx = split(r.low, r.high, r.split);
        const sim = createSimulation({
          plan: PLAN,
          seed: r.seed,
          dose: {
            prescriptions: [rx],
            wind: { speedMps: r.windMps, fromDeg: r.fromDeg, gustSigmaMps: r.gustMps },
            ...(r.liquid ? { product: 'liquid' as const } : {}),
          },
        });
        let flowIntegralKg = 0,
          drawdownKg = 0;
        let lastTank = -1;
        const { metrics } = runToEnd(sim, {
          onFrame: (f) => {
            for (const v of f.vehicles) {
              flowIntegralKg += (v.dose?.flowKgPerS ?? 0) * 0.1;
              const tank = v.tank!.kg;
              if (lastTank >= 0 && tank < lastTank) drawdownKg += lastTank - tank;
              lastTank = tank;
            }
          },
        });
        const raster = sim.dose!.raster;
        const landedKg = raster.massKg.reduce((a, b) => a + b, 0) + raster.lostKg + sim.dose!.driftLostKg;
        const emitted = metrics.inputUsed;
        expect(emitted).toBeGreaterThan(0);
        expect(Math.abs(flowIntegralKg - emitted) / emitted).toBeLessThan(0.005);
        expect(Math.abs(landedKg - emitted) / emitted).toBeLessThan(0.005);
        // frames report the tank to the gram: the drawdown telescopes, rounding adds a gram per refill at most
        expect(Math.abs(drawdownKg - emitted)).toBeLessThan(0.005 * emitted + 0.001 * (metrics.refills + 1));
        expect(metrics.dose!.onTargetKg + metrics.dose!.offTargetKg + metrics.dose!.intoBufferKg).toBeCloseTo(landedKg, 2);
      }),
      { seed: 18, numRuns: 8 },
    );
  });

  it('the dose raster is deterministic per seed (gusty wind), and gusts differ between seeds', () => {
    const hash = (seed: number) => {
      const sim = createSimulation({
        plan: PLAN,
        seed,
        dose: { prescriptions: [split(50, 110, 0.5)], wind: { speedMps: 5, fromDeg: 80, gustSigmaMps: 1.5 } },
      });
      runToEnd(sim);
      return createHash('sha256').update(new Uint8Array(sim.dose!.raster.massKg.buffer)).digest('hex');
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        expect(hash(seed)).toBe(hash(seed));
        expect(hash(seed)).not.toBe(hash(seed + 1));
      }),
      { seed: 18, numRuns: 4 },
    );
  });
});
