/**
 * `agrisim plan`'s command line: its help and the parse of its options into what the command
 * runs with (each option checked, a CLI_USAGE error naming it otherwise).
 */
import { AgrisimError } from '../../errors.js';
import { planFormatFromPath, PLAN_FORMATS, type PlanFormat, type PlanOptions } from '../../plan/index.js';
import { numberOption, parseOptions } from '../command.js';
import { PRESCRIPTION_HELP } from '../prescription-input.js';

export const PLAN_HELP = `usage: agrisim plan <field.geojson|field.kml> [options]

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

/** The options `agrisim plan` runs with. */
export interface Parsed {
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

/** Parses `agrisim plan`'s arguments; throws CLI_USAGE naming the option at fault. */
export function parsePlanArgs(argv: string[]): Parsed {
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
