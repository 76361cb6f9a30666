/**
 * The one table of model defaults (../shared/ECONOMICS.md "Defaults (Red River Delta, 2023
 * prices)"): every number the savings model uses, with its unit, plausible range and source,
 * so an extension officer can defend each one. Figures not in ECONOMICS.md say "assumption".
 */
import type { AssumptionDef, Operation } from './types.js';

const ALL: readonly Operation[] = ['fertilizing', 'transplanting', 'spraying'];
const DRONE_OPS: readonly Operation[] = ['fertilizing', 'spraying'];
const FERT: readonly Operation[] = ['fertilizing'];
const SPRAY: readonly Operation[] = ['spraying'];
const TP: readonly Operation[] = ['transplanting'];

const POS = { positive: true } as const;
const NONNEG = { min: 0 } as const;
const PCT = { min: 0, max: 100 } as const;

/** Every default, in report order. Keys are stable: the CLI's `--set key=value` and JSON files use them. */
export const ASSUMPTIONS: readonly AssumptionDef[] = [
  // ---- common ----
  {
    key: 'wageVndPerDay', value: 300_000, unit: 'VND/person-day', range: [220_000, 350_000], valid: POS, ops: ALL,
    source: 'ECONOMICS.md: Vietnamese provincial press and GSO labour surveys, Thái Bình 2023',
    label: { en: 'Farm wage', vi: 'Tiền công lao động' },
  },
  {
    key: 'hoursPerDay', value: 8, unit: 'h/person-day', range: [6, 10], valid: { positive: true, max: 24 }, ops: ALL,
    source: 'assumption: one 8-hour working day',
    label: { en: 'Working hours per day', vi: 'Số giờ làm một ngày công' },
  },
  {
    key: 'interestPctPerYear', value: 8, unit: '%/year', range: [6, 12], valid: PCT, ops: ALL,
    source: 'assumption: Vietnamese agricultural lending rates 2023 (Agribank, 7–10 %/year); ASABE EP496 interest on (P + S)/2',
    label: { en: 'Interest rate on the machine', vi: 'Lãi suất vốn mua máy' },
  },
  {
    key: 'tihPctPerYear', value: 1.5, unit: '% of price/year', range: [1, 2], valid: PCT, ops: ALL,
    source: 'ECONOMICS.md / ASABE EP496: taxes, insurance and housing 1–2 % of the price per year',
    label: { en: 'Taxes, insurance, housing', vi: 'Thuế, bảo hiểm, nhà kho' },
  },
  {
    key: 'salvagePct', value: 10, unit: '% of price', range: [5, 20], valid: PCT, ops: ALL,
    source: 'assumption in the ASABE D497 style: remaining value at the end of the machine\'s life',
    label: { en: 'Salvage value', vi: 'Giá trị thanh lý' },
  },
  // ---- fertilizing: manual broadcasting vs drone ----
  {
    key: 'manual.broadcastHPerHa', value: 3, unit: 'h/ha per application (1 person)', range: [2, 5], valid: POS, ops: FERT,
    source: 'assumption (ECONOMICS.md: manual fertilizer broadcasting 3 h/ha, stated as an assumption)',
    label: { en: 'Manual broadcasting time', vi: 'Thời gian bón phân bằng tay' },
  },
  {
    key: 'manual.broadcastOverlapPct', value: 10, unit: '% extra product', range: [0, 20], valid: PCT, ops: FERT,
    source: 'assumption: unevenness of hand broadcasting made up with extra product; set 0 to compare at equal product',
    label: { en: 'Extra product, hand broadcasting', vi: 'Phân bón thừa khi vãi tay' },
  },
  {
    key: 'urea.rateKgPerHaSeason', value: 200, unit: 'kg/ha/season', range: [150, 250], valid: NONNEG, ops: FERT,
    source: 'ECONOMICS.md: Vietnamese rice fertilizer recommendations',
    label: { en: 'Urea rate', vi: 'Lượng urê' },
  },
  {
    key: 'urea.applicationsPerSeason', value: 3, unit: 'applications/season', range: [2, 4], valid: { positive: true, max: 20 }, ops: FERT,
    source: 'assumption: basal dressing + 2 top-dressings (split nitrogen, Vietnamese recommendations); the simulated sortie spreads 70 kg/ha ≈ 200/3',
    label: { en: 'Fertilizer applications', vi: 'Số lần bón' },
  },
  {
    key: 'urea.priceVndPerKg', value: 11_000, unit: 'VND/kg', range: [8_000, 15_000], valid: NONNEG, ops: FERT,
    source: 'assumption: retail urea price in Vietnam 2023 (press, about 10,000–12,000 VND/kg); verify locally',
    label: { en: 'Urea price', vi: 'Giá phân urê' },
  },
  // ---- spraying: knapsack vs drone ----
  {
    key: 'manual.knapsackHPerHa', value: 4, unit: 'h/ha per application (1 person)', range: [3, 14], valid: POS, ops: SPRAY,
    source: 'ECONOMICS.md: IRRI; FAO spraying guides (450 L water/ha carried by hand)',
    label: { en: 'Knapsack spraying time', vi: 'Thời gian phun bình đeo vai' },
  },
  {
    key: 'manual.knapsackOverlapPct', value: 10, unit: '% extra product', range: [0, 20], valid: PCT, ops: SPRAY,
    source: 'assumption: overlap of hand-held spraying passes',
    label: { en: 'Extra product, knapsack', vi: 'Thuốc thừa khi phun tay' },
  },
  {
    key: 'spray.applicationsPerSeason', value: 3, unit: 'applications/season', range: [2, 6], valid: { positive: true, max: 30 }, ops: SPRAY,
    source: 'assumption: pesticide applications per rice season in the Red River Delta',
    label: { en: 'Spray applications', vi: 'Số lần phun' },
  },
  {
    key: 'spray.pesticideVndPerHa', value: 250_000, unit: 'VND/ha per application', range: [150_000, 500_000], valid: NONNEG, ops: SPRAY,
    source: 'assumption: product cost of one application; same dose by drone (15 L/ha) and knapsack (450 L/ha), only overlap differs',
    label: { en: 'Pesticide cost', vi: 'Tiền thuốc BVTV' },
  },
  // ---- drone (fertilizing and spraying) ----
  {
    key: 'drone.priceVnd', value: 500_000_000, unit: 'VND', range: [370_000_000, 700_000_000], valid: NONNEG, ops: DRONE_OPS,
    source: 'ECONOMICS.md: Vietnamese dealers\' prices, DJI Agras T40 class',
    label: { en: 'Drone price', vi: 'Giá máy bay' },
  },
  {
    key: 'drone.lifeYears', value: 5, unit: 'years', range: [3, 7], valid: POS, ops: DRONE_OPS,
    source: 'assumption: economic life of an agricultural drone',
    label: { en: 'Drone life', vi: 'Tuổi thọ máy bay' },
  },
  {
    key: 'drone.areaPerYearHa', value: 1_500, unit: 'ha/year (all applications)', range: [500, 3_000], valid: POS, ops: DRONE_OPS,
    source: 'assumption: a service drone over two rice seasons, fertilizing and spraying',
    label: { en: 'Drone use per year', vi: 'Diện tích máy bay làm mỗi năm' },
  },
  {
    key: 'drone.capacityHaPerH', value: 5, unit: 'ha/h', range: [4, 6], valid: POS, ops: DRONE_OPS,
    source: 'ECONOMICS.md: drone measured capacity 4–6 ha/h (field reports), incl. turns, refills, battery swaps',
    label: { en: 'Drone field capacity', vi: 'Năng suất máy bay' },
  },
  {
    key: 'drone.crewPersons', value: 2, unit: 'persons', range: [1, 3], valid: POS, ops: DRONE_OPS,
    source: 'assumption: pilot + loader (batteries, product)',
    label: { en: 'Drone crew', vi: 'Số người vận hành máy bay' },
  },
  {
    key: 'drone.repairRf1', value: 0.41, unit: '–', range: null, valid: NONNEG, ops: DRONE_OPS,
    source: 'ASABE D497 repair factor RF1 of a self-propelled sprayer (closest entry; no drone entry)',
    label: { en: 'Drone repair factor RF1', vi: 'Hệ số sửa chữa RF1 (máy bay)' },
  },
  {
    key: 'drone.repairRf2', value: 1.3, unit: '–', range: null, valid: NONNEG, ops: DRONE_OPS,
    source: 'ASABE D497 repair factor RF2 of a self-propelled sprayer (closest entry; no drone entry)',
    label: { en: 'Drone repair factor RF2', vi: 'Hệ số sửa chữa RF2 (máy bay)' },
  },
  {
    key: 'drone.batteryCyclesPerHa', value: 0.8, unit: 'cycles/ha', range: [0.5, 2], valid: NONNEG, ops: DRONE_OPS,
    source: 'assumption: ~7 min hover per battery (ECONOMICS.md, DJI T40) at 4–6 ha/h',
    label: { en: 'Battery cycles', vi: 'Số lần sạc pin' },
  },
  {
    key: 'drone.batteryKwhPerCycle', value: 1.57, unit: 'kWh/cycle', range: null, valid: NONNEG, ops: DRONE_OPS,
    source: 'DJI Agras T40 specifications: 30 Ah × 52.22 V flight battery',
    label: { en: 'Energy per battery charge', vi: 'Điện năng mỗi lần sạc' },
  },
  {
    key: 'electricityVndPerKwh', value: 2_000, unit: 'VND/kWh', range: [1_800, 3_000], valid: NONNEG, ops: DRONE_OPS,
    source: 'EVN average retail price 2023 (1,920.37 VND/kWh)',
    label: { en: 'Electricity price', vi: 'Giá điện' },
  },
  {
    key: 'drone.overlapPct', value: 3, unit: '% of field', range: [0, 15], valid: PCT, ops: DRONE_OPS,
    source: 'assumption: RTK-guided passes; replaced by the simulated run\'s measured overlap',
    label: { en: 'Drone overlap', vi: 'Chồng lấn (máy bay)' },
  },
  {
    key: 'drone.serviceVndPerHa', value: 170_000, unit: 'VND/ha per application', range: [120_000, 250_000], valid: NONNEG, ops: DRONE_OPS,
    source: 'ECONOMICS.md: Mekong Delta drone service prices (press)',
    label: { en: 'Drone service price', vi: 'Giá thuê dịch vụ máy bay' },
  },
  // ---- transplanting: manual vs guided (and unguided) transplanter ----
  {
    key: 'manual.transplantPersonDaysPerHa', value: 25, unit: 'person-days/ha', range: [15, 40], valid: POS, ops: TP,
    source: 'ECONOMICS.md: IRRI Rice Knowledge Bank; Vietnamese extension reports',
    label: { en: 'Manual transplanting', vi: 'Cấy tay' },
  },
  {
    key: 'manual.seedlingPersonDaysPerHa', value: 5, unit: 'person-days/ha', range: [3, 8], valid: NONNEG, ops: TP,
    source: 'ECONOMICS.md: IRRI Rice Knowledge Bank (seedling pulling and carrying)',
    label: { en: 'Seedling pulling and carrying', vi: 'Nhổ và vận chuyển mạ' },
  },
  {
    key: 'manual.hiredTransplantVndPerSao', value: 300_000, unit: 'VND/sào', range: [250_000, 400_000], valid: NONNEG, ops: TP,
    source: 'ECONOMICS.md: Vietnamese press, Red River Delta 2023 (a check on the labour figure, not added to costs)',
    label: { en: 'Hired manual transplanting (check)', vi: 'Giá thuê cấy tay (đối chiếu)' },
  },
  {
    key: 'transplanter.priceVnd', value: 350_000_000, unit: 'VND', range: [250_000_000, 450_000_000], valid: NONNEG, ops: TP,
    source: 'assumption: dealers\' prices of 6-row riding transplanters (Kubota/Yanmar class) in Vietnam; verify locally',
    label: { en: 'Transplanter price', vi: 'Giá máy cấy' },
  },
  {
    key: 'guidance.kitPriceVnd', value: 120_000_000, unit: 'VND', range: [60_000_000, 200_000_000], valid: NONNEG, ops: TP,
    source: 'assumption: RTK auto-steer kit retail (about 5,000 USD, FJDynamics/CHCNAV class); verify locally',
    label: { en: 'GNSS guidance kit price', vi: 'Giá bộ dẫn đường GNSS' },
  },
  {
    key: 'transplanter.lifeYears', value: 8, unit: 'years', range: [6, 10], valid: POS, ops: TP,
    source: 'assumption: economic life of a riding transplanter',
    label: { en: 'Transplanter life', vi: 'Tuổi thọ máy cấy' },
  },
  {
    key: 'transplanter.areaPerYearHa', value: 40, unit: 'ha/year', range: [20, 80], valid: POS, ops: TP,
    source: 'assumption: a co-op transplanter over two rice seasons',
    label: { en: 'Transplanter use per year', vi: 'Diện tích máy cấy làm mỗi năm' },
  },
  {
    key: 'transplanter.capacityHaPerH', value: 0.25, unit: 'ha/h', range: [0.18, 0.4], valid: POS, ops: TP,
    source: 'ECONOMICS.md: manufacturers; ASABE D497 field efficiency 70 % (2 km/h × 1.8 m × 0.7 / 10)',
    label: { en: 'Guided transplanter capacity', vi: 'Năng suất máy cấy có dẫn đường' },
  },
  {
    key: 'transplanter.unguidedCapacityHaPerH', value: 0.1625, unit: 'ha/h', range: [0.1, 0.3], valid: POS, ops: TP,
    source: '0.25 ha/h × (1 − 0.35): ECONOMICS.md published guidance trials, field time −35 % with guidance',
    label: { en: 'Unguided transplanter capacity', vi: 'Năng suất máy cấy không dẫn đường' },
  },
  {
    key: 'transplanter.crewPersons', value: 2, unit: 'persons', range: [2, 3], valid: POS, ops: TP,
    source: 'assumption: driver + tray loader (ECONOMICS.md: walk-behind crew 3)',
    label: { en: 'Transplanter crew', vi: 'Số người vận hành máy cấy' },
  },
  {
    key: 'transplanter.repairRf1', value: 0.32, unit: '–', range: null, valid: NONNEG, ops: TP,
    source: 'ASABE D497 repair factor RF1 of a row-crop planter (closest entry; no transplanter entry)',
    label: { en: 'Transplanter repair factor RF1', vi: 'Hệ số sửa chữa RF1 (máy cấy)' },
  },
  {
    key: 'transplanter.repairRf2', value: 2.1, unit: '–', range: null, valid: NONNEG, ops: TP,
    source: 'ASABE D497 repair factor RF2 of a row-crop planter (closest entry; no transplanter entry)',
    label: { en: 'Transplanter repair factor RF2', vi: 'Hệ số sửa chữa RF2 (máy cấy)' },
  },
  {
    key: 'transplanter.fuelLPerH', value: 1.125, unit: 'L/h', range: null, valid: NONNEG, ops: TP,
    source: 'ECONOMICS.md: 4.5 L/ha (manufacturers) × 0.25 ha/h',
    label: { en: 'Transplanter fuel', vi: 'Nhiên liệu máy cấy' },
  },
  {
    key: 'fuelVndPerL', value: 21_000, unit: 'VND/L', range: [18_000, 25_000], valid: NONNEG, ops: TP,
    source: 'assumption: Petrolimex retail diesel price 2023 (about 20,000–22,000 VND/L)',
    label: { en: 'Fuel price', vi: 'Giá nhiên liệu' },
  },
  {
    key: 'transplanter.guidedOverlapPct', value: 2, unit: '% of field', range: [0, 10], valid: PCT, ops: TP,
    source: 'assumption; replaced by the simulated run\'s measured overlap (guided)',
    label: { en: 'Overlap, guided', vi: 'Chồng lấn, có dẫn đường' },
  },
  {
    key: 'transplanter.unguidedOverlapPct', value: 8, unit: '% of field', range: [2, 20], valid: PCT, ops: TP,
    source: 'guided + 6 points: ECONOMICS.md published guidance trials (overlaps −6 %); replaced by the manual-driven run',
    label: { en: 'Overlap, unguided', vi: 'Chồng lấn, không dẫn đường' },
  },
  {
    key: 'transplanter.guidedGapPct', value: 1, unit: '% of field', range: [0, 5], valid: PCT, ops: TP,
    source: 'assumption; replaced by the simulated run\'s measured gaps (guided); gaps are filled by hand',
    label: { en: 'Gaps, guided', vi: 'Bỏ sót, có dẫn đường' },
  },
  {
    key: 'transplanter.unguidedGapPct', value: 5, unit: '% of field', range: [1, 17], valid: PCT, ops: TP,
    source: 'assumption (ECONOMICS.md trials: gaps −16 % with guidance); replaced by the manual-driven run; filled by hand',
    label: { en: 'Gaps, unguided', vi: 'Bỏ sót, không dẫn đường' },
  },
  {
    key: 'trays.perHa', value: 200, unit: 'trays/ha', range: [180, 250], valid: NONNEG, ops: TP,
    source: 'ECONOMICS.md: mechanised transplanting guides',
    label: { en: 'Seedling trays', vi: 'Số khay mạ' },
  },
  {
    key: 'trays.nurseryVndPerTray', value: 5_000, unit: 'VND/tray', range: [3_000, 10_000], valid: NONNEG, ops: TP,
    source: 'assumption: substrate and tray wear over a seedbed nursery (seed costs the same both ways and is left out)',
    label: { en: 'Tray nursery cost', vi: 'Chi phí mạ khay' },
  },
  {
    key: 'trays.nurseryPersonDaysPerHa', value: 4, unit: 'person-days/ha', range: [2, 6], valid: NONNEG, ops: TP,
    source: 'assumption: tray sowing, nursery care, carrying trays',
    label: { en: 'Tray nursery labour', vi: 'Công làm mạ khay' },
  },
  {
    key: 'transplanter.serviceVndPerHa', value: 1_700_000, unit: 'VND/ha', range: [1_200_000, 2_500_000], valid: NONNEG, ops: TP,
    source: 'assumption: Red River Delta machine-transplanting service, about 50,000–70,000 VND/sào without seedlings (press); verify locally',
    label: { en: 'Transplanting service price', vi: 'Giá thuê dịch vụ cấy máy' },
  },
];

/** The table by key. */
export const ASSUMPTIONS_BY_KEY: ReadonlyMap<string, AssumptionDef> = new Map(ASSUMPTIONS.map((a) => [a.key, a]));

/** Default values by key. */
export function defaultValues(): Record<string, number> {
  return Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.value]));
}
