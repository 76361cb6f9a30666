/**
 * `agrisim plan <field file>`: plan coverage of every field in a GeoJSON/KML file for a drone or
 * a transplanter; print a summary (or the docs/contracts.md metrics as JSON lines) and export the plan.
 */
import { AgrisimError, isAgrisimError } from '../../errors.js';
import { readFieldFile } from '../../field/index.js';
import { planFieldsParallel } from '../../plan/index.js';
import { exportPlan, planFormatFromPath, PLAN_FORMATS, type PlanFormat } from '../../plan/index.js';
import type { Plan, PlanOptions } from '../../plan/index.js';
import type { Field } from '../../field/index.js';
import { getVehicle } from '../../vehicles/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand } from '../command.js';
import { suffixedPath, writeTextFile } from '../io.js';
import { progressBar } from '../progress.js';
import { PRESCRIPTION_HELP, prescriptionJson, readDoseInput, type DoseInput } from '../prescription-input.js';
import { predictPlanDose } from '../../sim/index.js';
import { batchTotals, driftJson, driftLine, planSummary, prescriptionLine } from '../plan-summary.js';
import type { Prescription } from '../../prescription/index.js';

const HELP = `usage: agrisim plan <field.geojson|field.kml> [options]

Plans full coverage of every field (polygon) in the file: headland laps, the sweep angle with
the fewest swaths, cells around holes and concave corners, turns inside the field, refill trips.

options:
  --vehicle drone|transplanter   machine profile (default drone)
  --width M                      working width, m (default: the profile's: drone 7, transplanter 1.8)
  --headland N                   headland laps, 0–20 (default: the turn space the machine needs,
                                 ceil(turning radius / width): transplanter 2; a drone needs none
                                 and gets one edge lap only on fields where it works less twice)
  --angle DEG                    fixed sweep angle, degrees from east counter-clockwise (default: searched)
  --pattern auto|boustrophedon|skip   route pattern (default auto)
  --start LON,LAT                where the machine starts and refills (default: nearest boundary corner)
  --out FILE                     write the plan; the format comes from the extension
                                 (.geojson/.json, .kml, .plan = QGroundControl, .xml = ISOXML TASKDATA)
                                 or --format. Several fields: one file per field, FILE-<fieldId>.ext
  --format geojson|kml|qgc|isoxml   export format; without --out the export goes to stdout (one field)
  --firmware ardupilot|px4       QGroundControl export: autopilot firmware (default ardupilot)
${PRESCRIPTION_HELP}
  --wind SPEED@FROM[~GUST]       wind, m/s @ compass degrees it blows from: the plan predicts where the product
                                 lands (--json: drift, from the dose model on the planned swaths, mean wind);
                                 with --buffer the strip widens on the downwind edges by the drift carry
  --workers N                    worker threads for many fields (default: auto, from 1,000 fields on an
                                 idle machine; 0 = this thread); results are the same either way
  --max-batch-s S                refuse a batch estimated to take more than S s of one core to plan
                                 (default 300; 0 = no limit): PLAN_BATCH_TOO_LARGE says how to split it
  --json                         print the metrics (docs/contracts.md "Plan metrics"), one JSON line per field
  -h, --help                     this help

exit codes: 0 ok, 2 usage, 3 bad field file, 4 field cannot be planned, 5 cannot write`;

const PATTERNS = ['auto', 'boustrophedon', 'skip'];

/** What exportOne returns when the export went to stdout (the command then prints nothing else). */
const PRINTED = Symbol('printed');

interface Parsed {
  file: string;
  vehicleId: string;
  widthM?: number;
  planOptions: PlanOptions;
  out?: string;
  format?: PlanFormat;
  firmware: 'ardupilot' | 'px4';
  json: boolean;
  workers?: number;
  /** `--max-batch-s`: the batch planning-time limit, s of one core. */
  maxBatchPlanS?: number;
  dose: { prescription?: string; buffer?: string; wind?: string };
}

function parseStart(value: string | undefined): [number, number] | undefined {
  if (value === undefined) return undefined;
  const parts = value.split(',').map((s) => Number(s.trim()));
  if (parts.length !== 2 || !parts.every(Number.isFinite) || Math.abs(parts[0]) > 180 || Math.abs(parts[1]) > 90)
    throw new AgrisimError('CLI_USAGE', `--start must be LON,LAT in degrees, got "${value}"`);
  return [parts[0], parts[1]];
}

/** The choice options (--vehicle, --pattern, --format, --firmware): each must name a known value. */
function checkChoices(values: { vehicle?: string; pattern?: string; format?: string; firmware?: string }): void {
  const vehicleId = values.vehicle ?? 'drone';
  if (!['drone', 'transplanter'].includes(vehicleId))
    throw new AgrisimError('CLI_USAGE', `--vehicle must be drone or transplanter, got "${vehicleId}"`);
  if (values.pattern !== undefined && !PATTERNS.includes(values.pattern))
    throw new AgrisimError('CLI_USAGE', `--pattern must be auto, boustrophedon or skip, got "${values.pattern}"`);
  if (values.format !== undefined && !PLAN_FORMATS.includes(values.format as PlanFormat))
    throw new AgrisimError('CLI_USAGE', `--format must be one of ${PLAN_FORMATS.join(', ')}, got "${values.format}"`);
  if (values.firmware !== undefined && !['ardupilot', 'px4'].includes(values.firmware))
    throw new AgrisimError('CLI_USAGE', `--firmware must be ardupilot or px4, got "${values.firmware}"`);
}

/** A whole-number option (--workers, --headland), or undefined when not given. */
function wholeNumberOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  const n = numberOption(value, name, min, max);
  if (n !== undefined && !Number.isInteger(n)) throw new AgrisimError('CLI_USAGE', `--${name} must be a whole number, got "${value}"`);
  return n;
}

/** The export format: --format, else the extension of --out; undefined when there is no export. */
function exportFormat(values: { out?: string; format?: string; json?: boolean }): PlanFormat | undefined {
  let format = values.format as PlanFormat | undefined;
  if (values.out !== undefined && format === undefined) {
    format = planFormatFromPath(values.out);
    if (!format)
      throw new AgrisimError(
        'CLI_USAGE',
        `cannot tell the format of "${values.out}" from its extension; add --format ${PLAN_FORMATS.join('|')}`,
      );
  }
  if (values.out === undefined && format !== undefined && values.json)
    throw new AgrisimError('CLI_USAGE', '--format without --out writes the plan to stdout; it cannot be combined with --json');
  return format;
}

/** The planner's options from --headland, --angle, --pattern and --start. */
function planOptionsOf(values: { angle?: string; pattern?: string; start?: string }, headlandLaps: number | undefined): PlanOptions {
  return {
    ...(headlandLaps !== undefined ? { headlandLaps } : {}),
    ...(values.angle !== undefined ? { angleDeg: numberOption(values.angle, 'angle', -360, 360) } : {}),
    ...(values.pattern !== undefined ? { pattern: values.pattern as PlanOptions['pattern'] } : {}),
    ...(values.start !== undefined ? { startLonLat: parseStart(values.start) } : {}),
  };
}

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseOptions(argv, {
    vehicle: { type: 'string' },
    width: { type: 'string' },
    headland: { type: 'string' },
    angle: { type: 'string' },
    pattern: { type: 'string' },
    start: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    firmware: { type: 'string' },
    workers: { type: 'string' },
    json: { type: 'boolean' },
    prescription: { type: 'string' },
    buffer: { type: 'string' },
    wind: { type: 'string' },
    'max-batch-s': { type: 'string' },
  });
  const workers = wholeNumberOption(values.workers, 'workers', 0, 64);
  if (positionals.length !== 1) throw new AgrisimError('CLI_USAGE', 'give exactly one field file (see --help)');
  checkChoices(values);
  const headlandLaps = wholeNumberOption(values.headland, 'headland', 0, 20);
  const format = exportFormat(values);
  return {
    file: positionals[0],
    vehicleId: values.vehicle ?? 'drone',
    widthM: numberOption(values.width, 'width', 0.2, 50),
    planOptions: planOptionsOf(values, headlandLaps),
    out: values.out,
    format,
    firmware: (values.firmware as 'ardupilot' | 'px4' | undefined) ?? 'ardupilot',
    json: values.json ?? false,
    workers,
    maxBatchPlanS: numberOption(values['max-batch-s'], 'max-batch-s', 0, 1e7),
    dose: { prescription: values.prescription, buffer: values.buffer, wind: values.wind },
  };
}

/** The fields of the file, each with its buffer strip taken out (`--buffer`). */
async function readFields(options: Parsed, doseInput: DoseInput): Promise<Field[]> {
  // KML pins and paths are skipped, never refused: say so on stderr (stdout stays the plan).
  const onWarning = (w: { message: string }) => process.stderr.write(`agrisim plan: warning: ${w.message}\n`);
  const fields = (await readFieldFile(options.file, { onWarning })).map(doseInput.transform);
  if (options.out === undefined && options.format !== undefined && fields.length > 1)
    throw new AgrisimError(
      'CLI_USAGE',
      `${options.file} has ${fields.length} fields; --format without --out prints one plan: add --out FILE`,
    );
  return fields;
}

/** Plans every field (on worker threads when that pays off, or as --workers says), with a progress bar. */
async function planAll(fields: Field[], options: Parsed): Promise<(Plan | AgrisimError)[]> {
  const vehicle = getVehicle(options.vehicleId, options.widthM !== undefined ? { workingWidthM: options.widthM } : {});
  const bar = fields.length >= 5 ? progressBar(fields.length) : progressBar(0);
  const results = await planFieldsParallel(fields, vehicle, options.planOptions, {
    onProgress: (done, _n, id) => bar.tick(done, id),
    // an explicit --workers is obeyed whatever the batch size
    ...(options.workers !== undefined ? { workers: options.workers, minFieldsForWorkers: 0 } : {}),
    ...(options.maxBatchPlanS !== undefined ? { maxBatchPlanS: options.maxBatchPlanS } : {}),
  });
  bar.done();
  return results;
}

/** One `agrisim plan` run: its options, the fields, and what has been said so far. */
interface PlanRun {
  options: Parsed;
  doseInput: DoseInput;
  fields: Field[];
  plans: Plan[];
  /** Human output: one block per field, printed at the end. */
  blocks: string[];
  firstError?: AgrisimError;
}

/** A field of several that could not be planned: a JSON error line, or an error block. */
function reportFailure(run: PlanRun, field: Field, error: AgrisimError): void {
  run.firstError ??= error;
  if (run.options.json)
    process.stdout.write(
      JSON.stringify({ fieldId: field.id, error: { code: error.code, message: error.message, details: error.details } }) + '\n',
    );
  else run.blocks.push(`field      ${field.name} (${field.id})\nerror      ${error.code}: ${error.message}`);
}

/** The export the options ask for: PRINTED when it went to stdout, else the path written (or nothing). */
async function exportOne(
  run: PlanRun,
  plan: Plan,
  field: Field,
  prescription: Prescription | undefined,
): Promise<string | typeof PRINTED | undefined> {
  const { options, doseInput } = run;
  if (options.format === undefined) return undefined;
  const extra = {
    ...(prescription ? { prescription } : {}),
    ...(doseInput.bufferM ? { buffer: doseInput.buffers.get(plan.field.id) ?? [] } : {}),
  };
  const text = exportPlan(plan, options.format, { firmware: options.firmware }, extra);
  if (options.out === undefined) {
    process.stdout.write(text);
    return PRINTED;
  }
  const path = run.fields.length > 1 ? suffixedPath(options.out, field.id) : options.out;
  await writeTextFile(path, text);
  return `${path} (${options.format})`;
}

/** Where the product of the planned swaths lands in the `--wind` (drones only). */
function predictDrift(doseInput: DoseInput, plan: Plan, prescription: Prescription | undefined) {
  if (!doseInput.wind || plan.vehicle.payload.kind !== 'tank') return undefined;
  return driftJson(
    predictPlanDose(plan, {
      wind: doseInput.wind,
      ...(prescription ? { prescriptions: [prescription] } : {}),
      buffers: [doseInput.buffers.get(plan.field.id) ?? []],
    }),
  );
}

/** One planned field: exported, then said as a JSON line or a summary block; PRINTED when the export went to stdout. */
async function reportPlan(run: PlanRun, plan: Plan, field: Field): Promise<typeof PRINTED | undefined> {
  const { options, doseInput } = run;
  run.plans.push(plan);
  const prescription = doseInput.prescriptionFor(plan.field, plan.vehicle, run.fields.length > 1);
  const written = await exportOne(run, plan, field, prescription);
  if (written === PRINTED) return PRINTED;
  const drift = predictDrift(doseInput, plan, prescription);
  if (options.json)
    process.stdout.write(
      JSON.stringify({
        ...plan.metrics,
        ...(prescription ? { prescription: prescriptionJson(prescription) } : {}),
        ...(doseInput.bufferM ? { bufferM: doseInput.bufferM } : {}),
        ...(drift ? { drift } : {}),
      }) + '\n',
    );
  else
    run.blocks.push(
      planSummary(plan, written) +
        (prescription ? `\n${prescriptionLine(prescription)}` : '') +
        (doseInput.bufferM ? `\nbuffer      ${doseInput.bufferM} m water buffer strip left unworked` : '') +
        (drift ? `\n${driftLine(drift)}` : ''),
    );
  return undefined;
}

/** The human blocks (and batch totals) at the end, and the exit code: the first failure's, else 0. */
function finish(run: PlanRun): number {
  const { fields, plans, firstError } = run;
  if (!run.options.json) {
    if (fields.length > 1) run.blocks.push(batchTotals(plans, fields.length - plans.length));
    process.stdout.write(run.blocks.join('\n\n') + '\n');
  }
  if (!firstError) return EXIT.OK;
  process.stderr.write(
    `agrisim: ${fields.length - plans.length} of ${fields.length} fields could not be planned; first: ${firstError.code}: ${firstError.message}\n`,
  );
  return firstError.exitCode;
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const options = parse(argv);
    const doseInput = await readDoseInput(options.dose);
    const fields = await readFields(options, doseInput);
    const results = await planAll(fields, options);
    const run: PlanRun = { options, doseInput, fields, plans: [], blocks: [] };
    for (const [i, field] of fields.entries()) {
      const plan = results[i];
      if (!isAgrisimError(plan)) {
        if ((await reportPlan(run, plan, field)) === PRINTED) return EXIT.OK;
      } else if (fields.length === 1) throw plan;
      else reportFailure(run, field, plan);
    }
    return finish(run);
  },
};
