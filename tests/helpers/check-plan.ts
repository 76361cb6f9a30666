import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toLonLat } from '../../src/field/projection.js';
import type { Plan } from '../../src/plan/types.js';

/** The independent plan checker shipped beside the repository (../shared/tools). */
export const CHECKER = resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/tools/check-plan.mjs');

export interface CheckResult {
  coveragePct: number;
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
    properties: { kind: s.kind, seq, widthM: plan.vehicle.workingWidthM },
    geometry: { type: 'LineString', coordinates: s.points.map(ll) },
  }));
  writeFileSync(join(dir, 'field.geojson'), JSON.stringify({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: plan.field.lonLat } }));
  writeFileSync(join(dir, 'plan.geojson'), JSON.stringify({ type: 'FeatureCollection', features }));
  writeFileSync(join(dir, 'metrics.json'), JSON.stringify(plan.metrics));
  const out = execFileSync(process.execPath, [CHECKER, join(dir, 'field.geojson'), join(dir, 'plan.geojson'), join(dir, 'metrics.json')], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim()) as CheckResult;
}
