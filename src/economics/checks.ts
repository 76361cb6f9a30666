/**
 * Cross-checks of the model's results against published figures that are not inputs of the
 * model: Vietnamese trial reports of mechanised transplanting (labour −74.7 %,
 * cost −29.65 %), the market price of hired manual transplanting crews (350,000 VND/sào), and
 * drone capacities in field reports (4–6 ha/h). They let an officer see how far the model is
 * from what trials and markets say, without tuning the model to them.
 */
import type { AssumptionValues, CostBlock, Lang, ModelCheck, Operation } from './types.js';
import { formatNumber, formatVnd, perSao } from '../units/index.js';
import { words } from './i18n.js';

const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * The checks that apply to an operation.
 * @example
 * ```ts
 * import { computeSavings } from 'agrisim';
 * computeSavings({ operation: 'transplanting', areaHa: 1 }).checks[0]; // { id: 'laborReductionPct', modelValue: 82.5, reference: 74.7, … }
 * ```
 */
export function modelChecks(operation: Operation, v: AssumptionValues, manualPerHa: CostBlock, mechanizedPerHa: CostBlock): ModelCheck[] {
  if (operation === 'transplanting') {
    return [
      {
        id: 'laborReductionPct',
        modelValue: r1((100 * (manualPerHa.personDays - mechanizedPerHa.personDays)) / manualPerHa.personDays),
        reference: 74.7,
        unit: '%',
        source: 'vn-trials',
      },
      {
        id: 'costReductionPct',
        modelValue: r1((100 * (manualPerHa.totalVnd - mechanizedPerHa.totalVnd)) / manualPerHa.totalVnd),
        reference: 29.65,
        unit: '%',
        source: 'vn-trials',
      },
      {
        id: 'manualVndPerSao',
        modelValue: Math.round(perSao(manualPerHa.laborVnd)),
        reference: v['manual.hiredTransplantVndPerSao'],
        unit: 'VND/sào',
        source: 'laodong-thaibinh',
      },
    ];
  }
  return [{ id: 'droneCapacityHaPerH', modelValue: v['drone.capacityHaPerH'], reference: [4, 6], unit: 'ha/h', source: 'vnexpress-2022' }];
}

/**
 * The checks as one line of text: "labour reduction: model 82.5 %, published 74.7 %; …".
 * @example checksLine(report.checks, 'en');
 */
export function checksLine(checks: readonly ModelCheck[], lang: Lang): string {
  const w = words(lang);
  const digits = (v: number) => (Number.isInteger(v) ? 0 : Number.isInteger(Math.round(v * 1e6) / 1e5) ? 1 : 2);
  const val = (c: ModelCheck, v: number) =>
    c.unit === 'VND/sào'
      ? `${formatVnd(v, lang)}/sào`
      : `${formatNumber(v, lang, c.unit === '%' ? Math.max(1, digits(v)) : digits(v))} ${lang === 'vi' && c.unit === 'ha/h' ? 'ha/giờ' : c.unit}`;
  const ref = (c: ModelCheck) =>
    Array.isArray(c.reference) ? `${formatNumber(c.reference[0], lang)}–${val(c, c.reference[1])}` : val(c, c.reference);
  return checks.map((c) => `${w.check[c.id] ?? c.id}: ${w.model} ${val(c, c.modelValue)}, ${w.published} ${ref(c)}`).join('; ');
}
