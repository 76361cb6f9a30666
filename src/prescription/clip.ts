/**
 * A prescription map meets a field: zones are clipped to the field (holes excluded), checked for
 * overlaps, and the part of the field no zone covers becomes the `default` zone.
 */
import { PrescriptionError } from '../errors.js';
import type { Field } from '../field/index.js';
import { toXY } from '../geodesy/index.js';
import type { PolygonM } from '../geometry/index.js';
import { clipPolygons, polygonsAreaM2 } from './clip-polygons.js';
import type { Prescription, PrescriptionZone, RawPrescription } from './types.js';

/** Options of {@link clipPrescription}. */
export interface ClipOptions {
  /** Rate of the field parts no zone covers (default: the map's own, else 0). */
  defaultRatePerHa?: number;
  /** Overlap between two zones tolerated, m² (default 1: shared borders drawn by hand). */
  overlapToleranceM2?: number;
  /** Zone parts smaller than this are dropped, m² (default 0.01). */
  minAreaM2?: number;
  /**
   * A map that touches none of the field gives the whole field the default rate instead of
   * `PRESCRIPTION_MISSES_FIELD` (for one paddy of a block the map covers in part; default false).
   */
  allowMiss?: boolean;
  /** Parts of the field not to be treated (water buffer strips), field metres: zones leave them out. */
  exclude?: PolygonM[];
}

/**
 * Clips a prescription map to a field.
 * @param map - zones as read by a parser (WGS84)
 * @param field - the field to apply it on
 * @param options - default rate, tolerances
 * @returns zones tiling the field, in the field's metres
 * @throws PrescriptionError `PRESCRIPTION_MIXED_UNITS`, `PRESCRIPTION_ZONE_OVERLAP` (naming both
 *   zones), `PRESCRIPTION_MISSES_FIELD`, `PRESCRIPTION_NEGATIVE_RATE` (default rate)
 * @example
 * ```ts
 * import { readFieldFile, parsePrescriptionGeoJson, clipPrescription } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const rx = clipPrescription(parsePrescriptionGeoJson(text), paddy, { defaultRatePerHa: 70 });
 * ```
 */
export function clipPrescription(map: RawPrescription, field: Field, options: ClipOptions = {}): Prescription {
  const tolM2 = options.overlapToleranceM2 ?? 1;
  const minM2 = options.minAreaM2 ?? 0.01;
  const units = new Set(map.zones.map((z) => z.unit));
  if (units.size > 1) {
    const byUnit = [...units].map(
      (u) =>
        `${u}: ${map.zones
          .filter((z) => z.unit === u)
          .map((z) => z.id)
          .join(', ')}`,
    );
    throw new PrescriptionError('PRESCRIPTION_MIXED_UNITS', `zones in several units (${byUnit.join('; ')})`, { units: [...units] });
  }
  const unit = map.zones[0]?.unit ?? 'kg/ha';
  const defaultRatePerHa = options.defaultRatePerHa ?? map.defaultRatePerHa ?? 0;
  if (!(defaultRatePerHa >= 0) || !Number.isFinite(defaultRatePerHa)) {
    throw new PrescriptionError('PRESCRIPTION_NEGATIVE_RATE', `default rate must be a number ≥ 0, got ${defaultRatePerHa}`, {
      zone: 'default',
    });
  }
  const fieldPolys: PolygonM[] = options.exclude?.length ? clipPolygons('difference', [field.polygon], options.exclude) : [field.polygon];
  const zones: PrescriptionZone[] = [];
  const dropped: string[] = [];
  for (const z of map.zones) {
    const polys: PolygonM[] = z.lonLat.map((rings) => {
      const [outer, ...holes] = rings.map((r) => r.slice(0, -1).map((p) => toXY(field.projection, p)));
      return { outer, holes };
    });
    const clipped = clipPolygons('intersection', clipPolygons('union', polys, []), fieldPolys);
    const areaM2 = polygonsAreaM2(clipped);
    if (areaM2 < minM2) {
      dropped.push(z.id);
      continue;
    }
    for (const other of zones) {
      const common = polygonsAreaM2(clipPolygons('intersection', clipped, other.polygons));
      if (common > tolM2) {
        throw new PrescriptionError(
          'PRESCRIPTION_ZONE_OVERLAP',
          `zones "${other.id}" and "${z.id}" overlap by ${common.toFixed(1)} m² inside the field`,
          {
            zone: z.id,
            other: other.id,
            areaM2: common,
          },
        );
      }
    }
    zones.push({ id: z.id, ratePerHa: z.ratePerHa, polygons: clipped, areaM2, isDefault: false });
  }
  if (zones.length === 0 && !options.allowMiss) {
    throw new PrescriptionError(
      'PRESCRIPTION_MISSES_FIELD',
      `no zone of the map touches field "${field.id}" (zones ${dropped.join(', ')})`,
      { field: field.id, zones: dropped },
    );
  }
  const rest = clipPolygons(
    'difference',
    fieldPolys,
    zones.flatMap((z) => z.polygons),
  );
  const restM2 = polygonsAreaM2(rest);
  if (restM2 >= Math.max(minM2, tolM2))
    zones.push({ id: 'default', ratePerHa: defaultRatePerHa, polygons: rest, areaM2: restM2, isDefault: true });
  const prescribedKg = zones.reduce((a, z) => a + (z.ratePerHa * z.areaM2) / 10_000, 0);
  return { fieldId: field.id, unit, product: unit === 'kg/ha' ? 'granular' : 'liquid', defaultRatePerHa, zones, dropped, prescribedKg };
}
