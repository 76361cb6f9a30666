/**
 * Block runs for the CLI (simulate, serve, demo): tell a block file (features with `kind`
 * paddy/road/gate/depot) or a block scenario (`sims/*.json` with a `block` key) from the
 * rest, plan the block for a fleet (planBlock) and make fresh fleet simulations of it.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, resolve } from 'node:path';
import * as v from 'valibot';
import {
  BlockScenarioSchema,
  planBlock,
  readBlockFile,
  type Block,
  type BlockMachineKind,
  type BlockPlan,
  type BlockScenarioFile,
} from '../block/index.js';
import { AgrisimError, SimError } from '../errors.js';
import { deepestIssue, isUnknownKey, issueKeyPath } from '../validation/index.js';
import { createFleetSimulation, type FleetRun } from '../sim/index.js';
import type { FaultOptions } from '../sim/index.js';
import type { DoseOptions, Guidance, SimulationFactory } from '../sim/index.js';

/** Feature kinds that make a GeoJSON/KML file a block (docs/contracts.md "Block input"). */
const BLOCK_KINDS = /^(paddy|road|gate|depot)$/;

/** A block scenario file (`sims/*.json` with `block`): which block, which fleet, how guided (BlockScenarioSchema). */
export type BlockScenario = Omit<BlockScenarioFile, 'machines'> & { machines: number };

/** What a block run can be changed by when loaded (CLI flags). */
export interface BlockRunOptions {
  guidance?: Guidance;
  seed?: number;
  faults?: boolean | Partial<FaultOptions>;
  cellM?: number;
  tickMs?: number;
  /** No-spray distance of the block's water buffers that give no `bufferM`, m (`--buffer M`). */
  bufferM?: number;
  /** Dose options of the planned block (`--prescription`, `--wind`, `--buffer`): read once per plan. */
  blockDose?: (plan: BlockPlan) => DoseOptions | undefined;
}

/** A planned block and fleet: `create()` makes a fresh run (restart = create again). */
export interface BlockFactory extends SimulationFactory {
  scenario: { id: string; name: string; field: string };
  plan: BlockPlan;
  create(): FleetRun;
}

/** True when `path` is a block file: GeoJSON or KML whose features say `kind` paddy, road, gate or depot. */
export async function isBlockFile(path: string): Promise<boolean> {
  const lower = path.toLowerCase();
  if (!/\.(geojson|json|kml)$/.test(lower)) return false;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return false;
  }
  if (lower.endsWith('.kml')) {
    if (/<Data name="kind">\s*<value>\s*(paddy|road|gate|depot)\s*</i.test(text)) return true;
    // folders named as the block reader knows them (English or Vietnamese): paddies plus roads, gates or a depot
    const folder = (words: string) => new RegExp(`<Folder>\\s*<name>\\s*(${words})`, 'iu').test(text);
    return folder('paddy|paddies|ruộng|thửa') && folder('road|đường|bờ vùng|gate|cổng|cửa|depot|kho|bãi|điểm nạp');
  }
  try {
    const obj = JSON.parse(text) as { features?: { properties?: { kind?: unknown } }[] };
    return (
      Array.isArray(obj.features) &&
      obj.features.some((f) => typeof f?.properties?.kind === 'string' && BLOCK_KINDS.test(f.properties.kind))
    );
  } catch {
    return false;
  }
}

/** True when a parsed scenario object is a block scenario (it names a `block`). */
export function isBlockScenario(obj: unknown): obj is Record<string, unknown> {
  return !!obj && typeof obj === 'object' && 'block' in obj;
}

function bad(source: string, key: string, problem: string): never {
  throw new SimError('SIM_SCENARIO_INVALID', `${source}: "${key}" ${problem}`, { key, source });
}

const BLOCK_SCENARIO_KEYS = Object.keys(BlockScenarioSchema.entries);

/** Checks a block scenario object with its schema; throws `SIM_SCENARIO_INVALID` naming the key. */
export function validateBlockScenario(obj: Record<string, unknown>, source: string): BlockScenario {
  const result = v.safeParse(BlockScenarioSchema, obj, { abortEarly: true });
  if (result.success) {
    const { machines, ...rest } = result.output;
    return { ...rest, machines: machines ?? 1 };
  }
  const { issue, path } = deepestIssue(result.issues[0]);
  const key = issueKeyPath(path);
  if (isUnknownKey(issue))
    bad(
      source,
      key,
      key.includes('.') ? 'is not a known key here' : `is not a block scenario key (known: ${BLOCK_SCENARIO_KEYS.join(', ')})`,
    );
  bad(source, key, path.length > 1 ? `is invalid: ${issue.message}` : issue.message);
}

const GUIDANCE_LABEL: Record<Guidance, string> = { rtk: 'RTK guided', gnss: 'single GNSS guided', manual: 'driven by eye' };

/** A factory of fleet runs of one planned block. */
export function blockFactory(
  plan: BlockPlan,
  s: Omit<BlockScenario, 'block'> & { field: string },
  options: BlockRunOptions = {},
): BlockFactory {
  const guidance = options.guidance ?? s.guidance ?? 'rtk';
  // named per guidance when one is asked for, as guided-vs-manual pairs of single-paddy scenarios are
  const id = options.guidance ? `${s.id}-${options.guidance}` : s.id;
  const name = options.guidance ? `${s.name} (${GUIDANCE_LABEL[options.guidance]})` : s.name;
  // clipped once (coded PRESCRIPTION_… errors surface at load), shared by every fresh run;
  // the CLI's --wind wins over the scenario's wind
  const asked = options.blockDose?.(plan);
  const dose = s.wind ? { ...asked, wind: asked?.wind ?? s.wind } : asked;
  return {
    id,
    name,
    scenario: { id: s.id, name: s.name, field: s.field },
    plan,
    create: () =>
      createFleetSimulation({
        plan,
        id,
        name,
        guidance,
        seed: options.seed ?? s.seed ?? 1,
        faults: options.faults ?? s.faults ?? false,
        raster: { cellM: options.cellM ?? s.cellM },
        tickMs: options.tickMs ?? s.tickMs,
        ...(dose ? { dose } : {}),
      }),
  };
}

/** The block with `--buffer M` as the no-spray distance of the water buffers that give none. */
export function withBufferM(block: Block, bufferM: number | undefined): Block {
  if (bufferM === undefined || !block.buffers?.length) return block;
  return { ...block, buffers: block.buffers.map((b) => ({ ...b, bufferM: b.bufferM ?? bufferM })) };
}

/**
 * Reads and plans a block file for `machines` machines of `kind`.
 * @throws BlockError `BLOCK_…` (exit 3) for a bad block; PlanError (exit 4) when a paddy cannot be planned
 */
export async function loadBlockFile(
  path: string,
  kind: BlockMachineKind,
  machines: number,
  options: BlockRunOptions = {},
): Promise<BlockFactory> {
  const plan = planBlock(withBufferM(await readBlockFile(path), options.bufferM), kind, { machines });
  const stem = basename(path).replace(/\.[^.]+$/, '');
  return blockFactory(
    plan,
    { id: `${stem}-${kind}-${machines}`, name: `${plan.block.name}: ${machines} × ${kind}`, vehicle: kind, machines, field: path },
    options,
  );
}

/** Block file named by a scenario: absolute, else from the repository (the folder above sims/), else the scenario's folder. */
async function blockPath(block: string, baseDir: string): Promise<string> {
  if (isAbsolute(block)) return block;
  for (const c of [resolve(baseDir, '..', block), resolve(baseDir, block), resolve(block)]) {
    if (
      await readFile(c).then(
        () => true,
        () => false,
      )
    )
      return c;
  }
  return resolve(baseDir, '..', block);
}

/**
 * Plans a block scenario object read from `source` (its folder is `baseDir`).
 * @throws SimError `SIM_SCENARIO_INVALID`; BlockError; PlanError
 */
export async function blockScenarioFromObject(
  obj: Record<string, unknown>,
  baseDir: string,
  source: string,
  options: BlockRunOptions = {},
): Promise<BlockFactory> {
  const s = validateBlockScenario(obj, source);
  const path = await blockPath(s.block, baseDir);
  if (!(await isBlockFile(path)))
    bad(source, 'block', `names ${s.block}, which is missing or not a block file (features with kind paddy, road, gate, depot)`);
  const plan = planBlock(withBufferM(await readBlockFile(path), options.bufferM), s.vehicle, { machines: s.machines });
  return blockFactory(plan, { ...s, field: s.block }, options);
}

/** Reads a scenario file and returns it parsed when it is a block scenario, else undefined. */
export async function readBlockScenario(path: string): Promise<Record<string, unknown> | undefined> {
  let obj: unknown;
  try {
    obj = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw new AgrisimError('IO_READ', `cannot read ${path}: ${(e as Error).message}`, { path });
    return undefined;
  }
  return isBlockScenario(obj) ? obj : undefined;
}

/** Loads a block scenario file, once per guidance when several are given (guided vs manual on one plan). */
export async function loadBlockScenario(path: string, guidance: Guidance[] = [], options: BlockRunOptions = {}): Promise<BlockFactory[]> {
  const obj = await readBlockScenario(path);
  if (!obj) throw new SimError('SIM_SCENARIO_INVALID', `${path}: not a block scenario (no "block")`, { key: 'block', source: path });
  const first = await blockScenarioFromObject(obj, dirname(resolve(path)), path, { ...options, guidance: guidance[0] ?? options.guidance });
  const rest = guidance
    .slice(1)
    .map((g) =>
      blockFactory(first.plan, { ...validateBlockScenario(obj, path), field: first.scenario.field }, { ...options, guidance: g }),
    );
  return [first, ...rest];
}
