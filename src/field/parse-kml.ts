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

/**
 * Parses KML text (Google Earth) to a GeoJSON FeatureCollection with @tmcw/togeojson:
 * each Placemark is a Feature; its `<name>` becomes `properties.name`, its `id` attribute the
 * feature id; a MultiGeometry becomes a GeometryCollection. Coordinates stay as written
 * (KML is `lon,lat[,alt]`), so ring checks happen later as for GeoJSON.
 * @throws FieldError FIELD_PARSE when the XML is malformed or is not KML
 */
export function parseKmlText(text: string, sourceName?: string): unknown {
  const src = sourceName ? `${sourceName}: ` : '';
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== 'warning') throw new Error(msg);
      },
    }).parseFromString(text, 'text/xml');
  } catch (e) {
    const why = xmlProblem(e);
    throw new FieldError('FIELD_PARSE', `${src}not valid XML: ${why}`, { source: sourceName, cause: why });
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') {
    const name = root && /^[A-Za-z_][\w.:-]{0,39}$/.test(root.nodeName) ? `<${root.nodeName}>` : 'not <kml>';
    throw new FieldError('FIELD_PARSE', `${src}not KML: the root element is ${name}, expected <kml>`, {
      source: sourceName,
    });
  }
  return kml(doc, { skipNullGeometry: false });
}
