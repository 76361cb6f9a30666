/**
 * Dose options of a run (`SimulationInput.dose`) checked and turned into a {@link DoseModelConfig}
 * in the run's frame.
 */
import { SimError } from '../../errors.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import type { Plan } from '../../plan/index.js';
import type { Prescription } from '../../prescription/index.js';
import type { DoseModelConfig, DoseZone } from './dose-model.js';
import { DOSE_DEFAULTS } from './dose-model.js';
import { checkWind, type WindOptions } from './wind.js';

/** Dose, prescription and wind options of a run; see `createSimulation`. */
export interface DoseOptions {
  /** Per plan (same order): its prescription clipped to the plan's field; missing: the vehicle's rate on the whole field. */
  prescriptions?: (Prescription | undefined)[];
  /** Per plan: water buffer strips, in that plan's metres (see `withoutBuffer`). */
  buffers?: PolygonM[][];
  /** Wind (default calm). */
  wind?: WindOptions;
  /** Dose raster cell, m (default 0.5). */
  cellM?: number;
  /** Rate controller time constant, s (default 0.6). */
  rateTauS?: number;
  /** Set-point look-ahead, s (default: the time constant). */
  lookAheadS?: number;
  /** `granular` (default for kg/ha) or `liquid` (default for L/ha). */
  product?: 'granular' | 'liquid';
}

type Convert = (planIndex: number, xy: XY) => XY;

const move = (polys: readonly PolygonM[], f: (p: XY) => XY): PolygonM[] =>
  polys.map((p) => ({ outer: p.outer.map(f), holes: p.holes.map((h) => h.map(f)) }));

function bad(key: string, why: string, value: unknown): never {
  throw new SimError('SIM_INVALID_OPTION', `dose.${key}: ${why}, got ${JSON.stringify(value)}`, { key: `dose.${key}`, value });
}

/** Resolves the dose options against the plans; throws `SIM_INVALID_OPTION` naming the key. */
export function resolveDose(o: DoseOptions, plans: readonly Plan[], convert: Convert): DoseModelConfig {
  const cellM = o.cellM ?? DOSE_DEFAULTS.cellM;
  const rateTauS = o.rateTauS ?? DOSE_DEFAULTS.rateTauS;
  const lookAheadS = o.lookAheadS ?? rateTauS;
  if (!(rateTauS > 0 && rateTauS <= 60)) bad('rateTauS', 'must be > 0 and ≤ 60 s', rateTauS);
  if (!(lookAheadS >= 0 && lookAheadS <= 60)) bad('lookAheadS', 'must be 0 to 60 s', lookAheadS);
  if (o.prescriptions !== undefined && (!Array.isArray(o.prescriptions) || o.prescriptions.length > plans.length)) bad('prescriptions', `must be an array of at most ${plans.length} (one per plan)`, o.prescriptions?.length);
  const rxs = plans.map((_, i) => o.prescriptions?.[i]);
  const units = new Set(rxs.filter((r): r is Prescription => !!r).map((r) => r.unit));
  if (units.size > 1) bad('prescriptions', 'mix kg/ha and L/ha', [...units]);
  const unit = units.has('L/ha') ? 'L/ha' : 'kg/ha';
  const zones: DoseZone[] = [];
  plans.forEach((plan, pi) => {
    const f = (p: XY) => convert(pi, p);
    const rx = rxs[pi];
    const tag = plans.length > 1 ? `${plan.field.id}:` : '';
    if (!rx) {
      const p = plan.vehicle.payload;
      zones.push({ id: `${tag}field`, ratePerHa: p.kind === 'tank' ? p.rateKgPerHa : 0, polygons: move([plan.field.polygon], f) });
      return;
    }
    if (rx.fieldId !== plan.field.id) bad(`prescriptions[${pi}]`, `is clipped to field "${rx.fieldId}", not "${plan.field.id}"`, rx.fieldId);
    for (const z of rx.zones) zones.push({ id: `${tag}${z.id}`, ratePerHa: z.ratePerHa, polygons: move(z.polygons, f) });
  });
  const buffer = (o.buffers ?? []).flatMap((b, pi) => move(b ?? [], (p) => convert(pi, p)));
  const wind = checkWind(o.wind ?? DOSE_DEFAULTS.wind);
  return { zones, buffer, unit, product: o.product ?? (unit === 'L/ha' ? 'liquid' : 'granular'), wind, cellM, rateTauS, lookAheadS };
}
