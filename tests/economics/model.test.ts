/**
 * The savings model on hand-checked cases: the arithmetic is written next to each expectation,
 * from the ../shared/ECONOMICS.md defaults.
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS_BY_KEY, checksLine, computeSavings, defaultAssumptionValues, machineCostPerHa, ownershipCost, parseAssumptionNumber, savingsForArea, type MeasuredRun, type RunSummary } from '../../src/economics/index.js';
import { formatNumber, formatVnd } from '../../src/units/index.js';
import { isAgrisimError } from '../../src/errors.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isAgrisimError(e) ? e.code : `not coded: ${String(e)}`;
  }
  return undefined;
}

function measured(overrides: Partial<MeasuredRun> = {}): MeasuredRun {
  return {
    guidance: 'rtk', fieldAreaHa: 1.35, areaCoveredHa: 1.34, fieldCapacityHaPerH: 0.25, overlapPct: 2.6, gapPct: 0.74,
    timeS: { working: 13_759, turning: 786, transit: 3128, refill: 1800, total: 19_473 }, energy: { fuelL: 5.5 }, ...overrides,
  };
}

describe('defaults match ../shared/ECONOMICS.md', () => {
  it.each([
    ['wageVndPerDay', 300_000, [220_000, 350_000]],
    ['manual.transplantPersonDaysPerHa', 25, [15, 40]],
    ['manual.seedlingPersonDaysPerHa', 5, [3, 8]],
    ['manual.hiredTransplantVndPerSao', 300_000, [250_000, 400_000]],
    ['manual.broadcastHPerHa', 3, [2, 5]],
    ['manual.knapsackHPerHa', 4, [3, 14]],
    ['urea.rateKgPerHaSeason', 200, [150, 250]],
    ['drone.serviceVndPerHa', 170_000, [120_000, 250_000]],
    ['drone.priceVnd', 500_000_000, [370_000_000, 700_000_000]],
    ['drone.capacityHaPerH', 5, [4, 6]],
    ['transplanter.capacityHaPerH', 0.25, [0.18, 0.4]],
    ['trays.perHa', 200, [180, 250]],
  ] as const)('%s = %d, range %j', (key, value, range) => {
    const a = ASSUMPTIONS_BY_KEY.get(key)!;
    expect(a.value).toBe(value);
    expect(a.range).toEqual(range);
    expect(a.source.length).toBeGreaterThan(10);
  });

  it('every assumption has a unit, a source and labels in both languages', () => {
    for (const a of ASSUMPTIONS_BY_KEY.values()) {
      expect(a.unit, a.key).not.toBe('');
      expect(a.source, a.key).toMatch(/\w{4}/);
      expect(a.label.en && a.label.vi, a.key).toBeTruthy();
      if (a.range) expect(a.value >= a.range[0] && a.value <= a.range[1], `${a.key} inside its range`).toBe(true);
    }
    // Transplanter fuel 4.5 L/ha (ECONOMICS.md) at 0.25 ha/h is 1.125 L/h.
    expect(ASSUMPTIONS_BY_KEY.get('transplanter.fuelLPerH')!.value).toBe(4.5 * 0.25);
  });
});

describe('hand-checked cases', () => {
  it('manual transplanting of 1 ha: (25 + 5) person-days × 300,000 VND = 9,000,000 VND, 324,000 VND per sào', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1 });
    expect(r.manual.personDays).toBe(30);
    expect(r.manual.hours).toBe(30 * 8);
    expect(r.manual.laborVnd).toBe(9_000_000);
    expect(r.manual.totalVnd).toBe(9_000_000); // no machine, seed costs the same both ways
    // 1 sào = 360 m² = 0.036 ha: 9,000,000 × 0.036 = 324,000
    expect(r.perSao.manualVnd).toBe(324_000);
    expect(r.areaSao).toBeCloseTo(10_000 / 360, 2);
  });

  it('guided transplanter of 1 ha, owned, at the defaults', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1 });
    // machine hours 1 / 0.25 = 4 h; crew 2 × 4 h / 8 = 1 person-day; nursery 4; gap filling 1 % × 25 = 0.25 → 5.25
    expect(r.mechanized.machineHours).toBe(4);
    expect(r.mechanized.personDays).toBe(5.25);
    expect(r.mechanized.laborVnd).toBe(5.25 * 300_000);
    // trays 200 × (1 + 2 %) × 5,000 VND = 1,020,000
    expect(r.mechanized.inputVnd).toBe(1_020_000);
    // P = 350 M + 120 M kit = 470 M, S = 47 M; (P − S)/8 = 52,875,000; 8 % × (P + S)/2 = 20,680,000; 1.5 % × P = 7,050,000
    // fixed 80,605,000 VND/year / 40 ha = 2,015,125 VND/ha
    // repair: 160 h/year × 8 years = 1280 h; 0.32 × 470 M × 1.28^2.1 / 320 ha
    const repair = (0.32 * 470e6 * Math.pow(1.28, 2.1)) / 320;
    // fuel 1.125 L/h × 4 h × 21,000 VND = 94,500
    expect(r.mechanized.machineVnd).toBe(Math.round(2_015_125 + repair + 94_500));
    expect(r.savings.vnd).toBe(r.manual.totalVnd - r.mechanized.totalVnd);
    expect(r.savings.pct).toBeCloseTo((100 * r.savings.vnd) / 9_000_000, 1);
    expect(r.savings.personDays).toBe(30 - 5.25);
    // the unguided transplanter is the alternative: slower (0.1625 ha/h), more overlap and gaps
    expect(r.alternatives).toHaveLength(1);
    expect(r.alternatives[0].method).toBe('unguided-transplanter');
    expect(r.alternatives[0].machineHours).toBeCloseTo(1 / 0.1625, 2);
    expect(r.alternatives[0].inputVnd).toBe(200 * 1.08 * 5000);
  });

  it('fertilizing 1 ha for a season: manual broadcasting vs hired drone', () => {
    const r = computeSavings({ operation: 'fertilizing', areaHa: 1, ownership: 'hire' });
    // 3 h/ha × 3 applications / 8 h = 1.125 person-days × 300,000 = 337,500 VND
    expect(r.manual.personDays).toBe(1.125);
    expect(r.manual.laborVnd).toBe(337_500);
    // 200 kg × (1 + 10 %) × 11,000 VND = 2,420,000 VND
    expect(r.manual.inputVnd).toBe(2_420_000);
    // service 3 × 170,000 = 510,000; the service brings its own crew
    expect(r.mechanized.machineVnd).toBe(510_000);
    expect(r.mechanized.laborVnd).toBe(0);
    // 200 kg × (1 + 3 %) × 11,000 = 2,266,000
    expect(r.mechanized.inputVnd).toBe(2_266_000);
    expect(r.savings.vnd).toBe(337_500 + 2_420_000 - 510_000 - 2_266_000);
  });

  it('drone ownership cost, ASABE EP496', () => {
    const o = ownershipCost({
      priceVnd: 500e6, lifeYears: 5, salvagePct: 10, interestPctPerYear: 8, tihPctPerYear: 1.5, areaPerYearHa: 1500, capacityHaPerH: 5, repairRf1: 0.41, repairRf2: 1.3,
    });
    // (500 − 50) M / 5 = 90 M; 8 % × 550 M / 2 = 22 M; 1.5 % × 500 M = 7.5 M
    expect(o.fixedVndPerYear).toBeCloseTo(119_500_000, 0);
    expect(o.fixedVndPerHa).toBeCloseTo(119_500_000 / 1500, 3);
    // 300 h/year × 5 years = 1500 h: 0.41 × 500 M × 1.5^1.3 over 7500 ha
    expect(o.hoursPerYear).toBe(300);
    expect(o.repairVndPerHa).toBeCloseTo((0.41 * 500e6 * Math.pow(1.5, 1.3)) / 7500, 3);
  });

  it('whole area = per ha × area, per sào = per ha × 0.036', () => {
    const one = computeSavings({ operation: 'spraying', areaHa: 1 });
    const many = computeSavings({ operation: 'spraying', areaHa: 12.5 });
    expect(many.manual.totalVnd).toBe(Math.round(one.perHa.manualVnd * 12.5));
    expect(Math.abs(many.mechanized.totalVnd - one.perHa.mechanizedVnd * 12.5)).toBeLessThanOrEqual(7);
    expect(many.perSao.manualVnd).toBe(Math.round(one.perHa.manualVnd * 0.036));
    // spraying manual: 4 h × 3 / 8 = 1.5 person-days; pesticide 3 × 250,000 × 1.10 = 825,000
    expect(one.manual.personDays).toBe(1.5);
    expect(one.manual.inputVnd).toBe(825_000);
  });
});

describe('checks against published figures', () => {
  it('transplanting: labour −82.5 % (trials −74.7 %), cost vs trials −29.65 %, 324,000 vs hired 300,000 VND/sào', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 3 });
    const c = Object.fromEntries(r.checks.map((x) => [x.id, x]));
    // (30 − 5.25) / 30 = 82.5 %
    expect(c.laborReductionPct).toMatchObject({ modelValue: 82.5, reference: 74.7 });
    expect(c.costReductionPct).toMatchObject({ modelValue: r.savings.pct, reference: 29.65 });
    expect(c.manualVndPerSao).toMatchObject({ modelValue: 324_000, reference: 300_000 });
    expect(checksLine(r.checks, 'vi')).toContain('mô hình 82,5 %, công bố 74,7 %');
  });

  it('drones: the capacity used against the 4–6 ha/h of field reports', () => {
    const r = computeSavings({ operation: 'spraying', areaHa: 1, overrides: { 'drone.capacityHaPerH': 6.2 } });
    expect(r.checks).toEqual([expect.objectContaining({ id: 'droneCapacityHaPerH', modelValue: 6.2, reference: [4, 6] })]);
    expect(checksLine(r.checks, 'en')).toBe('drone capacity: model 6.2 ha/h, published 4–6 ha/h');
  });
});

describe('overrides change exactly what they should', () => {
  it('the wage moves labour only', () => {
    const base = computeSavings({ operation: 'transplanting', areaHa: 1 });
    const r = computeSavings({ operation: 'transplanting', areaHa: 1, overrides: { wageVndPerDay: 250_000 } });
    expect(r.manual.laborVnd).toBe(30 * 250_000);
    expect(r.mechanized.laborVnd).toBe(5.25 * 250_000);
    expect(r.mechanized.machineVnd).toBe(base.mechanized.machineVnd);
    expect(r.mechanized.inputVnd).toBe(base.mechanized.inputVnd);
    expect(r.mechanized.personDays).toBe(base.mechanized.personDays);
    const entry = r.assumptions.find((a) => a.key === 'wageVndPerDay')!;
    expect(entry).toMatchObject({ value: 250_000, overridden: true, fromRun: false });
  });

  it('the urea price moves input cost only, by rate × (1 + overlap) × Δprice', () => {
    const base = computeSavings({ operation: 'fertilizing', areaHa: 2 });
    const r = computeSavings({ operation: 'fertilizing', areaHa: 2, overrides: { 'urea.priceVndPerKg': 12_000 } });
    expect(r.manual.inputVnd - base.manual.inputVnd).toBe(440_000); // 2 ha × 200 kg × 1.10 × 1,000 VND
    expect(r.mechanized.inputVnd - base.mechanized.inputVnd).toBe(412_000); // 2 ha × 200 kg × 1.03 × 1,000 VND
    expect(r.manual.laborVnd).toBe(base.manual.laborVnd);
    expect(r.mechanized.machineVnd).toBe(base.mechanized.machineVnd);
  });

  it('the drone price moves the owner\'s machine cost, not the hired service', () => {
    const v = defaultAssumptionValues();
    const own = machineCostPerHa('fertilizing', v, 'own').machineVnd;
    const own2 = machineCostPerHa('fertilizing', { ...v, 'drone.priceVnd': 600e6 }, 'own').machineVnd;
    expect(own2).toBeGreaterThan(own);
    expect(machineCostPerHa('fertilizing', { ...v, 'drone.priceVnd': 600e6 }, 'hire').machineVnd).toBe(3 * 170_000);
  });

  it('sensitivity: wage +30 % adds 0.3 × 300,000 × (30 − 5.25) person-days to the savings per ha', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1 });
    const wage = r.sensitivity.find((s) => s.factor === 'wage')!;
    expect(wage.highSavingsVndPerHa - wage.baseSavingsVndPerHa).toBe(90_000 * 24.75);
    expect(wage.baseSavingsVndPerHa - wage.lowSavingsVndPerHa).toBe(90_000 * 24.75);
    expect(r.sensitivity.map((s) => s.factor)).toEqual(['wage', 'machinePrice', 'areaPerYear', 'inputPrice']);
    const price = r.sensitivity.find((s) => s.factor === 'machinePrice')!;
    expect(price.lowSavingsVndPerHa).toBeGreaterThan(price.highSavingsVndPerHa);
  });

  it('break-even: owning a drone beats hiring from the reported area per year, not 1 % below it', () => {
    const r = computeSavings({ operation: 'fertilizing', areaHa: 1 });
    const be = r.breakEvenHaPerYear.ownVsHire!;
    expect(be).toBeGreaterThan(100);
    const at = (ha: number) => computeSavings({ operation: 'fertilizing', areaHa: 1, overrides: { 'drone.areaPerYearHa': ha } }).mechanized.totalVnd;
    const hire = computeSavings({ operation: 'fertilizing', areaHa: 1, ownership: 'hire' }).mechanized.totalVnd;
    expect(at(be)).toBeLessThanOrEqual(hire + 1);
    expect(at(be * 0.99)).toBeGreaterThan(hire);
  });
});

describe('runs', () => {
  const run = (guided: Partial<MeasuredRun>, manual?: Partial<MeasuredRun>): RunSummary => ({
    label: 'test', vehicleKind: 'transplanter', guided: measured(guided), ...(manual ? { manual: measured({ guidance: 'manual', ...manual }) } : {}),
  });

  it('a run with more overlap costs more input', () => {
    const tight = computeSavings({ operation: 'transplanting', areaHa: 1, run: run({ overlapPct: 2 }) });
    const sloppy = computeSavings({ operation: 'transplanting', areaHa: 1, run: run({ overlapPct: 12 }) });
    // 200 trays × 10 % more × 5,000 VND = 100,000 VND more
    expect(sloppy.mechanized.inputVnd - tight.mechanized.inputVnd).toBe(100_000);
    expect(sloppy.mechanized.laborVnd).toBe(tight.mechanized.laborVnd);
  });

  it('measured capacity, overlap, gaps and fuel replace the textbook figures and are marked fromRun', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1.35, run: run({ fieldCapacityHaPerH: 0.2 }, { fieldCapacityHaPerH: 0.15, overlapPct: 12.4, gapPct: 10.5 }) });
    const a = Object.fromEntries(r.assumptions.map((x) => [x.key, x]));
    expect(a['transplanter.capacityHaPerH']).toMatchObject({ value: 0.2, fromRun: true });
    expect(a['transplanter.capacityHaPerH'].source).toMatch(/simulated run test \(rtk\)/);
    expect(a['transplanter.unguidedCapacityHaPerH']).toMatchObject({ value: 0.15, fromRun: true });
    expect(a['transplanter.unguidedGapPct']).toMatchObject({ value: 10.5, fromRun: true });
    // fuel 5.5 L over 19,473 s = 5.409 h → 1.0168 L/h
    expect(a['transplanter.fuelLPerH'].value).toBeCloseTo(5.5 / (19_473 / 3600), 3);
    expect(a.wageVndPerDay.fromRun).toBe(false);
    // machine hours: 1.35 ha / 0.2 ha/h
    expect(r.mechanized.machineHours).toBeCloseTo(1.35 / 0.2, 2);
    // gap filling of the unguided machine: 10.5 % × 25 person-days
    const unguidedDays = 2 * (1 / 0.15) / 8 + 4 + 0.105 * 25;
    expect(r.alternatives[0].personDays).toBeCloseTo(unguidedDays * 1.35, 3);
  });

  it('a user override wins over the run', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1, run: run({ fieldCapacityHaPerH: 0.2 }), overrides: { 'transplanter.capacityHaPerH': 0.3 } });
    expect(r.assumptions.find((x) => x.key === 'transplanter.capacityHaPerH')).toMatchObject({ value: 0.3, fromRun: false, overridden: true });
  });

  it('a fleet of two machines: capacity per machine', () => {
    const drone: RunSummary = { label: 'two', vehicleKind: 'drone', guided: measured({ fieldCapacityHaPerH: 10, vehicles: 2, energy: { batteryCycles: 4 }, areaCoveredHa: 5 }) };
    const r = computeSavings({ operation: 'spraying', areaHa: 5, run: drone });
    expect(r.assumptions.find((x) => x.key === 'drone.capacityHaPerH')!.value).toBe(5);
    expect(r.assumptions.find((x) => x.key === 'drone.batteryCyclesPerHa')!.value).toBe(0.8);
  });
});

describe('invalid values give coded errors', () => {
  it.each([
    ['negative area', () => computeSavings({ areaHa: -1 }), 'ECON_INVALID_AREA'],
    ['zero area', () => computeSavings({ areaHa: 0 }), 'ECON_INVALID_AREA'],
    ['NaN area', () => computeSavings({ areaHa: Number.NaN }), 'ECON_INVALID_AREA'],
    ['unknown key', () => computeSavings({ areaHa: 1, overrides: { wage: 1 } }), 'ECON_UNKNOWN_KEY'],
    ['wage 0', () => computeSavings({ areaHa: 1, overrides: { wageVndPerDay: 0 } }), 'ECON_INVALID_VALUE'],
    ['negative price', () => computeSavings({ areaHa: 1, overrides: { 'drone.priceVnd': -5 } }), 'ECON_INVALID_VALUE'],
    ['salvage over 100 %', () => computeSavings({ areaHa: 1, overrides: { salvagePct: 120 } }), 'ECON_INVALID_VALUE'],
    ['a string', () => computeSavings({ areaHa: 1, overrides: { wageVndPerDay: '300000' } }), 'ECON_INVALID_VALUE'],
    ['unknown operation', () => computeSavings({ areaHa: 1, operation: 'harvesting' as never }), 'ECON_INVALID_VALUE'],
    ['"300.000" (a Vietnamese thousands separator)', () => parseAssumptionNumber('wageVndPerDay', '300.000'), 'ECON_INVALID_VALUE'],
    ['"abc"', () => parseAssumptionNumber('wageVndPerDay', 'abc'), 'ECON_INVALID_VALUE'],
    ['a transplanter run for fertilizing', () => computeSavings({ areaHa: 1, run: { label: 'x', vehicleKind: 'transplanter', guided: measured() } }), 'ECON_RUN_MISMATCH'],
    ['a run that covered nothing', () => computeSavings({ operation: 'transplanting', areaHa: 1, run: { label: 'x', vehicleKind: 'transplanter', guided: measured({ fieldCapacityHaPerH: 0 }) } }), 'ECON_RUN_INVALID'],
  ])('%s', (_name, f, code) => {
    expect(codeOf(f)).toBe(code);
  });

  it('the unknown-key message suggests the real key', () => {
    try {
      computeSavings({ areaHa: 1, overrides: { priceVnd: 1 } });
    } catch (e) {
      expect((e as Error).message).toMatch(/drone\.priceVnd/);
    }
    expect.assertions(1);
  });

  it('parses numbers people type', () => {
    expect(parseAssumptionNumber('k', '300_000')).toBe(300_000);
    expect(parseAssumptionNumber('k', '3e5')).toBe(300_000);
    expect(parseAssumptionNumber('k', '0.25')).toBe(0.25);
  });
});

describe('formatting', () => {
  it('Vietnamese money: 1.250.000 ₫; English: 1,250,000 VND', () => {
    expect(formatVnd(1_250_000, 'vi')).toBe('1.250.000 ₫');
    expect(formatVnd(1_250_000, 'en')).toBe('1,250,000 VND');
    expect(formatVnd(-324_000.4, 'vi')).toBe('−324.000 ₫');
    expect(formatVnd(999, 'vi')).toBe('999 ₫');
    expect(formatVnd(0, 'en')).toBe('0 VND');
    expect(formatNumber(1234.5, 'vi', 1)).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
  });
});

describe('savingsForArea (live viewer)', () => {
  it('is zero at 0 ha and equals the full report at the same area', () => {
    expect(savingsForArea('transplanting', 0)).toMatchObject({ savingsVnd: 0, personDaysSaved: 0, manualVnd: 0 });
    const s = savingsForArea('transplanting', 1.35);
    const r = computeSavings({ operation: 'transplanting', areaHa: 1.35 });
    expect(s.manualVnd).toBe(r.manual.totalVnd);
    expect(Math.abs(s.savingsVnd - r.savings.vnd)).toBeLessThanOrEqual(1);
    expect(s.personDaysSaved).toBeCloseTo(24.75 * 1.35, 3);
    expect(codeOf(() => savingsForArea('spraying', -0.1))).toBe('ECON_INVALID_AREA');
  });
});
