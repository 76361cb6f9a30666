import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/**
 * Runs ../shared/tools/check-plan.mjs (Node built-ins only, written apart from the planner)
 * on a plan: writes the field, the route as DESIGN.md kinds, and the metrics to a temp dir.
 */
export function checkPlan(plan: Plan): CheckResult {
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
  const out = execFileSync(process.execPath, [CHECKER, join(dir, 'field.geojson'), join(dir, 'plan.geojson'), join(dir, 'metrics.json')], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim()) as CheckResult;
}
