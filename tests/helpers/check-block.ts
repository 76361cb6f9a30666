import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** The independent block plan checker (Node built-ins only), vendored: see vendor/README.md. */
export const BLOCK_CHECKER = resolve(here, 'vendor/check-block.mjs');

/** What check-block.mjs prints. */
export interface BlockCheck {
  paddies: number;
  coverageMinPct: number;
  coverageByPaddy: Record<string, number>;
  outsidePts: number;
  noflyPts: number;
  gateViolations: number;
  depotViolations: number;
  vehicles: { id: string; kind: string; workingM: number; routeM: number }[];
  makespanS: number | null;
  metricsProblems: string[];
  problems: string[];
}

/** Runs the checker on a block (GeoJSON text or object) and a block plan GeoJSON object. */
export function checkBlock(block: string | object, plan: object): BlockCheck {
  const dir = mkdtempSync(join(tmpdir(), 'agrisim-block-check-'));
  writeFileSync(join(dir, 'block.geojson'), typeof block === 'string' ? block : JSON.stringify(block));
  writeFileSync(join(dir, 'plan.geojson'), JSON.stringify(plan));
  const out = execFileSync(process.execPath, [BLOCK_CHECKER, join(dir, 'block.geojson'), join(dir, 'plan.geojson')], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.trim()) as BlockCheck;
}
