import { readdirSync } from 'node:fs';
import { readFieldFile } from '../../src/field/index.js';
import type { Field } from '../../src/field/types.js';
import { planField } from '../../src/plan/index.js';
import type { Plan } from '../../src/plan/types.js';
import { createSimulation, runToEnd, type RunMetrics } from '../../src/sim/index.js';
import { getVehicle } from '../../src/vehicles/index.js';

/** Every sample field file (GeoJSON) in fields/. */
export const SAMPLE_FILES = readdirSync('fields')
  .filter((f) => f.endsWith('.geojson'))
  .sort();

const fieldCache = new Map<string, Field[]>();
const planCache = new Map<string, Plan>();

/** The fields of a sample file. */
export async function sampleFields(file: string): Promise<Field[]> {
  if (!fieldCache.has(file)) fieldCache.set(file, await readFieldFile(`fields/${file}`));
  return fieldCache.get(file)!;
}

/** The real planner's plan of paddy `index` of a sample file for a built-in vehicle. */
export async function samplePlan(file: string, vehicle: 'drone' | 'transplanter', index = 0): Promise<Plan> {
  const key = `${file}#${index}#${vehicle}`;
  if (!planCache.has(key)) planCache.set(key, planField((await sampleFields(file))[index], getVehicle(vehicle)));
  return planCache.get(key)!;
}

/** The metrics of one run per seed of a plan with the given guidance (faults off, 0.5 m raster). */
export function runsWith(plan: Plan, guidance: 'rtk' | 'manual', seeds: readonly number[], tickMs: number): RunMetrics[] {
  return seeds.map(
    (seed) =>
      runToEnd(createSimulation({ plan, vehicles: [{ vehicle: plan.vehicle, guidance }], seed, tickMs, raster: { cellM: 0.5 } })).metrics,
  );
}

/** The mean of one figure over runs. */
export const meanOf = (runs: readonly RunMetrics[], figure: (m: RunMetrics) => number): number =>
  runs.reduce((a, m) => a + figure(m), 0) / runs.length;
