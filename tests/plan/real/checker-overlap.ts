/**
 * Where the independent checker's overlap comes from, point by point with its own rules (disc
 * footprint widthM/2 + 2 cm around each working line, its sample grid and corner discs):
 * `npx tsx tests/plan/real/checker-overlap.ts [drone|transplanter] [--fields]`. Each point worked
 * twice or more is put down to one cause, first match wins:
 * - `gap`: a gap pass is one of the passes;
 * - `lapLap`: headland laps only;
 * - `endSlant`: a swath's own strip (not its round cap, not its 2 cm side band) under a lap's
 *   own strip — the strip runs under the lap where its end slants across the headland's inner
 *   edge (a straight end cut leaves a triangle there);
 * - `sideWedge`: the same, where the lap runs within 45° of the swath: a long edge slanting
 *   across the swaths leaves a wedge between the outermost swath and the lap;
 * - `endMeet`: a swath's own strip under a lap's 2 cm band or another swath's cap (an end that
 *   meets the lap's inner edge exactly still shares the checker's 2 cm);
 * - `endCap`: a swath's round cap (past its end) over a lap or another swath;
 * - `sideLap`: a swath's side band (the outer 2 × 2 cm of its footprint) along a lap;
 * - `sideSide`: the side bands of two swaths that meet (the 4 cm shared strip);
 * - `swathSwath`: swaths otherwise (a narrowed last pass's leftover, cell borders).
 * The plan's local metres stand in for the checker's equirectangular projection (same to mm).
 */
import { unreachableCorners } from '../../../src/plan/metrics/unreachable-corners.js';
import type { Plan } from '../../../src/plan/types.js';
import { median, planReal, realFields, VEHICLE_IDS } from './real-set.js';

const CAUSES = ['gap', 'lapLap', 'endSlant', 'sideWedge', 'endMeet', 'endCap', 'sideLap', 'sideSide', 'swathSwath'] as const;
type Cause = (typeof CAUSES)[number];
/** The checker's footprint reaches this much past widthM/2, m. */
const TOL_M = 0.02;

interface Line {
  pts: [number, number][];
  r: number;
  kind: 'lap' | 'swath' | 'gap';
}

/** How a line reaches a point: not at all, its cap, its side band or its own strip. */
function touch(l: Line, x: number, y: number): { how: 'none' | 'cap' | 'side' | 'body'; dir: number } {
  let best = Infinity,
    cap = false,
    dir = 0;
  const last = l.pts.length - 1;
  for (let i = 1; i <= last; i++) {
    const [ax, ay] = l.pts[i - 1],
      [bx, by] = l.pts[i];
    const dx = bx - ax,
      dy = by - ay,
      L2 = dx * dx + dy * dy;
    const raw = L2 ? ((x - ax) * dx + (y - ay) * dy) / L2 : 0;
    const t = Math.max(0, Math.min(1, raw));
    const d = Math.hypot(x - ax - t * dx, y - ay - t * dy);
    if (d < best) [best, cap, dir] = [d, (i === 1 && raw < 0) || (i === last && raw > 1), Math.atan2(dy, dx)];
  }
  if (best > l.r + TOL_M) return { how: 'none', dir };
  if (cap) return { how: 'cap', dir };
  return { how: best > l.r - TOL_M ? 'side' : 'body', dir };
}

interface Hit {
  kind: Line['kind'];
  how: string;
  dir: number;
}

/** Whether two directions are within 45° of each other (either way along). */
const alongside = (a: number, b: number) => Math.abs(Math.sin(a - b)) < Math.SQRT1_2;

function causeOf(hits: Hit[]): Cause {
  if (hits.some((h) => h.kind === 'gap')) return 'gap';
  const laps = hits.filter((h) => h.kind === 'lap').length,
    sw = hits.filter((h) => h.kind === 'swath');
  if (sw.length === 0) return 'lapLap';
  const others = hits.length - 1;
  const lapBody = hits.filter((h) => h.kind === 'lap' && h.how !== 'side');
  const body = sw.filter((h) => h.how === 'body');
  if (body.length && lapBody.length) return body.some((b) => lapBody.some((l) => alongside(b.dir, l.dir))) ? 'sideWedge' : 'endSlant';
  if (sw.some((h) => h.how === 'body') && (laps > 0 || sw.some((h) => h.how === 'cap'))) return 'endMeet';
  if (sw.some((h) => h.how === 'cap') && others > 0) return 'endCap';
  if (laps > 0) return 'sideLap';
  if (sw.filter((h) => h.how === 'side').length >= 2) return 'sideSide';
  return 'swathSwath';
}

/** Overlap of a plan by cause, % of the checker's counted area; `total` is the checker's overlapPct. */
export function checkerOverlap(plan: Plan): Record<Cause | 'total', number> {
  const w = plan.vehicle.workingWidthM;
  const lines: Line[] = plan.route
    .filter((s) => s.kind === 'swath')
    .map((s) => ({
      pts: s.points as [number, number][],
      r: (s.widthM ?? w) / 2,
      kind: s.gapFill ? 'gap' : s.headlandLap >= 0 ? 'lap' : 'swath',
    }));
  const poly = plan.field.polygon;
  const xs = poly.outer.map((p) => p[0]),
    ys = poly.outer.map((p) => p[1]);
  const area = Math.abs(ringArea(poly.outer)) - poly.holes.reduce((a, h) => a + Math.abs(ringArea(h)), 0);
  const step = Math.max(0.2, Math.sqrt(area / 40000));
  const corners = unreachableCorners(poly, w);
  // bucket lines by 10 m grid cell, as the checker does
  const cell = 10,
    grid = new Map<string, Line[]>();
  for (const l of lines) {
    const lx = l.pts.map((p) => p[0]),
      ly = l.pts.map((p) => p[1]);
    for (let gx = Math.floor((Math.min(...lx) - l.r - TOL_M) / cell); gx <= Math.floor((Math.max(...lx) + l.r + TOL_M) / cell); gx++)
      for (let gy = Math.floor((Math.min(...ly) - l.r - TOL_M) / cell); gy <= Math.floor((Math.max(...ly) + l.r + TOL_M) / cell); gy++) {
        const key = `${gx},${gy}`;
        if (!grid.has(key)) grid.set(key, []);
        grid.get(key)!.push(l);
      }
  }
  const n: Record<Cause | 'total', number> = {
    gap: 0,
    lapLap: 0,
    endSlant: 0,
    sideWedge: 0,
    endMeet: 0,
    endCap: 0,
    sideLap: 0,
    sideSide: 0,
    swathSwath: 0,
    total: 0,
  };
  let inside = 0;
  for (let x = Math.min(...xs) + step / 2; x < Math.max(...xs); x += step)
    for (let y = Math.min(...ys) + step / 2; y < Math.max(...ys); y += step) {
      if (!inRing(x, y, poly.outer) || poly.holes.some((h) => inRing(x, y, h))) continue;
      if (corners.some((c) => Math.hypot(x - c.at[0], y - c.at[1]) < c.radiusM)) continue;
      inside++;
      const hits: Hit[] = [];
      for (const l of grid.get(`${Math.floor(x / cell)},${Math.floor(y / cell)}`) ?? []) {
        const { how, dir } = touch(l, x, y);
        if (how !== 'none') hits.push({ kind: l.kind, how, dir });
      }
      if (hits.length < 2) continue;
      n.total++;
      n[causeOf(hits)]++;
    }
  for (const k of Object.keys(n) as (keyof typeof n)[]) n[k] = Math.round((10000 * n[k]) / inside) / 100;
  return n;
}

function ringArea(r: readonly (readonly number[])[]): number {
  let a = 0;
  for (let i = 0, j = r.length - 1; i < r.length; j = i++) a += (r[j][0] + r[i][0]) * (r[j][1] - r[i][1]);
  return a / 2;
}

function inRing(x: number, y: number, ring: readonly (readonly number[])[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i],
      [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

if (process.argv[1]?.endsWith('checker-overlap.ts')) {
  const fields = await realFields();
  const which = VEHICLE_IDS.filter((v) => process.argv.includes(v));
  for (const vehicle of which.length ? which : VEHICLE_IDS) {
    const rows = fields.map((f) => {
      const plan = planReal(f, vehicle);
      return { field: f.id, cov: plan.metrics.coveragePct, ...checkerOverlap(plan) };
    });
    if (process.argv.includes('--fields')) for (const r of rows) console.log(vehicle, JSON.stringify(r));
    const med = (k: Cause | 'total') => Math.round(100 * median(rows.map((r) => r[k]))) / 100;
    const mean = (k: Cause | 'total') => Math.round((100 * rows.reduce((a, r) => a + r[k], 0)) / rows.length) / 100;
    console.log(vehicle, 'checker overlap by cause, % of field (median / mean over', rows.length, 'fields)');
    for (const k of [...CAUSES, 'total'] as const) console.log(`  ${k}: ${med(k)} / ${mean(k)}`);
  }
}
