/**
 * `--prescription ZONES`, `--wind SPEED@FROM[~GUST]` and `--buffer M` of `simulate` and `plan`:
 * read once, then applied per paddy (buffer strip taken out before planning, map clipped to the
 * worked paddy, the vehicle's own rate where the map has no zone and no default).
 */
import { blockBufferStrips, paddyBufferSplit, paddyField, type BlockPlan } from '../block/index.js';
import { AgrisimError, PrescriptionError } from '../errors.js';
import type { Field } from '../field/index.js';
import type { PolygonM } from '../geometry/index.js';
import type { Plan } from '../plan/index.js';
import { clipPrescription, readPrescriptionFile, withoutBuffer, type Prescription, type RawPrescription } from '../prescription/index.js';
import { downwindCarryM, parseWind, type DoseOptions, type WindOptions } from '../sim/index.js';
import { getVehicle, type Vehicle } from '../vehicles/index.js';
import type { XY } from '../geometry/index.js';
import { numberOption } from './command.js';

/** Help lines shared by both commands. */
export const PRESCRIPTION_HELP = `  --prescription FILE            variable-rate zones: GeoJSON (rateKgPerHa or rateLPerHa, id), shapefile
                                 (.zip, or .shp with its .dbf/.prj beside it) or ISOXML TASKDATA.XML (TZN);
                                 the field outside every zone gets the map's default rate, else the vehicle's
  --buffer M                     water buffer strip along the paddy edge, m: not spread on; drift into it is reported`;
/** Help lines of `simulate` on a block. */
export const BLOCK_BUFFER_HELP = `                                 (on a block: the no-spray distance from its buffer features (canals, ponds)
                                 that give no bufferM; a block with buffer features always reports intoBufferKg)`;
export const WIND_HELP = `  --wind SPEED@FROM[~GUST]       wind, m/s @ compass degrees it blows from, optional gust σ m/s (e.g. 6@270~1.5);
                                 with --prescription, --buffer or --wind the run keeps a dose raster (--json: dose)`;

/** The parsed options, ready to apply to fields and plans. */
export interface DoseInput {
  map?: RawPrescription;
  mapPath?: string;
  bufferM?: number;
  wind?: WindOptions;
  /** Buffer strips by field id, filled by {@link DoseInput.transform}. */
  buffers: Map<string, PolygonM[]>;
  /** Takes the buffer strip out of a paddy (identity without `--buffer`). */
  transform(field: Field): Field;
  /**
   * The map clipped to a (worked) paddy, or undefined without `--prescription`. With `allowMiss`
   * a paddy the map does not touch gets the default rate all over (one paddy of several).
   */
  prescriptionFor(field: Field, vehicle: Vehicle, allowMiss?: boolean): Prescription | undefined;
  /** Dose options of a run over these plans, or undefined when none of the three options was given. */
  doseFor(plans: Plan[]): DoseOptions | undefined;
  /**
   * Dose options of a block run (per paddy, block order), or undefined when none of the three
   * options was given. The map must touch at least one paddy; the others get the default rate.
   */
  doseForBlock(plan: BlockPlan): DoseOptions | undefined;
  /** The map clipped to every paddy of a block (strips by water buffers left out), or undefined without `--prescription`. */
  paddyPrescriptions(plan: BlockPlan): (Prescription | undefined)[] | undefined;
  /** One prescription of the whole block (zones `paddy:zone`, block metres), for the machines' exports. */
  blockPrescription(plan: BlockPlan): Prescription | undefined;
}

/**
 * Where the product lands from where it leaves the drone in this wind (granules, or spray for an
 * L/ha map), local metres: the buffer strip widens by it on the downwind edges. The drone
 * profile's spreading height is used (`--wind` is about drones).
 */
function driftShift(map: RawPrescription | undefined, wind: WindOptions | undefined): XY | undefined {
  if (!wind || !(wind.speedMps > 0)) return undefined;
  const product = map?.zones[0]?.unit === 'L/ha' ? 'liquid' : 'granular';
  const carryM = downwindCarryM(product, getVehicle('drone').altitudeM, wind.speedMps);
  const rad = (wind.fromDeg * Math.PI) / 180;
  // the wind blows from fromDeg toward the opposite bearing: east = sin, north = cos, negated
  return [-Math.sin(rad) * carryM, -Math.cos(rad) * carryM];
}

/** The prescription part of `plan --json` and `block --json`: unit, default rate, product prescribed, zones. */
export function prescriptionJson(rx: Prescription) {
  const r3 = (v: number) => Math.round(v * 1000) / 1000;
  return {
    unit: rx.unit,
    product: rx.product,
    defaultRatePerHa: rx.defaultRatePerHa,
    prescribedKg: r3(rx.prescribedKg),
    dropped: rx.dropped,
    zones: rx.zones.map((z) => ({
      id: z.id,
      ratePerHa: z.ratePerHa,
      areaHa: r3(z.areaM2 / 10_000),
      prescribedKg: r3((z.ratePerHa * z.areaM2) / 10_000),
    })),
  };
}

/** `--wind SPEED@FROM[~GUST]`, or undefined when not given; a malformed one is CLI_USAGE. */
function windOption(text: string | undefined): WindOptions | undefined {
  try {
    return text !== undefined ? parseWind(text) : undefined;
  } catch (e) {
    throw new AgrisimError('CLI_USAGE', `--wind: ${(e as Error).message}`);
  }
}

/** The vehicle's own rate where the map gives none: its tank rate, else 0. */
function ownRatePerHa(vehicle: Vehicle): number {
  return vehicle.payload.kind === 'tank' ? vehicle.payload.rateKgPerHa : 0;
}

/** Dose options of a run over these field plans, or undefined when none of the three options was given. */
function doseForPlans(input: DoseInput, plans: Plan[]): DoseOptions | undefined {
  const { map, wind } = input;
  if (!map && input.bufferM === undefined && !wind) return undefined;
  // several paddies: the map may cover some of them, but it must touch at least one
  const prescriptions = plans.map((p) => input.prescriptionFor(p.field, p.vehicle, plans.length > 1));
  if (map && prescriptions.every((rx) => rx?.zones.every((z) => z.isDefault))) input.prescriptionFor(plans[0].field, plans[0].vehicle);
  return {
    prescriptions,
    buffers: plans.map((p) => input.buffers.get(p.field.id) ?? []),
    ...(wind ? { wind } : {}),
  };
}

/** Dose options of a block run; a block with water buffer features always has them. */
function doseForBlockPlan(input: DoseInput, plan: BlockPlan): DoseOptions | undefined {
  const { block } = plan;
  const { wind } = input;
  const water = (block.buffers?.length ?? 0) > 0;
  if (!input.map && input.bufferM === undefined && !wind && !water) return undefined;
  const prescriptions = input.paddyPrescriptions(plan);
  return {
    ...(prescriptions ? { prescriptions } : {}),
    ...(water ? { buffers: blockBufferStrips(block) } : {}),
    ...(wind ? { wind } : {}),
  };
}

/** The map clipped to every paddy of a block; PRESCRIPTION_MISSES_FIELD when it touches none. */
function clipToPaddies(map: RawPrescription, plan: BlockPlan): Prescription[] {
  const { block } = plan;
  const ownRate = ownRatePerHa(plan.machines[0].vehicle);
  const defaultRatePerHa = map.defaultRatePerHa ?? ownRate;
  const prescriptions = block.paddies.map((paddy) =>
    clipPrescription(map, paddyField(paddy, block), {
      defaultRatePerHa,
      allowMiss: true,
      exclude: paddyBufferSplit(block, paddy).strip,
    }),
  );
  if (prescriptions.every((rx) => rx.zones.every((z) => z.isDefault))) {
    throw new PrescriptionError(
      'PRESCRIPTION_MISSES_FIELD',
      `no zone of the map touches a paddy of block "${block.name}" (zones ${map.zones.map((z) => z.id).join(', ')})`,
      {
        field: block.name,
        zones: map.zones.map((z) => z.id),
      },
    );
  }
  return prescriptions;
}

/** The paddies' prescriptions as one of the whole block: zones named `paddy:zone`, a zone dropped only when every paddy dropped it. */
function mergePaddyPrescriptions(plan: BlockPlan, paddies: Prescription[]): Prescription {
  const zones = paddies.flatMap((rx, i) => rx.zones.map((z) => ({ ...z, id: `${plan.block.paddies[i].id}:${z.id}` })));
  const first = paddies[0];
  return {
    fieldId: plan.block.name,
    unit: first.unit,
    product: first.product,
    defaultRatePerHa: first.defaultRatePerHa,
    zones,
    dropped: [...new Set(paddies.flatMap((rx) => rx.dropped))].filter((id) => paddies.every((rx) => rx.dropped.includes(id))),
    prescribedKg: paddies.reduce((sum, rx) => sum + rx.prescribedKg, 0),
  };
}

/** Reads the three options; throws CLI_USAGE for a malformed one, PRESCRIPTION_* for a bad map. */
export async function readDoseInput(values: { prescription?: string; wind?: string; buffer?: string }): Promise<DoseInput> {
  const bufferM = numberOption(values.buffer, 'buffer', 0, 100);
  const wind = windOption(values.wind);
  const map = values.prescription !== undefined ? await readPrescriptionFile(values.prescription) : undefined;
  const buffers = new Map<string, PolygonM[]>();
  const shift = driftShift(map, wind);
  const input: DoseInput = {
    ...(map ? { map, mapPath: values.prescription } : {}),
    ...(bufferM !== undefined ? { bufferM } : {}),
    ...(wind ? { wind } : {}),
    buffers,
    transform(field) {
      if (!bufferM) return field;
      const split = withoutBuffer(field, bufferM, shift ? { driftShiftM: shift } : {});
      buffers.set(field.id, split.buffer);
      return split.worked;
    },
    prescriptionFor(field, vehicle, allowMiss = false) {
      if (!map) return undefined;
      return clipPrescription(map, field, { defaultRatePerHa: map.defaultRatePerHa ?? ownRatePerHa(vehicle), allowMiss });
    },
    doseFor: (plans) => doseForPlans(input, plans),
    doseForBlock: (plan) => doseForBlockPlan(input, plan),
    paddyPrescriptions: (plan) => (map ? clipToPaddies(map, plan) : undefined),
    blockPrescription(plan) {
      const paddies = input.paddyPrescriptions(plan);
      return paddies ? mergePaddyPrescriptions(plan, paddies as Prescription[]) : undefined;
    },
  };
  return input;
}
