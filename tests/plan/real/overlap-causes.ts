/**
 * Where the overlap of the real-field set comes from: `npx tsx tests/plan/real/overlap-causes.ts
 * [drone|transplanter] [--fields]`. Every point of the field worked by two or more passes is put
 * down to the kinds of pass over it: headland laps only, swaths only (neighbouring swaths: the
 * leftover width, cell borders), a swath and a lap (swath ends under the laps), or a gap pass.
 */
import { coverageGrid } from '../../../src/plan/metrics/coverage.js';
import { planField } from '../../../src/plan/index.js';
import type { Plan } from '../../../src/plan/types.js';
import { getVehicle } from '../../../src/vehicles/index.js';
import { median, planReal, realFields, VEHICLE_IDS } from './real-set.js';

const CAUSES = ['lapLap', 'swathSwath', 'swathLap', 'gap'] as const;
type Cause = (typeof CAUSES)[number];

/** The raster's (and the checker's) footprint reaches this much past widthM/2, m. */
const TOLERANCE_M = 0.02;

/**
 * Overlap of a plan by cause, % of the field (the planner's raster, corners left in). `exact`:
 * footprints exactly widthM/2 (the contract's words), without the raster's 2 cm tolerance, which
 * alone makes two passes that meet exactly share a 4 cm strip (2.2 % of a field in 1.8 m passes).
 */
export function overlapCauses(plan: Plan, samples = 40_000, exact = false): Record<Cause | 'total', number> {
  const cut = exact ? 2 * TOLERANCE_M : 0;
  const w = plan.vehicle.workingWidthM,
    poly = plan.field.polygon;
  const work = plan.route.filter((s) => s.kind === 'swath');
  const of = (pick: (s: (typeof work)[number]) => boolean) => {
    const picked = work.filter(pick);
    return coverageGrid(
      poly,
      picked.map((s) => s.points),
      w,
      samples,
      picked.map((s) => (s.widthM ?? w) - cut),
    );
  };
  const laps = of((s) => s.headlandLap >= 0),
    swaths = of((s) => s.headlandLap < 0 && !s.gapFill),
    gaps = of((s) => !!s.gapFill);
  const n: Record<Cause | 'total', number> = { lapLap: 0, swathSwath: 0, swathLap: 0, gap: 0, total: 0 };
  let inside = 0;
  for (let k = 0; k < laps.passes.length; k++) {
    if (!laps.inField[k]) continue;
    inside++;
    const l = laps.passes[k],
      s = swaths.passes[k],
      g = gaps.passes[k];
    if (l + s + g < 2) continue;
    n.total++;
    if (g > 0) n.gap++;
    else if (l > 0 && s > 0) n.swathLap++;
    else if (l > 1) n.lapLap++;
    else n.swathSwath++;
  }
  for (const key of Object.keys(n) as (keyof typeof n)[]) n[key] = Math.round((10000 * n[key]) / inside) / 100;
  return n;
}

const lapsAt = process.argv.indexOf('--laps');
const LAPS = lapsAt > 0 ? Number(process.argv[lapsAt + 1]) : undefined;
const fields = await realFields();
const which = VEHICLE_IDS.filter((v) => process.argv.includes(v));
for (const vehicle of which.length ? which : VEHICLE_IDS) {
  const rows = fields.map((f) => {
    const plan = LAPS !== undefined ? planField(f, getVehicle(vehicle), { headlandLaps: LAPS }) : planReal(f, vehicle);
    return {
      field: f.id,
      metric: plan.metrics.overlapPct,
      cov: plan.metrics.coveragePct,
      path: plan.metrics.lengthM.total,
      passes: plan.metrics.swaths.count + plan.metrics.swaths.headlandPasses,
      ...overlapCauses(plan),
      exact: overlapCauses(plan, 40_000, true).total,
    };
  });
  if (process.argv.includes('--fields')) for (const r of rows) console.log(vehicle, JSON.stringify(r));
  const med = (k: keyof (typeof rows)[number]) => Math.round(100 * median(rows.map((r) => r[k] as number))) / 100;
  const mean = (k: keyof (typeof rows)[number]) => Math.round((100 * rows.reduce((a, r) => a + (r[k] as number), 0)) / rows.length) / 100;
  console.log(
    vehicle,
    'median metric',
    med('metric'),
    'min cov',
    Math.min(...rows.map((r) => r.cov)),
    'path',
    Math.round(rows.reduce((a, r) => a + r.path, 0)),
    'passes',
    rows.reduce((a, r) => a + r.passes, 0),
  );
  for (const k of [...CAUSES, 'total', 'exact'] as const) console.log(`  ${k}: median ${med(k)} mean ${mean(k)}`);
}
