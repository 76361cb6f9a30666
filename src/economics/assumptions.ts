/**
 * The one table of model defaults (Red River Delta, 2023 prices): every number the savings
 * model uses, with its unit (in both languages), plausible range, the sources it comes from
 * (ids of SOURCES, full references in docs/economics.md) and a note saying how it was read,
 * so an extension officer can defend each one. Figures no source gives are marked assumptions.
 */
import type { AssumptionDef, Lang, Operation } from './types.js';
import { SOURCES_BY_ID } from './sources.js';

const ALL: readonly Operation[] = ['fertilizing', 'transplanting', 'spraying'];
const DRONE_OPS: readonly Operation[] = ['fertilizing', 'spraying'];
const FERT: readonly Operation[] = ['fertilizing'];
const SPRAY: readonly Operation[] = ['spraying'];
const TP: readonly Operation[] = ['transplanting'];

const POS = { positive: true } as const;
const NONNEG = { min: 0 } as const;
const PCT = { min: 0, max: 100 } as const;

type Row = [key: string, value: number, unit: [en: string, vi: string], range: [number, number] | null, valid: AssumptionDef['valid'], ops: readonly Operation[],
  label: [en: string, vi: string], refs: string[], note: [en: string, vi: string]];

const def = ([key, value, unit, range, valid, ops, label, refs, note]: Row): AssumptionDef => ({
  key, value, unit: unit[0], unitVi: unit[1], range, valid, ops, label: { en: label[0], vi: label[1] }, refs, note: { en: note[0], vi: note[1] },
});

const VND_DAY: [string, string] = ['VND/person-day', '₫/công'];
const PD_HA: [string, string] = ['person-days/ha', 'công/ha'];
const VND: [string, string] = ['VND', '₫'];
const YEARS: [string, string] = ['years', 'năm'];
const HOURS: [string, string] = ['h', 'giờ'];
const PERSONS: [string, string] = ['persons', 'người'];
const HA_H: [string, string] = ['ha/h', 'ha/giờ'];
const HA_YEAR: [string, string] = ['ha/year', 'ha/năm'];
const FIELD_PCT: [string, string] = ['% of field', '% diện tích'];
const FACTOR: [string, string] = ['–', '–'];
const ASSUMED: [string, string] = ['assumption', 'giả định'];

/** Every default, in report order. Keys are stable: the CLI's `--set key=value` and JSON files use them. */
export const ASSUMPTIONS: readonly AssumptionDef[] = ([
  // ---- common ----
  ['wageVndPerDay', 375_000, VND_DAY, [300_000, 450_000], POS, ALL, ['Farm wage', 'Tiền công lao động'], ['laodong-thaibinh', 'gso'],
    ['hired transplanting in Thái Bình 350,000–400,000 VND a day', 'cấy thuê ở Thái Bình 350–400 nghìn ₫/ngày']],
  ['hoursPerDay', 8, ['h/person-day', 'giờ/công'], [6, 10], { positive: true, max: 24 }, ALL, ['Working hours per day', 'Số giờ một công'], [], ASSUMED],
  ['interestPctPerYear', 8, ['%/year', '%/năm'], [6, 12], PCT, ALL, ['Interest rate on the machine', 'Lãi suất vốn mua máy'], ['agribank', 'asabe-ep496'],
    ['interest on (price + salvage)/2', 'lãi tính trên (giá máy + giá thanh lý)/2']],
  ['tihPctPerYear', 1.5, ['% of price/year', '% giá máy/năm'], [1, 2], PCT, ALL, ['Taxes, insurance, housing', 'Thuế, bảo hiểm, nhà kho'], ['asabe-ep496'],
    ['1–2 % of the price a year', '1–2 % giá máy mỗi năm']],
  ['salvagePct', 10, ['% of price', '% giá máy'], [5, 20], PCT, ALL, ['Salvage value', 'Giá trị thanh lý'], ['asabe-ep496'], ['value left at the end of use; assumption', 'giá trị còn lại khi thôi dùng; giả định']],
  // ---- support policy (applied only when support.applied = 1; break-even is shown both ways) ----
  ['support.applied', 0, ['0 = no, 1 = yes', '0 = không, 1 = có'], null, { min: 0, max: 1 }, ALL, ['Support counted in the costs', 'Tính hỗ trợ vào chi phí'], [],
    ['0: costs without support (eligibility is not assured); break-even is shown with and without', '0: chi phí chưa tính hỗ trợ (chưa chắc được hưởng); điểm hoà vốn có cả hai cách']],
  ['support.purchaseSubsidyPct', 0, ['% of price', '% giá máy'], [0, 50], PCT, ALL, ['Purchase subsidy', 'Hỗ trợ mua máy'], ['nq-08-2023-tb'],
    ['no provincial subsidy figure found: none', 'không tìm thấy mức hỗ trợ của tỉnh: không tính']],
  ['support.purchaseSubsidyCapVnd', 0, ['VND (0 = no cap)', '₫ (0 = không giới hạn)'], null, NONNEG, ALL, ['Purchase subsidy cap', 'Mức hỗ trợ mua máy tối đa'], ['nq-08-2023-tb'],
    ['no figure found', 'không tìm thấy số liệu']],
  ['support.interestFullYears', 2, YEARS, [0, 3], { min: 0, max: 30 }, ALL, ['Interest paid by the state, 100 %', 'Năm được hỗ trợ 100 % lãi vay'], ['qd-68-2013'],
    ['first 2 years of the loan', '2 năm đầu của khoản vay']],
  ['support.interestHalfYears', 1, YEARS, [0, 3], { min: 0, max: 30 }, ALL, ['Interest paid by the state, 50 %', 'Năm được hỗ trợ 50 % lãi vay'], ['qd-68-2013'],
    ['the third year of the loan', 'năm thứ ba của khoản vay']],
  // ---- fertilizing: manual broadcasting vs drone ----
  ['manual.broadcastHPerHa', 3, ['h/ha per application (1 person)', 'giờ/ha mỗi lần bón (1 người)'], [2, 5], POS, FERT, ['Manual broadcasting time', 'Thời gian vãi phân bằng tay'], [], ASSUMED],
  ['manual.broadcastOverlapPct', 10, ['% extra product', '% phân thừa'], [0, 20], PCT, FERT, ['Extra product, hand broadcasting', 'Phân thừa khi vãi tay'], [],
    ['unevenness made up with extra product; assumption', 'vãi không đều phải bù thêm phân; giả định']],
  ['urea.rateKgPerHaSeason', 200, ['kg/ha/season', 'kg/ha/vụ'], [150, 250], NONNEG, FERT, ['Urea rate', 'Lượng urê'], ['vn-extension'], ['', '']],
  ['urea.applicationsPerSeason', 3, ['applications/season', 'lần/vụ'], [2, 4], { positive: true, max: 20 }, FERT, ['Fertilizer applications', 'Số lần bón'], ['vn-extension'],
    ['basal dressing and 2 top-dressings', 'bón lót và 2 lần bón thúc']],
  ['urea.priceVndPerKg', 11_000, ['VND/kg', '₫/kg'], [8_000, 15_000], NONNEG, FERT, ['Urea price', 'Giá phân urê'], ['fert-prices'], ['', '']],
  // ---- spraying: knapsack vs drone ----
  ['manual.knapsackHPerHa', 8, ['h/ha per application (1 person)', 'giờ/ha mỗi lần phun (1 người)'], [4, 14], POS, SPRAY, ['Knapsack spraying time', 'Thời gian phun bình đeo vai'], ['irri', 'fao-spray'],
    ['small plots of the north, 450 L of water/ha carried by hand', 'thửa nhỏ miền Bắc, 450 L nước/ha mang vác bằng tay']],
  ['manual.knapsackOverlapPct', 10, ['% extra product', '% thuốc thừa'], [0, 20], PCT, SPRAY, ['Extra product, knapsack', 'Thuốc thừa khi phun tay'], [], ASSUMED],
  ['spray.applicationsPerSeason', 3, ['applications/season', 'lần/vụ'], [2, 6], { positive: true, max: 30 }, SPRAY, ['Spray applications', 'Số lần phun'], [], ASSUMED],
  ['spray.pesticideVndPerHa', 250_000, ['VND/ha per application', '₫/ha mỗi lần phun'], [150_000, 500_000], NONNEG, SPRAY, ['Pesticide cost', 'Tiền thuốc BVTV'], [],
    ['same dose both ways, only overlap differs; assumption', 'cùng liều cả hai cách, chỉ khác phần chồng lấn; giả định']],
  // ---- drone (fertilizing and spraying) ----
  ['drone.priceVnd', 500_000_000, VND, [370_000_000, 700_000_000], NONNEG, DRONE_OPS, ['Drone price', 'Giá máy bay'], ['dealers', 'vnexpress-2022'], ['40 L / 50 kg class', 'loại bình 40 L / 50 kg']],
  ['drone.lifeHours', 1_500, HOURS, [1_000, 2_000], POS, DRONE_OPS, ['Drone life in hours', 'Tuổi thọ máy bay (giờ)'], ['asabe-d497'],
    ['self-propelled sprayer, the closest entry (no drone entry)', 'theo máy phun tự hành, loại gần nhất (không có loại máy bay)']],
  ['drone.lifeYears', 5, YEARS, [3, 7], POS, DRONE_OPS, ['Drone years of use at most', 'Số năm dùng tối đa (máy bay)'], ['asabe-ep496'],
    ['obsolescence; assumption', 'lạc hậu công nghệ; giả định']],
  ['drone.areaPerYearHa', 1_500, HA_YEAR, [500, 3_000], POS, DRONE_OPS, ['Drone use per year', 'Diện tích máy bay làm mỗi năm'], [],
    ['a service drone over two seasons, all applications; assumption', 'máy làm dịch vụ hai vụ, mọi lần bón, phun; giả định']],
  ['drone.capacityHaPerH', 5, HA_H, [4, 6], POS, DRONE_OPS, ['Drone field capacity', 'Năng suất máy bay'], ['vnexpress-2022'],
    ['turns, refills, battery swaps included', 'kể cả quay đầu, nạp, thay pin']],
  ['drone.crewPersons', 2, PERSONS, [1, 3], POS, DRONE_OPS, ['Drone crew', 'Số người vận hành máy bay'], [], ['pilot and loader; assumption', 'người lái và người nạp; giả định']],
  ['drone.repairRf1', 0.41, FACTOR, null, NONNEG, DRONE_OPS, ['Drone repair factor RF1', 'Hệ số sửa chữa RF1 (máy bay)'], ['asabe-d497'], ['self-propelled sprayer', 'máy phun tự hành']],
  ['drone.repairRf2', 1.3, FACTOR, null, NONNEG, DRONE_OPS, ['Drone repair factor RF2', 'Hệ số sửa chữa RF2 (máy bay)'], ['asabe-d497'], ['self-propelled sprayer', 'máy phun tự hành']],
  ['drone.batteryCyclesPerHa', 1.2, ['cycles/ha', 'lần sạc/ha'], [0.5, 2], NONNEG, DRONE_OPS, ['Battery cycles', 'Số lần sạc pin'], ['dji-t40'],
    ['about 7 min of flight a battery; replaced by the run', 'khoảng 7 phút bay mỗi pin; thay bằng số đo khi có mô phỏng']],
  ['drone.batteryPriceVnd', 35_000_000, VND, [25_000_000, 45_000_000], NONNEG, DRONE_OPS, ['Flight battery price', 'Giá một pin máy bay'], ['dealers'], ['', '']],
  ['drone.batteryLifeCycles', 1_500, ['cycles', 'lần sạc'], [1_000, 1_500], POS, DRONE_OPS, ['Battery life in charge cycles', 'Tuổi thọ pin (lần sạc)'], ['dji-t40'], ['', '']],
  ['drone.batteryKwhPerCycle', 1.57, ['kWh/cycle', 'kWh/lần sạc'], null, NONNEG, DRONE_OPS, ['Energy per battery charge', 'Điện năng mỗi lần sạc'], ['dji-t40'],
    ['30 Ah × 52.22 V', '30 Ah × 52,22 V']],
  ['generator.lPerKwh', 0.55, ['L/kWh', 'L/kWh'], [0.4, 0.8], NONNEG, DRONE_OPS, ['Generator fuel per kWh', 'Xăng máy nổ mỗi kWh'], ['vnexpress-2024'],
    ['batteries charged by a petrol generator at the field; assumption, bounded by the press figure', 'sạc pin bằng máy nổ chạy xăng ngoài đồng; giả định, đối chiếu số báo chí']],
  ['drone.overlapPct', 3, FIELD_PCT, [0, 15], PCT, DRONE_OPS, ['Drone overlap', 'Chồng lấn (máy bay)'], [], ['replaced by the run\'s measured overlap; assumption', 'thay bằng số đo khi có mô phỏng; giả định']],
  ['drone.sprayServiceVndPerHa', 170_000, ['VND/ha per application', '₫/ha mỗi lần phun'], [120_000, 250_000], NONNEG, SPRAY, ['Drone spraying service', 'Giá thuê máy bay phun thuốc'], ['vnexpress-2022', 'soctrang-2023'],
    ['Mekong Delta quotes 160,000–180,000 VND/ha; no Red River Delta quote found', 'giá ở Đồng bằng sông Cửu Long 160–180 nghìn ₫/ha; chưa tìm thấy giá ở Đồng bằng sông Hồng']],
  ['drone.spreadServiceVndPerSao', 6_000, ['VND/sào per application', '₫/sào mỗi lần bón'], [4_000, 10_000], NONNEG, FERT, ['Drone spreading service, per sào', 'Giá thuê máy bay rải phân mỗi sào'], ['vnexpress-2022', 'soctrang-2023'],
    ['no spreading quote found: taken equal to the spraying price per area', 'chưa tìm thấy giá rải phân: lấy bằng giá phun theo diện tích']],
  ['drone.spreadServiceVndPerKg', 0, ['VND/kg (0 = priced per sào)', '₫/kg (0 = tính theo sào)'], [0, 2_000], NONNEG, FERT, ['Drone spreading service, per kg', 'Giá thuê máy bay rải phân mỗi kg'], [],
    ['set above 0 where spreading is quoted per kg', 'đặt lớn hơn 0 nơi dịch vụ tính giá theo kg']],
  ['fuelVndPerL', 23_000, ['VND/L', '₫/L'], [18_000, 27_000], NONNEG, ALL, ['Fuel price', 'Giá xăng'], ['petrolimex'], ['', '']],
  // ---- transplanting: manual vs guided (and unguided) transplanter ----
  ['manual.transplantPersonDaysPerHa', 25, PD_HA, [15, 40], POS, TP, ['Manual transplanting', 'Cấy tay'], ['irri'], ['', '']],
  ['manual.seedlingPersonDaysPerHa', 5, PD_HA, [3, 8], NONNEG, TP, ['Seedling pulling and carrying', 'Nhổ và vận chuyển mạ'], ['irri'], ['', '']],
  ['manual.seedbedVndPerHa', 1_000_000, ['VND/ha', '₫/ha'], [600_000, 1_500_000], NONNEG, TP, ['Seed and seedbed for hand transplanting', 'Giống và mạ dược cho cấy tay'], [],
    ['about 1.2 kg of seed per sào and seedbed materials; assumption', 'khoảng 1,2 kg giống mỗi sào và vật tư làm mạ; giả định']],
  ['manual.hiredTransplantVndPerSao', 350_000, ['VND/sào', '₫/sào'], [320_000, 400_000], NONNEG, TP, ['Hired hand transplanting (check)', 'Giá thuê cấy tay (đối chiếu)'], ['laodong-thaibinh', 'baohaiduong-2020'],
    ['a check on the labour figure, not added to costs', 'để đối chiếu, không cộng vào chi phí']],
  ['transplanter.priceVnd', 350_000_000, VND, [250_000_000, 450_000_000], NONNEG, TP, ['Transplanter price', 'Giá máy cấy'], ['dealers'], ['6-row riding transplanter', 'máy cấy ngồi lái 6 hàng']],
  ['guidance.kitPriceVnd', 120_000_000, VND, [60_000_000, 200_000_000], NONNEG, TP, ['GNSS guidance kit price', 'Giá bộ dẫn đường GNSS'], [],
    ['RTK auto-steer kit retail; assumption', 'giá bán lẻ bộ lái tự động RTK; giả định']],
  ['transplanter.lifeHours', 1_500, HOURS, [1_000, 2_000], POS, TP, ['Transplanter life in hours', 'Tuổi thọ máy cấy (giờ)'], ['asabe-d497'],
    ['row-crop planter, the closest entry', 'theo máy gieo hàng, loại gần nhất']],
  ['transplanter.lifeYears', 10, YEARS, [8, 12], POS, TP, ['Transplanter years of use at most', 'Số năm dùng tối đa (máy cấy)'], ['asabe-ep496'],
    ['obsolescence; assumption', 'lạc hậu, hao mòn theo thời gian; giả định']],
  ['transplanter.areaPerYearHa', 60, HA_YEAR, [20, 300], POS, TP, ['Transplanter use per year', 'Diện tích máy cấy làm mỗi năm'], [],
    ['a co-op machine over two seasons; assumption', 'máy của hợp tác xã, hai vụ; giả định']],
  ['transplanter.capacityHaPerH', 0.25, HA_H, [0.18, 0.4], POS, TP, ['Guided transplanter capacity', 'Năng suất máy cấy có dẫn đường'], ['makers', 'asabe-d497'],
    ['2 km/h × 1.8 m × 70 % / 10', '2 km/giờ × 1,8 m × 70 % / 10']],
  ['transplanter.unguidedCapacityHaPerH', 0.1625, HA_H, [0.1, 0.3], POS, TP, ['Unguided transplanter capacity', 'Năng suất máy cấy không dẫn đường'], ['guidance-trials'],
    ['0.25 ha/h × (1 − 35 %)', '0,25 ha/giờ × (1 − 35 %)']],
  ['transplanter.crewPersons', 2, PERSONS, [2, 3], POS, TP, ['Transplanter crew', 'Số người vận hành máy cấy'], [], ['driver and tray loader; assumption', 'người lái và người tiếp mạ; giả định']],
  ['transplanter.repairRf1', 0.32, FACTOR, null, NONNEG, TP, ['Transplanter repair factor RF1', 'Hệ số sửa chữa RF1 (máy cấy)'], ['asabe-d497'], ['row-crop planter', 'máy gieo hàng']],
  ['transplanter.repairRf2', 2.1, FACTOR, null, NONNEG, TP, ['Transplanter repair factor RF2', 'Hệ số sửa chữa RF2 (máy cấy)'], ['asabe-d497'], ['row-crop planter', 'máy gieo hàng']],
  ['transplanter.fuelLPerH', 1.125, ['L/h', 'L/giờ'], null, NONNEG, TP, ['Transplanter fuel', 'Nhiên liệu máy cấy'], ['makers'], ['4.5 L/ha × 0.25 ha/h', '4,5 L/ha × 0,25 ha/giờ']],
  ['transplanter.guidedOverlapPct', 2, FIELD_PCT, [0, 10], PCT, TP, ['Overlap, guided', 'Chồng lấn, có dẫn đường'], [], ['replaced by the run; assumption', 'thay bằng số đo khi có mô phỏng; giả định']],
  ['transplanter.unguidedOverlapPct', 8, FIELD_PCT, [2, 20], PCT, TP, ['Overlap, unguided', 'Chồng lấn, không dẫn đường'], ['guidance-trials'], ['guided + 6 points', 'có dẫn đường + 6 điểm']],
  ['transplanter.guidedGapPct', 1, FIELD_PCT, [0, 5], PCT, TP, ['Gaps, guided', 'Bỏ sót, có dẫn đường'], [], ['filled by hand; replaced by the run; assumption', 'cấy dặm bằng tay; thay bằng số đo; giả định']],
  ['transplanter.unguidedGapPct', 5, FIELD_PCT, [1, 17], PCT, TP, ['Gaps, unguided', 'Bỏ sót, không dẫn đường'], ['guidance-trials'], ['filled by hand', 'cấy dặm bằng tay']],
  ['trays.perHa', 200, ['trays/ha', 'khay/ha'], [180, 250], NONNEG, TP, ['Seedling trays', 'Số khay mạ'], ['vn-extension'], ['', '']],
  ['trays.seedlingVndPerTray', 7_000, ['VND/tray', '₫/khay'], [5_000, 10_000], NONNEG, TP, ['Tray seedlings made by the owner', 'Mạ khay tự làm'], [],
    ['seed, substrate, tray wear; counted once, only when the owner makes them; assumption', 'giống, giá thể, hao mòn khay; tính một lần, chỉ khi tự làm; giả định']],
  ['trays.nurseryPersonDaysPerHa', 4, PD_HA, [2, 6], NONNEG, TP, ['Tray nursery labour', 'Công làm mạ khay'], [], ASSUMED],
  ['transplanter.packageVndPerSao', 290_000, ['VND/sào', '₫/sào'], [250_000, 310_000], NONNEG, TP, ['Hired machine transplanting, package', 'Thuê cấy máy trọn gói'], ['baohaiduong-2020'],
    ['tray seedlings included: the farmer supplies none', 'đã gồm mạ khay: nông dân không phải làm mạ']],
  // ---- block ----
  ['block.windowDays', 12, ['days', 'ngày'], [10, 15], POS, TP, ['Transplanting window of a block', 'Khung thời vụ cấy của cánh đồng'], ['vn-extension'],
    ['the province\'s seasonal calendar asks for transplanting within 10–15 days', 'lịch thời vụ yêu cầu cấy xong trong 10–15 ngày']],
] as Row[]).map(def);

/** The table by key. */
export const ASSUMPTIONS_BY_KEY: ReadonlyMap<string, AssumptionDef> = new Map(ASSUMPTIONS.map((a) => [a.key, a]));

/** Default values by key. */
export function defaultValues(): Record<string, number> {
  return Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.value]));
}

/** The unit of an assumption in a language. */
export function unitOf(a: AssumptionDef, lang: Lang): string {
  return lang === 'vi' ? a.unitVi : a.unit;
}

/**
 * Where a default comes from, in a language: the note, then the sources' short names
 * ("assumption" when none).
 * @example sourceText(ASSUMPTIONS_BY_KEY.get('wageVndPerDay')!, 'vi'); // 'cấy thuê ở Thái Bình …; Lao Động (Thái Bình); Tổng cục Thống kê'
 */
export function sourceText(a: AssumptionDef, lang: Lang): string {
  const names = a.refs.map((id) => SOURCES_BY_ID.get(id)?.short[lang] ?? id);
  const note = a.note[lang];
  const parts = [note, ...names].filter((x) => x !== '');
  return parts.length ? parts.join('; ') : lang === 'vi' ? 'giả định' : 'assumption';
}
