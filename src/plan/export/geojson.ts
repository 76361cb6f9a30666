import type { PlanMetrics, Plan, RefillStop, RouteSegment } from '../types.js';
import { polylineLength } from '../../geometry/index.js';
import { closedRing, lonLatOf, roundDeg } from './lonlat.js';
import { multiPolygonOf, type PrescriptionExport } from './prescription-parts.js';
import { roundTo } from '../../units/index.js';

/** Every `properties.kind` of a plan feature (docs/contracts.md "Plan output"). */
export type PlanFeatureKind = 'boundary' | 'hole' | 'headland' | 'cell' | 'swath' | 'turn' | 'transit' | 'refill' | 'zone' | 'buffer';

/** Geometry types used by plan features. */
export type PlanGeometry =
  | { type: 'Point'; coordinates: [number, number] }
  | { type: 'LineString'; coordinates: [number, number][] }
  | { type: 'Polygon'; coordinates: [number, number][][] }
  | { type: 'MultiPolygon'; coordinates: [number, number][][][] };

/**
 * One plan feature. `seq` is the order along the route, from 1: route segments and refill stops
 * are numbered together in the order they happen. Features that are not on the route
 * (`boundary`, `hole`, `headland`, `cell`) have `seq` 0.
 */
export interface PlanFeature {
  type: 'Feature';
  properties: { kind: PlanFeatureKind; seq: number; [key: string]: unknown };
  geometry: PlanGeometry;
}

/** The plan as GeoJSON: a FeatureCollection in WGS84 with the metrics as foreign member `properties.agrisim`. */
export interface PlanFeatureCollection {
  type: 'FeatureCollection';
  properties: {
    agrisim: PlanMetrics;
    fieldId: string;
    fieldName: string;
    vehicleId: string;
    /** Where the machine starts and refills, `[lon, lat]`. */
    servicePoint: [number, number];
    /** Plans exported with a prescription: its unit, default rate and product prescribed, kg (L). */
    prescription?: { unit: string; defaultRatePerHa: number; prescribedKg: number; zones: number };
  };
  features: PlanFeature[];
}

const round2 = (v: number) => roundTo(v, 2);

function segmentProps(s: RouteSegment, index: number, seq: number, widthM: number): PlanFeature['properties'] {
  const base = { kind: s.kind, seq, segment: index, sortie: s.sortie, reverse: s.reverse, lengthM: round2(polylineLength(s.points)) };
  // a narrowed pass (rows switched off) carries its own width; the checker reads it per swath
  if (s.kind === 'swath')
    return {
      ...base,
      widthM: s.widthM ?? widthM,
      cellId: s.cellId,
      swathIndex: s.swathIndex,
      headlandLap: s.headlandLap,
      ...(s.rowsOffsetM !== undefined ? { rowsOffsetM: s.rowsOffsetM } : {}),
    };
  if (s.kind === 'turn') return { ...base, widthM, turnType: s.turnType ?? 'path', cellId: s.cellId };
  return { ...base, purpose: s.transitPurpose ?? 'cell' };
}

function staticFeatures(plan: Plan, ll: ReturnType<typeof lonLatOf>): PlanFeature[] {
  const out: PlanFeature[] = [];
  const lonLat = plan.field.lonLat.map((ring) => ring.map(([lon, lat]) => [roundDeg(lon), roundDeg(lat)] as [number, number]));
  out.push({
    type: 'Feature',
    properties: { kind: 'boundary', seq: 0, fieldId: plan.field.id, name: plan.field.name, areaHa: plan.metrics.field.areaHa },
    geometry: { type: 'Polygon', coordinates: [lonLat[0]] },
  });
  lonLat
    .slice(1)
    .forEach((ring, hole) =>
      out.push({ type: 'Feature', properties: { kind: 'hole', seq: 0, hole }, geometry: { type: 'Polygon', coordinates: [ring] } }),
    );
  plan.headland.rings.forEach((rings, lap) =>
    rings.forEach((ring, ringIndex) =>
      out.push({
        type: 'Feature',
        properties: { kind: 'headland', seq: 0, lap, ring: ringIndex, widthM: plan.vehicle.workingWidthM },
        geometry: { type: 'LineString', coordinates: closedRing(ring, ll) },
      }),
    ),
  );
  for (const c of plan.cells)
    out.push({
      type: 'Feature',
      properties: { kind: 'cell', seq: 0, cellId: c.id, swathCount: c.swathCount },
      geometry: { type: 'Polygon', coordinates: [closedRing(c.polygon.outer, ll), ...c.polygon.holes.map((h) => closedRing(h, ll))] },
    });
  return out;
}

/** Zones (`kind: zone`, with `rateKgPerHa` or `rateLPerHa` so the features read back as a prescription) and water buffer strips. */
function prescriptionFeatures(extra: PrescriptionExport, ll: ReturnType<typeof lonLatOf>): PlanFeature[] {
  const rx = extra.prescription;
  const zones: PlanFeature[] = (rx?.zones ?? []).map((z) => ({
    type: 'Feature',
    properties: {
      kind: 'zone',
      seq: 0,
      id: z.id,
      [rx!.unit === 'kg/ha' ? 'rateKgPerHa' : 'rateLPerHa']: z.ratePerHa,
      areaHa: Math.round(z.areaM2) / 10_000,
      isDefault: z.isDefault,
    },
    geometry: { type: 'MultiPolygon', coordinates: multiPolygonOf(z.polygons, ll) },
  }));
  const buffers: PlanFeature[] = (extra.buffer ?? []).map((p, i) => ({
    type: 'Feature',
    properties: { kind: 'buffer', seq: 0, buffer: i + 1 },
    geometry: { type: 'MultiPolygon', coordinates: multiPolygonOf([p], ll) },
  }));
  return [...zones, ...buffers];
}

/**
 * Converts a plan to the docs/contracts.md "Plan output" GeoJSON: a FeatureCollection in WGS84
 * (coordinates rounded to 1e-8 degree) with `boundary`, `hole`, `headland` (closed LineString per
 * lap centre line), `cell`, then the route in order — `swath` (implement on; headland passes carry
 * `headlandLap` ≥ 0), `turn` (`turnType`, `reverse`), `transit` (`purpose`), `refill` (Point at the
 * service point with `durationS`, `reason`) — and the metrics in `properties.agrisim`.
 *
 * @param plan - a plan from `planField`
 * @returns the FeatureCollection (plain JSON data)
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, planToGeoJson } from 'agrisim';
 * const [paddy] = await readFieldFile('fields/paddy-40x120.geojson');
 * const fc = planToGeoJson(planField(paddy, getVehicle('drone')));
 * console.log(fc.features.filter((f) => f.properties.kind === 'swath').length, fc.properties.agrisim.coveragePct);
 * ```
 */
export function planToGeoJson(plan: Plan, extra: PrescriptionExport = {}): PlanFeatureCollection {
  const ll = lonLatOf(plan);
  const features = [
    ...staticFeatures(plan, ll),
    ...prescriptionFeatures(extra, ll),
    ...routeFeatures(plan.route, plan.refills, ll, plan.vehicle.workingWidthM),
  ];
  const rx = extra.prescription;
  return {
    type: 'FeatureCollection',
    properties: {
      agrisim: plan.metrics,
      fieldId: plan.field.id,
      fieldName: plan.field.name,
      vehicleId: plan.vehicle.id,
      servicePoint: ll(plan.servicePoint),
      ...(rx
        ? {
            prescription: {
              unit: rx.unit,
              defaultRatePerHa: rx.defaultRatePerHa,
              prescribedKg: Math.round(rx.prescribedKg * 1000) / 1000,
              zones: rx.zones.length,
            },
          }
        : {}),
    },
    features,
  };
}

/**
 * The route part of a plan GeoJSON: segments and refill stops in the order they happen, `seq`
 * from 1 (see {@link planToGeoJson}). `extra` adds properties to a segment's feature (a block
 * plan tags each with its machine and paddy); a refill stop gets those of the segment before it.
 *
 * @param route - route segments in local metres
 * @param refills - stops, `afterSegment` indexing `route`
 * @param ll - local metres to `[lon, lat]`
 * @param widthM - working width put on swath and turn features (a narrowed swath puts its own)
 */
export function routeFeatures(
  route: readonly RouteSegment[],
  refills: readonly RefillStop[],
  ll: (xy: readonly number[]) => [number, number],
  widthM: number,
  extra: (s: RouteSegment, index: number) => Record<string, unknown> = () => ({}),
): PlanFeature[] {
  const features: PlanFeature[] = [];
  const refillsAfter = new Map<number, RefillStop[]>();
  for (const r of refills) refillsAfter.set(r.afterSegment, [...(refillsAfter.get(r.afterSegment) ?? []), r]);
  let seq = 0;
  route.forEach((s, i) => {
    seq++;
    const more = extra(s, i);
    features.push({
      type: 'Feature',
      properties: { ...segmentProps(s, i, seq, widthM), ...more },
      geometry: { type: 'LineString', coordinates: s.points.map(ll) },
    });
    for (const r of refillsAfter.get(i) ?? []) {
      seq++;
      features.push({
        type: 'Feature',
        properties: { kind: 'refill', seq, afterSegment: i, sortie: s.sortie, durationS: r.durationS, reason: r.reason, ...more },
        geometry: { type: 'Point', coordinates: ll(r.at) },
      });
    }
  });
  return features;
}
