/**
 * The savings model on hand-checked cases: the arithmetic is written next to each expectation,
 * from the defaults of the assumption table (docs/economics.md).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ASSUMPTIONS_BY_KEY,
  SOURCES_BY_ID,
  checksLine,
  computeSavings,
  defaultAssumptionValues,
  householdSavings,
  labourPeak,
  machineCostPerHa,
  ownedCostAt,
  ownershipCost,
  parseAssumptionNumber,
  savingsAtArea,
  savingsForArea,
  sourceText,
  type MeasuredRun,
  type RunSummary,
} from '../../src/economics/index.js';
import { formatNumber, formatPct, formatRoughVnd, formatVnd } from '../../src/units/index.js';
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
    guidance: 'rtk',
    fieldAreaHa: 1.35,
    areaCoveredHa: 1.34,
    fieldCapacityHaPerH: 0.25,
    overlapPct: 2.6,
    gapPct: 0.74,
    timeS: { working: 13_759, turning: 786, transit: 3128, refill: 1800, total: 19_473 },
    energy: { fuelL: 5.5 },
    ...overrides,
  };
}

/** Repair cost per ha of an owned machine, ASABE D497: P·RF1·(L/1000)^RF2 spread over L hours, at c ha/h. */
const repairPerHa = (p: number, rf1: number, rf2: number, lifeH: number, haPerH: number) =>
  (p * rf1 * Math.pow(lifeH / 1000, rf2)) / lifeH / haPerH;
// Guided transplanter: P = 350 M + 120 M kit = 470 M, S = 47 M, 1500 h life, 10 years at most, 0.25 ha/h.
const TP_REPAIR = repairPerHa(470e6, 0.32, 2.1, 1500, 0.25); // ≈ 939,741 VND/ha
// Per ha besides ownership: fuel 1.125 L/h × 23,000 / 0.25 = 103,500; crew 1 + nursery 4 + gap filling 0.25 = 5.25 person-days × 375,000 = 1,968,750;
// tray seedlings 200 × 1.02 × 7,000 = 1,428,000.
const TP_OTHER = TP_REPAIR + 103_500 + 1_968_750 + 1_428_000;

describe('defaults (Red River Delta, 2023 prices)', () => {
  it.each([
    ['wageVndPerDay', 375_000, [300_000, 450_000]],
    ['manual.transplantPersonDaysPerHa', 25, [15, 40]],
    ['manual.seedlingPersonDaysPerHa', 5, [3, 8]],
    ['manual.hiredTransplantVndPerSao', 350_000, [320_000, 400_000]],
    ['transplanter.packageVndPerSao', 290_000, [250_000, 310_000]],
    ['manual.broadcastHPerHa', 3, [2, 5]],
    ['manual.knapsackHPerHa', 8, [4, 14]],
    ['urea.rateKgPerHaSeason', 200, [150, 250]],
    ['drone.sprayServiceVndPerHa', 170_000, [120_000, 250_000]],
    ['drone.priceVnd', 500_000_000, [370_000_000, 700_000_000]],
    ['drone.capacityHaPerH', 5, [4, 6]],
    ['transplanter.capacityHaPerH', 0.25, [0.18, 0.4]],
    ['trays.perHa', 200, [180, 250]],
    ['block.windowDays', 12, [10, 15]],
  ] as const)('%s = %d, range %j', (key, value, range) => {
    const a = ASSUMPTIONS_BY_KEY.get(key)!;
    expect(a.value).toBe(value);
    expect(a.range).toEqual(range);
  });

  it('every assumption has units, labels and a source in both languages; sources are known ids; nothing points outside', () => {
    for (const a of ASSUMPTIONS_BY_KEY.values()) {
      expect(a.unit && a.unitVi, a.key).toBeTruthy();
      expect(a.label.en && a.label.vi, a.key).toBeTruthy();
      for (const id of a.refs) expect(SOURCES_BY_ID.has(id), `${a.key} → ${id}`).toBe(true);
      for (const lang of ['en', 'vi'] as const) {
        expect(sourceText(a, lang).length, a.key).toBeGreaterThan(3);
        expect(sourceText(a, lang)).not.toMatch(/\.\.\/|shared|ECONOMICS\.md/);
      }
      if (a.range) expect(a.value >= a.range[0] && a.value <= a.range[1], `${a.key} inside its range`).toBe(true);
    }
    // Transplanter fuel 4.5 L/ha at 0.25 ha/h is 1.125 L/h.
    expect(ASSUMPTIONS_BY_KEY.get('transplanter.fuelLPerH')!.value).toBe(4.5 * 0.25);
    // Support: no provincial subsidy figure found → none; Decision 68/2013: 100 % of the interest for 2 years, 50 % for the third.
    expect(ASSUMPTIONS_BY_KEY.get('support.purchaseSubsidyPct')!.value).toBe(0);
    expect(ASSUMPTIONS_BY_KEY.get('support.purchaseSubsidyPct')!.note.en).toMatch(/no provincial subsidy figure found/);
    expect(ASSUMPTIONS_BY_KEY.get('support.interestFullYears')!.value).toBe(2);
    expect(ASSUMPTIONS_BY_KEY.get('support.interestHalfYears')!.value).toBe(1);
  });
});

describe('an owned transplanter, ASABE EP496/D497', () => {
  // Fixed cost a year = (P − S)/years + 8 % × (P + S)/2 + 1.5 % × P; years = min(1500 h / hours a year, 10).
  it.each([
    // 20 ha/yr: 80 h/yr → 18.75 y of life, capped at 10 y: 42,300,000 + 20,680,000 + 7,050,000 = 70,030,000 / 20 ha
    [20, 10, 70_030_000 / 20],
    // 60 ha/yr: 240 h/yr → 6.25 y: 67,680,000 + 20,680,000 + 7,050,000 = 95,410,000 / 60 ha
    [60, 6.25, 95_410_000 / 60],
    // 150 ha/yr: 600 h/yr → 2.5 y: 169,200,000 + 27,730,000 = 196,930,000 / 150 ha
    [150, 2.5, 196_930_000 / 150],
    // 300 ha/yr: 1200 h/yr → 1.25 y: 338,400,000 + 27,730,000 = 366,130,000 / 300 ha
    [300, 1.25, 366_130_000 / 300],
  ])('%d ha a year: %d years of use, fixed %d VND/ha, repairs spread over the life hours', (ha, years, fixedPerHa) => {
    const o = ownershipCost({
      priceVnd: 470e6,
      lifeHours: 1500,
      obsolescenceYears: 10,
      salvagePct: 10,
      interestPctPerYear: 8,
      tihPctPerYear: 1.5,
      areaPerYearHa: ha,
      capacityHaPerH: 0.25,
      repairRf1: 0.32,
      repairRf2: 2.1,
    });
    expect(o.yearsOfUse).toBeCloseTo(years, 9);
    expect(o.fixedVndPerHa).toBeCloseTo(fixedPerHa, 3);
    // 470 M × 0.32 × 1.5^2.1 = 352.4 M over 1500 h = 234,935 VND/h → 939,741 VND/ha at 0.25 ha/h, whatever the area a year
    expect(o.lifeRepairVnd).toBeCloseTo(470e6 * 0.32 * Math.pow(1.5, 2.1), 0);
    expect(o.repairVndPerHa).toBeCloseTo(TP_REPAIR, 3);
    const v = defaultAssumptionValues();
    const total = computeSavings({ operation: 'transplanting', areaHa: 1, overrides: { 'transplanter.areaPerYearHa': ha } }).mechanized
      .totalVnd;
    expect(total).toBe(Math.round(fixedPerHa + TP_OTHER));
    expect(ownedCostAt('transplanting', v, ha)).toBeCloseTo(fixedPerHa + TP_OTHER, 3);
  });

  it('cost per ha falls as the area a year grows: 7.94 M at 20, 6.03 M at 60, 5.75 M at 150, 5.66 M at 300 ha/yr', () => {
    const v = defaultAssumptionValues();
    const costs = [20, 60, 150, 300].map((ha) => Math.round(ownedCostAt('transplanting', v, ha)));
    expect(costs).toEqual([3_501_500, 95_410_000 / 60, 196_930_000 / 150, 366_130_000 / 300].map((f) => Math.round(f + TP_OTHER)));
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBeLessThan(costs[i - 1]);
  });

  it('property: the cost per ha of any owned machine never rises with the area worked a year (seeded)', () => {
    fc.assert(
      fc.property(
        fc.record({
          priceVnd: fc.integer({ min: 50, max: 2000 }).map((m) => m * 1e6),
          lifeHours: fc.integer({ min: 300, max: 12_000 }),
          obsolescenceYears: fc.integer({ min: 1, max: 20 }),
          salvagePct: fc.integer({ min: 0, max: 40 }),
          interestPctPerYear: fc.double({ min: 0, max: 20, noNaN: true }),
          tihPctPerYear: fc.double({ min: 0, max: 3, noNaN: true }),
          capacityHaPerH: fc.double({ min: 0.05, max: 10, noNaN: true }),
          repairRf1: fc.double({ min: 0, max: 1, noNaN: true }),
          repairRf2: fc.double({ min: 1, max: 2.5, noNaN: true }),
          subsidyPct: fc.integer({ min: 0, max: 60 }),
          full: fc.integer({ min: 0, max: 3 }),
          half: fc.integer({ min: 0, max: 3 }),
          a: fc.double({ min: 0.5, max: 20_000, noNaN: true }),
          k: fc.double({ min: 1.001, max: 50, noNaN: true }),
        }),
        ({ a, k, full, half, ...m }) => {
          const at = (ha: number) =>
            ownershipCost({ ...m, areaPerYearHa: ha, interestSupport: { fullYears: full, halfYears: half } }).totalVndPerHa;
          return at(a * k) <= at(a) * (1 + 1e-12);
        },
      ),
      { seed: 15, numRuns: 500 },
    );
  });

  it('break-even against the hired package: 70,030,000 / (8,149,306 − other costs) ≈ 18.9 ha/yr; against hand work ≈ 9.0 ha/yr; with interest support 17.5', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1 });
    const hirePerHa = 290_000 / 0.036 + 0.25 * 375_000; // package + gap filling by hand = 8,149,306
    // Below 37.5 ha/yr the machine lasts its 10 years, so fixed cost is 70,030,000 VND a year: owning wins when 70,030,000 / A + other ≤ hire.
    const exact = 70_030_000 / (hirePerHa - TP_OTHER);
    expect(exact).toBeCloseTo(18.88, 2);
    expect(r.breakEvenHaPerYear.ownVsHire).toBe(Math.ceil(exact * 10) / 10);
    expect(r.breakEvenHaPerYear.ownVsManual).toBe(Math.ceil((70_030_000 / (12_250_000 - TP_OTHER)) * 10) / 10);
    expect(r.breakEvenHaPerYear.reason).toBe('');
    expect(r.breakEvenHaPerYear.sentence).toBe(
      `Owning the machine costs less than hiring the service from ${r.breakEvenHaPerYear.ownVsHire} ha/year, and less than doing the work by hand from 9 ha/year.`,
    );
    // Decision 68/2013: the state pays (2 + 0.5 × 1) / 10 years = 25 % of the interest → 42,300,000 + 15,510,000 + 7,050,000 = 64,860,000
    expect(r.breakEvenSupport.with.ownVsHire).toBe(Math.ceil((64_860_000 / (hirePerHa - TP_OTHER)) * 10) / 10);
    expect(r.breakEvenSupport.without).toEqual(r.breakEvenHaPerYear);
    const v = defaultAssumptionValues();
    const be = r.breakEvenHaPerYear.ownVsHire!;
    expect(ownedCostAt('transplanting', v, be)).toBeLessThanOrEqual(hirePerHa);
    expect(ownedCostAt('transplanting', v, be - 0.1)).toBeGreaterThan(hirePerHa);
  });

  it('a purchase subsidy lowers the price paid, within its cap', () => {
    const base = {
      priceVnd: 470e6,
      lifeHours: 1500,
      obsolescenceYears: 10,
      salvagePct: 10,
      interestPctPerYear: 8,
      tihPctPerYear: 1.5,
      areaPerYearHa: 60,
      capacityHaPerH: 0.25,
      repairRf1: 0.32,
      repairRf2: 2.1,
    };
    expect(ownershipCost({ ...base, subsidyPct: 30 }).paidVnd).toBe(329e6);
    expect(ownershipCost({ ...base, subsidyPct: 30, subsidyCapVnd: 100e6 }).paidVnd).toBe(370e6);
  });
});

describe('hand-checked cases', () => {
  it('manual transplanting of 1 ha: (25 + 5) × 375,000 = 11,250,000 labour + 1,000,000 seed and seedbed; 441,000 VND per sào', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1 });
    expect(r.manual.personDays).toBe(30);
    expect(r.manual.hours).toBe(30 * 8);
    expect(r.manual.laborVnd).toBe(11_250_000);
    expect(r.manual.inputVnd).toBe(1_000_000);
    expect(r.manual.totalVnd).toBe(12_250_000);
    // 1 sào = 360 m² = 0.036 ha: 12,250,000 × 0.036 = 441,000
    expect(r.perSao.manualVnd).toBe(441_000);
    expect(r.areaSao).toBeCloseTo(10_000 / 360, 2);
  });

  it('hired transplanting package: 290,000 VND per sào with the tray seedlings, counted once; gap filling by hand', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1, ownership: 'hire' });
    // 290,000 / 0.036 = 8,055,556 VND/ha; no trays, no nursery: the package brings them
    expect(r.mechanized.machineVnd).toBe(8_055_556);
    expect(r.mechanized.inputVnd).toBe(0);
    // gap filling 1 % × 25 person-days = 0.25 × 375,000 = 93,750
    expect(r.mechanized.personDays).toBe(0.25);
    expect(r.mechanized.laborVnd).toBe(93_750);
    // per sào: 290,000 + 93,750 × 0.036 = 293,375; saving 441,000 − 293,375 = 147,625
    expect(r.perSao).toEqual({ manualVnd: 441_000, mechanizedVnd: 293_375, savingsVnd: 147_625 });
    expect(r.alternatives).toEqual([]);
    expect(r.verdict.kind).toBe('saves');
  });

  it('guided transplanter of 1 ha, owned, at 60 ha a year', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1 });
    expect(r.mechanized.machineHours).toBe(4);
    expect(r.mechanized.personDays).toBe(5.25);
    expect(r.mechanized.laborVnd).toBe(1_968_750);
    expect(r.mechanized.inputVnd).toBe(1_428_000);
    expect(r.mechanized.machineVnd).toBe(Math.round(95_410_000 / 60 + TP_REPAIR + 103_500));
    expect(r.savings.vnd).toBe(r.manual.totalVnd - r.mechanized.totalVnd);
    expect(r.savings.personDays).toBe(30 - 5.25);
    expect(r.alternatives[0].method).toBe('unguided-transplanter');
    expect(r.alternatives[0].machineHours).toBeCloseTo(1 / 0.1625, 2);
    expect(r.alternatives[0].inputVnd).toBe(200 * 1.08 * 7000);
  });

  it('fertilizing: a hired drone against one person broadcasting saves little, and the report says why', () => {
    const r = computeSavings({ operation: 'fertilizing', areaHa: 1, ownership: 'hire', lang: 'en' });
    // 3 h/ha × 3 applications / 8 h = 1.125 person-days × 375,000 = 421,875; urea 200 kg × 1.10 × 11,000 = 2,420,000
    expect(r.manual.laborVnd).toBe(421_875);
    expect(r.manual.inputVnd).toBe(2_420_000);
    // spreading 6,000 VND/sào × 27.78 sào × 3 = 500,000; urea 200 × 1.03 × 11,000 = 2,266,000
    expect(r.mechanized.machineVnd).toBe(500_000);
    expect(r.mechanized.inputVnd).toBe(2_266_000);
    expect(r.savings.vnd).toBe(421_875 + 2_420_000 - 500_000 - 2_266_000);
    expect(r.perSao.savingsVnd).toBe(2_732);
    expect(r.verdict.kind).toBe('little');
    expect(r.verdict.text).toMatch(/^Saves little.*one person broadcasts a hectare by hand in 3 h/);
    // per kg pricing: 1,000 VND/kg × 200 kg = 200,000 a season
    expect(
      computeSavings({ operation: 'fertilizing', areaHa: 1, ownership: 'hire', overrides: { 'drone.spreadServiceVndPerKg': 1000 } })
        .mechanized.machineVnd,
    ).toBe(200_000);
  });

  it('an owned drone: ownership, repairs, batteries and generator fuel per application', () => {
    const r = computeSavings({ operation: 'fertilizing', areaHa: 1, lang: 'vi' });
    // 300 h/yr → 5 years: 90 M + 22 M + 7.5 M = 119.5 M / 1500 ha; repairs 0.41 × 500 M × 1.5^1.3 / 1500 h / 5 ha/h
    const own = 119_500_000 / 1500 + repairPerHa(500e6, 0.41, 1.3, 1500, 5);
    // 1.2 cycles/ha × (35,000,000 / 1500 battery wear + 1.57 kWh × 0.55 L/kWh × 23,000 petrol) = 51,832.6
    const energy = 1.2 * (35_000_000 / 1500 + 1.57 * 0.55 * 23_000);
    expect(r.mechanized.machineVnd).toBe(Math.round(3 * (own + energy)));
    // crew 2 persons × 0.2 h × 3 / 8 = 0.15 person-days
    expect(r.mechanized.personDays).toBeCloseTo(0.15, 9);
    expect(r.verdict.kind).toBe('none');
    expect(r.breakEvenHaPerYear.ownVsHire).toBeNull();
    expect(r.breakEvenHaPerYear.reason).toMatch(/^tự mua máy không bao giờ rẻ hơn thuê dịch vụ: dù làm 100\.000 ha mỗi năm/);
    // one sentence: the area against hand work, and why never against hiring
    expect(r.breakEvenHaPerYear.sentence).toMatch(
      /^Tự mua máy rẻ hơn làm tay khi máy làm từ [\d.,]+ ha\/năm, nhưng không bao giờ rẻ hơn thuê dịch vụ: dù làm 100\.000 ha mỗi năm, máy vẫn tốn ≈ \d+ nghìn ₫ mỗi ha một vụ \([^)]+\), cao hơn ≈ \d+ nghìn ₫ mỗi ha\.$/,
    );
    expect(r.breakEvenHaPerYear.sentence).not.toMatch(/\.\s+\p{Lu}/u); // no second sentence
    // neither: a drone that costs 5 billion
    const none = computeSavings({
      operation: 'fertilizing',
      areaHa: 1,
      lang: 'en',
      overrides: { 'drone.priceVnd': 5e9 },
    }).breakEvenHaPerYear;
    expect(none).toMatchObject({ ownVsHire: null, ownVsManual: null });
    expect(none.sentence).toMatch(
      /^Owning the machine never costs less than hiring the service or doing the work by hand: even worked 100,000 ha a year/,
    );
  });

  it('spraying 1 ha hired: 3 × 8 h / 8 = 3 person-days; service 3 × 170,000 = 510,000', () => {
    const r = computeSavings({ operation: 'spraying', areaHa: 1, ownership: 'hire' });
    expect(r.manual.totalVnd).toBe(3 * 375_000 + 825_000);
    expect(r.mechanized.totalVnd).toBe(510_000 + 772_500);
    expect(r.perSao.savingsVnd).toBe(24_030);
  });

  it('whole area = per ha × area, per sào = per ha × 0.036', () => {
    const one = computeSavings({ operation: 'spraying', areaHa: 1 });
    const many = computeSavings({ operation: 'spraying', areaHa: 12.5 });
    expect(many.manual.totalVnd).toBe(Math.round(one.perHa.manualVnd * 12.5));
    expect(Math.abs(many.mechanized.totalVnd - one.perHa.mechanizedVnd * 12.5)).toBeLessThanOrEqual(7);
    expect(many.perSao.manualVnd).toBe(Math.round(one.perHa.manualVnd * 0.036));
  });
});

describe('the block', () => {
  it('a household of 12 sào: 0.432 ha by hand 5,292,000 VND, hired package 3,520,500, saves 1,771,500; 6.5 days for two people', () => {
    const h = householdSavings({ id: 'hộ Nguyễn', areaSao: 12 });
    // 12 × 360 m² = 4,320 m² = 0.432 ha; by hand 0.432 × 12,250,000 = 5,292,000
    expect(h.areaHa).toBe(0.432);
    expect(h.manualVnd).toBe(5_292_000);
    // 12 × 290,000 = 3,480,000 + gap filling 0.432 × 0.25 × 375,000 = 40,500
    expect(h.mechanizedVnd).toBe(3_520_500);
    expect(h.savingsVnd).toBe(1_771_500);
    // 0.432 × 30 = 12.96 person-days / 2 people = 6.48 days; the machine: 0.432 / 0.25 = 1.728 h = 0.216 of an 8-h day
    expect(h.manualPersonDays).toBe(12.96);
    expect(h.manualDays).toBe(6.48);
    expect(h.mechanizedDays).toBe(0.22);
    expect(householdSavings({ areaSao: 12, machineDoneDay: 3 }).daysSaved).toBe(3.48);
  });

  it('labour peak of a 30 ha block in 12 days: 900 person-days = 75 people a day by hand; 2 transplanters finish in 7.5 days with 4 people', () => {
    const p = labourPeak({ areaHa: 30, windowDays: 12, machines: 2 });
    expect(p).toMatchObject({
      manualPersonDays: 900,
      manualPersonsPerDay: 75,
      fleetCrewPersons: 4,
      fleetDays: 7.5,
      fitsWindow: true,
      machinesNeeded: 2,
      daysSaved: 4.5,
    });
    // one machine: 2 ha a day → 15 days, over the window
    expect(labourPeak({ areaHa: 30, windowDays: 12, machines: 1 })).toMatchObject({ fleetDays: 15, fitsWindow: false, machinesNeeded: 2 });
    // the village has 50 people: 900 / 50 = 18 days by hand
    expect(labourPeak({ areaHa: 30, machines: 2, availablePersons: 50 })).toMatchObject({
      windowDays: 12,
      manualDays: 18,
      daysSaved: 10.5,
    });
  });

  it.each([
    ['negative household area', () => householdSavings({ areaSao: -3 }), 'ECON_INVALID_AREA'],
    ['zero block area', () => labourPeak({ areaHa: 0, machines: 1 }), 'ECON_INVALID_AREA'],
    ['0 machines', () => labourPeak({ areaHa: 3, machines: 0 }), 'ECON_INVALID_VALUE'],
    ['1.5 machines', () => labourPeak({ areaHa: 3, machines: 1.5 }), 'ECON_INVALID_VALUE'],
    ['a window of 0 days', () => labourPeak({ areaHa: 3, machines: 1, windowDays: 0 }), 'ECON_INVALID_VALUE'],
    ['a window of 400 days', () => labourPeak({ areaHa: 3, machines: 1, windowDays: 400 }), 'ECON_INVALID_VALUE'],
    ['0 persons', () => householdSavings({ areaSao: 3, persons: 0 }), 'ECON_INVALID_VALUE'],
  ])('%s is a coded error', (_n, f, code) => {
    expect(codeOf(f)).toBe(code);
  });
});

describe('checks against published figures', () => {
  it('transplanting: labour −82.5 % (trials −74.7 %), cost vs trials −29.65 %, labour 405,000 vs hired crews 350,000 VND/sào', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 3 });
    const c = Object.fromEntries(r.checks.map((x) => [x.id, x]));
    // (30 − 5.25) / 30 = 82.5 %
    expect(c.laborReductionPct).toMatchObject({ modelValue: 82.5, reference: 74.7 });
    expect(c.costReductionPct).toMatchObject({ modelValue: r.savings.pct, reference: 29.65 });
    // 30 × 375,000 × 0.036 = 405,000
    expect(c.manualVndPerSao).toMatchObject({ modelValue: 405_000, reference: 350_000 });
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
    expect(r.manual.inputVnd).toBe(base.manual.inputVnd);
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

  it("the drone price moves the owner's machine cost, not the hired service", () => {
    const v = defaultAssumptionValues();
    const own = machineCostPerHa('spraying', v, 'own').machineVnd;
    const own2 = machineCostPerHa('spraying', { ...v, 'drone.priceVnd': 600e6 }, 'own').machineVnd;
    expect(own2).toBeGreaterThan(own);
    expect(machineCostPerHa('spraying', { ...v, 'drone.priceVnd': 600e6 }, 'hire').machineVnd).toBe(3 * 170_000);
  });

  it('sensitivity: wage +30 % adds 0.3 × 375,000 × (30 − 5.25) person-days to the savings per ha', () => {
    const r = computeSavings({ operation: 'transplanting', areaHa: 1 });
    const wage = r.sensitivity.find((s) => s.factor === 'wage')!;
    expect(Math.abs(wage.highSavingsVndPerHa - wage.baseSavingsVndPerHa - 112_500 * 24.75)).toBeLessThanOrEqual(1);
    expect(Math.abs(wage.baseSavingsVndPerHa - wage.lowSavingsVndPerHa - 112_500 * 24.75)).toBeLessThanOrEqual(1);
    expect(r.sensitivity.map((s) => s.factor)).toEqual(['wage', 'machinePrice', 'areaPerYear', 'inputPrice']);
    const price = r.sensitivity.find((s) => s.factor === 'machinePrice')!;
    expect(price.lowSavingsVndPerHa).toBeGreaterThan(price.highSavingsVndPerHa);
  });

  it('break-even of an owned sprayer drone against knapsack work: exact to 0.1 ha/yr', () => {
    const r = computeSavings({ operation: 'spraying', areaHa: 1 });
    const be = r.breakEvenHaPerYear.ownVsManual!;
    const v = defaultAssumptionValues();
    expect(ownedCostAt('spraying', v, be)).toBeLessThanOrEqual(r.perHa.manualVnd + 0.5);
    expect(ownedCostAt('spraying', v, be - 0.1)).toBeGreaterThan(r.perHa.manualVnd - 0.5);
  });
});

describe('runs', () => {
  const run = (guided: Partial<MeasuredRun>, manual?: Partial<MeasuredRun>): RunSummary => ({
    label: 'test',
    vehicleKind: 'transplanter',
    guided: measured(guided),
    ...(manual ? { manual: measured({ guidance: 'manual', ...manual }) } : {}),
  });

  it('a run with more overlap costs more input', () => {
    const tight = computeSavings({ operation: 'transplanting', areaHa: 1, run: run({ overlapPct: 2 }) });
    const sloppy = computeSavings({ operation: 'transplanting', areaHa: 1, run: run({ overlapPct: 12 }) });
    // 200 trays × 10 % more × 7,000 VND = 140,000 VND more
    expect(sloppy.mechanized.inputVnd - tight.mechanized.inputVnd).toBe(140_000);
    expect(sloppy.mechanized.laborVnd).toBe(tight.mechanized.laborVnd);
  });

  it('measured capacity, overlap, gaps and fuel replace the textbook figures and are marked fromRun', () => {
    const r = computeSavings({
      operation: 'transplanting',
      areaHa: 1.35,
      run: run({ fieldCapacityHaPerH: 0.2 }, { fieldCapacityHaPerH: 0.15, overlapPct: 12.4, gapPct: 10.5 }),
    });
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
    const unguidedDays = (2 * (1 / 0.15)) / 8 + 4 + 0.105 * 25;
    expect(r.alternatives[0].personDays).toBeCloseTo(unguidedDays * 1.35, 3);
  });

  it('a user override wins over the run', () => {
    const r = computeSavings({
      operation: 'transplanting',
      areaHa: 1,
      run: run({ fieldCapacityHaPerH: 0.2 }),
      overrides: { 'transplanter.capacityHaPerH': 0.3 },
    });
    expect(r.assumptions.find((x) => x.key === 'transplanter.capacityHaPerH')).toMatchObject({
      value: 0.3,
      fromRun: false,
      overridden: true,
    });
  });

  it('a fleet of two machines: capacity per machine', () => {
    const drone: RunSummary = {
      label: 'two',
      vehicleKind: 'drone',
      guided: measured({ fieldCapacityHaPerH: 10, vehicles: 2, energy: { batteryCycles: 4 }, areaCoveredHa: 5 }),
    };
    const r = computeSavings({ operation: 'spraying', areaHa: 5, run: drone });
    expect(r.assumptions.find((x) => x.key === 'drone.capacityHaPerH')!.value).toBe(5);
    expect(r.assumptions.find((x) => x.key === 'drone.batteryCyclesPerHa')!.value).toBe(0.8);
    expect(r.assumptions.find((x) => x.key === 'drone.batteryCyclesPerHa')!.source).toBe(
      'simulated run two (rtk): 4.00 battery cycles for 5.00 ha',
    );
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
    [
      'a transplanter run for fertilizing',
      () => computeSavings({ areaHa: 1, run: { label: 'x', vehicleKind: 'transplanter', guided: measured() } }),
      'ECON_RUN_MISMATCH',
    ],
    [
      'a run that covered nothing',
      () =>
        computeSavings({
          operation: 'transplanting',
          areaHa: 1,
          run: { label: 'x', vehicleKind: 'transplanter', guided: measured({ fieldCapacityHaPerH: 0 }) },
        }),
      'ECON_RUN_INVALID',
    ],
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

  it('rounded as people say it: ≈ 126 nghìn ₫, ≈ 1,25 triệu ₫; 1,5 %', () => {
    expect(formatRoughVnd(126_400, 'vi')).toBe('≈ 126 nghìn ₫');
    expect(formatRoughVnd(1_250_000, 'vi')).toBe('≈ 1,25 triệu ₫');
    expect(formatRoughVnd(1_250_000, 'en')).toBe('≈ 1.25 million VND');
    expect(formatRoughVnd(-3_440, 'en')).toBe('≈ −3,400 VND');
    expect(formatRoughVnd(21_162, 'vi')).toBe('≈ 21 nghìn ₫');
    expect(formatPct(1.5, 'vi')).toBe('1,5 %');
  });
});

describe('savingsAtArea (the live feed)', () => {
  it('is zero at 0 ha and equals the full report at the same area', () => {
    expect(savingsForArea('transplanting', 0)).toMatchObject({ savingsVnd: 0, personDaysSaved: 0, manualVnd: 0 });
    const one = computeSavings({ operation: 'fertilizing', areaHa: 2.5 });
    expect(savingsAtArea(one, 2.5)).toMatchObject({
      manualVnd: one.manual.totalVnd,
      mechanizedVnd: one.mechanized.totalVnd,
      savingsVnd: one.savings.vnd,
      basis: 'defaults',
    });
    const s = savingsForArea('transplanting', 1.35);
    const r = computeSavings({ operation: 'transplanting', areaHa: 1.35 });
    expect(s.manualVnd).toBe(r.manual.totalVnd);
    expect(Math.abs(s.savingsVnd - r.savings.vnd)).toBeLessThanOrEqual(1);
    expect(s.personDaysSaved).toBeCloseTo(24.75 * 1.35, 3);
    expect(codeOf(() => savingsForArea('spraying', -0.1))).toBe('ECON_INVALID_AREA');
  });
});
