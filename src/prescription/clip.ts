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

/** The map's one unit. @throws PrescriptionError `PRESCRIPTION_MIXED_UNITS` listing the zones of each unit */
function mapUnit(map: RawPrescription): Prescription['unit'] {
  const units = new Set(map.zones.map((zone) => zone.unit));
  if (units.size > 1) {
    const byUnit = [...units].map(
      (unit) =>
        `${unit}: ${map.zones
          .filter((zone) => zone.unit === unit)
          .map((zone) => zone.id)
          .join(', ')}`,
    );
    throw new PrescriptionError('PRESCRIPTION_MIXED_UNITS', `zones in several units (${byUnit.join('; ')})`, { units: [...units] });
  }
  return map.zones[0]?.unit ?? 'kg/ha';
}

/** The rate of the field no zone covers: the option's, else the map's, else 0. @throws PrescriptionError `PRESCRIPTION_NEGATIVE_RATE` */
function defaultRate(map: RawPrescription, options: ClipOptions): number {
  const defaultRatePerHa = options.defaultRatePerHa ?? map.defaultRatePerHa ?? 0;
  if (!(defaultRatePerHa >= 0) || !Number.isFinite(defaultRatePerHa)) {
    throw new PrescriptionError('PRESCRIPTION_NEGATIVE_RATE', `default rate must be a number ≥ 0, got ${defaultRatePerHa}`, {
      zone: 'default',
    });
  }
  return defaultRatePerHa;
}

/** A zone's polygons in the field's metres (rings open), merged, clipped to the field. */
function zoneInField(zone: RawPrescription['zones'][number], field: Field, fieldPolygons: PolygonM[]): PolygonM[] {
  const polygons: PolygonM[] = zone.lonLat.map((rings) => {
    const [outer, ...holes] = rings.map((ring) => ring.slice(0, -1).map((lonLat) => toXY(field.projection, lonLat)));
    return { outer, holes };
  });
  return clipPolygons('intersection', clipPolygons('union', polygons, []), fieldPolygons);
}

/** @throws PrescriptionError `PRESCRIPTION_ZONE_OVERLAP` when `clipped` overlaps a kept zone by more than the tolerance */
function checkNoOverlap(zoneId: string, clipped: PolygonM[], kept: readonly PrescriptionZone[], toleranceM2: number): void {
  for (const other of kept) {
    const commonM2 = polygonsAreaM2(clipPolygons('intersection', clipped, other.polygons));
    if (commonM2 > toleranceM2) {
      throw new PrescriptionError(
        'PRESCRIPTION_ZONE_OVERLAP',
        `zones "${other.id}" and "${zoneId}" overlap by ${commonM2.toFixed(1)} m² inside the field`,
        {
          zone: zoneId,
          other: other.id,
          areaM2: commonM2,
        },
      );
    }
  }
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
 * import { readFileSync } from 'node:fs';
 * import { readFieldFile, parsePrescriptionGeoJson, clipPrescription } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const text = readFileSync('fields/prescriptions/paddy-40x120-zones.geojson', 'utf8');
 * const rx = clipPrescription(parsePrescriptionGeoJson(text), paddy, { defaultRatePerHa: 70 });
 * ```
 */
export function clipPrescription(map: RawPrescription, field: Field, options: ClipOptions = {}): Prescription {
  const toleranceM2 = options.overlapToleranceM2 ?? 1;
  const minM2 = options.minAreaM2 ?? 0.01;
  const unit = mapUnit(map);
  const defaultRatePerHa = defaultRate(map, options);
  const fieldPolygons: PolygonM[] = options.exclude?.length
    ? clipPolygons('difference', [field.polygon], options.exclude)
    : [field.polygon];
  const zones: PrescriptionZone[] = [];
  const dropped: string[] = [];
  for (const zone of map.zones) {
    const clipped = zoneInField(zone, field, fieldPolygons);
    const areaM2 = polygonsAreaM2(clipped);
    if (areaM2 < minM2) {
      dropped.push(zone.id);
      continue;
    }
    checkNoOverlap(zone.id, clipped, zones, toleranceM2);
    zones.push({ id: zone.id, ratePerHa: zone.ratePerHa, polygons: clipped, areaM2, isDefault: false });
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
    fieldPolygons,
    zones.flatMap((zone) => zone.polygons),
  );
  const restM2 = polygonsAreaM2(rest);
  if (restM2 >= Math.max(minM2, toleranceM2))
    zones.push({ id: 'default', ratePerHa: defaultRatePerHa, polygons: rest, areaM2: restM2, isDefault: true });
  const prescribedKg = zones.reduce((a, zone) => a + (zone.ratePerHa * zone.areaM2) / 10_000, 0);
  return { fieldId: field.id, unit, product: unit === 'kg/ha' ? 'granular' : 'liquid', defaultRatePerHa, zones, dropped, prescribedKg };
}
