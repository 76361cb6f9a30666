/**
 * Wiring for `agrisim savings`: turns what the simulator writes (NDJSON recordings from
 * `simulate --record`, JSON from `simulate --json` and `simulate --compare --json`) or a field
 * file (planned and simulated here, guided and manual) into the plain RunSummary the economics
 * stage takes, plus the plan GeoJSON for the report's map. The economics model never imports
 * the simulator; this CLI layer does.
 */
import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { AgrisimError, EconomicsError, isAgrisimError } from '../errors.js';
import { measuredRunOf, type MeasuredRun, type Operation, type PlanGeoJsonLike, type RunSummary } from '../economics/index.js';
import { replayRecording } from '../sim/index.js';
import { runToEnd } from '../sim/index.js';
import { scenarioFromObject } from '../scenario/index.js';
import type { SimMetrics } from '../sim/index.js';
import { readTextFile } from './io.js';

/** A run read from files or simulated from a field. */
export interface LoadedRun {
  run: RunSummary;
  areaHa: number;
  planGeoJson?: PlanGeoJsonLike;
}

type MetricsLike = SimMetrics & { fieldAreaHa?: number; inputUnit?: string; vehicles?: number };

function bad(path: string, message: string): never {
  throw new EconomicsError('ECON_RUN_INVALID', `${path}: ${message}`, { path });
}

function isMetrics(m: unknown): m is MetricsLike {
  const o = m as MetricsLike;
  return (
    !!o &&
    typeof o === 'object' &&
    typeof o.guidance === 'string' &&
    typeof o.fieldCapacityHaPerH === 'number' &&
    typeof o.overlapPct === 'number' &&
    typeof o.gapPct === 'number' &&
    typeof o.areaCoveredHa === 'number' &&
    !!o.timeS &&
    typeof o.timeS.total === 'number'
  );
}

/** Plain measured figures from simulator metrics (the economics stage's, one definition). */
export { measuredRunOf };

interface Part {
  label: string;
  kind?: string;
  runs: MeasuredRun[];
  planGeoJson?: PlanGeoJsonLike;
}

function kindOf(m: MetricsLike): string | undefined {
  if (m.inputUnit === 'trays' || m.energy?.fuelL !== undefined) return 'transplanter';
  if (m.inputUnit === 'kg' || m.energy?.batteryCycles !== undefined) return 'drone';
  return undefined;
}

const CHUNK = 1 << 16;

/**
 * First and last non-empty lines of a file, read from its two ends: a recording of a long run
 * is hundreds of MB of frames we do not need (the header has the plan, the last line the metrics).
 * @throws AgrisimError `IO_READ`
 */
export async function headAndTailLines(path: string): Promise<{ first: string; last: string; size: number }> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (e) {
    throw new AgrisimError('IO_READ', `cannot read ${path}: ${(e as Error).message}`, { path });
  }
  try {
    const size = (await fh.stat()).size;
    const read = async (pos: number, len: number) => {
      const buf = Buffer.alloc(len);
      const { bytesRead } = await fh!.read(buf, 0, len, pos);
      return buf.subarray(0, bytesRead);
    };
    const headParts: Buffer[] = [];
    for (let pos = 0; pos < size; pos += CHUNK) {
      const b = await read(pos, Math.min(CHUNK, size - pos));
      const nl = b.indexOf(10);
      headParts.push(nl < 0 ? b : b.subarray(0, nl));
      if (nl >= 0) break;
    }
    let tail = Buffer.alloc(0);
    for (let end = size; end > 0; ) {
      const start = Math.max(0, end - CHUNK);
      tail = Buffer.concat([await read(start, end - start), tail]);
      end = start;
      const text = tail.toString('utf8').replace(/\s+$/, '');
      if (text.lastIndexOf('\n') >= 0 || start === 0) break;
    }
    const tailText = tail.toString('utf8').replace(/\s+$/, '');
    return { first: Buffer.concat(headParts).toString('utf8').trim(), last: tailText.slice(tailText.lastIndexOf('\n') + 1).trim(), size };
  } finally {
    await fh.close();
  }
}

async function readRunFile(path: string): Promise<Part> {
  const { first, last } = await headAndTailLines(path);
  if (first.startsWith('{') && /^\{\s*"type"\s*:\s*"header"/.test(first)) {
    let rec: ReturnType<typeof replayRecording>;
    try {
      // The header and the metrics line are a valid recording without frames: replayRecording checks both.
      rec = replayRecording(`${first}\n${last === first ? '' : last}\n`);
    } catch (e) {
      bad(path, isAgrisimError(e) ? e.message : String(e));
    }
    if (!rec.metrics || !isMetrics(rec.metrics)) bad(path, 'the recording has no metrics line (the run did not finish)');
    const d = rec.header.description;
    return {
      label: rec.header.scenario ?? basename(path),
      kind: d.vehicles[0]?.kind,
      runs: [measuredRunOf(rec.metrics as MetricsLike, d.fieldAreaHa, d.vehicles.length)],
      planGeoJson: d.planGeoJson,
    };
  }
  return parseRunJson(path, await readTextFile(path));
}

function parseRunJson(path: string, text: string): Part {
  let obj: Record<string, unknown>;
  try {
    obj = JSON.parse(text);
  } catch {
    bad(path, 'neither an NDJSON recording (simulate --record) nor JSON (simulate --json)');
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    bad(path, 'not a JSON object (expected the output of simulate --json or --compare --json)');
  const label = typeof obj.scenario === 'string' ? obj.scenario : basename(path);
  const metrics = [obj.guided, obj.manual, obj.metrics].filter((m) => m !== undefined);
  if (!metrics.length) bad(path, 'no metrics, guided or manual member (expected the output of simulate --json or --compare --json)');
  for (const m of metrics)
    if (!isMetrics(m)) bad(path, 'metrics without guidance, fieldCapacityHaPerH, overlapPct, gapPct, areaCoveredHa and timeS');
  const ms = metrics as MetricsLike[];
  return { label, kind: ms.map(kindOf).find(Boolean), runs: ms.map((m) => measuredRunOf(m)) };
}

/**
 * Reads one or more run files (a guided and a manual run may come from two files).
 * @throws EconomicsError `ECON_RUN_INVALID`; `IO_READ`
 */
export async function loadRunFiles(paths: string[]): Promise<LoadedRun> {
  const parts: Part[] = [];
  for (const p of paths) parts.push(await readRunFile(p));
  const kinds = [...new Set(parts.map((p) => p.kind).filter(Boolean))];
  if (kinds.length !== 1)
    bad(paths.join(', '), kinds.length ? `runs of different machines (${kinds.join(', ')})` : 'cannot tell which machine made the run');
  const all = parts.flatMap((p) => p.runs);
  const guided = all.find((r) => r.guidance !== 'manual');
  const manual = all.find((r) => r.guidance === 'manual');
  const areaHa = (guided ?? manual)!.fieldAreaHa;
  return {
    run: {
      label: [...new Set(parts.map((p) => p.label))].join(' + '),
      vehicleKind: kinds[0]!,
      ...(guided ? { guided } : {}),
      ...(manual ? { manual } : {}),
    },
    areaHa,
    planGeoJson: parts.find((p) => p.planGeoJson)?.planGeoJson,
  };
}

type Ring = [number, number][];
interface PlanFeature {
  properties?: { kind?: string } | null;
  geometry?: { type?: string; coordinates?: unknown } | null;
}

/**
 * The field of a plan GeoJSON written by `agrisim plan --out` (boundary and hole features), as
 * a field GeoJSON; undefined when `obj` is not a plan.
 */
export function fieldOfPlan(obj: unknown): { field: object; vehicleId?: string } | undefined {
  const fc = obj as { type?: string; features?: PlanFeature[]; properties?: { agrisim?: { vehicle?: { id?: string } } } };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) return undefined;
  const outer = (k: string) =>
    fc
      .features!.filter((f) => f.properties?.kind === k && f.geometry?.type === 'Polygon')
      .map((f) => (f.geometry!.coordinates as Ring[])[0]);
  const boundaries = outer('boundary');
  if (!boundaries.length) return undefined;
  const holes = outer('hole');
  // One plan is one field: its first boundary with every hole.
  const field = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [boundaries[0], ...holes] } }],
  };
  return { field, vehicleId: fc.properties?.agrisim?.vehicle?.id };
}

/**
 * Plans and simulates a field (or the field of a plan GeoJSON from `agrisim plan --out`) for
 * an operation, guided (RTK) and manual-driven, with a fixed seed and faults off, and returns
 * the measured run. A plan file's own plan is drawn on the map; the simulation re-plans its
 * field with the default profile.
 * @throws FieldError, PlanError, SimError codes from the earlier stages; `ECON_RUN_MISMATCH`
 */
export async function simulateField(path: string, operation: Operation, seed = 1): Promise<LoadedRun> {
  const profile = operation === 'transplanting' ? 'transplanter' : 'drone';
  let abs = resolve(path);
  let planOfFile: PlanGeoJsonLike | undefined;
  let tmp: string | undefined;
  try {
    if (/\.(geo)?json$/i.test(path)) {
      let obj: unknown;
      try {
        obj = JSON.parse(await readTextFile(path));
      } catch (e) {
        if (isAgrisimError(e)) throw e;
        obj = undefined; // not JSON: let the field reader give its FIELD_PARSE error
      }
      const fromPlan = fieldOfPlan(obj);
      if (fromPlan) {
        if (fromPlan.vehicleId && fromPlan.vehicleId !== profile) {
          throw new EconomicsError('ECON_RUN_MISMATCH', `${path} is a ${fromPlan.vehicleId} plan; ${operation} needs a ${profile} plan`, {
            path,
            operation,
          });
        }
        planOfFile = obj as PlanGeoJsonLike;
        tmp = await mkdtemp(join(tmpdir(), 'agrisim-savings-'));
        abs = join(tmp, basename(path).replace(/\.[^.]+$/, '') + '.geojson');
        await writeFile(abs, JSON.stringify(fromPlan.field));
      }
    }
    const runs: MeasuredRun[] = [];
    let planGeoJson: PlanGeoJsonLike | undefined = planOfFile;
    let areaHa = 0;
    for (const guidance of ['rtk', 'manual'] as const) {
      const scenario = {
        id: basename(path).replace(/\.[^.]+$/, ''),
        name: basename(path),
        field: abs,
        vehicles: [{ profile, guidance, id: `${profile}-1` }],
        seed,
        faults: false,
      };
      const factory = await scenarioFromObject(scenario, dirname(abs), path, { guidance, seed, faults: false });
      const sim = factory.create();
      const d = sim.describe();
      planGeoJson ??= d.planGeoJson;
      areaHa = d.fieldAreaHa;
      const { metrics } = runToEnd(sim);
      runs.push(measuredRunOf(metrics as MetricsLike, d.fieldAreaHa, d.vehicles.length));
    }
    return { run: { label: basename(path), vehicleKind: profile, guided: runs[0], manual: runs[1] }, areaHa, planGeoJson };
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}
