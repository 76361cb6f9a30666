import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { FieldError } from '../errors.js';

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
    const why = e instanceof Error ? e.message : String(e);
    const short = /Error: ([^\n]*)$/.exec(why.split('\n')[0])?.[1] ?? why.split('\n')[0];
    throw new FieldError('FIELD_PARSE', `${src}not valid XML: ${short}`, { source: sourceName, cause: why });
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') {
    throw new FieldError('FIELD_PARSE', `${src}not KML: the root element is <${root?.nodeName ?? 'none'}>, expected <kml>`, {
      source: sourceName,
    });
  }
  return kml(doc, { skipNullGeometry: false });
}
