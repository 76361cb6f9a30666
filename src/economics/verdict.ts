/**
 * Says whether a machine saves much, little or nothing against manual work, and why, from
 * the cost blocks: instead of inventing a saving, a report where the drone barely beats one
 * person broadcasting granules by hand says so and names the reason.
 */
import type { AssumptionValues, CostBlock, Lang, Operation, Verdict } from './types.js';
import { formatNumber, formatPct, formatRoughVnd } from '../units/index.js';
import { perSao } from '../units/index.js';

/** Below this share of the manual cost a saving is "little", %. */
export const LITTLE_SAVING_PCT = 5;
/** Below this per sào a saving is "little", VND (a farmer would not notice it). */
export const LITTLE_SAVING_VND_PER_SAO = 10_000;

const T = {
  en: {
    saves: (sao: string, pct: string, pd: string) => `Saves ${sao} per sào (${pct}) and ${pd} person-days per ha.`,
    little: 'Saves little',
    none: 'Saves nothing',
    broadcast: (h: string, labour: string, machine: string, mo: string, dro: string) =>
      `one person broadcasts a hectare by hand in ${h} h per application (${labour} of labour per ha a season), about what the drone itself costs per ha (${machine}); what it does save is product lost to overlap (${mo} by hand against ${dro})`,
    generic: (machine: string, labour: string) =>
      `the machine costs ${machine} per ha, which takes up the ${labour} per ha it saves in labour and inputs`,
    perSao: (v: string) => ` (${v} per sào)`,
  },
  vi: {
    saves: (sao: string, pct: string, pd: string) => `Tiết kiệm ${sao} mỗi sào (${pct}) và ${pd} công mỗi ha.`,
    little: 'Tiết kiệm ít',
    none: 'Không tiết kiệm',
    broadcast: (h: string, labour: string, machine: string, mo: string, dro: string) =>
      `một người vãi tay xong 1 ha trong ${h} giờ mỗi lần bón (${labour} tiền công mỗi ha một vụ), gần bằng chi phí của chính máy bay mỗi ha (${machine}); phần tiết kiệm được chủ yếu là phân thừa do chồng lấn (vãi tay ${mo}, máy bay ${dro})`,
    generic: (machine: string, labour: string) =>
      `máy tốn ${machine} mỗi ha, gần hết phần ${labour} mỗi ha tiết kiệm được về công và vật tư`,
    perSao: (v: string) => ` (${v} mỗi sào)`,
  },
};

const dec = (x: number) => (Number.isInteger(x) ? 0 : 1);

/**
 * The verdict on one operation, per ha of one season.
 * @example verdict('fertilizing', v, manualPerHa, dronePerHa, 'en').kind; // 'little'
 */
export function verdict(operation: Operation, v: AssumptionValues, manual: CostBlock, mechanized: CostBlock, lang: Lang): Verdict {
  const w = T[lang];
  const savedPerHa = manual.totalVnd - mechanized.totalVnd;
  const pct = manual.totalVnd > 0 ? (100 * savedPerHa) / manual.totalVnd : 0;
  const money = (x: number) => formatRoughVnd(x, lang);
  if (savedPerHa > 0 && pct >= LITTLE_SAVING_PCT && perSao(savedPerHa) >= LITTLE_SAVING_VND_PER_SAO) {
    return {
      kind: 'saves',
      text: w.saves(money(perSao(savedPerHa)), formatPct(pct, lang), formatNumber(manual.personDays - mechanized.personDays, lang, 1)),
    };
  }
  const kind = savedPerHa > 0 ? 'little' : 'none';
  const why =
    operation === 'fertilizing'
      ? w.broadcast(
          formatNumber(v['manual.broadcastHPerHa'], lang, dec(v['manual.broadcastHPerHa'])),
          money(manual.laborVnd),
          money(mechanized.machineVnd + mechanized.laborVnd),
          formatPct(v['manual.broadcastOverlapPct'], lang, dec(v['manual.broadcastOverlapPct'])),
          formatPct(v['drone.overlapPct'], lang, dec(v['drone.overlapPct'])),
        )
      : w.generic(money(mechanized.machineVnd), money(manual.laborVnd + manual.inputVnd - mechanized.laborVnd - mechanized.inputVnd));
  return { kind, text: `${kind === 'little' ? w.little : w.none}${w.perSao(money(perSao(savedPerHa)))}: ${why}.` };
}
