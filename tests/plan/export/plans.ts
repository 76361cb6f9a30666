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
