/**
 * `agrisim block <block file>`: plan one operation (spreading with drones or transplanting) for
 * a co-op's whole block with a fleet of N machines; print the fleet and household summary (or
 * the docs/contracts.md block metrics as JSON) and write the fleet's plan.
 */
import { AgrisimError } from '../../errors.js';
import {
  blockPlanToGeoJson,
  exportMachine,
  householdSchedule,
  planBlock,
  readBlockFile,
  type BlockMachineKind,
  type BlockPlan,
} from '../../block/index.js';
import { PLAN_FORMATS, type PlanFormat } from '../../plan/index.js';
import { EXIT, numberOption, parseOptions, type CliCommand } from '../command.js';
import { pickByExtension, suffixedPath, writeTextFile } from '../io.js';
import { withBufferM } from '../block-run.js';
import { prescriptionJson, readDoseInput } from '../prescription-input.js';
import type { Prescription } from '../../prescription/index.js';

const HELP = `usage: agrisim block <block.geojson|block.kml> --vehicle drone|transplanter --machines N [options]

Plans one operation on a co-op's consolidated block (paddies, field roads, gates, depots, nofly
areas) with a fleet of N machines: each paddy with the field planner, ground machines on roads
and through gates only, drones flying from the depot (sorties may span small paddies, refills
at the depot, crews queue), paddies split among the machines to finish soonest (makespan).

options:
  --vehicle drone|transplanter   machine kind (default drone)
  --machines N                   fleet size, 1–50 (default 1); --vehicles N is the same
  --out FILE                     write the fleet's plan: .geojson/.json = one block plan GeoJSON;
                                 .plan (QGroundControl), .xml (ISOXML), .kml = one file per
                                 machine, FILE-<machine>.ext
  --format geojson|kml|qgc|isoxml   export format (default: from --out's extension)
  --firmware ardupilot|px4       QGroundControl export: autopilot firmware (default ardupilot)
  --prescription FILE            variable-rate zones (GeoJSON, shapefile, ISOXML TZN), clipped to every paddy
                                 (the others get the map's default rate, else the drone's): .plan exports
                                 change the rate servo ahead of each zone border, .xml carry treatment zones;
                                 --json adds the zones per paddy (ids paddy:zone)
  --buffer M                     no-spray distance from the block's buffer features (canals, ponds) that
                                 give no bufferM: drones leave that strip of a paddy unspread
  --hours-per-day H              working hours a day for the household schedule (default 8)
  --start-day D                  number of the first working day (default 1)
  --json                         print the block metrics (docs/contracts.md "Block plan output")
  -h, --help                     this help

exit codes: 0 ok, 2 usage, 3 bad block file (code BLOCK_…), 4 cannot plan, 5 cannot write`;

const EXT: Record<string, PlanFormat> = { '.geojson': 'geojson', '.json': 'geojson', '.kml': 'kml', '.plan': 'qgc', '.xml': 'isoxml' };

interface Parsed {
  file: string;
  kind: BlockMachineKind;
  machines: number;
  out?: string;
  format?: PlanFormat;
  firmware: 'ardupilot' | 'px4';
  hoursPerDay: number;
  startDay: number;
  json: boolean;
  prescription?: string;
  buffer?: string;
}

function parse(argv: string[]): Parsed {
  const { values, positionals } = parseOptions(argv, {
    vehicle: { type: 'string' },
    machines: { type: 'string' },
    vehicles: { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    firmware: { type: 'string' },
    'hours-per-day': { type: 'string' },
    'start-day': { type: 'string' },
    json: { type: 'boolean' },
    prescription: { type: 'string' },
    buffer: { type: 'string' },
  });
  if (positionals.length !== 1) throw new AgrisimError('CLI_USAGE', 'give exactly one block file (see --help)');
  const kind = values.vehicle ?? 'drone';
  if (kind !== 'drone' && kind !== 'transplanter')
    throw new AgrisimError('CLI_USAGE', `--vehicle must be drone or transplanter, got "${kind}"`);
  if (values.machines !== undefined && values.vehicles !== undefined && values.machines !== values.vehicles)
    throw new AgrisimError('CLI_USAGE', '--machines and --vehicles are the same option; give one');
  const machines = numberOption(values.machines ?? values.vehicles, 'machines', 1, 50) ?? 1;
  if (!Number.isInteger(machines))
    throw new AgrisimError('CLI_USAGE', `--machines must be a whole number, got "${values.machines ?? values.vehicles}"`);
  if (values.format !== undefined && !PLAN_FORMATS.includes(values.format as PlanFormat))
    throw new AgrisimError('CLI_USAGE', `--format must be one of ${PLAN_FORMATS.join(', ')}, got "${values.format}"`);
  if (values.firmware !== undefined && !['ardupilot', 'px4'].includes(values.firmware))
    throw new AgrisimError('CLI_USAGE', `--firmware must be ardupilot or px4, got "${values.firmware}"`);
  let format = values.format as PlanFormat | undefined;
  if (values.out !== undefined && format === undefined) {
    format = pickByExtension(values.out, EXT);
    if (!format)
      throw new AgrisimError(
        'CLI_USAGE',
        `cannot tell the format of "${values.out}" from its extension; add --format ${PLAN_FORMATS.join('|')}`,
      );
  }
  if (format !== undefined && values.out === undefined) throw new AgrisimError('CLI_USAGE', '--format needs --out FILE');
  const startDay = numberOption(values['start-day'], 'start-day', 0, 100_000) ?? 1;
  if (!Number.isInteger(startDay)) throw new AgrisimError('CLI_USAGE', `--start-day must be a whole number, got "${values['start-day']}"`);
  return {
    file: positionals[0],
    kind,
    machines,
    out: values.out,
    format,
    firmware: (values.firmware as 'ardupilot' | 'px4' | undefined) ?? 'ardupilot',
    hoursPerDay: numberOption(values['hours-per-day'], 'hours-per-day', 0.5, 24) ?? 8,
    startDay,
    json: values.json ?? false,
    prescription: values.prescription,
    buffer: values.buffer,
  };
}

const fmt = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits });
function clock(s: number): string {
  const t = Math.round(s),
    h = Math.floor(t / 3600),
    m = Math.floor((t % 3600) / 60),
    sec = t % 60;
  return h ? `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}` : `${m}:${String(sec).padStart(2, '0')}`;
}

/** The human summary: block, fleet, households. */
function summary(plan: BlockPlan, p: Parsed, written: string[]): string {
  const m = plan.metrics;
  const lines = [
    `block      ${plan.block.name}: ${m.block.paddies} paddies, ${fmt(m.block.areaHa, 3)} ha = ${fmt(m.block.areaSao, 1)} sào`,
    `fleet      ${plan.machines.length} × ${plan.machines[0].vehicle.name}`,
    `makespan   ${clock(m.makespanS)} (planned in ${fmt(m.planMs, 0)} ms)`,
    '',
    'machine          paddies  worked ha  working   road m   refill    wait     total',
  ];
  for (const [i, v] of m.vehicles.entries())
    lines.push(
      `${v.id.padEnd(16)} ${String(v.paddies.length).padStart(7)} ${fmt(v.workedHa, 3).padStart(10)} ${clock(v.timeS.working).padStart(9)} ${fmt(v.lengthM.road, 0).padStart(8)} ${clock(v.timeS.refill).padStart(8)} ${clock(plan.machines[i].waitS).padStart(7)} ${clock(v.timeS.total).padStart(9)}`,
    );
  lines.push('', `household (${p.hoursPerDay} h a day from day ${p.startDay})   paddies  area ha  machine time  done on`);
  for (const h of householdSchedule(plan, { hoursPerDay: p.hoursPerDay, startDay: p.startDay }))
    lines.push(
      `${(h.owner || '(no owner)').padEnd(36)} ${String(h.paddies.length).padStart(7)} ${fmt(h.areaHa, 3).padStart(8)} ${clock(h.timeS).padStart(13)}  day ${h.doneDay}`,
    );
  for (const w of written) lines.push(`written    ${w}`);
  return lines.join('\n');
}

async function write(plan: BlockPlan, p: Parsed, rx: Prescription | undefined): Promise<string[]> {
  if (p.out === undefined || p.format === undefined) return [];
  if (p.format === 'geojson') {
    await writeTextFile(p.out, JSON.stringify(blockPlanToGeoJson(plan)) + '\n');
    return [`${p.out} (block plan GeoJSON)`];
  }
  const out: string[] = [];
  for (const m of plan.machines) {
    const path = suffixedPath(p.out, m.id);
    await writeTextFile(path, exportMachine(plan, m, p.format, { firmware: p.firmware }, rx ? { prescription: rx } : {}));
    out.push(`${path} (${p.format})`);
  }
  return out;
}

export const command: CliCommand = {
  help: HELP,
  async run(argv) {
    const p = parse(argv);
    const doseInput = await readDoseInput({ prescription: p.prescription, buffer: p.buffer });
    if (doseInput.map && p.kind !== 'drone')
      throw new AgrisimError('CLI_USAGE', '--prescription is for drones (they spread); transplanters plant trays');
    const block = withBufferM(await readBlockFile(p.file), doseInput.bufferM);
    const plan = planBlock(block, p.kind, { machines: p.machines });
    const rx = doseInput.blockPrescription(plan);
    const written = await write(plan, p, rx);
    const json = () => JSON.stringify(rx ? { ...plan.metrics, prescription: prescriptionJson(rx) } : plan.metrics);
    process.stdout.write(
      (p.json
        ? json()
        : summary(plan, p, written) +
          (rx
            ? `\nprescribed ${rx.prescribedKg.toFixed(2)} ${rx.unit === 'kg/ha' ? 'kg' : 'L'} over ${rx.zones.length} paddy zones`
            : '')) + '\n',
    );
    return EXIT.OK;
  },
};
