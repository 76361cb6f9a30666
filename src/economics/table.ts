/**
 * The savings report as a plain-text table for the terminal, wholly in the report's language.
 */
import { EconomicsError } from '../errors.js';
import { ASSUMPTIONS_BY_KEY } from './assumptions.js';
import { formatNumber, formatRoughVnd, formatVnd } from '../units/index.js';
import { words } from './i18n.js';
import { checksLine } from './checks.js';
import { breakEvenSentence, supportSentence } from './break-even-text.js';
import type { CostBlock, Lang, SavingsReport } from './types.js';

function pad(cells: string[][]): string {
  const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
  return cells
    .map((row) =>
      row
        .map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i])))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** How the table writes words, numbers and money in its language. */
interface TableText {
  lang: Lang;
  w: ReturnType<typeof words>;
  num: (value: number, decimals?: number) => string;
  money: (vnd: number) => string;
}

/** The cost table: one column per method (manual, mechanised, alternatives), one row per figure, then the savings. */
function costRows(report: SavingsReport, { w, num, money }: TableText): string[][] {
  const blocks: CostBlock[] = [report.manual, report.mechanized, ...report.alternatives];
  return [
    ['', ...blocks.map((b) => w.method[b.method] ?? b.method)],
    [w.personDays, ...blocks.map((b) => num(b.personDays, 2))],
    [w.hours, ...blocks.map((b) => num(b.hours, 1))],
    [w.machineHours, ...blocks.map((b) => num(b.machineHours, 1))],
    [w.labor, ...blocks.map((b) => money(b.laborVnd))],
    [w.machine, ...blocks.map((b) => money(b.machineVnd))],
    [w.input, ...blocks.map((b) => money(b.inputVnd))],
    [w.total, ...blocks.map((b) => money(b.totalVnd))],
    [
      w.savings,
      '',
      money(report.savings.vnd) + ` (${num(report.savings.pct, 1)} %)`,
      ...report.alternatives.map((a) => money(a.savingsVnd) + ` (${num(a.savingsPct, 1)} %)`),
    ],
  ];
}

/** The verdict and the headline figures under the table: savings per ha and sào, person-days, break-even, checks. */
function summaryLines(report: SavingsReport, { lang, w, num, money }: TableText): string[] {
  const breakEvens = report.breakEvenSupport;
  return [
    report.verdict.text,
    `${w.savings} ${w.perHa}: ${money(report.perHa.savingsVnd)}; ${w.perSao}: ${formatRoughVnd(report.perSao.savingsVnd, lang)} (${money(report.perSao.manualVnd)} → ${money(report.perSao.mechanizedVnd)})`,
    `${w.personDays} ${w.saved}: ${num(report.savings.personDays, 2)}`,
    `${w.breakEven}, ${w.withoutSupport}: ${breakEvenSentence(breakEvens.without)}`,
    `${w.breakEven}, ${w.withSupport}: ${supportSentence(breakEvens.with, breakEvens.without, lang)}`,
    `${w.checks}: ${checksLine(report.checks, lang)}`,
  ];
}

/** Savings per ha with each factor at its low, base and high value. */
function sensitivityTable(report: SavingsReport, { w, money }: TableText): string {
  return pad([
    ['', w.low, w.base, w.high],
    ...report.sensitivity.map((x) => [
      w.factor[x.factor] ?? x.factor,
      money(x.lowSavingsVndPerHa),
      money(x.baseSavingsVndPerHa),
      money(x.highSavingsVndPerHa),
    ]),
  ]);
}

/** Every assumption used, marked `*` when measured in a run and `+` when overridden, with its source. */
function assumptionLines(report: SavingsReport, { lang, w, num }: TableText): string[] {
  return [
    w.assumptions + ` (* ${w.fromRun}, + ${w.overridden})`,
    ...report.assumptions.map((a) => {
      const label = ASSUMPTIONS_BY_KEY.get(a.key)?.label[lang] ?? a.key;
      const mark = a.fromRun ? '*' : a.overridden ? '+' : ' ';
      return `${mark} ${label} = ${num(a.value, Number.isInteger(a.value) ? 0 : 3)} ${a.unit} [${a.key}]; ${a.source}`;
    }),
  ];
}

/**
 * Renders a report as text (in `lang`, default the report's own language).
 * @example
 * ```ts
 * import { computeSavings, savingsTable } from 'agrisim';
 * console.log(savingsTable(computeSavings({ operation: 'transplanting', areaHa: 1.35, lang: 'vi' })));
 * ```
 */
export function savingsTable(report: SavingsReport, lang: Lang = report.lang): string {
  if (lang !== report.lang) {
    throw new EconomicsError(
      'ECON_INVALID_VALUE',
      `the report was computed in ${report.lang}; compute it with lang: '${lang}' to print it in that language`,
      { key: 'lang', value: lang },
    );
  }
  const text: TableText = {
    lang,
    w: words(lang),
    num: (value, decimals = 0) => formatNumber(value, lang, decimals),
    money: (vnd) => formatVnd(vnd, lang),
  };
  const { w, num } = text;
  const lines = [
    `${w.title}: ${w.operation[report.operation]}, ${w.perSeason}`,
    `${w.area}: ${num(report.areaHa, 2)} ha = ${num(report.areaSao, 1)} ${w.sao}; ${w.ownership[report.ownership]}`,
    '',
    pad(costRows(report, text)),
    '',
    ...summaryLines(report, text),
    '',
    w.sensitivity,
    sensitivityTable(report, text),
    '',
    ...assumptionLines(report, text),
    '',
    `${w.sources}:`,
    ...report.sources.map((x) => `  ${x.name}: ${x.text}`),
  ];
  return lines.join('\n');
}
