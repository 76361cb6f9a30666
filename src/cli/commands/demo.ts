/**
 * `agrisim demo` (what `npm start` runs): plans the Thái Bình sample block for two fleets
 * (2 drones spreading, 3 transplanters) and serves each fleet live as one simulation; runs a
 * fertilizer drone and a guided transplanter, each guided (RTK) and driven by eye, measures
 * them to the end on the virtual clock for the savings, prints the savings in Vietnamese and
 * English, and serves those four runs too, until Ctrl-C. No network, nothing else to install.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AgrisimError } from '../../errors.js';
import {
  computeSavings,
  savingsReportHtml,
  type Lang,
  type Operation,
  type PlanGeoJsonLike,
  type RunSummary,
  type SavingsReport,
} from '../../economics/index.js';
import { formatNumber, formatVnd } from '../../units/index.js';
import { scenarioFactories, type LoadedScenario } from '../../scenario/index.js';
import { formatSimDuration, runToEnd } from '../../sim/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand } from '../command.js';
import { suffixedPath, writeTextFile } from '../io.js';
import { progressBar } from '../progress.js';
import { measuredRunOf } from '../savings-input.js';
import { loadBlockScenario, type BlockFactory } from '../block-run.js';
import { ANY_HOST } from '../join.js';
import { portOption, serveUntilSignal, viewerHandler } from '../live-serve.js';

const HELP = `usage: agrisim demo [options]

The whole pipeline on the Thái Bình sample block (fields/thai-binh-block.geojson): plans the
whole block for a fleet of 2 drones spreading and one of 3 transplanters (roads, gates, the
depot crew's queue), simulates a fertilizer drone and a GNSS-guided transplanter, each guided
(RTK) and driven by eye, prints the savings against manual work (vi and en), then serves the
two fleets and the four runs live: open the printed URL on a phone or a projector. Ctrl+C stops it.

options:
  --port N          HTTP/WebSocket port (default $PORT, else 8080; 0 = any free port)
  --host H          interface (default every one, :: and 0.0.0.0: phones on the same Wi-Fi
                    open a printed URL or scan the QR code; 127.0.0.1 keeps it to this machine)
  --speedup K       live runs' simulated time per wall time (default 20)
  --token T         secret for the viewer's pause/resume/speed controls (default $AGRISIM_TOKEN)
  --lang vi|en|both language of the savings summary (default both)
  --report FILE     also write the savings report (one A4 page, HTML): FILE for the drone's
                    fertilizing, FILE-transplanting.html for the transplanter
  --no-serve        print the plan and savings, then exit (no live server)
  --json            print JSON lines (plans, savings, started, stopped) instead of text
  -h, --help        this help

exit codes: 0 done or stopped by Ctrl+C/SIGTERM, 1 cannot listen, 2 usage, 3 missing sample files, 5 cannot write`;

/** The demo's two scenarios, beside the source (so it works from any working directory). */
const SCENARIOS: { file: string; operation: Operation }[] = [
  { file: 'sims/thai-binh-drone.json', operation: 'fertilizing' },
  { file: 'sims/thai-binh-transplanter.json', operation: 'transplanting' },
];

/** The demo's fleets: each block scenario runs its whole fleet as one simulation. */
const BLOCK_SCENARIOS = ['sims/thai-binh-block-drones.json', 'sims/thai-binh-block-transplanters.json'];

/** A fleet's plan in a few lines: makespan and each machine's paddies in work order. */
function fleetLines(f: BlockFactory): string {
  const m = f.plan.metrics;
  const head = `${f.name}\n  plan: ${m.block.paddies} paddies, ${m.block.areaHa.toFixed(2)} ha, ${m.vehicles.length} machines, makespan ${formatSimDuration(m.makespanS)}`;
  return [head, ...m.vehicles.map((v) => `  ${v.id}: ${v.paddies.join(', ')}`)].join('\n');
}

function repoPath(rel: string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const path = [resolve(rel), resolve(here, '../../..', rel)].find((p) => existsSync(p));
  if (!path) throw new AgrisimError('IO_READ', `the demo needs ${rel}, which is missing from this checkout`, { path: rel });
  return path;
}

/** One machine's demo: guided and manual factories, their measured runs, and the savings. */
interface MachineDemo {
  operation: Operation;
  guided: LoadedScenario;
  manual: LoadedScenario;
  report: SavingsReport;
  /** The same with the machine hired as a service per ha (how most Thái Bình farmers use drones). */
  hired: SavingsReport;
  planGeoJson?: PlanGeoJsonLike;
}

/** Runs guided and manual to the end (virtual clock, as fast as it goes) and computes savings. */
function measure(operation: Operation, guided: LoadedScenario, manual: LoadedScenario, tick: () => void): MachineDemo {
  const runs = [guided, manual].map((f) => {
    const sim = f.create();
    const d = sim.describe();
    const { metrics } = runToEnd(sim, { onFrame: (fr) => fr.t % 60_000 === 0 && tick() });
    return { d, run: measuredRunOf(metrics as Parameters<typeof measuredRunOf>[0], d.fieldAreaHa, d.vehicles.length) };
  });
  const [g, m] = runs;
  const summary: RunSummary = {
    label: guided.scenario.id,
    vehicleKind: operation === 'transplanting' ? 'transplanter' : 'drone',
    guided: g.run,
    manual: m.run,
  };
  const report = computeSavings({ operation, areaHa: g.d.fieldAreaHa, run: summary, ownership: 'own' });
  const hired = computeSavings({ operation, areaHa: g.d.fieldAreaHa, run: summary, ownership: 'hire' });
  return { operation, guided, manual, report, hired, planGeoJson: g.d.planGeoJson as PlanGeoJsonLike | undefined };
}

const TITLES: Record<Operation, Record<Lang, string>> = {
  fertilizing: { vi: 'Bón phân bằng drone', en: 'Fertilizing by drone' },
  transplanting: { vi: 'Cấy bằng máy cấy dẫn đường GNSS', en: 'Transplanting with a GNSS-guided transplanter' },
  spraying: { vi: 'Phun thuốc bằng drone', en: 'Spraying by drone' },
};

/** A few lines of savings for the terminal: owning the machine, and hiring it when given. */
export function savingsSummary(r: SavingsReport, lang: Lang, hired?: SavingsReport): string {
  const n = (v: number, d = 1) => formatNumber(v, lang, d),
    vnd = (v: number) => formatVnd(v, lang);
  const vi = lang === 'vi';
  return [
    `${TITLES[r.operation][lang]}: ${n(r.areaHa, 2)} ha (${n(r.areaSao, 0)} sào)`,
    `  ${vi ? 'Thủ công' : 'Manual'}: ${n(r.manual.personDays)} ${vi ? 'công' : 'person-days'}, ${vnd(r.manual.totalVnd)}`,
    `  ${vi ? 'Cơ giới' : 'Mechanized'}: ${n(r.mechanized.personDays)} ${vi ? 'công' : 'person-days'}, ${vnd(r.mechanized.totalVnd)}`,
    `  ${vi ? 'Tiết kiệm (máy của mình)' : 'Savings (own machine)'}: ${vnd(r.savings.vnd)} (${n(r.savings.pct)} %), ${n(r.savings.personDays)} ${vi ? 'công' : 'person-days'}; ${vnd(r.perSao.savingsVnd)}/sào, ${vnd(r.perHa.savingsVnd)}/ha`,
    ...(hired
      ? [
          `  ${vi ? 'Tiết kiệm (thuê dịch vụ)' : 'Savings (hired service)'}: ${vnd(hired.savings.vnd)} (${n(hired.savings.pct)} %); ${vnd(hired.perSao.savingsVnd)}/sào, ${vnd(hired.perHa.savingsVnd)}/ha`,
        ]
      : []),
  ].join('\n');
}

function planLines(m: MachineDemo): string {
  const plans = m.guided.plans;
  const ha = plans.reduce((a, p) => a + p.metrics.field.areaHa, 0);
  const swaths = plans.reduce((a, p) => a + p.metrics.swaths.count, 0);
  const minCov = Math.min(...plans.map((p) => p.metrics.coveragePct));
  return `${m.guided.scenario.name}\n  plan: ${plans.length} ${plans.length === 1 ? 'paddy' : 'paddies'}, ${ha.toFixed(2)} ha, ${swaths} swaths, coverage ≥ ${minCov.toFixed(1)} %`;
}

/** Plans every demo scenario and runs each machine guided and by eye (with a progress bar on stderr). */
async function prepareDemo(): Promise<{ fleets: BlockFactory[]; machines: MachineDemo[] }> {
  const bar = progressBar(100);
  let ticks = 0;
  const tick = () => bar.tick(Math.min(99, ++ticks), 'simulating');
  const fleets: BlockFactory[] = [];
  for (const file of BLOCK_SCENARIOS) fleets.push(...(await loadBlockScenario(repoPath(file))));
  const machines: MachineDemo[] = [];
  for (const s of SCENARIOS) {
    const [guided, manual] = await scenarioFactories(repoPath(s.file), { guidance: ['rtk', 'manual'] });
    machines.push(measure(s.operation, guided, manual, tick));
  }
  bar.done();
  return { fleets, machines };
}

/** Prints each fleet's plan and each machine's plan and savings (JSON lines, or text in `lang`). */
function printDemo(fleets: BlockFactory[], machines: MachineDemo[], lang: string, json: boolean, out: (s: string) => void): void {
  for (const f of fleets) {
    if (json) out(JSON.stringify({ event: 'block', scenario: f.id, plan: { ...f.plan.metrics, planMs: undefined } }));
    else out(fleetLines(f) + '\n');
  }
  for (const m of machines) {
    if (json)
      out(
        JSON.stringify({
          event: 'savings',
          scenario: m.guided.scenario.id,
          plans: m.guided.plans.map((p) => p.metrics),
          savings: m.report,
          savingsHired: m.hired,
        }),
      );
    else {
      out(planLines(m));
      for (const l of lang === 'both' ? (['vi', 'en'] as const) : [lang as Lang]) out(savingsSummary(m.report, l, m.hired));
      out('');
    }
  }
}

/** Writes one printable report per machine (`--report FILE`, the others beside it with the operation's suffix). */
async function writeDemoReports(
  machines: MachineDemo[],
  reportPath: string,
  lang: string,
  json: boolean,
  out: (s: string) => void,
): Promise<void> {
  for (const [i, m] of machines.entries()) {
    const path = i === 0 ? reportPath : suffixedPath(reportPath, m.operation);
    // The report in its language: texts (verdict, reasons, sources, units) come from the computation.
    const r = m.report;
    const inLang = computeSavings({
      operation: r.operation,
      areaHa: r.areaHa,
      run: r.run,
      ownership: r.ownership,
      lang: lang === 'en' ? 'en' : 'vi',
    });
    await writeTextFile(path, savingsReportHtml(inLang, { planGeoJson: m.planGeoJson, subtitle: m.guided.scenario.name }));
    out(json ? JSON.stringify({ event: 'report', operation: m.operation, path }) : `report: ${path}`);
  }
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseOptions(argv, {
      port: { type: 'string' },
      host: { type: 'string' },
      speedup: { type: 'string' },
      token: { type: 'string' },
      lang: { type: 'string' },
      report: { type: 'string' },
      'no-serve': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length) throw new AgrisimError('CLI_USAGE', `demo takes no positional arguments (got ${positionals.join(' ')})`);
    const lang = values.lang ?? 'both';
    if (!['vi', 'en', 'both'].includes(lang)) throw new AgrisimError('CLI_USAGE', `--lang must be vi, en or both, got "${lang}"`);
    const port = portOption(values.port);
    const speedup = numberOption(values.speedup, 'speedup', 0.001, 10_000) ?? 20;
    const json = values.json ?? false;
    const out = (s: string) => process.stdout.write(s + '\n');

    const { fleets, machines } = await prepareDemo();
    printDemo(fleets, machines, lang, json, out);
    if (values.report) await writeDemoReports(machines, values.report, lang, json, out);
    if (values['no-serve']) return EXIT.OK;

    const staticHandler = await viewerHandler(json, 'demo', 'vi');
    return serveUntilSignal(
      {
        port,
        host: values.host ?? ANY_HOST,
        speedup,
        loop: true,
        simulations: [...fleets, ...machines.flatMap((m) => [m.guided, m.manual])],
        token: values.token ?? (process.env.AGRISIM_TOKEN || undefined),
        ...(staticHandler ? { staticHandler } : {}),
      },
      { json, label: 'demo' },
    );
  },
};
