/**
 * Water buffer strips: a paddy's edge toward the canal that no product may be aimed at. The field
 * is shrunk by the strip width for planning (so the spreader stays shut over it) and the strip is
 * kept to measure what still lands in it.
 */
import { PrescriptionError } from '../errors.js';
import type { Field } from '../field/index.js';
import { toLonLat } from '../geodesy/index.js';
import { offsetPolygons, signedArea, withWinding } from '../geometry/index.js';
import type { PolygonM, XY } from '../geometry/index.js';
import { clipPolygons, polygonsAreaM2 } from './clip-polygons.js';

/** A field with its buffer strip taken out. */
export interface BufferedField {
  /** The part to work: the field shrunk by the strip width (the largest piece, same projection and id). */
  worked: Field;
  /** The strip along the boundary (and around holes), local metres. */
  buffer: PolygonM[];
  /** Strip width, m. */
  bufferM: number;
}

/** Options of {@link withoutBuffer}. */
export interface BufferOptions {
  /**
   * Where product lands from where it leaves the machine, field metres (downwind carry × the unit
   * vector the wind blows toward). The strip widens by it on the downwind edges: the spreader is
   * shut that much earlier before the buffer, so the carried product still lands outside it.
   */
  driftShiftM?: XY;
}

/**
 * Takes a strip of `bufferM` metres along the field's boundary out of the worked area.
 * @param field - the paddy
 * @param bufferM - strip width, m (0 to 100)
 * @param options - the drift shift that widens the strip downwind
 * @throws PrescriptionError `PRESCRIPTION_INVALID_OPTION` for a width out of range or one that leaves nothing to work
 * @example
 * ```ts
 * import { readFieldFile, withoutBuffer } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const { worked, buffer } = withoutBuffer(paddy, 3); // plan `worked`, measure drift into `buffer`
 * ```
 */
export function withoutBuffer(field: Field, bufferM: number, options: BufferOptions = {}): BufferedField {
  if (!Number.isFinite(bufferM) || bufferM < 0 || bufferM > 100) {
    throw new PrescriptionError('PRESCRIPTION_INVALID_OPTION', `buffer must be 0 to 100 m, got ${bufferM}`, {
      key: 'bufferM',
      value: bufferM,
    });
  }
  if (bufferM === 0) return { worked: field, buffer: [], bufferM };
  const [sx, sy] = options.driftShiftM ?? [0, 0];
  let pieces = offsetPolygons([field.polygon], -bufferM, 'miter');
  if (Math.hypot(sx, sy) > 1e-3) {
    // a point may be spread from only when its product, carried by (sx, sy), lands in the worked area
    const back = (p: PolygonM): PolygonM => ({
      outer: p.outer.map(([x, y]) => [x - sx, y - sy]),
      holes: p.holes.map((h) => h.map(([x, y]) => [x - sx, y - sy])),
    });
    pieces = clipPolygons('intersection', pieces, pieces.map(back));
  }
  const largest = pieces.sort((a, b) => polygonsAreaM2([b]) - polygonsAreaM2([a]))[0];
  if (!largest) {
    throw new PrescriptionError('PRESCRIPTION_INVALID_OPTION', `a ${bufferM} m buffer leaves nothing of field "${field.id}" to work`, {
      key: 'bufferM',
      value: bufferM,
      field: field.id,
    });
  }
  const polygon: PolygonM = { outer: withWinding(largest.outer, true), holes: largest.holes.map((h) => withWinding(h, false)) };
  const close = (r: number[][]) => [...r, r[0]];
  const worked: Field = {
    ...field,
    polygon,
    lonLat: [polygon.outer, ...polygon.holes].map((r) => close(r.map((p) => toLonLat(field.projection, p)))),
    areaM2: Math.abs(signedArea(polygon.outer)) - polygon.holes.reduce((a, h) => a + Math.abs(signedArea(h)), 0),
  };
  return { worked, buffer: clipPolygons('difference', [field.polygon], [polygon]), bufferM };
}
