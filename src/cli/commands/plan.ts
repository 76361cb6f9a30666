/**
 * `agrisim plan <field file>`: plan coverage of every field in a GeoJSON/KML file for a drone or
 * a transplanter; print a summary (or the docs/contracts.md metrics as JSON lines) and export the plan.
 */
import { AgrisimError, isAgrisimError } from '../../errors.js';
import { readFieldFile } from '../../field/index.js';
import { planFieldsParallel } from '../../plan/index.js';
import { exportPlan, planFormatFromPath, PLAN_FORMATS, type PlanFormat } from '../../plan/index.js';
import type { Plan, PlanOptions } from '../../plan/index.js';
import { getVehicle } from '../../vehicles/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand } from '../command.js';
import { suffixedPath, writeTextFile } from '../io.js';
import { progressBar } from '../progress.js';
import { PRESCRIPTION_HELP, prescriptionJson, readDoseInput, type DoseInput } from '../prescription-input.js';
import { predictPlanDose, type DoseMetrics } from '../../sim/index.js';
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
  const workers = numberOption(values.workers, 'workers', 0, 64);
  if (workers !== undefined && !Number.isInteger(workers))
    throw new AgrisimError('CLI_USAGE', `--workers must be a whole number, got "${values.workers}"`);
  if (positionals.length !== 1) throw new AgrisimError('CLI_USAGE', 'give exactly one field file (see --help)');
  const vehicleId = values.vehicle ?? 'drone';
  if (!['drone', 'transplanter'].includes(vehicleId))
    throw new AgrisimError('CLI_USAGE', `--vehicle must be drone or transplanter, got "${vehicleId}"`);
  if (values.pattern !== undefined && !PATTERNS.includes(values.pattern))
    throw new AgrisimError('CLI_USAGE', `--pattern must be auto, boustrophedon or skip, got "${values.pattern}"`);
  if (values.format !== undefined && !PLAN_FORMATS.includes(values.format as PlanFormat))
    throw new AgrisimError('CLI_USAGE', `--format must be one of ${PLAN_FORMATS.join(', ')}, got "${values.format}"`);
  if (values.firmware !== undefined && !['ardupilot', 'px4'].includes(values.firmware))
    throw new AgrisimError('CLI_USAGE', `--firmware must be ardupilot or px4, got "${values.firmware}"`);
  const headland = numberOption(values.headland, 'headland', 0, 20);
  if (headland !== undefined && !Number.isInteger(headland))
    throw new AgrisimError('CLI_USAGE', `--headland must be a whole number, got "${values.headland}"`);
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
  return {
    file: positionals[0],
    vehicleId,
    widthM: numberOption(values.width, 'width', 0.2, 50),
    planOptions: {
      ...(headland !== undefined ? { headlandLaps: headland } : {}),
      ...(values.angle !== undefined ? { angleDeg: numberOption(values.angle, 'angle', -360, 360) } : {}),
      ...(values.pattern !== undefined ? { pattern: values.pattern as PlanOptions['pattern'] } : {}),
      ...(values.start !== undefined ? { startLonLat: parseStart(values.start) } : {}),
    },
    out: values.out,
    format,
    firmware: (values.firmware as 'ardupilot' | 'px4' | undefined) ?? 'ardupilot',
    json: values.json ?? false,
    workers,
    maxBatchPlanS: numberOption(values['max-batch-s'], 'max-batch-s', 0, 1e7),
    dose: { prescription: values.prescription, buffer: values.buffer, wind: values.wind },
  };
}

const fmt = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits });

function clock(s: number): string {
  const t = Math.round(s),
    h = Math.floor(t / 3600),
    m = Math.floor((t % 3600) / 60),
    sec = t % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0'),
    ss = String(sec).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The short human summary of one plan. */
function summary(plan: Plan, written?: string): string {
  const m = plan.metrics;
  const byType = Object.entries(m.turns.byType)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const rows: [string, string][] = [
    ['field', `${plan.field.name} (${plan.field.id})`],
    [
      'area',
      `${fmt(m.field.areaHa, 3)} ha = ${fmt(m.field.areaSao, 2)} sào${m.field.holes ? `, ${m.field.holes} hole${m.field.holes > 1 ? 's' : ''}` : ''}`,
    ],
    ['vehicle', `${plan.vehicle.name}, ${m.vehicle.workingWidthM} m wide`],
    [
      'swaths',
      `${m.swaths.count} (lower bound ${m.swaths.lowerBound}) at ${m.swaths.angleDeg}°, headland ${m.headland.laps} lap${m.headland.laps === 1 ? '' : 's'} (${m.swaths.headlandPasses} passes)`,
    ],
    ['coverage', `${fmt(m.coveragePct, 2)} %, overlap ${fmt(m.overlapPct, 2)} %`],
    [
      'length',
      `working ${fmt(m.lengthM.working)} m, turning ${fmt(m.lengthM.turning)} m, transit ${fmt(m.lengthM.transit)} m, total ${fmt(m.lengthM.total)} m`,
    ],
    ['turns', `${m.turns.count}${byType ? ` (${byType})` : ''}, ${m.turns.outsideField} outside the field`],
    [
      'time',
      `working ${clock(m.timeS.working)}, turning ${clock(m.timeS.turning)}, transit ${clock(m.timeS.transit)}, refill ${clock(m.timeS.refill)}, total ${clock(m.timeS.total)}`,
    ],
    ['capacity', `${fmt(m.fieldCapacityHaPerH, 3)} ha/h`],
    ['sorties', `${m.sorties.count} (${m.sorties.refills} refill${m.sorties.refills === 1 ? '' : 's'})`],
    ['planned in', `${fmt(m.planMs)} ms`],
  ];
  if (written) rows.push(['written', written]);
  return rows.map(([k, v]) => `${k.padEnd(11)} ${v}`).join('\n');
}

function totals(plans: Plan[], failed: number): string {
  const sum = (f: (p: Plan) => number) => plans.reduce((a, p) => a + f(p), 0);
  const ha = sum((p) => p.metrics.field.areaHa),
    timeS = sum((p) => p.metrics.timeS.total);
  return `total: ${plans.length} field${plans.length === 1 ? '' : 's'} planned${failed ? `, ${failed} failed` : ''}; ${fmt(ha, 3)} ha = ${fmt(ha * 27.7778, 1)} sào, ${clock(timeS)} of work, ${fmt(timeS ? ha / (timeS / 3600) : 0, 3)} ha/h`;
}

/** The predicted drift of `plan --wind --json`: where the product of the planned swaths lands. */
function driftJson(d: DoseMetrics) {
  return {
    wind: d.wind,
    product: d.product,
    emittedKg: d.emittedKg,
    onTargetKg: d.onTargetKg,
    offTargetKg: d.offTargetKg,
    offTargetPct: Math.round((10_000 * d.offTargetKg) / Math.max(1e-9, d.emittedKg)) / 100,
    intoBufferKg: d.intoBufferKg,
    offTargetDownwindPct: d.offTargetDownwindPct,
  };
}

function driftLine(d: ReturnType<typeof driftJson>): string {
  const u = d.product === 'liquid' ? 'L' : 'kg';
  return `drift       ${fmt(d.wind.speedMps)} m/s from ${fmt(d.wind.fromDeg, 0)}°: ${fmt(d.offTargetKg, 2)} ${u} off target (${fmt(d.offTargetPct, 2)} %, ${fmt(d.offTargetDownwindPct, 0)} % of it downwind), ${fmt(d.intoBufferKg, 2)} ${u} into the buffer`;
}

function prescriptionLine(rx: Prescription): string {
  const u = rx.unit === 'kg/ha' ? 'kg' : 'L';
  const zones = rx.zones.map((z) => `${z.id} ${fmt(z.ratePerHa)} ${rx.unit} on ${fmt(z.areaM2 / 10_000, 3)} ha`).join(', ');
  return `zones       ${zones}; ${fmt(rx.prescribedKg, 2)} ${u} in all`;
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const p = parse(argv);
    const doseInput: DoseInput = await readDoseInput(p.dose);
    // KML pins and paths are skipped, never refused: say so on stderr (stdout stays the plan).
    const fields = (await readFieldFile(p.file, { onWarning: (w) => process.stderr.write(`agrisim plan: warning: ${w.message}\n`) })).map(
      doseInput.transform,
    );
    if (p.out === undefined && p.format !== undefined && fields.length > 1)
      throw new AgrisimError('CLI_USAGE', `${p.file} has ${fields.length} fields; --format without --out prints one plan: add --out FILE`);
    const vehicle = getVehicle(p.vehicleId, p.widthM !== undefined ? { workingWidthM: p.widthM } : {});
    const bar = fields.length >= 5 ? progressBar(fields.length) : progressBar(0);
    // many fields go to worker threads (planFieldsParallel decides when that pays off, unless --workers)
    const results = await planFieldsParallel(fields, vehicle, p.planOptions, {
      onProgress: (done, _n, id) => bar.tick(done, id),
      // an explicit --workers is obeyed whatever the batch size
      ...(p.workers !== undefined ? { workers: p.workers, minFieldsForWorkers: 0 } : {}),
      ...(p.maxBatchPlanS !== undefined ? { maxBatchPlanS: p.maxBatchPlanS } : {}),
    });
    bar.done();
    const plans: Plan[] = [];
    const blocks: string[] = [];
    let firstError: AgrisimError | undefined;
    for (const [i, field] of fields.entries()) {
      const plan = results[i];
      if (isAgrisimError(plan)) {
        if (fields.length === 1) throw plan;
        firstError ??= plan;
        if (p.json)
          process.stdout.write(
            JSON.stringify({ fieldId: field.id, error: { code: plan.code, message: plan.message, details: plan.details } }) + '\n',
          );
        else blocks.push(`field      ${field.name} (${field.id})\nerror      ${plan.code}: ${plan.message}`);
        continue;
      }
      plans.push(plan);
      const rx = doseInput.prescriptionFor(plan.field, plan.vehicle, fields.length > 1);
      const extra = {
        ...(rx ? { prescription: rx } : {}),
        ...(doseInput.bufferM ? { buffer: doseInput.buffers.get(plan.field.id) ?? [] } : {}),
      };
      let written: string | undefined;
      if (p.format !== undefined) {
        const text = exportPlan(plan, p.format, { firmware: p.firmware }, extra);
        if (p.out === undefined) {
          process.stdout.write(text);
          return EXIT.OK;
        }
        const path = fields.length > 1 ? suffixedPath(p.out, field.id) : p.out;
        await writeTextFile(path, text);
        written = `${path} (${p.format})`;
      }
      const rxJson = rx ? { prescription: prescriptionJson(rx) } : {};
      const drift =
        doseInput.wind && plan.vehicle.payload.kind === 'tank'
          ? driftJson(
              predictPlanDose(plan, {
                wind: doseInput.wind,
                ...(rx ? { prescriptions: [rx] } : {}),
                buffers: [doseInput.buffers.get(plan.field.id) ?? []],
              }),
            )
          : undefined;
      if (p.json)
        process.stdout.write(
          JSON.stringify({
            ...plan.metrics,
            ...rxJson,
            ...(doseInput.bufferM ? { bufferM: doseInput.bufferM } : {}),
            ...(drift ? { drift } : {}),
          }) + '\n',
        );
      else
        blocks.push(
          summary(plan, written) +
            (rx ? `\n${prescriptionLine(rx)}` : '') +
            (doseInput.bufferM ? `\nbuffer      ${doseInput.bufferM} m water buffer strip left unworked` : '') +
            (drift ? `\n${driftLine(drift)}` : ''),
        );
    }
    if (!p.json) {
      if (fields.length > 1) blocks.push(totals(plans, fields.length - plans.length));
      process.stdout.write(blocks.join('\n\n') + '\n');
    }
    if (firstError) {
      process.stderr.write(
        `agrisim: ${fields.length - plans.length} of ${fields.length} fields could not be planned; first: ${firstError.code}: ${firstError.message}\n`,
      );
      return firstError.exitCode;
    }
    return EXIT.OK;
  },
};
