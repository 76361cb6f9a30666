import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { toLonLat } from '../../src/geodesy/index.js';
import type { Plan } from '../../src/plan/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const SHARED_CHECKER = resolve(here, '../../../shared/tools/check-plan.mjs');

/**
 * The independent plan checker: ../shared/tools/check-plan.mjs beside the repository when it is
 * there (the one outside checks use), else the byte copy in tests/helpers/vendor (taken from it,
 * so a clone without ../shared still runs the same checks).
 */
export const CHECKER = existsSync(SHARED_CHECKER) ? SHARED_CHECKER : resolve(here, 'vendor/check-plan.mjs');

export interface CheckResult {
  coveragePct: number;
  /** Share of the counted field worked by two or more passes, %. */
  overlapPct: number;
  pathM: number;
  outsidePts: number;
  routePts: number;
  swaths: number;
  lowerBound: number;
  convex: boolean;
  areaHa: number;
  problems: string[];
}

/** Writes the field, the route as DESIGN.md kinds, and the metrics to a temp dir; the checker's arguments. */
function writeCheckerInput(plan: Plan): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'agrisim-check-'));
  const ll = (p: number[]) => toLonLat(plan.field.projection, p);
  const features = plan.route.map((s, seq) => ({
    type: 'Feature',
    // a narrowed pass (rows off) has its own width, as the plan GeoJSON puts it
    properties: { kind: s.kind, seq, widthM: s.widthM ?? plan.vehicle.workingWidthM },
    geometry: { type: 'LineString', coordinates: s.points.map(ll) },
  }));
  writeFileSync(
    join(dir, 'field.geojson'),
    JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: plan.field.lonLat } }),
  );
  writeFileSync(join(dir, 'plan.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(join(dir, 'metrics.json'), JSON.stringify(plan.metrics));
  return [CHECKER, join(dir, 'field.geojson'), join(dir, 'plan.geojson'), join(dir, 'metrics.json')];
}

/**
 * Runs ../shared/tools/check-plan.mjs (Node built-ins only, written apart from the planner)
 * on a plan, in its own process.
 */
export function checkPlan(plan: Plan): CheckResult {
  const [, fieldPath, planPath, metricsPath] = writeCheckerInput(plan);
  return checkPlanFiles(fieldPath, planPath, metricsPath);
}

/**
 * Runs the checker on files already written: a field (GeoJSON), a plan GeoJSON as an exporter or
 * the CLI wrote it, and the plan's metrics. Throws with the checker's stderr when it fails.
 */
export function checkPlanFiles(fieldPath: string, planPath: string, metricsPath: string): CheckResult {
  const out = execFileSync(process.execPath, [CHECKER, fieldPath, planPath, metricsPath], { encoding: 'utf8' });
  return JSON.parse(out.trim()) as CheckResult;
}

const execFileAsync = promisify(execFile);

/** {@link checkPlan} without blocking: the caller can plan the next field while the checker runs. */
export async function checkPlanAsync(plan: Plan): Promise<CheckResult> {
  const { stdout } = await execFileAsync(process.execPath, writeCheckerInput(plan), { encoding: 'utf8' });
  return JSON.parse(stdout.trim()) as CheckResult;
}
