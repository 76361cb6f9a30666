import { extname } from 'node:path';

/** Export formats of a plan. */
export type PlanFormat = 'geojson' | 'kml' | 'qgc' | 'isoxml';

/** Every plan export format, in the order the CLI lists them. */
export const PLAN_FORMATS: readonly PlanFormat[] = ['geojson', 'kml', 'qgc', 'isoxml'];

/** The file extension written for each format (ISOXML's file is conventionally TASKDATA.XML). */
export const PLAN_FORMAT_EXTENSIONS: Readonly<Record<PlanFormat, string>> = {
  geojson: '.geojson',
  kml: '.kml',
  qgc: '.plan',
  isoxml: '.xml',
};

/**
 * The export format for an output path, by extension: `.geojson`/`.json` → geojson, `.kml` → kml,
 * `.plan` → qgc (QGroundControl), `.xml` → isoxml (ISO 11783-10 TASKDATA.XML); else undefined.
 * Named apart from the field stage's `formatFromPath`, which picks an input format.
 *
 * @param path - an output file name
 * @returns the format, or undefined when the extension says nothing
 * @example
 * ```ts
 * import { planFormatFromPath } from 'agrisim';
 * planFormatFromPath('out/paddy.plan'); // 'qgc'
 * ```
 */
export function planFormatFromPath(path: string): PlanFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.geojson' || ext === '.json') return 'geojson';
  if (ext === '.kml') return 'kml';
  if (ext === '.plan') return 'qgc';
  if (ext === '.xml') return 'isoxml';
  return undefined;
}
