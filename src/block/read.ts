/**
 * Reading a block (docs/contracts.md "Block input"): GeoJSON or KML text → features sorted by kind,
 * paddies validated by the field stage, everything projected to metres on one local
 * projection whose origin is the first paddy's first vertex (as the independent checker does).
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { AgrisimError, BlockError } from '../errors.js';
import { parseFields, type Field } from '../field/index.js';
import { localProjection, toXY, type LocalProjection } from '../geodesy/index.js';
import type { PolygonM, XY } from '../geometry/index.js';
import { signedArea, withWinding } from '../geometry/index.js';
import { kmlToBlockCollection } from './kml.js';
import { BLOCK_KINDS, DEFAULT_ROAD_WIDTH_M, checkBlockProperties, type BlockKind } from './schema.js';
import type { Block, BlockBuffer, BlockDepot, BlockNofly, BlockPaddy, BlockRoad } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Options of {@link parseBlock}. */
export interface ParseBlockOptions {
  /** `geojson` or `kml`; default: KML when the text starts with `<`. */
  format?: 'geojson' | 'kml';
  /** File name used in messages and as the block's name. */
  sourceName?: string;
}

interface RawFeature {
  index: number;
  id: string;
  kind: string;
  props: Obj;
  geometry: Obj;
}

const label = (f: RawFeature) => `${f.kind} "${f.id}" (feature ${f.index})`;
const fail = (code: 'BLOCK_BAD_GEOMETRY' | 'BLOCK_UNKNOWN_KIND' | 'BLOCK_DUPLICATE_ID', f: RawFeature, why: string, extra: Obj = {}) =>
  new BlockError(code, `${label(f)}: ${why}`, { id: f.id, feature: f.index, kind: f.kind, ...extra });

function rawFeatures(root: unknown, src: string): RawFeature[] {
  if (!isObj(root) || root.type !== 'FeatureCollection' || !Array.isArray(root.features))
    throw new BlockError('BLOCK_PARSE', `${src}a block must be a GeoJSON FeatureCollection`, { source: src });
  const seen = new Map<string, number>();
  const counters = new Map<string, number>();
  return root.features.map((f: unknown, index: number) => {
    if (!isObj(f) || !isObj(f.geometry))
      throw new BlockError('BLOCK_BAD_GEOMETRY', `${src}feature ${index} has no geometry`, { feature: index });
    const props = isObj(f.properties) ? f.properties : {};
    const rawKind = props.kind ?? (f.geometry.type === 'Polygon' ? 'paddy' : undefined);
    const kind = typeof rawKind === 'string' ? rawKind.trim().toLowerCase() : String(rawKind);
    const given = f.id ?? props.id;
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    const id = typeof given === 'string' || typeof given === 'number' ? String(given) : `${kind}-${n}`;
    const raw: RawFeature = { index, id, kind, props, geometry: f.geometry };
    if (!(BLOCK_KINDS as readonly string[]).includes(kind))
      throw fail('BLOCK_UNKNOWN_KIND', raw, `kind ${JSON.stringify(rawKind)} is not one of ${BLOCK_KINDS.join(', ')}`);
    if (seen.has(id)) throw fail('BLOCK_DUPLICATE_ID', raw, `id "${id}" is also used by feature ${seen.get(id)}`, { other: seen.get(id) });
    seen.set(id, index);
    return raw;
  });
}

function position(f: RawFeature, c: unknown): [number, number] {
  if (
    !Array.isArray(c) ||
    c.length < 2 ||
    typeof c[0] !== 'number' ||
    typeof c[1] !== 'number' ||
    !Number.isFinite(c[0]) ||
    !Number.isFinite(c[1])
  )
    throw fail('BLOCK_BAD_GEOMETRY', f, `position ${JSON.stringify(c)} is not two finite numbers`);
  if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90) throw fail('BLOCK_BAD_GEOMETRY', f, `position [${c[0]}, ${c[1]}] is out of range`);
  return [c[0], c[1]];
}

function expectType(f: RawFeature, ...types: string[]): void {
  if (!types.includes(String(f.geometry.type)))
    throw fail('BLOCK_BAD_GEOMETRY', f, `a ${f.kind} must be a ${types.join(' or ')}, got ${String(f.geometry.type)}`, {
      type: f.geometry.type,
    });
}

function ringsOf(f: RawFeature, coords: unknown, proj: LocalProjection): PolygonM {
  if (!Array.isArray(coords) || coords.length === 0) throw fail('BLOCK_BAD_GEOMETRY', f, 'polygon without rings');
  const rings = coords.map((r: unknown) => {
    if (!Array.isArray(r) || r.length < 4) throw fail('BLOCK_BAD_GEOMETRY', f, 'a ring needs at least 4 positions');
    const pts = r.map((c) => toXY(proj, position(f, c)));
    const a = pts[0],
      b = pts[pts.length - 1];
    return a[0] === b[0] && a[1] === b[1] ? pts.slice(0, -1) : pts;
  });
  for (const ring of rings) if (Math.abs(signedArea(ring)) < 1e-6) throw fail('BLOCK_BAD_GEOMETRY', f, 'a ring with no area');
  return { outer: withWinding(rings[0], true), holes: rings.slice(1).map((h) => withWinding(h, false)) };
}

function paddyOf(f: RawFeature, proj: LocalProjection, src: string): BlockPaddy {
  expectType(f, 'Polygon');
  let field: Field;
  try {
    [field] = parseFields(JSON.stringify({ type: 'Feature', id: f.id, properties: f.props, geometry: f.geometry }), {
      format: 'geojson',
      sourceName: src || undefined,
    });
  } catch (e) {
    if (!(e instanceof AgrisimError)) throw e;
    throw new BlockError('BLOCK_PADDY_INVALID', `paddy "${f.id}" (feature ${f.index}): ${e.message} [${e.code}]`, {
      id: f.id,
      feature: f.index,
      fieldCode: e.code,
    });
  }
  const polygon = ringsOf(f, field.lonLat, proj);
  const { owner, name } = propsOf(f, 'paddy', 'BLOCK_PADDY_INVALID');
  return {
    id: f.id,
    owner: owner === undefined ? '' : String(owner),
    name: name === undefined || name === '' ? f.id : String(name),
    areaHa: field.areaM2 / 10_000,
    polygon,
    lonLat: field.lonLat,
    properties: f.props,
  };
}

/** The feature's properties checked by its kind's schema (schema.ts), typed and normalised. */
function propsOf<K extends BlockKind>(f: RawFeature, kind: K, code: 'BLOCK_BAD_GEOMETRY' | 'BLOCK_PADDY_INVALID' = 'BLOCK_BAD_GEOMETRY') {
  const checked = checkBlockProperties(kind, f.props);
  if (checked.ok) return checked.value;
  const { key, problem, value } = checked.problem;
  const why = `properties.${key} ${problem}, got ${JSON.stringify(value)}`;
  if (code === 'BLOCK_PADDY_INVALID') throw new BlockError(code, `${label(f)}: ${why}`, { id: f.id, feature: f.index, kind: f.kind, key });
  throw fail(code, f, why, { key });
}

function toBlock(raws: RawFeature[], name: string, src: string): Block {
  const paddyRaws = raws.filter((f) => f.kind === 'paddy');
  if (paddyRaws.length === 0) throw new BlockError('BLOCK_NO_PADDY', `${src}the block has no paddy`, { source: src });
  expectType(paddyRaws[0], 'Polygon');
  const c0 = (paddyRaws[0].geometry.coordinates as unknown[][])?.[0]?.[0];
  const [lon0, lat0] = position(paddyRaws[0], c0);
  const proj = localProjection(lon0, lat0);
  const pt = (f: RawFeature): XY => {
    expectType(f, 'Point');
    return toXY(proj, position(f, f.geometry.coordinates));
  };
  const roads: BlockRoad[] = raws
    .filter((f) => f.kind === 'road')
    .flatMap((f) => {
      expectType(f, 'LineString', 'MultiLineString');
      const lines = (f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates) as unknown[];
      const given = propsOf(f, 'road').widthM;
      const widthM = typeof given === 'number' ? given : DEFAULT_ROAD_WIDTH_M;
      return lines.map((l, k) => {
        if (!Array.isArray(l) || l.length < 2) throw fail('BLOCK_BAD_GEOMETRY', f, 'a road needs at least 2 positions');
        return { id: lines.length > 1 ? `${f.id}-${k + 1}` : f.id, points: l.map((c) => toXY(proj, position(f, c))), widthM };
      });
    });
  const nofly: BlockNofly[] = raws
    .filter((f) => f.kind === 'nofly')
    .flatMap((f) => {
      expectType(f, 'Polygon', 'MultiPolygon');
      const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as unknown[];
      return polys.map((p) => ({ id: f.id, polygon: ringsOf(f, p, proj) }));
    });
  const buffers: BlockBuffer[] = raws
    .filter((f) => f.kind === 'buffer')
    .flatMap((f) => {
      expectType(f, 'Polygon', 'MultiPolygon');
      const { bufferM } = propsOf(f, 'buffer');
      const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as unknown[];
      return polys.map((p) => ({ id: f.id, polygon: ringsOf(f, p, proj), ...(typeof bufferM === 'number' ? { bufferM } : {}) }));
    });
  const depots: BlockDepot[] = raws
    .filter((f) => f.kind === 'depot')
    .map((f) => {
      const { serves, crews } = propsOf(f, 'depot');
      return {
        id: f.id,
        at: pt(f),
        serves: Array.isArray(serves) ? serves : ['drone', 'transplanter'],
        crews: Math.round(typeof crews === 'number' ? crews : 1),
      };
    });
  const gates = raws
    .filter((f) => f.kind === 'gate')
    .map((f) => {
      const { paddy } = propsOf(f, 'gate');
      return { id: f.id, at: pt(f), paddy: paddy === undefined || paddy === null ? '' : String(paddy) };
    });
  const paddies = paddyRaws.map((f) => paddyOf(f, proj, src));
  return { name, projection: proj, paddies, roads, gates, depots, nofly, ...(buffers.length ? { buffers } : {}) };
}

/**
 * Reads a block from GeoJSON or KML text (docs/contracts.md "Block input"), without the cross-feature
 * checks (see `validateBlock`). A Polygon without `kind` is taken as a paddy.
 * @throws BlockError BLOCK_PARSE, BLOCK_UNKNOWN_KIND, BLOCK_DUPLICATE_ID, BLOCK_BAD_GEOMETRY, BLOCK_PADDY_INVALID, BLOCK_NO_PADDY
 */
export function parseBlock(text: string, opts: ParseBlockOptions = {}): Block {
  const src = opts.sourceName ? `${opts.sourceName}: ` : '';
  const format = opts.format ?? (/^[\s\uFEFF]*</.test(text) ? 'kml' : 'geojson');
  let root: unknown;
  if (format === 'kml') root = kmlToBlockCollection(text, opts.sourceName);
  else {
    try {
      root = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new BlockError('BLOCK_PARSE', `${src}not valid JSON: ${e instanceof Error ? e.message : String(e)}`, {
        source: opts.sourceName,
      });
    }
  }
  const name =
    isObj(root) && typeof root.name === 'string'
      ? root.name
      : opts.sourceName
        ? basename(opts.sourceName).replace(/\.[^.]+$/, '')
        : 'block';
  return toBlock(rawFeatures(root, src), name, src);
}

/**
 * Reads a block file (`.geojson`, `.json` or `.kml`); see {@link parseBlock}.
 * @throws BlockError BLOCK_PARSE when the file cannot be read, and every code of parseBlock
 * @example
 * ```ts
 * import { readBlockFile } from 'agrisim';
 * const block = await readBlockFile('fields/thai-binh-block.geojson');
 * console.log(block.paddies.length, block.roads.length, block.depots.map((d) => d.id));
 * ```
 */
export async function readBlockFile(path: string, opts: ParseBlockOptions = {}): Promise<Block> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new AgrisimError('IO_READ', `${path}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`, { path });
  }
  const ext = extname(path).toLowerCase();
  return parseBlock(text, {
    format: ext === '.kml' ? 'kml' : ext === '.geojson' || ext === '.json' ? 'geojson' : undefined,
    sourceName: opts.sourceName ?? path,
    ...opts,
  });
}
