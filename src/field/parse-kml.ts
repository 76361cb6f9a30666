import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { FieldError } from '../errors.js';

/**
 * What is wrong with malformed XML, in words that never quote it (xmldom's messages carry the
 * offending tag or entity, i.e. bytes of whatever file was named).
 */
export function xmlProblem(e: unknown): string {
  const m = e instanceof Error ? e.message : '';
  if (/tagName|element parse|attribute/i.test(m)) return 'a malformed element or attribute';
  if (/entity/i.test(m)) return 'an unknown entity (&name;)';
  if (/mismatch|end tag|unclosed|not closed/i.test(m)) return 'tags that do not match or are not closed';
  return 'the text is not well-formed XML';
}

/** A parsed KML document, or what is wrong with the text (in words that never quote it). */
export type KmlDocument =
  | { doc: Document }
  | {
      problem: string;
      /** For malformed XML, what is wrong without the "not valid XML" lead (a field error's `cause`). */
      cause?: string;
    };

/**
 * Parses KML text to an XML document, checking that it is well-formed XML with a `<kml>` root.
 * The one KML reader of the package: field files and block files both start here, each
 * turning `problem` into its own coded error.
 * @example
 * ```ts
 * const read = readKmlDocument('<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>');
 * 'doc' in read; // true
 * ```
 */
export function readKmlDocument(text: string): KmlDocument {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const cause = xmlProblem(e);
    return { problem: `not valid XML: ${cause}`, cause };
  }
  const root = doc.documentElement;
  if (root?.localName !== 'kml') {
    const name = root && /^[A-Za-z_][\w.:-]{0,39}$/.test(root.nodeName) ? `<${root.nodeName}>` : 'not <kml>';
    return { problem: `not KML: the root element is ${name}, expected <kml>` };
  }
  return { doc: doc as unknown as Document };
}

/**
 * Something in the input that was left out rather than refused: a Google Earth pin, a path,
 * a placemark without geometry. Field readers report these through `onWarning`.
 */
export interface FieldWarning {
  /** Stable code: `FIELD_IGNORED_GEOMETRY`. */
  code: 'FIELD_IGNORED_GEOMETRY';
  /** English sentence naming the placemark and what was ignored. */
  message: string;
  /** 0-based placemark index in the file (document order, folders flattened). */
  index: number;
  /** The placemark's `<name>`, when it has one. */
  name?: string;
  /** What was ignored: `Point`, `LineString`, `MultiPoint`, … or `null` for no geometry. */
  type: string | null;
}

/** The parsed KML as GeoJSON (polygons only) and what was ignored. */
export interface ParsedKml {
  geojson: { type: 'FeatureCollection'; features: Record<string, unknown>[] };
  warnings: FieldWarning[];
}

type Geometry = { type: string; coordinates?: unknown; geometries?: Geometry[] } | null;
const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

/** Keeps the polygons of a geometry (a MultiGeometry's polygon members); lists the types dropped. */
function keepPolygons(g: Geometry, dropped: (string | null)[]): Geometry {
  if (!g) {
    dropped.push(null);
    return null;
  }
  if (POLYGONAL.has(g.type)) return g;
  if (g.type === 'GeometryCollection' && Array.isArray(g.geometries)) {
    const kept = g.geometries.map((m) => keepPolygons(m, dropped)).filter((m): m is NonNullable<Geometry> => m !== null);
    if (kept.length === 0) return null;
    return kept.length === g.geometries.length ? g : { type: 'GeometryCollection', geometries: kept };
  }
  dropped.push(g.type);
  return null;
}

/**
 * Drops what is not a paddy from KML as Google Earth and Google My Maps write it: pins
 * (Point), paths (LineString, gx:Track), placemarks without geometry; a MultiGeometry keeps its
 * polygons. Each placemark that lost something gives one warning. Folders are already flattened
 * by togeojson (document order), and styles are only properties, so both pass.
 */
export function polygonsOnly(fc: { features: Record<string, unknown>[] }, sourceName?: string): ParsedKml {
  const src = sourceName ? `${sourceName}: ` : '';
  const warnings: FieldWarning[] = [];
  const features: Record<string, unknown>[] = [];
  fc.features.forEach((f, index) => {
    const dropped: (string | null)[] = [];
    const geometry = keepPolygons((f.geometry ?? null) as Geometry, dropped);
    const props = (f.properties ?? {}) as Record<string, unknown>;
    const name = typeof props.name === 'string' && props.name ? props.name : undefined;
    if (dropped.length) {
      const what = [...new Set(dropped.map((d) => d ?? 'no geometry'))].join(', ');
      warnings.push({
        code: 'FIELD_IGNORED_GEOMETRY',
        message: `${src}placemark ${index}${name ? ` ("${name}")` : ''}: ${what} ignored (only polygons become paddies)`,
        index,
        ...(name ? { name } : {}),
        type: dropped[0],
      });
    }
    if (geometry) features.push({ ...f, geometry });
  });
  return { geojson: { type: 'FeatureCollection', features }, warnings };
}

/**
 * Parses KML text (Google Earth, Google My Maps) to GeoJSON with @tmcw/togeojson: each
 * Placemark, in whatever Folder, is a Feature; its `<name>` becomes `properties.name`, its `id`
 * attribute the feature id; `<Style>`/`<StyleMap>` only add properties; a MultiGeometry becomes
 * a GeometryCollection. Pins, paths and empty placemarks are left out with a warning (see
 * {@link polygonsOnly}). Coordinates stay as written (KML is `lon,lat[,alt]`), so ring checks
 * happen later as for GeoJSON.
 * @throws FieldError FIELD_PARSE when the XML is malformed or is not KML
 * @example
 * ```ts
 * const { geojson, warnings } = parseKmlText(myMapsExport, 'ruong.kml');
 * warnings[0]?.message; // 'ruong.kml: placemark 0 ("Cổng"): Point ignored (only polygons become paddies)'
 * ```
 */
export function parseKmlText(text: string, sourceName?: string): ParsedKml {
  const read = readKmlDocument(text);
  if ('problem' in read)
    throw new FieldError('FIELD_PARSE', `${sourceName ? `${sourceName}: ` : ''}${read.problem}`, {
      source: sourceName,
      ...(read.cause ? { cause: read.cause } : {}),
    });
  const doc = read.doc;
  const fc = kml(doc, { skipNullGeometry: false }) as unknown as { features: Record<string, unknown>[] };
  return polygonsOnly(fc, sourceName);
}
