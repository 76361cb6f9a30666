/**
 * KML blocks (Google Earth): Placemarks become GeoJSON features. A Placemark's kind comes from
 * its ExtendedData `kind`, else from the name of the folder it sits in ("Paddies", "Roads",
 * "Gates", "Depots", "No-fly", or the Vietnamese "Ruộng", "Đường", "Cổng", "Kho", "Cấm bay").
 */
import { kmlWithFolders } from '@tmcw/togeojson';
import { BlockError } from '../errors.js';
import { readKmlDocument } from '../field/index.js';

type Obj = Record<string, unknown>;

/** Folder name (lower case, accents kept) → kind. First match wins. */
const FOLDER_KINDS: [RegExp, string][] = [
  [/^(paddy|paddies|field|fields|ruộng|thửa)/, 'paddy'],
  [/^(road|roads|đường|bờ vùng)/, 'road'],
  [/^(gate|gates|cổng|cửa)/, 'gate'],
  [/^(depot|depots|kho|bãi|điểm nạp)/, 'depot'],
  [/^(no[- ]?fly|nofly|cấm bay|vùng cấm)/, 'nofly'],
  [/^(buffer|buffers|water|canal|pond|kênh|mương|ao|vùng đệm)/, 'buffer'],
];

/** The kind a folder name implies, if any. */
export function kindOfFolder(name: string): string | undefined {
  const n = name.trim().toLowerCase();
  return FOLDER_KINDS.find(([re]) => re.test(n))?.[1];
}

interface KmlNode {
  type: string;
  meta?: Obj;
  properties?: Obj;
  children?: KmlNode[];
}

function walk(node: KmlNode, folderKind: string | undefined, out: Obj[]): void {
  if (node.type === 'Feature') {
    const properties = { ...(node.properties ?? {}) };
    if (properties.kind === undefined && folderKind) properties.kind = folderKind;
    out.push({ ...(node as unknown as Obj), properties });
    return;
  }
  const name = typeof node.meta?.name === 'string' ? node.meta.name : '';
  const kind = node.type === 'folder' ? (kindOfFolder(name) ?? folderKind) : folderKind;
  for (const c of node.children ?? []) walk(c, kind, out);
}

/**
 * Parses KML text to a GeoJSON FeatureCollection with `properties.kind` set from ExtendedData
 * or the enclosing folder's name.
 * @throws BlockError BLOCK_PARSE when the text is not well-formed KML
 */
export function kmlToBlockCollection(text: string, sourceName?: string): { type: 'FeatureCollection'; features: Obj[] } {
  const read = readKmlDocument(text);
  if ('problem' in read)
    throw new BlockError('BLOCK_PARSE', `${sourceName ? `${sourceName}: ` : ''}${read.problem}`, { source: sourceName });
  const root = kmlWithFolders(read.doc) as unknown as KmlNode;
  const features: Obj[] = [];
  walk(root, undefined, features);
  return { type: 'FeatureCollection', features };
}
