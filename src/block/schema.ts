/**
 * Block input (docs/contracts.md "Block input"): the properties of each feature kind and the
 * FeatureCollection they sit in, declared once with valibot. The reader (read.ts) checks every
 * feature's properties with these schemas and takes their typed, normalised values; the
 * geometric checks (overlap, reachability, distances) stay code in validate.ts; `npm run schemas`
 * writes docs/schemas/block.schema.json for users' editors. KML ExtendedData arrives as text, so
 * numbers may also be written as numeric text (`"3"`) and `serves` as `"drone, transplanter"`.
 */
import * as v from 'valibot';
import type { BlockMachineKind } from './types.js';

/** Every `properties.kind` a block feature may have. */
export const BLOCK_KINDS = ['paddy', 'road', 'gate', 'depot', 'nofly', 'buffer'] as const;
/** One of {@link BLOCK_KINDS}. */
export type BlockKind = (typeof BLOCK_KINDS)[number];
/** Default road width, m (docs/contracts.md "Block input"). */
export const DEFAULT_ROAD_WIDTH_M = 3;

const MACHINE_KINDS = ['drone', 'transplanter'] as const satisfies readonly BlockMachineKind[];
const text = v.union([v.string(), v.number()]);
const idOf = v.pipe(text, v.description('unique within the block'));

/** Left out, null or empty text: the default applies. */
const blank = v.union([v.null(), v.literal('')]);

/** A number > 0, or numeric text (KML), as a number. */
const POSITIVE = 'must be a positive number';
const SERVES = 'must list drone and/or transplanter';

function positive(what: string) {
  const message = POSITIVE;
  return v.pipe(
    v.union(
      [
        v.pipe(v.number(message), v.finite(message), v.gtValue(0, message)),
        v.pipe(
          v.string(message),
          v.regex(/^\s*\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i, message),
          v.transform(Number),
          v.gtValue(0, message),
        ),
      ],
      message,
    ),
    v.description(what),
  );
}

/** `serves`: a list of machine kinds, or the same as text (`"drone, transplanter"`, `'["drone"]'`). */
const servesSchema = v.pipe(
  v.union(
    [
      v.array(v.picklist(MACHINE_KINDS)),
      v.pipe(
        v.string(),
        v.description('the same as text: "drone, transplanter" or \'["drone"]\' (KML)'),
        v.transform((s): unknown => (s.trim().startsWith('[') ? safeJson(s) : s.split(/[,;\s]+/).filter(Boolean))),
        v.check(isMachineList, SERVES),
        v.transform((list) => list as BlockMachineKind[]),
      ),
    ],
    SERVES,
  ),
  v.description('the machines this depot serves; default ["drone", "transplanter"]'),
);

function isMachineList(list: unknown): boolean {
  return Array.isArray(list) && list.every((k) => (MACHINE_KINDS as readonly unknown[]).includes(k));
}

function safeJson(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
}

const common = { id: v.optional(idOf), name: v.optional(text) };

/** Properties of a paddy; any other property is kept (it travels to the plan). */
export const PaddyPropertiesSchema = v.looseObject({
  kind: v.optional(v.literal('paddy')),
  ...common,
  owner: v.optional(v.pipe(text, v.description('the household that farms it'))),
});
/** Properties of a field road. */
export const RoadPropertiesSchema = v.looseObject({
  kind: v.literal('road'),
  ...common,
  widthM: v.optional(v.union([blank, positive(`road width, m; default ${DEFAULT_ROAD_WIDTH_M}`)], POSITIVE)),
});
/** Properties of a gate: the paddy it opens into. */
export const GatePropertiesSchema = v.looseObject({
  kind: v.literal('gate'),
  ...common,
  paddy: v.optional(v.nullable(v.pipe(text, v.description('id of the paddy this gate opens into')))),
});
/** Properties of a depot: the machines it serves and its crews. */
export const DepotPropertiesSchema = v.looseObject({
  kind: v.literal('depot'),
  ...common,
  serves: v.optional(v.union([blank, servesSchema], SERVES)),
  crews: v.optional(v.union([blank, positive('crews working from this depot; default 1')], POSITIVE)),
});
/** Properties of a no-fly area. */
export const NoflyPropertiesSchema = v.looseObject({ kind: v.literal('nofly'), ...common });

/** A number ≥ 0, or numeric text (KML), as a number. */
const NON_NEGATIVE = 'must be a number ≥ 0';
function nonNegative(what: string) {
  const message = NON_NEGATIVE;
  return v.pipe(
    v.union(
      [
        v.pipe(v.number(message), v.finite(message), v.minValue(0, message), v.maxValue(100, message)),
        v.pipe(
          v.string(message),
          v.regex(/^\s*\+?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i, message),
          v.transform(Number),
          v.maxValue(100, message),
        ),
      ],
      message,
    ),
    v.description(what),
  );
}

/**
 * Properties of a water buffer (canal, pond, well): no product may land in it, and spreading stops
 * `bufferM` from it (the product label's no-spray distance to surface water).
 */
export const BufferPropertiesSchema = v.looseObject({
  kind: v.literal('buffer'),
  ...common,
  bufferM: v.optional(
    v.union(
      [blank, nonNegative('no-spray distance from the water, m (0–100); default 0: only the water itself, or `--buffer M`')],
      NON_NEGATIVE,
    ),
  ),
});

/** The properties schema of each kind. */
export const BLOCK_PROPERTIES_SCHEMAS = {
  paddy: PaddyPropertiesSchema,
  road: RoadPropertiesSchema,
  gate: GatePropertiesSchema,
  depot: DepotPropertiesSchema,
  nofly: NoflyPropertiesSchema,
  buffer: BufferPropertiesSchema,
} as const;

/** A problem with one property: its key (`widthM`) and what is wrong. */
export interface PropertyProblem {
  key: string;
  problem: string;
  value: unknown;
}

/**
 * Checks a feature's properties against its kind's schema (kind already known and normalised).
 * @returns the typed properties, or the first problem
 */
export function checkBlockProperties<K extends BlockKind>(
  kind: K,
  props: Record<string, unknown>,
): { ok: true; value: v.InferOutput<(typeof BLOCK_PROPERTIES_SCHEMAS)[K]> } | { ok: false; problem: PropertyProblem } {
  const result = v.safeParse(BLOCK_PROPERTIES_SCHEMAS[kind], { ...props, kind }, { abortEarly: true });
  if (result.success) return { ok: true, value: result.output as v.InferOutput<(typeof BLOCK_PROPERTIES_SCHEMAS)[K]> };
  const issue = result.issues[0];
  const key = issue.path?.map((p) => String(p.key)).join('.') ?? '(properties)';
  const top = issue.path?.[0]?.key;
  return { ok: false, problem: { key, problem: issue.message, value: typeof top === 'string' ? props[top] : issue.input } };
}

// ---- the FeatureCollection, for the JSON Schema (the reader walks features itself to name them) ----

const position = v.pipe(v.array(v.pipe(v.number(), v.finite())), v.minLength(2), v.maxLength(3), v.description('[lon, lat] (WGS84)'));
const ring = v.pipe(v.array(position), v.minLength(4), v.description('closed ring: first position = last'));
const polygon = v.object({ type: v.literal('Polygon'), coordinates: v.pipe(v.array(ring), v.minLength(1)) });
const multiPolygon = v.object({ type: v.literal('MultiPolygon'), coordinates: v.array(v.pipe(v.array(ring), v.minLength(1))) });
const lineString = v.object({ type: v.literal('LineString'), coordinates: v.pipe(v.array(position), v.minLength(2)) });
const multiLineString = v.object({ type: v.literal('MultiLineString'), coordinates: v.array(v.pipe(v.array(position), v.minLength(2))) });
const point = v.object({ type: v.literal('Point'), coordinates: position });

const feature = <P extends v.GenericSchema, G extends v.GenericSchema>(properties: P, geometry: G, what: string) =>
  v.pipe(v.object({ type: v.literal('Feature'), id: v.optional(text), properties, geometry }), v.description(what));

/** A block: one GeoJSON FeatureCollection of paddies, roads, gates, depots, no-fly areas and water buffers. */
export const BlockFeatureCollectionSchema = v.object({
  type: v.literal('FeatureCollection'),
  name: v.optional(v.string()),
  features: v.array(
    v.union([
      feature(PaddyPropertiesSchema, polygon, 'paddy: a Polygon (holes allowed); a Polygon without kind is a paddy'),
      feature(RoadPropertiesSchema, v.union([lineString, multiLineString]), 'road: a field road ground machines drive on'),
      feature(GatePropertiesSchema, point, 'gate: where a ground machine leaves a road for a paddy'),
      feature(DepotPropertiesSchema, point, 'depot: where machines take off, refill and load'),
      feature(NoflyPropertiesSchema, v.union([polygon, multiPolygon]), 'nofly: houses, trees, graves, power lines'),
      feature(
        BufferPropertiesSchema,
        v.union([polygon, multiPolygon]),
        'buffer: water (canal, pond) no product may land in; drones stop spreading bufferM from it',
      ),
    ]),
  ),
});
