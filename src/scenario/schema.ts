/**
 * Scenario files (sims/*.json): the schema, declared once with valibot. The TypeScript types
 * are inferred from it, the checks come from it, and `npm run schemas` writes the JSON Schema
 * users' editors read (docs/schemas/scenario.schema.json). Every problem gives
 * `SIM_SCENARIO_INVALID` with a message naming the key.
 */
import * as v from 'valibot';
import { SimError } from '../errors.js';
import { deepestIssue, isUnknownKey, issueKeyPath } from '../validation/index.js';

const finite = v.pipe(v.number(), v.finite());
const nonNegative = v.pipe(finite, v.minValue(0));

/** Figures a scenario may change on a vehicle profile (each a number ≥ 0). */
export const ScenarioOverridesSchema = v.strictObject({
  workingWidthM: v.optional(nonNegative),
  minTurnRadiusM: v.optional(nonNegative),
  headlandLaps: v.optional(nonNegative),
  workSpeedMps: v.optional(nonNegative),
  capacityKg: v.optional(nonNegative),
  rateKgPerHa: v.optional(nonNegative),
  trays: v.optional(nonNegative),
  traysPerHa: v.optional(nonNegative),
  refillS: v.optional(nonNegative),
  enduranceS: v.optional(nonNegative),
  swapS: v.optional(nonNegative),
});

/** One machine of a scenario: a vehicle profile id, its guidance, an id and overrides. */
export const ScenarioVehicleSchema = v.strictObject({
  profile: v.pipe(v.string(), v.description('vehicle profile id: drone or transplanter')),
  guidance: v.picklist(['rtk', 'gnss', 'manual']),
  id: v.optional(v.string()),
  overrides: v.optional(ScenarioOverridesSchema),
});

/** Fault rates and ranges (see FaultOptions); any key left out keeps its default. */
const FaultsSchema = v.union([
  v.boolean(),
  v.strictObject({
    rtkLossPerHour: v.optional(nonNegative),
    rtkLossS: v.optional(v.tuple([nonNegative, nonNegative])),
    gustPerHour: v.optional(nonNegative),
    gustM: v.optional(v.tuple([nonNegative, nonNegative])),
    gustS: v.optional(v.tuple([nonNegative, nonNegative])),
    batteryFaultPerSortie: v.optional(nonNegative),
    weakBatteryFraction: v.optional(v.tuple([nonNegative, nonNegative])),
  }),
]);

/** A scenario file. */
export const ScenarioSchema = v.strictObject({
  id: v.pipe(v.string(), v.minLength(1)),
  name: v.pipe(v.string(), v.minLength(1)),
  description: v.optional(v.string()),
  /** Field file, relative to the repository (the folder above sims/) or absolute. */
  field: v.pipe(v.string(), v.minLength(1), v.description('field file, relative to the folder above sims/, or absolute')),
  /** Which paddies of the file, in order: indices (0-based) or ids; default all. */
  paddies: v.optional(v.pipe(v.array(v.union([v.pipe(v.number(), v.integer(), v.minValue(0)), v.string()])), v.minLength(1))),
  vehicles: v.pipe(v.array(ScenarioVehicleSchema), v.minLength(1), v.maxLength(100)),
  /** Service point `[lon, lat]`; default the planner's (nearest field edge to the first corner). */
  servicePoint: v.optional(v.tuple([v.pipe(finite, v.minValue(-180), v.maxValue(180)), v.pipe(finite, v.minValue(-90), v.maxValue(90))])),
  /** Product and its rate (tank vehicles). */
  product: v.optional(v.strictObject({ name: v.string(), rateKgPerHa: v.pipe(finite, v.gtValue(0), v.maxValue(2000)) })),
  seed: v.pipe(v.number(), v.integer()),
  tickMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(60_000))),
  cellM: v.optional(v.pipe(finite, v.minValue(0.01), v.maxValue(100))),
  faults: v.optional(FaultsSchema),
  /** Wind over the field: the run keeps a dose raster with drift (m/s, compass degrees it blows from, gust σ m/s). */
  wind: v.optional(
    v.strictObject({
      speedMps: v.pipe(finite, v.minValue(0), v.maxValue(30)),
      fromDeg: v.pipe(finite, v.description('compass degrees the wind blows from (0 = north, 90 = east)')),
      gustSigmaMps: v.optional(v.pipe(finite, v.minValue(0), v.maxValue(15))),
    }),
  ),
});

/** Figures a scenario may change on a vehicle profile. */
export type ScenarioOverrides = v.InferOutput<typeof ScenarioOverridesSchema>;
/** One machine of a scenario. */
export type ScenarioVehicle = v.InferOutput<typeof ScenarioVehicleSchema>;
/** A scenario file. */
export type Scenario = v.InferOutput<typeof ScenarioSchema>;

// Kept for messages: the keys a user may write at each level.
const TOP_KEYS = Object.keys(ScenarioSchema.entries);

/** The first issue as a sentence a user can act on. */
function problemOf(issue: v.BaseIssue<unknown>, key: string): string {
  if (isUnknownKey(issue)) {
    return key.includes('.') || key.includes('[') ? 'is not a known key here' : `is not a scenario key (known: ${TOP_KEYS.join(', ')})`;
  }
  return `is invalid: ${issue.message}`;
}

/**
 * Checks a parsed scenario object and returns it typed.
 * @example
 * ```ts
 * import { validateScenario } from 'agrisim';
 * validateScenario({ id: 'x', name: 'x', field: 'fields/paddy-40x120.geojson', vehicles: [{ profile: 'drone', guidance: 'rtk' }], seed: 1 });
 * ```
 * @param obj - the parsed JSON
 * @param source - file name for messages
 * @throws SimError `SIM_SCENARIO_INVALID`
 */
export function validateScenario(obj: unknown, source = 'scenario'): Scenario {
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
    throw new SimError('SIM_SCENARIO_INVALID', `${source}: "(root)" must be a JSON object`, { key: '(root)', source });
  }
  const result = v.safeParse(ScenarioSchema, obj, { abortEarly: true });
  if (result.success) return result.output;
  const { issue, path } = deepestIssue(result.issues[0]);
  const key = issueKeyPath(path);
  throw new SimError('SIM_SCENARIO_INVALID', `${source}: "${key}" ${problemOf(issue, key)}`, { key, source });
}
