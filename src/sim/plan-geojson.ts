/**
 * The plans of a run as one DESIGN.md plan FeatureCollection (WGS84): boundary, holes and the
 * route (swath, turn, transit) with `kind`, `seq` and `widthM`, plus the service point as a
 * `refill` feature. Enough for a viewer to draw the run before its first frame. `properties.agrisim`
 * holds each plan's metrics without `planMs` (a wall-clock time would break byte-identical recordings).
 */
import { toLonLat } from '../field/projection.js';
import type { Plan } from '../plan/types.js';
import type { SimDescription } from './types.js';

type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };

/** Converts plans to one FeatureCollection; `properties.agrisim` holds each plan's metrics. */
export function plansToGeoJson(plans: readonly Plan[]): SimDescription['planGeoJson'] {
  const features: Feature[] = [];
  let seq = 0;
  for (const plan of plans) {
    const proj = plan.field.projection;
    const ll = (p: readonly number[]) => toLonLat(proj, p);
    const ring = (r: readonly (readonly number[])[]) => [...r.map(ll), ll(r[0])];
    const fieldId = plan.field.id;
    features.push({ type: 'Feature', properties: { kind: 'boundary', seq: seq++, fieldId }, geometry: { type: 'Polygon', coordinates: [ring(plan.field.polygon.outer)] } });
    for (const h of plan.field.polygon.holes) {
      features.push({ type: 'Feature', properties: { kind: 'hole', seq: seq++, fieldId }, geometry: { type: 'Polygon', coordinates: [ring(h)] } });
    }
    for (const s of plan.route) {
      const props: Record<string, unknown> = { kind: s.kind, seq: seq++, fieldId, sortie: s.sortie };
      if (s.kind !== 'transit') props.widthM = plan.vehicle.workingWidthM;
      if (s.turnType) props.turnType = s.turnType;
      if (s.transitPurpose) props.transitPurpose = s.transitPurpose;
      features.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: s.points.map(ll) } });
    }
    features.push({ type: 'Feature', properties: { kind: 'refill', seq: seq++, fieldId, refills: plan.refills.length }, geometry: { type: 'Point', coordinates: ll(plan.servicePoint) } });
  }
  // planMs is wall-clock time: left out so the same inputs give byte-identical recordings
  const metrics = plans.map((p) => Object.fromEntries(Object.entries(p.metrics ?? {}).filter(([k]) => k !== 'planMs')));
  return { type: 'FeatureCollection', features, properties: { agrisim: metrics } };
}
