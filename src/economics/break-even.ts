/**
 * Break-even area per year: the hectares a machine must work each year before owning it
 * costs less per hectare than hiring the service, or than doing the work by hand. The cost
 * per ha of an owned machine falls monotonically with the area (ASABE EP496/D497, see
 * ownership-cost.ts), so the crossing is found by bisection; when even the largest area
 * leaves owning dearer, the answer is null with the reason, in the report's language.
 */
import type { AssumptionValues, BreakEven, Lang, Operation } from './types.js';
import { machineCostPerHa, manualCostPerHa } from './operations.js';
import { formatNumber, formatRoughVnd } from '../units/index.js';

/** Largest area per year searched, ha. */
export const BREAK_EVEN_MAX_HA = 100_000;
const MIN_HA = 0.1;

/** The assumption key holding the area per year of the operation's machine. */
export function areaPerYearKey(operation: Operation): string {
  return operation === 'transplanting' ? 'transplanter.areaPerYearHa' : 'drone.areaPerYearHa';
}

/** Cost per ha (one season) of owning the operation's machine when it works `ha` a year. */
export function ownedCostAt(operation: Operation, v: AssumptionValues, ha: number, withSupport?: boolean): number {
  return machineCostPerHa(operation, { ...v, [areaPerYearKey(operation)]: ha }, 'own', undefined, withSupport).totalVnd;
}

/** Machine and labour cost per ha (one season, inputs left out) of the owned machine at `ha` a year. */
function ownedWorkAt(operation: Operation, v: AssumptionValues, ha: number, withSupport?: boolean): number {
  const b = machineCostPerHa(operation, { ...v, [areaPerYearKey(operation)]: ha }, 'own', undefined, withSupport);
  return b.machineVnd + b.laborVnd;
}

/** Smallest area per year (ha, rounded up to 0.1) at which owning costs at most `targetVndPerHa`; null when never. */
export function breakEvenArea(operation: Operation, v: AssumptionValues, targetVndPerHa: number, withSupport?: boolean): number | null {
  const at = (ha: number) => ownedCostAt(operation, v, ha, withSupport);
  if (at(MIN_HA) <= targetVndPerHa) return MIN_HA;
  if (at(BREAK_EVEN_MAX_HA) > targetVndPerHa) return null;
  let lo = MIN_HA;
  let hi = BREAK_EVEN_MAX_HA;
  // Bisect on a log scale: the crossing may be at 2 ha or at 20 000 ha.
  for (let k = 0; k < 100 && hi - lo > 0.01; k++) {
    const mid = Math.sqrt(lo * hi) > lo + 0.005 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
    if (at(mid) <= targetVndPerHa) hi = mid;
    else lo = mid;
  }
  return Math.ceil(hi * 10 - 1e-9) / 10;
}

const COSTS = {
  en: 'wear over its life hours, repairs, batteries or fuel, crew',
  vi: 'hao mòn theo giờ máy, sửa chữa, pin hoặc nhiên liệu, người vận hành',
};
const T = {
  en: {
    ha: (x: number) => `${formatNumber(x, 'en', Number.isInteger(x) ? 0 : 1)} ha/year`,
    what: { hire: 'hiring the service', manual: 'doing the work by hand' },
    never: (what: string, floor: string, target: string) =>
      `owning never pays against ${what}: even worked ${formatNumber(BREAK_EVEN_MAX_HA, 'en')} ha a year, the owned machine costs ${floor} per ha a season (${COSTS.en}), more than ${target} per ha`,
    both: (h: string, m: string) =>
      `Owning the machine costs less than hiring the service from ${h}, and less than doing the work by hand from ${m}.`,
    one: (yes: string, at: string, no: string, floor: string, target: string) =>
      `Owning the machine costs less than ${yes} from ${at}, but never less than ${no}: even worked ${formatNumber(BREAK_EVEN_MAX_HA, 'en')} ha a year, it costs ${floor} per ha a season (${COSTS.en}), more than ${target} per ha.`,
    none: (floor: string, hire: string, manual: string) =>
      `Owning the machine never costs less than hiring the service or doing the work by hand: even worked ${formatNumber(BREAK_EVEN_MAX_HA, 'en')} ha a year, it costs ${floor} per ha a season (${COSTS.en}), more than ${hire} for the service and ${manual} by hand, per ha.`,
  },
  vi: {
    ha: (x: number) => `${formatNumber(x, 'vi', Number.isInteger(x) ? 0 : 1)} ha/năm`,
    what: { hire: 'thuê dịch vụ', manual: 'làm tay' },
    never: (what: string, floor: string, target: string) =>
      `tự mua máy không bao giờ rẻ hơn ${what}: dù làm ${formatNumber(BREAK_EVEN_MAX_HA, 'vi')} ha mỗi năm, máy tự mua vẫn tốn ${floor} mỗi ha một vụ (${COSTS.vi}), cao hơn ${target} mỗi ha`,
    both: (h: string, m: string) => `Tự mua máy rẻ hơn thuê dịch vụ khi máy làm từ ${h}, và rẻ hơn làm tay khi máy làm từ ${m}.`,
    one: (yes: string, at: string, no: string, floor: string, target: string) =>
      `Tự mua máy rẻ hơn ${yes} khi máy làm từ ${at}, nhưng không bao giờ rẻ hơn ${no}: dù làm ${formatNumber(BREAK_EVEN_MAX_HA, 'vi')} ha mỗi năm, máy vẫn tốn ${floor} mỗi ha một vụ (${COSTS.vi}), cao hơn ${target} mỗi ha.`,
    none: (floor: string, hire: string, manual: string) =>
      `Tự mua máy không bao giờ rẻ hơn thuê dịch vụ hay làm tay: dù làm ${formatNumber(BREAK_EVEN_MAX_HA, 'vi')} ha mỗi năm, máy vẫn tốn ${floor} mỗi ha một vụ (${COSTS.vi}), cao hơn ${hire} của dịch vụ và ${manual} khi làm tay, tính mỗi ha.`,
  },
};

/**
 * Break-even areas per year of owning the operation's machine, against hiring and against
 * manual work, with the reason of a null and the one sentence a report prints, in `lang`.
 * @param withSupport - count the support policy (default: the `support.applied` assumption)
 * @example
 * ```ts
 * import { breakEven, resolveAssumptions } from 'agrisim';
 * breakEven('transplanting', resolveAssumptions().values, 'en').ownVsHire; // 18.9 (ha/year)
 * ```
 */
export function breakEven(operation: Operation, v: AssumptionValues, lang: Lang = 'en', withSupport?: boolean): BreakEven {
  const t = T[lang];
  const hire = machineCostPerHa(operation, v, 'hire');
  const manual = manualCostPerHa(operation, v);
  const ownVsHire = breakEvenArea(operation, v, hire.totalVnd, withSupport);
  const ownVsManual = breakEvenArea(operation, v, manual.totalVnd, withSupport);
  // Said without the inputs, which differ only by overlap: the owned machine's own cost against the alternative's.
  const ownInputVnd = machineCostPerHa(operation, v, 'own', undefined, withSupport).inputVnd;
  const floor = formatRoughVnd(ownedWorkAt(operation, v, BREAK_EVEN_MAX_HA, withSupport), lang);
  const hireTarget = formatRoughVnd(hire.totalVnd - ownInputVnd, lang);
  const manualTarget = formatRoughVnd(manual.totalVnd - ownInputVnd, lang);
  const reasons: string[] = [];
  if (ownVsHire === null) reasons.push(t.never(t.what.hire, floor, hireTarget));
  if (ownVsManual === null) reasons.push(t.never(t.what.manual, floor, manualTarget));
  let sentence: string;
  if (ownVsHire !== null && ownVsManual !== null) sentence = t.both(t.ha(ownVsHire), t.ha(ownVsManual));
  else if (ownVsHire !== null) sentence = t.one(t.what.hire, t.ha(ownVsHire), t.what.manual, floor, manualTarget);
  else if (ownVsManual !== null) sentence = t.one(t.what.manual, t.ha(ownVsManual), t.what.hire, floor, hireTarget);
  else sentence = t.none(floor, hireTarget, manualTarget);
  return { ownVsHire, ownVsManual, reason: reasons.join('; '), sentence };
}
