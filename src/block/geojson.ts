/**
 * The block plan as GeoJSON (docs/contracts.md "Block plan output"): the block's paddies (`boundary`
 * with `paddy`, `owner`; `hole`), roads, gates, depots and nofly areas, then every machine's
 * route written by the plan stage's route writer, each feature tagged with `vehicle` and, inside
 * a paddy, `paddy`; `seq` counts along each machine's route. Metrics in `properties.agrisim`.
 */
import { toLonLat } from '../geodesy/index.js';
import type { XY } from '../geometry/index.js';
import { routeFeatures, type PlanFeature } from '../plan/index.js';
import type { Block, BlockMetrics, BlockPlan } from './types.js';

/** Exported coordinates: 1e-8 degree, as single-field plans. */
const DEG_SCALE = 1e8;

/** A feature of the block itself in the plan: `road`, `gate`, `depot`, `nofly` or `buffer` (`seq` 0). */
export interface BlockFeature {
  type: 'Feature';
  properties: { kind: 'road' | 'gate' | 'depot' | 'nofly' | 'buffer'; seq: 0; id: string; [key: string]: unknown };
  geometry: PlanFeature['geometry'];
}

/** The block plan as a FeatureCollection with the block metrics as foreign member `properties.agrisim`. */
export interface BlockPlanFeatureCollection {
  type: 'FeatureCollection';
  properties: { agrisim: BlockMetrics; block: string; vehicle: string; machines: number };
  features: (PlanFeature | BlockFeature)[];
}

function lonLatFn(block: Block): (xy: readonly number[]) => [number, number] {
  return (xy) => {
    const [lon, lat] = toLonLat(block.projection, xy);
    return [Math.round(lon * DEG_SCALE) / DEG_SCALE, Math.round(lat * DEG_SCALE) / DEG_SCALE];
  };
}

function blockFeatures(block: Block, ll: (xy: readonly number[]) => [number, number]): (PlanFeature | BlockFeature)[] {
  const ring = (r: readonly XY[]) => [...r, r[0]].map(ll);
  const out: (PlanFeature | BlockFeature)[] = [];
  for (const p of block.paddies) {
    out.push({
      type: 'Feature',
      properties: {
        kind: 'boundary',
        seq: 0,
        paddy: p.id,
        fieldId: p.id,
        name: p.name,
        owner: p.owner,
        areaHa: Math.round(p.areaHa * 1e4) / 1e4,
      },
      geometry: { type: 'Polygon', coordinates: [ring(p.polygon.outer)] },
    });
    p.polygon.holes.forEach((h, hole) =>
      out.push({
        type: 'Feature',
        properties: { kind: 'hole', seq: 0, paddy: p.id, hole },
        geometry: { type: 'Polygon', coordinates: [ring(h)] },
      }),
    );
  }
  for (const r of block.roads)
    out.push({
      type: 'Feature',
      properties: { kind: 'road', seq: 0, id: r.id, widthM: r.widthM },
      geometry: { type: 'LineString', coordinates: r.points.map(ll) },
    });
  for (const g of block.gates)
    out.push({
      type: 'Feature',
      properties: { kind: 'gate', seq: 0, id: g.id, paddy: g.paddy },
      geometry: { type: 'Point', coordinates: ll(g.at) },
    });
  for (const d of block.depots)
    out.push({
      type: 'Feature',
      properties: { kind: 'depot', seq: 0, id: d.id, serves: d.serves, crews: d.crews },
      geometry: { type: 'Point', coordinates: ll(d.at) },
    });
  for (const n of block.nofly)
    out.push({
      type: 'Feature',
      properties: { kind: 'nofly', seq: 0, id: n.id },
      geometry: { type: 'Polygon', coordinates: [ring(n.polygon.outer), ...n.polygon.holes.map(ring)] },
    });
  for (const b of block.buffers ?? [])
    out.push({
      type: 'Feature',
      properties: { kind: 'buffer', seq: 0, id: b.id, bufferM: b.bufferM ?? 0 },
      geometry: { type: 'Polygon', coordinates: [ring(b.polygon.outer), ...b.polygon.holes.map(ring)] },
    });
  return out;
}

/**
 * Converts a block plan to GeoJSON (docs/contracts.md "Block plan output").
 * @example
 * ```ts
 * import { readBlockFile, planBlock, blockPlanToGeoJson } from 'agrisim';
 * const fc = blockPlanToGeoJson(planBlock(await readBlockFile('fields/thai-binh-block.geojson'), 'transplanter', { machines: 3 }));
 * console.log(fc.properties.agrisim.makespanS);
 * ```
 */
export function blockPlanToGeoJson(plan: BlockPlan): BlockPlanFeatureCollection {
  const ll = lonLatFn(plan.block);
  const features = blockFeatures(plan.block, ll);
  for (const m of plan.machines)
    features.push(
      ...routeFeatures(m.route, m.refills, ll, m.vehicle.workingWidthM, (s) => {
        const seg = s as (typeof m.route)[number];
        return seg.paddy !== undefined
          ? { vehicle: m.id, paddy: seg.paddy, ...(seg.road ? { road: true } : {}) }
          : { vehicle: m.id, ...(seg.road ? { road: true } : {}) };
      }),
    );
  return {
    type: 'FeatureCollection',
    properties: { agrisim: plan.metrics, block: plan.block.name, vehicle: plan.kind, machines: plan.machines.length },
    features,
  };
}
