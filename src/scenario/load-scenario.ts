/**
 * Scenario stage: read a sims/*.json file, plan its paddies with planField, and make a
 * SimulationFactory (fresh runs of the same scenario). Also guided-vs-manual pairs.
 */
import { access, readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { AgrisimError, SimError, VehicleError } from '../errors.js';
import { jsonProblem, readFieldFile, type Field } from '../field/index.js';
import { toXY } from '../geodesy/index.js';
import { planField, type Plan } from '../plan/index.js';
import { createSimulation, type DoseOptions, type FaultOptions, type Guidance, type SimRun, type SimulationFactory } from '../sim/index.js';
import { getVehicle, type Vehicle } from '../vehicles/index.js';
import { validateScenario, type Scenario, type ScenarioVehicle } from './schema.js';

/** Changes applied when loading (CLI flags, comparisons). */
export interface ScenarioLoadOptions {
  /** Every vehicle gets this guidance. */
  guidance?: Guidance;
  seed?: number;
  faults?: boolean | Partial<FaultOptions>;
  cellM?: number;
  tickMs?: number;
  /** Changes each paddy before it is planned (e.g. takes a water buffer strip out: `withoutBuffer`). */
  fieldTransform?: (field: Field) => Field;
  /** Dose model of every run (prescriptions per plan, wind, buffers), made once from the plans. */
  dose?: (plans: Plan[]) => DoseOptions | undefined;
}

/** A planned scenario, ready to run. */
export interface LoadedScenario extends SimulationFactory {
  scenario: Scenario;
  plans: Plan[];
  create(): SimRun;
}

async function exists(p: string): Promise<boolean> {
  return access(p).then(
    () => true,
    () => false,
  );
}

/** Field path: absolute, else relative to the repository (the folder above sims/), the scenario's folder, or the cwd. */
async function resolveFieldPath(field: string, baseDir: string): Promise<string> {
  if (isAbsolute(field)) return field;
  for (const c of [resolve(baseDir, '..', field), resolve(baseDir, field), resolve(field)]) if (await exists(c)) return c;
  return resolve(baseDir, '..', field);
}

function bad(source: string, key: string, problem: string): never {
  throw new SimError('SIM_SCENARIO_INVALID', `${source}: "${key}" ${problem}`, { key, source });
}

function buildVehicle(sv: ScenarioVehicle, i: number, scenario: Scenario, source: string): Vehicle {
  const o = sv.overrides ?? {};
  let v: Vehicle;
  try {
    v = getVehicle(sv.profile, {
      workingWidthM: o.workingWidthM,
      minTurnRadiusM: o.minTurnRadiusM,
      headlandLaps: o.headlandLaps,
      workSpeedMps: o.workSpeedMps,
    });
  } catch (e) {
    if (e instanceof VehicleError) bad(source, `vehicles[${i}]`, e.message);
    throw e;
  }
  const p = v.payload;
  const payload =
    p.kind === 'tank'
      ? {
          ...p,
          capacityKg: o.capacityKg ?? p.capacityKg,
          rateKgPerHa: o.rateKgPerHa ?? scenario.product?.rateKgPerHa ?? p.rateKgPerHa,
          refillS: o.refillS ?? p.refillS,
        }
      : { ...p, trays: o.trays ?? p.trays, traysPerHa: o.traysPerHa ?? p.traysPerHa, refillS: o.refillS ?? p.refillS };
  const battery = v.battery ? { enduranceS: o.enduranceS ?? v.battery.enduranceS, swapS: o.swapS ?? v.battery.swapS } : undefined;
  if (payload.kind === 'tank' && !(payload.capacityKg > 0 && payload.rateKgPerHa > 0))
    bad(source, `vehicles[${i}].overrides`, 'tank capacity and rate must be > 0');
  if (payload.kind === 'trays' && !(payload.trays >= 1 && payload.traysPerHa > 0))
    bad(source, `vehicles[${i}].overrides`, 'trays must be ≥ 1 and traysPerHa > 0');
  if (battery && !(battery.enduranceS >= 30)) bad(source, `vehicles[${i}].overrides.enduranceS`, 'must be at least 30 s');
  return { ...v, payload, ...(battery ? { battery } : {}) };
}

function pickPaddies(fields: Field[], paddies: Scenario['paddies'], source: string): Field[] {
  if (!paddies) return fields;
  return paddies.map((p) => {
    const f = typeof p === 'number' ? fields[p] : fields.find((x) => x.id === p || x.name === p);
    if (!f) bad(source, 'paddies', `names paddy ${JSON.stringify(p)}, which the field file does not have (it has ${fields.length})`);
    return f;
  });
}

/** A validated and planned scenario: what every factory of it shares. */
interface Prepared {
  scenario: Scenario;
  plans: Plan[];
  vehicles: Vehicle[];
}

async function prepare(obj: unknown, baseDir: string, source: string, transform?: (f: Field) => Field): Promise<Prepared> {
  const scenario = validateScenario(obj, source);
  const fieldPath = await resolveFieldPath(scenario.field, baseDir);
  if (!(await exists(fieldPath))) bad(source, 'field', `names ${scenario.field}, which does not exist (looked for ${fieldPath})`);
  const picked = pickPaddies(await readFieldFile(fieldPath), scenario.paddies, source);
  const fields = transform ? picked.map(transform) : picked;
  const vehicles = scenario.vehicles.map((sv, i) => buildVehicle(sv, i, scenario, source));
  const w = vehicles[0].workingWidthM;
  vehicles.forEach((v, i) => {
    if (Math.abs(v.workingWidthM - w) > 1e-9)
      bad(source, `vehicles[${i}]`, `works ${v.workingWidthM} m wide, but vehicles sharing one plan must all work ${w} m`);
  });
  const plans = fields.map((f) => planField(f, vehicles[0], scenario.servicePoint ? { startLonLat: scenario.servicePoint } : {}));
  return { scenario, plans, vehicles };
}

/** How a guidance variant is named in a scenario's display name. */
const GUIDANCE_LABEL: Record<string, string> = { rtk: 'RTK guided', gnss: 'single GNSS guided', manual: 'driven by eye' };

function makeFactory(p: Prepared, options: ScenarioLoadOptions): LoadedScenario {
  const { scenario, plans, vehicles } = p;
  const sp = scenario.servicePoint ? toXY(plans[0].field.projection, scenario.servicePoint) : undefined;
  const id = options.guidance ? `${scenario.id}-${options.guidance}` : scenario.id;
  const name = options.guidance ? `${scenario.name} (${GUIDANCE_LABEL[options.guidance] ?? options.guidance})` : scenario.name;
  // the CLI's --wind (in options.dose) wins over the scenario's wind
  const asked = options.dose?.(plans);
  const dose = scenario.wind ? { ...asked, wind: asked?.wind ?? scenario.wind } : asked;
  return {
    id,
    name,
    scenario,
    plans,
    create: () =>
      createSimulation({
        id,
        name,
        plans,
        vehicles: vehicles.map((vehicle, i) => ({
          vehicle,
          guidance: options.guidance ?? scenario.vehicles[i].guidance,
          id: scenario.vehicles[i].id,
        })),
        seed: options.seed ?? scenario.seed,
        tickMs: options.tickMs ?? scenario.tickMs,
        raster: { cellM: options.cellM ?? scenario.cellM },
        faults: options.faults ?? scenario.faults ?? true,
        servicePoint: sp,
        ...(dose ? { dose } : {}),
      }),
  };
}

/**
 * Plans a scenario object. `baseDir` is the folder of the scenario file (field paths resolve from its parent).
 * @throws SimError `SIM_SCENARIO_INVALID`; FieldError / PlanError from reading and planning the field
 */
export async function scenarioFromObject(
  obj: unknown,
  baseDir: string,
  source = 'scenario',
  options: ScenarioLoadOptions = {},
): Promise<LoadedScenario> {
  return makeFactory(await prepare(obj, baseDir, source, options.fieldTransform), options);
}

async function readScenarioJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new AgrisimError('IO_READ', `cannot read scenario ${path}: ${(e as Error).message}`, { path });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new SimError('SIM_SCENARIO_INVALID', `${path}: not valid JSON: ${jsonProblem(e)}`, { key: '(root)', source: path });
  }
}

/**
 * Reads, validates and plans a scenario file; faults are on unless the file says otherwise.
 * @param path - e.g. `sims/thai-binh-drone.json`
 * @param options - guidance, seed, faults, raster cell or tick to override
 * @returns a factory: `create()` makes a fresh run
 * @throws SimError `SIM_SCENARIO_INVALID` naming the key; `IO_READ`; FieldError; PlanError
 * @example
 * ```ts
 * import { loadScenario, runToEnd } from 'agrisim';
 * const factory = await loadScenario('sims/thai-binh-drone.json');
 * const { metrics } = runToEnd(factory.create());
 * ```
 */
export async function loadScenario(path: string, options: ScenarioLoadOptions = {}): Promise<LoadedScenario> {
  return scenarioFromObject(await readScenarioJson(path), dirname(resolve(path)), path, options);
}

/**
 * One factory per guidance for the same scenario (planned once, same seed): guided vs manual pairs.
 * @example
 * ```ts
 * import { scenarioFactories } from 'agrisim';
 * const [rtk, manual] = await scenarioFactories('sims/thai-binh-drone.json', { guidance: ['rtk', 'manual'] });
 * ```
 */
export async function scenarioFactories(
  path: string,
  options: Omit<ScenarioLoadOptions, 'guidance'> & { guidance: Guidance[] },
): Promise<LoadedScenario[]> {
  const p = await prepare(await readScenarioJson(path), dirname(resolve(path)), path);
  return options.guidance.map((g) => makeFactory(p, { ...options, guidance: g }));
}
