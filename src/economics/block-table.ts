/**
 * The block's savings as text, wholly in one language: one row per household (area in sào,
 * cost by hand and by machine, savings, days until done) and the labour peak of the block.
 */
import { formatNumber, formatRoughVnd, formatVnd, type Lang } from '../units/index.js';
import type { HouseholdSavings, LabourPeak } from './block.js';

const W = {
  en: {
    title: (n: number, ha: string, sao: string) => `Block: ${n} households, ${ha} ha = ${sao} sào`,
    head: ['Household', 'sào', 'By hand', 'By machine', 'Saved', 'Days by hand', 'Done on day'],
    nobody: '(no owner)',
    peak: (pd: string, win: string, ppd: string) =>
      `Labour peak: by hand ${pd} person-days, ${ppd} people a day to finish within ${win} days.`,
    fleet: (m: number, crew: number, days: string, fits: boolean, need: number) =>
      `The fleet: ${m} machine${m > 1 ? 's' : ''} with ${crew} people finish in ${days} days${fits ? '' : ` (over the window: ${need} machines needed)`}.`,
    saved: (d: string) => `Days saved: ${d}.`,
  },
  vi: {
    title: (n: number, ha: string, sao: string) => `Cánh đồng: ${n} hộ, ${ha} ha = ${sao} sào`,
    head: ['Hộ', 'sào', 'Làm tay', 'Làm máy', 'Tiết kiệm', 'Ngày làm tay', 'Xong vào ngày'],
    nobody: '(chưa rõ hộ)',
    peak: (pd: string, win: string, ppd: string) =>
      `Cao điểm lao động: làm tay cần ${pd} công, ${ppd} người mỗi ngày để xong trong ${win} ngày.`,
    fleet: (m: number, crew: number, days: string, fits: boolean, need: number) =>
      `Đội máy: ${m} máy với ${crew} người xong trong ${days} ngày${fits ? '' : ` (quá khung thời vụ: cần ${need} máy)`}.`,
    saved: (d: string) => `Số ngày rút ngắn: ${d}.`,
  },
};

/**
 * @example console.log(blockSavingsTable(households, peak, 'vi'));
 */
export function blockSavingsTable(households: readonly HouseholdSavings[], peak: LabourPeak, lang: Lang): string {
  const w = W[lang];
  const n = (v: number, d = 1) => formatNumber(v, lang, d);
  const rows = [
    w.head,
    ...households.map((h) => [
      h.id || w.nobody,
      n(h.areaSao),
      formatVnd(h.manualVnd, lang),
      formatVnd(h.mechanizedVnd, lang),
      formatRoughVnd(h.savingsVnd, lang),
      n(h.manualDays),
      n(h.mechanizedDays, 0),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  const table = rows
    .map((r) =>
      r
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
  const sao = households.reduce((a, h) => a + h.areaSao, 0);
  return [
    w.title(households.length, n(peak.areaHa, 2), n(sao)),
    '',
    table,
    '',
    w.peak(n(peak.manualPersonDays, 0), n(peak.windowDays, 0), n(peak.manualPersonsPerDay, 0)),
    w.fleet(peak.machines, peak.fleetCrewPersons, n(peak.fleetDays), peak.fitsWindow, peak.machinesNeeded),
    w.saved(n(peak.daysSaved)),
  ].join('\n');
}
