/**
 * The one-page savings report (A4, printable): key figures, cost per ha chart, sensitivity
 * tornado, the field map with the plan (when given), the cost table and every assumption with
 * its source. Self-contained: inline CSS and plain SVG, no script, no network.
 */
import { ASSUMPTIONS_BY_KEY } from '../assumptions.js';
import { formatNumber, formatRoughVnd, formatVnd } from '../../units/index.js';
import { breakEvenSentence, supportSentence } from '../break-even-text.js';
import { words } from '../i18n.js';
import { checksLine } from '../checks.js';
import type { CostBlock, Lang, SavingsReport } from '../types.js';
import { costChartSvg } from './cost-chart.js';
import { fieldMapSvg, type PlanGeoJsonLike } from './field-map.js';
import { esc } from './svg.js';
import { EconomicsError } from '../../errors.js';
import { tornadoSvg } from './tornado-chart.js';

/** Options of the HTML report. */
export interface ReportOptions {
  /** The report's own language (`computeSavings({ lang })`); another one is refused. */
  lang?: Lang;
  /** Plan GeoJSON of the field worked (from `planField` + `toGeoJson`, or a run recording's description). */
  planGeoJson?: PlanGeoJsonLike;
  /** A line naming the field or run (e.g. the file name). */
  subtitle?: string;
  /** Date printed in the header (ISO, default: none, so the same input gives the same bytes). */
  date?: string;
}

const CSS = `
@page { size: A4; margin: 8mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
section.page { break-after: page; }
section.page:last-child { break-after: auto; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #1b1b1b; font-size: 9pt; line-height: 1.2; width: 194mm; }
h1 { font-size: 15pt; margin: 0 0 1mm; color: #1f5c12; }
h2 { font-size: 10pt; margin: 0 0 1mm; color: #333; }
.sub { color: #555; font-size: 8.5pt; margin-bottom: 2mm; }
.keys { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin-bottom: 2mm; }
.key { border: 0.3mm solid #c9d8bf; border-radius: 1.5mm; padding: 1mm 2mm; background: #f6faf2; }
.key .v { font-size: 12.5pt; font-weight: 700; color: #1f5c12; white-space: nowrap; }
.key .v.neg { color: #b3261e; }
.key .l { font-size: 7.5pt; color: #555; }
.row { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm; margin-bottom: 2mm; align-items: start; }
.panel { border: 0.3mm solid #ddd; border-radius: 1.5mm; padding: 1mm 2mm; break-inside: avoid; }
svg { display: block; max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; }
td, th { padding: 0.5mm 1mm; border-bottom: 0.2mm solid #e3e3e3; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; white-space: nowrap; }
th { font-weight: 600; background: #f1f1f1; }
.costs { font-size: 7.5pt; }
.costs .money { white-space: nowrap; }
.assump { font-size: 6pt; line-height: 1.12; table-layout: fixed; }
.assump td, .assump th { text-align: left; padding: 0.15mm 0.8mm; white-space: normal; }
.assump td.num { text-align: right; white-space: nowrap; }
.assump col.label { width: 19%; } .assump col.val { width: 9%; } .assump col.unit { width: 13%; } .assump col.range { width: 10%; } .assump col.src { width: 49%; }
.run { background: #fff6d6; }
.tag { color: #8a6d00; font-weight: 700; }
.foot { font-size: 6.5pt; color: #666; margin-top: 1.5mm; }
.notes { font-size: 7.5pt; line-height: 1.2; margin: 0 0 2mm; }
.row .panel svg { max-height: 30mm; margin: 0 auto; }
.srcs { font-size: 5.2pt; line-height: 1.15; color: #444; margin-top: 1mm; }
.verdict.little, .verdict.none { color: #8a4b00; }
`;

function costTable(blocks: CostBlock[], lang: Lang): string {
  const w = words(lang);
  const money = (v: number) => `<span class="money">${esc(formatVnd(v, lang))}</span>`;
  const head = `<tr><th></th>${blocks.map((b) => `<th>${esc(w.method[b.method] ?? b.method)}</th>`).join('')}</tr>`;
  const row = (label: string, f: (b: CostBlock) => string) =>
    `<tr><td>${esc(label)}</td>${blocks.map((b) => `<td>${f(b)}</td>`).join('')}</tr>`;
  return `<table class="costs">${head}${[
    row(w.personDays, (b) => esc(formatNumber(b.personDays, lang, 2))),
    row(w.machineHours, (b) => esc(formatNumber(b.machineHours, lang, 1))),
    row(w.labor, (b) => money(b.laborVnd)),
    row(w.machine, (b) => money(b.machineVnd)),
    row(w.input, (b) => money(b.inputVnd)),
    row(w.total, (b) => `<b>${money(b.totalVnd)}</b>`),
  ].join('')}</table>`;
}

function perHaBlocks(report: SavingsReport): CostBlock[] {
  const per = (b: CostBlock): CostBlock => {
    const a = report.areaHa;
    return {
      ...b,
      personDays: b.personDays / a,
      hours: b.hours / a,
      machineHours: b.machineHours / a,
      laborVnd: b.laborVnd / a,
      machineVnd: b.machineVnd / a,
      inputVnd: b.inputVnd / a,
      totalVnd: b.totalVnd / a,
    };
  };
  return [report.manual, report.mechanized, ...report.alternatives].map(per);
}

/**
 * Room for the assumptions table, in printed lines of 6 pt type (≈ 9.5 px each), calibrated
 * in Chromium's A4 print: the page has ≈ 1062 px, the parts above the table take up to ≈ 600 px.
 */
export const ASSUMPTION_LINES_BUDGET = 40;

/**
 * Estimated printed lines of the assumptions table at 6 pt: in Chromium a source wraps after
 * ~86 characters and a label after ~29; each row adds ~0.16 line of padding and rule.
 */
export function assumptionLines(report: SavingsReport): number {
  return report.assumptions.reduce((acc, a) => {
    const label = (ASSUMPTIONS_BY_KEY.get(a.key)?.label.vi.length ?? 20) + (a.fromRun || a.overridden ? 2 : 0);
    return acc + 0.16 + Math.max(1, Math.ceil(a.source.length / 86), Math.ceil(label / 29));
  }, 1.2);
}

/**
 * Renders the report as one HTML page.
 * @example
 * ```ts
 * import { computeSavings, savingsReportHtml } from 'agrisim';
 * import { writeFileSync } from 'node:fs';
 * writeFileSync('savings.html', savingsReportHtml(computeSavings({ operation: 'transplanting', areaHa: 1.35, lang: 'vi' })));
 * ```
 */
export function savingsReportHtml(report: SavingsReport, options: ReportOptions = {}): string {
  return page(report.lang, `${words(report.lang).title}: ${words(report.lang).operation[report.operation]}`, [reportBody(report, options)]);
}

/**
 * Several reports (e.g. one per operation) in one printable document, one A4 page each; all
 * in one language.
 * @throws EconomicsError `ECON_INVALID_VALUE` for no report or reports in different languages
 * @example
 * ```ts
 * import { computeSavings, savingsReportPagesHtml, OPERATIONS } from 'agrisim';
 * savingsReportPagesHtml(OPERATIONS.map((operation) => computeSavings({ operation, areaHa: 2, lang: 'vi' })));
 * ```
 */
export function savingsReportPagesHtml(reports: readonly SavingsReport[], options: Omit<ReportOptions, 'lang'> = {}): string {
  const lang = reports[0]?.lang;
  if (!lang || reports.some((r) => r.lang !== lang)) {
    throw new EconomicsError('ECON_INVALID_VALUE', 'a report of several pages needs at least one report, all computed in one language', {
      key: 'lang',
    });
  }
  return page(
    lang,
    words(lang).title,
    reports.map((r) => reportBody(r, options)),
  );
}

function page(lang: Lang, title: string, sections: string[]): string {
  const body = sections.map((x) => `<section class="page">\n${x}\n</section>`).join('\n');
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>${CSS}</style></head><body>\n${body}\n</body></html>\n`;
}

function reportBody(report: SavingsReport, options: ReportOptions): string {
  if (options.lang !== undefined && options.lang !== report.lang) {
    throw new EconomicsError(
      'ECON_INVALID_VALUE',
      `the report was computed in ${report.lang}; compute it with lang: '${options.lang}' to print it in that language`,
      { key: 'lang', value: options.lang },
    );
  }
  const lang = report.lang;
  const w = words(lang);
  const n = (v: number, d = 0) => formatNumber(v, lang, d);
  const be = (v: number | null) => (v === null ? w.never : `${n(v, 1)} ${w.haPerYear}`);
  const breakEvens = report.breakEvenSupport;
  const neg = (v: number) => (v < 0 ? ' neg' : '');
  const perHa = perHaBlocks(report);
  const map = options.planGeoJson ? fieldMapSvg(options.planGeoJson, 330, 165, w.map) : '';
  const keys = [
    [formatVnd(report.savings.vnd, lang), `${w.savings}, ${w.wholeArea} (${n(report.savings.pct, 1)} %)`, report.savings.vnd],
    [formatRoughVnd(report.perSao.savingsVnd, lang), `${w.savings} ${w.perSao}`, report.perSao.savingsVnd],
    [n(report.savings.personDays, 1), `${w.personDays} ${w.saved}`, report.savings.personDays],
    [be(report.breakEvenHaPerYear.ownVsHire), `${w.breakEven}: ${w.ownVsHire}`, 1],
  ] as const;
  const assumptionRows = report.assumptions.map((a) => {
    const def = ASSUMPTIONS_BY_KEY.get(a.key);
    const tag = a.fromRun ? ' <span class="tag">●</span>' : a.overridden ? ' <span class="tag">✎</span>' : '';
    const dec = Number.isInteger(a.value) ? 0 : a.value < 1 ? 4 : 3;
    const big = a.range !== null && a.range[1] >= 1e6;
    const end = (x: number) => (big ? n(x / 1e6, x % 1e6 ? 1 : 0) : n(x, x % 1 ? 2 : 0));
    const range = a.range ? `${end(a.range[0])}–${end(a.range[1])}${big ? (lang === 'vi' ? ' triệu' : ' million') : ''}` : '';
    return `<tr${a.fromRun ? ' class="run"' : ''}><td>${esc(def?.label[lang] ?? a.key)}${tag}</td><td class="num">${esc(n(a.value, dec))}</td><td>${esc(a.unit)}</td><td class="num">${esc(range)}</td><td>${esc(a.source)}</td></tr>`;
  });
  // Long lists (many overrides, long run sources) shrink the table's type so the page stays one A4 sheet.
  // The sources' paragraph (≈ 250 characters a line at 5.2 pt) and long notes take room from the table.
  const sourceLines = Math.ceil(report.sources.reduce((acc, x) => acc + x.name.length + x.text.length + 3, 0) / 250);
  const noteChars = report.verdict.text.length + report.breakEvenSupport.with.reason.length + report.breakEvenSupport.without.reason.length;
  const noteLines = Math.max(0, Math.ceil(noteChars / 160) - 2);
  const tablePt = Math.max(4.4, Math.min(6, (6 * (ASSUMPTION_LINES_BUDGET - sourceLines - noteLines)) / assumptionLines(report)));
  const body = [
    `<h1>${esc(w.title)}: ${esc(w.operation[report.operation])}</h1>`,
    `<div class="sub">${esc(w.area)}: ${esc(n(report.areaHa, 2))} ha = ${esc(n(report.areaSao, 1))} ${esc(w.sao)} · ${esc(w.perSeason)} · ${esc(w.ownership[report.ownership])}${options.subtitle ? ` · ${esc(options.subtitle)}` : ''}${options.date ? ` · ${esc(options.date)}` : ''}</div>`,
    `<div class="keys">${keys.map(([v, l, sign]) => `<div class="key"><div class="v${neg(Number(sign))}">${esc(String(v))}</div><div class="l">${esc(l)}</div></div>`).join('')}</div>`,
    `<div class="row"><div class="panel"><h2>${esc(w.costPerHa)}</h2>${costChartSvg(perHa, lang, 330)}</div>`,
    `<div class="panel"><h2>${esc(w.sensitivity)}</h2>${tornadoSvg(report.sensitivity, lang, 330)}</div></div>`,
    `<div class="row"><div class="panel"><h2>${esc(w.total)}, ${esc(w.wholeArea)}</h2>${costTable([report.manual, report.mechanized, ...report.alternatives], lang)}`,
    `<div class="sub" style="margin:1mm 0 0">${esc(w.perSao)}: ${esc(formatVnd(report.perSao.manualVnd, lang))} → ${esc(formatVnd(report.perSao.mechanizedVnd, lang))}</div></div>`,
    map ? `<div class="panel"><h2>${esc(w.map)}</h2>${map}</div>` : runPanel(report, lang),
    `</div>`,
    `<div class="notes"><b class="verdict ${report.verdict.kind}" data-verdict="${report.verdict.kind}">${esc(report.verdict.text)}</b><br>`,
    `<span data-testid="break-even">${esc(w.breakEven)}, ${esc(w.withoutSupport)}: ${esc(breakEvenSentence(breakEvens.without))}</span> `,
    `${esc(w.withSupport)}: ${esc(supportSentence(breakEvens.with, breakEvens.without, lang))}<br>${esc(w.checks)}: ${esc(checksLine(report.checks, lang))}</div>`,
    `<h2>${esc(w.assumptions)} <span class="tag">●</span> <small>${esc(w.fromRun)}</small> <span class="tag">✎</span> <small>${esc(w.overridden)}</small></h2>`,
    `<table class="assump" style="font-size:${tablePt.toFixed(2)}pt"><colgroup><col class="label"><col class="val"><col class="unit"><col class="range"><col class="src"></colgroup>`,
    `<tr><th>${esc(w.assumptions)}</th><th>${esc(w.value)}</th><th>${esc(w.unit)}</th><th>${esc(w.range)}</th><th>${esc(w.source)}</th></tr>${assumptionRows.join('')}</table>`,
    `<div class="srcs"><b>${esc(w.sources)}:</b> ${report.sources.map((x) => `<b>${esc(x.name)}</b>: ${esc(x.text)}`).join(' · ')}</div>`,
    `<div class="foot">${esc(w.footer)}</div>`,
  ].join('\n');
  return body;
}

function runPanel(report: SavingsReport, lang: Lang): string {
  const w = words(lang);
  const fromRun = report.assumptions.filter((a) => a.fromRun);
  if (!fromRun.length) return '<div></div>';
  return `<div class="panel"><h2>${esc(w.run)}${report.run ? `: ${esc(report.run.label)}` : ''}</h2><table class="costs">${fromRun
    .map(
      (a) =>
        `<tr><td>${esc(ASSUMPTIONS_BY_KEY.get(a.key)?.label[lang] ?? a.key)}</td><td>${esc(formatNumber(a.value, lang, 3))} ${esc(a.unit)}</td></tr>`,
    )
    .join('')}</table></div>`;
}
