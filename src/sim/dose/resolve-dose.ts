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
  /**
   * Per plan (same order): its prescription clipped to the plan's field; missing: the vehicle's
   * rate on the whole field. In a block run (`createFleetSimulation`): per paddy, block order.
   */
  prescriptions?: (Prescription | undefined)[];
  /** Per plan (block run: per paddy): water buffer strips, in that plan's metres (see `withoutBuffer`). */
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

/** One area a run spreads on (a plan's field, or a block's paddy), in its own frame. */
export interface DoseArea {
  /** Field or paddy id: tags its zones (`p1:high`) when there are several areas. */
  id: string;
  /** What may be spread on (a worked field: buffer strips out), in the area's frame. */
  polygons: PolygonM[];
  /** Rate where no prescription is given, per ha (the vehicle's own). */
  ownRatePerHa: number;
}

/** Resolves the dose options against the plans; throws `SIM_INVALID_OPTION` naming the key. */
export function resolveDose(o: DoseOptions, plans: readonly Plan[], convert: Convert): DoseModelConfig {
  const areas = plans.map((plan) => ({
    id: plan.field.id,
    polygons: [plan.field.polygon],
    ownRatePerHa: plan.vehicle.payload.kind === 'tank' ? plan.vehicle.payload.rateKgPerHa : 0,
  }));
  return resolveDoseAreas(o, areas, convert);
}

/**
 * Resolves the dose options against areas (one per plan of a run, or one per paddy of a block:
 * `prescriptions` and `buffers` are index-aligned with them); throws `SIM_INVALID_OPTION` naming the key.
 */
export function resolveDoseAreas(o: DoseOptions, areas: readonly DoseArea[], convert: Convert): DoseModelConfig {
  const cellM = o.cellM ?? DOSE_DEFAULTS.cellM;
  const rateTauS = o.rateTauS ?? DOSE_DEFAULTS.rateTauS;
  const lookAheadS = o.lookAheadS ?? rateTauS;
  if (!(rateTauS > 0 && rateTauS <= 60)) bad('rateTauS', 'must be > 0 and ≤ 60 s', rateTauS);
  if (!(lookAheadS >= 0 && lookAheadS <= 60)) bad('lookAheadS', 'must be 0 to 60 s', lookAheadS);
  if (o.prescriptions !== undefined && (!Array.isArray(o.prescriptions) || o.prescriptions.length > areas.length))
    bad(
      'prescriptions',
      `must be an array of at most ${areas.length} (one per ${areas.length === 1 ? 'plan' : 'plan or paddy'})`,
      o.prescriptions?.length,
    );
  const rxs = areas.map((_, i) => o.prescriptions?.[i]);
  const units = new Set(rxs.filter((r): r is Prescription => !!r).map((r) => r.unit));
  if (units.size > 1) bad('prescriptions', 'mix kg/ha and L/ha', [...units]);
  const unit = units.has('L/ha') ? 'L/ha' : 'kg/ha';
  const zones: DoseZone[] = [];
  areas.forEach((area, pi) => {
    const f = (p: XY) => convert(pi, p);
    const rx = rxs[pi];
    const tag = areas.length > 1 ? `${area.id}:` : '';
    if (!rx) {
      zones.push({ id: `${tag}field`, ratePerHa: area.ownRatePerHa, polygons: move(area.polygons, f) });
      return;
    }
    if (rx.fieldId !== area.id) bad(`prescriptions[${pi}]`, `is clipped to field "${rx.fieldId}", not "${area.id}"`, rx.fieldId);
    for (const z of rx.zones) zones.push({ id: `${tag}${z.id}`, ratePerHa: z.ratePerHa, polygons: move(z.polygons, f) });
  });
  const buffer = (o.buffers ?? []).flatMap((b, pi) => move(b ?? [], (p) => convert(pi, p)));
  const wind = checkWind(o.wind ?? DOSE_DEFAULTS.wind);
  return { zones, buffer, unit, product: o.product ?? (unit === 'L/ha' ? 'liquid' : 'granular'), wind, cellM, rateTauS, lookAheadS };
}
