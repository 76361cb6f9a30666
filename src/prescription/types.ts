import type { PolygonM } from '../geometry/index.js';

/** Unit of a zone rate: granular product in kg/ha, or liquid in L/ha. */
export type RateUnit = 'kg/ha' | 'L/ha';

/** One zone as read from a prescription file, before it meets a field (WGS84). */
export interface RawZone {
  /** Zone id: the feature's `id`, `properties.id`, the shapefile's ID column, or the TZN code. */
  id: string;
  /** Rate in `unit` per hectare. */
  ratePerHa: number;
  /** kg/ha or L/ha. */
  unit: RateUnit;
  /** Polygons as GeoJSON MultiPolygon coordinates, `[lon, lat]`. */
  lonLat: number[][][][];
}

/** A prescription map as read from a file: zones in WGS84, optional default rate. */
export interface RawPrescription {
  /** Zones in file order. */
  zones: RawZone[];
  /** Rate of field parts that no zone covers, when the file says one (ISOXML default TZN, GeoJSON `defaultRate…`). */
  defaultRatePerHa?: number;
  /** Where it came from: `geojson`, `shapefile` or `isoxml`. */
  source: 'geojson' | 'shapefile' | 'isoxml';
}

/** One zone clipped to the field, in the field's local metres. */
export interface PrescriptionZone {
  /** Zone id (`default` for the uncovered rest of the field). */
  id: string;
  /** Rate, in the prescription's unit per hectare. */
  ratePerHa: number;
  /** The zone's part of the field (holes excluded), local metres. */
  polygons: PolygonM[];
  /** Area of `polygons`, m². */
  areaM2: number;
  /** True for the zone made of the field parts no map zone covers. */
  isDefault: boolean;
}

/**
 * A prescription clipped to one field: zones that tile the field exactly (the last one, `default`,
 * holds what the map left uncovered, when any), every rate in one unit.
 */
export interface Prescription {
  /** Id of the field it was clipped to. */
  fieldId: string;
  /** Unit of every rate. */
  unit: RateUnit;
  /** `granular` for kg/ha maps (spinner-disc pattern, ballistic drift), `liquid` for L/ha (nozzles, spray drift). */
  product: 'granular' | 'liquid';
  /** Rate given to field parts no map zone covers. */
  defaultRatePerHa: number;
  /** Zones tiling the field, map order, `default` last. */
  zones: PrescriptionZone[];
  /** Ids of map zones that do not touch the field (dropped). */
  dropped: string[];
  /** Product the map prescribes on the field, kg (L for liquids, taken as kg at density 1). */
  prescribedKg: number;
}
