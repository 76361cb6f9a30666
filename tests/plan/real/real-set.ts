/**
 * The real-field regression set: every boundary in fields/real (public data, see
 * fields/README.md), planned for both vehicles, with the figures the baseline records.
 */
import { readdirSync } from 'node:fs';
import { readFieldFile } from '../../../src/field/index.js';
import type { Field } from '../../../src/field/types.js';
import { planField, type Plan } from '../../../src/plan/index.js';
import { getVehicle } from '../../../src/vehicles/index.js';

export const REAL_DIR = 'fields/real';
export const BASELINE_FILE = 'tests/plan/real/baseline.json';
export const VEHICLE_IDS = ['drone', 'transplanter'] as const;
export type VehicleId = (typeof VEHICLE_IDS)[number];

/** One field planned for one vehicle: what the baseline keeps. */
export interface RealRow {
  field: string;
  vehicle: VehicleId;
  areaHa: number;
  coveragePct: number;
  overlapPct: number;
  swaths: number;
  /** Working passes: swaths and headland laps (a multirotor may trade its lap for two swaths). */
  passes: number;
  lowerBound: number;
  cells: number;
  pathM: number;
}

/** Every field of fields/real, in file-name order. */
export async function realFields(): Promise<Field[]> {
  const out: Field[] = [];
  for (const file of readdirSync(REAL_DIR)
    .filter((f) => f.endsWith('.geojson'))
    .sort())
    out.push(...(await readFieldFile(`${REAL_DIR}/${file}`)));
  return out;
}

/** The baseline row of a plan, from the planner's own metrics. */
export function rowOf(plan: Plan, vehicle: VehicleId): RealRow {
  const m = plan.metrics;
  return {
    field: plan.field.id,
    vehicle,
    areaHa: m.field.areaHa,
    coveragePct: m.coveragePct,
    overlapPct: m.overlapPct,
    swaths: m.swaths.count,
    passes: m.swaths.count + m.swaths.headlandPasses,
    lowerBound: m.swaths.lowerBound,
    cells: plan.cells.length,
    pathM: m.lengthM.total,
  };
}

/** Plans a field for a vehicle with the defaults. */
export function planReal(field: Field, vehicle: VehicleId): Plan {
  return planField(field, getVehicle(vehicle));
}

/** Median of a list of numbers (the mean of the middle two for an even count). */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
