/**
 * `agrisim plan <field file>`: plan coverage of every field in a GeoJSON/KML file for a drone or
 * a transplanter; print a summary (or the docs/contracts.md metrics as JSON lines) and export the plan.
 */
import { AgrisimError, isAgrisimError } from '../../errors.js';
import { readFieldFile } from '../../field/index.js';
import { planFieldsParallel } from '../../plan/index.js';
import { exportPlan } from '../../plan/index.js';
import type { Plan } from '../../plan/index.js';
import type { Field } from '../../field/index.js';
import { getVehicle } from '../../vehicles/index.js';
import { EXIT, type CliCommand } from '../command.js';
import { suffixedPath, writeTextFile } from '../io.js';
import { progressBar } from '../progress.js';
import { prescriptionJson, readDoseInput, type DoseInput } from '../prescription-input.js';
import { PLAN_HELP, parsePlanArgs, type Parsed } from './plan-options.js';
import { predictPlanDose } from '../../sim/index.js';
import { batchTotals, driftJson, driftLine, planSummary, prescriptionLine } from '../plan-summary.js';
import type { Prescription } from '../../prescription/index.js';

/** What exportOne returns when the export went to stdout (the command then prints nothing else). */
const PRINTED = Symbol('printed');

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
  help: PLAN_HELP,
  async run(argv) {
    const options = parsePlanArgs(argv);
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
