/** Plans shared by the export tests: the first field of every sample file, plus seeded random fields. */
import { readdirSync } from 'node:fs';
import { parseFields, readFieldFile } from '../../../src/field/index.js';
import { planField } from '../../../src/plan/plan-field.js';
import type { Plan } from '../../../src/plan/types.js';
import { getVehicle } from '../../../src/vehicles/index.js';
import { randomField, type RandomFieldKind } from '../../helpers/random-fields.js';

export const SAMPLE_FILES = readdirSync('fields')
  .filter((f) => f.endsWith('.geojson'))
  .sort();
export const VEHICLES = ['drone', 'transplanter'] as const;

/** One plan per sample file (its first field) and vehicle. */
export async function samplePlans(): Promise<{ name: string; plan: Plan }[]> {
  const out: { name: string; plan: Plan }[] = [];
  for (const file of SAMPLE_FILES) {
    const [field] = await readFieldFile(`fields/${file}`);
    for (const v of VEHICLES) out.push({ name: `${file} ${v}`, plan: planField(field, getVehicle(v)) });
  }
  return out;
}

/** Seeded random fields (small ones, to keep the tests fast), planned with the drone. */
export function randomPlans(count: number, seed0 = 1000): { name: string; plan: Plan }[] {
  const kinds: RandomFieldKind[] = ['convex', 'concave', 'holes', 'clockwise'];
  const out: { name: string; plan: Plan }[] = [];
  for (let i = 0; i < count; i++) {
    const kind = kinds[i % kinds.length];
    const seed = seed0 + i;
    const feature = randomField(seed, kind, { minAreaHa: 0.2, maxAreaHa: 1.5 });
    const [field] = parseFields(JSON.stringify(feature));
    out.push({ name: `random ${kind} seed ${seed}`, plan: planField(field, getVehicle(i % 2 ? 'transplanter' : 'drone')) });
  }
  return out;
}

/** Count of decimals of a number as written in JSON. */
export function decimals(v: number): number {
  const s = String(v);
  if (s.includes('e')) return 99;
  const i = s.indexOf('.');
  return i < 0 ? 0 : s.length - i - 1;
}

/**
 * Paddies whose coordinates fall below 1e-6 degree: one across the Greenwich meridian (a corner
 * 0.05 mm east of it) and one just north of the equator. Exporters must write plain decimals.
 */
export const ZERO_CROSSING_RINGS: number[][][] = [
  [
    [-0.0004, 51.4779],
    [0.0000005, 51.4779],
    [0.0004, 51.4779],
    [0.0004, 51.4785],
    [-0.0004, 51.4785],
    [-0.0004, 51.4779],
  ],
  [
    [9.6, 0.0000004],
    [9.6012, 0.0000004],
    [9.6012, 0.0006],
    [9.6, 0.0006],
    [9.6, 0.0000004],
  ],
];

/** {@link ZERO_CROSSING_RINGS} planned for both vehicles. */
export function zeroCrossingPlans(): { name: string; plan: Plan }[] {
  return ZERO_CROSSING_RINGS.flatMap((ring, i) =>
    VEHICLES.map((v) => {
      const [field] = parseFields(JSON.stringify({ type: 'Polygon', coordinates: [ring] }));
      return { name: `${i ? 'equator' : 'meridian'} ${v}`, plan: planField(field, getVehicle(v)) };
    }),
  );
}
