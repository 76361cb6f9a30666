/**
 * `agrisim savings`: labour and cost of manual work against drones and guided transplanters
 * (src/economics), for an area, a field (planned and simulated here) or a simulated run;
 * a table, JSON, or a one-page HTML report.
 */
import { AgrisimError, EconomicsError } from '../../errors.js';
import {
  ASSUMPTIONS,
  OPERATIONS,
  checkArea,
  parseAssumptionsFile,
  computeSavings,
  parseAssumptionNumber,
  savingsReportHtml,
  savingsReportPagesHtml,
  savingsTable,
  sourceText,
  blockSavingsTable,
  type Lang,
  type Operation,
  type Ownership,
  type PlanGeoJsonLike,
  type RunSummary,
} from '../../economics/index.js';
import { saoToHa } from '../../units/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand } from '../command.js';
import { readTextFile, writeTextFile } from '../io.js';
import { jsonProblem } from '../../field/index.js';
import { loadRunFiles, simulateField } from '../savings-input.js';
import { blockSavings } from '../savings-block.js';

const HELP = `usage: agrisim savings [options]

Labour and cost of manual work against machines, per ha, per sào (360 m²) and for the
whole area, for one rice season: person-days, hours, labour, machine and input cost,
savings, break-even area per year (own vs hire vs manual) and sensitivity (±30 %).
Defaults: Red River Delta, 2023 prices, each with its source (docs/economics.md lists the
full references; --list-assumptions prints them). Machine cost after ASABE EP496/D497;
hired services as quoted (transplanting package per sào with tray seedlings, drone spreading
per sào or per kg, drone spraying per ha); support policy (subsidy, loan interest support)
shown as a second break-even, counted in the costs with --set support.applied=1.

options:
  --operation fertilizing|transplanting|spraying|all   what is compared (default fertilizing;
                   all: the three for the area, one report page each):
                   fertilizing: drone vs manual broadcasting; spraying: drone vs knapsack;
                   transplanting: GNSS-guided transplanter vs manual (and unguided transplanter)
  --area-ha A      area in hectares
  --area-sao S     area in sào Bắc Bộ (1 sào = 360 m²)
  --field FILE     a field (GeoJSON/KML) or a plan (GeoJSON from \`agrisim plan --out\`):
                   plan it, simulate it guided and manual (seeded, faults off), use the
                   measured capacity, overlap and gaps; the report shows the field and plan
  --run FILE       a simulated run: NDJSON from \`simulate --record\`, or JSON from
                   \`simulate --json\` / \`simulate --compare --json\` (repeat for a guided and
                   a manual run); measured figures replace textbook ones (marked fromRun)
  --seed N         seed of the simulation for --field (default 1)
  --ownership own|hire   machine owned (ASABE EP496 cost) or hired service (default own)
  --block FILE     a co-op block (agrisim block input): plan it for the operation's fleet
                   (default transplanting, hired), then each household's area in sào, cost by
                   hand and by machine, savings and the day it is done, and the labour peak
                   (people a day by hand within block.windowDays vs the fleet's crew)
  --machines N     fleet size for --block (default 1)
  --set KEY=VALUE  override an assumption (repeatable), e.g. --set wageVndPerDay=250000
  --assumptions FILE.json   overrides from a JSON object {"KEY": number, …} or a saved
                   --json report's {"assumptions": [{"key", "value"}, …]}
                   (JSON Schema: docs/schemas/assumptions.schema.json)
  --list-assumptions        print every assumption key, default, unit and source
  --lang vi|en     language of the table and report (default vi)
  --json           print the JSON report
  --report FILE.html        write a one-page printable HTML report (A4)
  -h, --help       this help

An area (--area-ha/--area-sao) with --field or --run overrides the run's field area.

exit codes: 0 ok, 2 usage or invalid value (CLI_USAGE, ECON_UNKNOWN_KEY, ECON_INVALID_VALUE,
ECON_INVALID_AREA, ECON_RUN_MISMATCH), 3 unreadable file or run (IO_READ, ECON_RUN_INVALID,
FIELD_*), 4 field cannot be planned, 5 cannot write the report`;

function parseSet(items: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new AgrisimError('CLI_USAGE', `--set needs KEY=VALUE, got "${item}"`);
    const key = item.slice(0, eq).trim();
    out[key] = parseAssumptionNumber(key, item.slice(eq + 1));
  }
  return out;
}

async function readAssumptionFile(path: string): Promise<Record<string, number>> {
  const text = await readTextFile(path);
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    throw new EconomicsError('ECON_INVALID_VALUE', `${path}: not JSON: ${jsonProblem(e)}`, { path });
  }
  // Either {"KEY": number, …} or the report's own list {"assumptions": [{key, value}, …]}.
  return parseAssumptionsFile(obj, path);
}

async function runBlock(
  path: string,
  values: {
    operation?: string;
    ownership?: string;
    machines?: string;
    lang?: string;
    json?: boolean;
    set?: string[];
    assumptions?: string;
    'area-ha'?: string;
    'area-sao'?: string;
    run?: string[];
    field?: string;
  },
): Promise<number> {
  if (values['area-ha'] !== undefined || values['area-sao'] !== undefined || values.run !== undefined || values.field !== undefined) {
    throw new AgrisimError('CLI_USAGE', '--block takes its area from the block; give no --area-ha, --area-sao, --run or --field with it');
  }
  const operation = (values.operation ?? 'transplanting') as Operation;
  if (!OPERATIONS.includes(operation))
    throw new AgrisimError('CLI_USAGE', `--operation must be ${OPERATIONS.join(', ')} with --block, got "${values.operation}"`);
  const lang = (values.lang ?? 'vi') as Lang;
  if (lang !== 'vi' && lang !== 'en') throw new AgrisimError('CLI_USAGE', `--lang must be vi or en, got "${values.lang}"`);
  // Households hire the co-op's machines as a service unless told otherwise.
  const ownership = (values.ownership ?? 'hire') as Ownership;
  if (ownership !== 'own' && ownership !== 'hire')
    throw new AgrisimError('CLI_USAGE', `--ownership must be own or hire, got "${values.ownership}"`);
  const machines = numberOption(values.machines, 'machines', 1, 50) ?? 1;
  if (!Number.isInteger(machines)) throw new AgrisimError('CLI_USAGE', `--machines must be a whole number, got "${values.machines}"`);
  const overrides = { ...(values.assumptions ? await readAssumptionFile(values.assumptions) : {}), ...parseSet(values.set ?? []) };
  const out = await blockSavings(path, operation, ownership, machines, overrides);
  process.stdout.write((values.json ? JSON.stringify(out, null, 2) : blockSavingsTable(out.households, out.labourPeak, lang)) + '\n');
  return EXIT.OK;
}

function reportLine(path: string | undefined, lang: Lang): string {
  return path ? `\n\n${lang === 'vi' ? 'báo cáo' : 'report'}: ${path}` : '';
}

function listAssumptions(): string {
  return ASSUMPTIONS.map(
    (a) =>
      `${a.key} = ${a.value} ${a.unit}${a.range ? ` (range ${a.range[0]}–${a.range[1]})` : ''} [${a.ops.join(', ')}]\n    ${sourceText(a, 'en')}`,
  ).join('\n');
}

/** Options whose value may be a negative number: `--area-ha -3` reaches the area check (ECON_INVALID_AREA), not the parser's "ambiguous" usage error. */
const NUMERIC = new Set(['--area-ha', '--area-sao', '--seed']);

/** Joins `--area-ha -3` into `--area-ha=-3`. */
export function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    if (NUMERIC.has(a) && next !== undefined && /^-\d|^-\.\d/.test(next)) {
      out.push(`${a}=${next}`);
      i++;
    } else out.push(a);
  }
  return out;
}

/** The options of `savings` as parsed. */
type SavingsValues = {
  operation?: string;
  'area-ha'?: string;
  'area-sao'?: string;
  field?: string;
  run?: string[];
  seed?: string;
  ownership?: string;
  set?: string[];
  assumptions?: string;
  lang?: string;
  json?: boolean;
  report?: string;
};

/** Checks the options that go together (usage errors, exit 2) and reads the operation, language, ownership and area. */
function checkSavingsOptions(values: SavingsValues) {
  const all = values.operation === 'all';
  const operation = (all ? 'fertilizing' : (values.operation ?? 'fertilizing')) as Operation;
  if (!OPERATIONS.includes(operation))
    throw new AgrisimError('CLI_USAGE', `--operation must be ${OPERATIONS.join(', ')} or all, got "${values.operation}"`);
  if (all && (values.run !== undefined || values.field !== undefined))
    throw new AgrisimError('CLI_USAGE', '--operation all compares areas only; a run or field is of one machine (give its operation)');
  const lang = (values.lang ?? 'vi') as Lang;
  if (lang !== 'vi' && lang !== 'en') throw new AgrisimError('CLI_USAGE', `--lang must be vi or en, got "${values.lang}"`);
  const ownership = (values.ownership ?? 'own') as Ownership;
  if (ownership !== 'own' && ownership !== 'hire')
    throw new AgrisimError('CLI_USAGE', `--ownership must be own or hire, got "${values.ownership}"`);
  if (values['area-ha'] !== undefined && values['area-sao'] !== undefined)
    throw new AgrisimError('CLI_USAGE', 'give --area-ha or --area-sao, not both');
  if (values.field !== undefined && values.run !== undefined) throw new AgrisimError('CLI_USAGE', 'give --field or --run, not both');
  const areaText = values['area-ha'] ?? values['area-sao'];
  let areaHa: number | undefined;
  if (areaText !== undefined) {
    const n = Number(areaText.trim() === '' ? NaN : areaText);
    const ha = values['area-ha'] !== undefined ? n : saoToHa(n);
    areaHa = checkArea(Number.isFinite(n) ? ha : areaText);
  }
  return { all, operation, lang, ownership, areaHa };
}

/** Every operation compared on one area: a JSON array, the tables one after the other, one A4 page each. */
async function printAllOperations(
  areaHa: number,
  ownership: Ownership,
  overrides: Record<string, unknown>,
  lang: Lang,
  values: SavingsValues,
): Promise<number> {
  const reports = OPERATIONS.map((op) => computeSavings({ operation: op, areaHa, ownership, overrides, lang }));
  if (values.report) await writeTextFile(values.report, savingsReportPagesHtml(reports));
  if (values.json) process.stdout.write(JSON.stringify(reports, null, 2) + '\n');
  else
    process.stdout.write(
      reports.map((r) => savingsTable(r)).join('\n\n' + '─'.repeat(40) + '\n\n') + reportLine(values.report, lang) + '\n',
    );
  return EXIT.OK;
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseOptions(joinNegativeValues(argv), {
      operation: { type: 'string' },
      'area-ha': { type: 'string' },
      'area-sao': { type: 'string' },
      field: { type: 'string' },
      run: { type: 'string', multiple: true },
      seed: { type: 'string' },
      ownership: { type: 'string' },
      set: { type: 'string', multiple: true },
      assumptions: { type: 'string' },
      'list-assumptions': { type: 'boolean' },
      lang: { type: 'string' },
      json: { type: 'boolean' },
      report: { type: 'string' },
      block: { type: 'string' },
      machines: { type: 'string' },
    });
    if (positionals.length) throw new AgrisimError('CLI_USAGE', `unexpected argument "${positionals[0]}" (see --help)`);
    if (values['list-assumptions']) {
      process.stdout.write(listAssumptions() + '\n');
      return EXIT.OK;
    }
    if (values.block !== undefined) return runBlock(values.block, values);
    const { all, operation, lang, ownership, areaHa: givenHa } = checkSavingsOptions(values);
    let areaHa = givenHa;
    const seed = numberOption(values.seed, 'seed', 0, 2 ** 32 - 1);
    const overrides = { ...(values.assumptions ? await readAssumptionFile(values.assumptions) : {}), ...parseSet(values.set ?? []) };

    let run: RunSummary | undefined;
    let planGeoJson: PlanGeoJsonLike | undefined;
    let subtitle: string | undefined;
    if (values.run?.length || values.field) {
      const loaded = values.field ? await simulateField(values.field, operation, seed ?? 1) : await loadRunFiles(values.run!);
      run = loaded.run;
      planGeoJson = loaded.planGeoJson;
      areaHa ??= loaded.areaHa;
      const what = values.field ? (lang === 'vi' ? 'thửa' : 'field') : lang === 'vi' ? 'lần mô phỏng' : 'run';
      subtitle = `${what}: ${loaded.run.label}`;
    }
    if (areaHa === undefined) throw new AgrisimError('CLI_USAGE', 'give an area: --area-ha, --area-sao, --field or --run (see --help)');

    if (all) return printAllOperations(areaHa, ownership, overrides, lang, values);
    const report = computeSavings({ operation, areaHa, ownership, overrides, run, lang });
    if (values.report) await writeTextFile(values.report, savingsReportHtml(report, { planGeoJson, subtitle }));
    if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
    else process.stdout.write(savingsTable(report) + reportLine(values.report, lang) + '\n');
    return EXIT.OK;
  },
};
