/**
 * What a viewer needs to draw a block run before its first frame: the block (paddies with
 * their household, roads, gates, depots, no-fly areas) in WGS84 and a light plan GeoJSON
 * (paddy boundaries, holes, depots as `refill` points, each machine's swaths tagged by `vehicle` and `paddy`).
 * Turns and in-paddy transits are left out of the plan drawing: on an 80-paddy block they
 * would make the snapshot several times larger and the viewer draws coverage over them anyway.
 */
import type { BlockPlan } from '../../block/index.js';
import { toLonLat, type LocalProjection } from '../../geodesy/index.js';
import type { PolygonM, XY } from '../../geometry/index.js';
import type { DoseOptions } from '../dose/index.js';
import type { BlockDescription, SimDescription } from '../types.js';

type LonLat = [number, number];
type Feature = { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } };

/** Degrees rounded to 1e-7 (about 1 cm): compact snapshots, the same bytes every run. */
const r7 = (v: number) => Math.round(v * 1e7) / 1e7;

function lonLatOf(proj: LocalProjection): (p: readonly number[]) => LonLat {
  return (p) => {
    const [lon, lat] = toLonLat(proj, p);
    return [r7(lon), r7(lat)];
  };
}

/** Closed WGS84 rings of a polygon in block metres. */
function ringsOf(ll: (p: XY) => LonLat, outer: readonly XY[], holes: readonly (readonly XY[])[]): LonLat[][] {
  return [outer, ...holes].map((r) => [...r.map(ll), ll(r[0])]);
}

/** The block of a plan, in WGS84, for {@link SimDescription.block}. */
export function blockDescription(plan: BlockPlan): BlockDescription {
  const { block } = plan;
  const ll = lonLatOf(block.projection);
  return {
    kind: plan.kind,
    paddies: block.paddies.map((p) => ({
      id: p.id,
      owner: p.owner,
      name: p.name,
      areaHa: p.areaHa,
      rings: ringsOf(ll, p.polygon.outer, p.polygon.holes),
    })),
    roads: block.roads.map((r) => ({ id: r.id, widthM: r.widthM, line: r.points.map(ll) })),
    gates: block.gates.map((g) => ({ id: g.id, paddy: g.paddy, at: ll(g.at) })),
    depots: block.depots.map((d) => ({ id: d.id, at: ll(d.at), crews: d.crews, serves: [...d.serves] })),
    nofly: block.nofly.map((n) => ({ id: n.id, rings: ringsOf(ll, n.polygon.outer, n.polygon.holes) })),
    machines: plan.machines.map((m) => ({ id: m.id, kind: m.kind, paddies: [...m.paddies], depot: m.depot })),
    planMakespanS: plan.metrics.makespanS,
  };
}

/**
 * The dose parts of the drawing: each paddy's prescription zones (`kind: zone`, id `paddy:zone`,
 * with `rateKgPerHa` or `rateLPerHa`) and the water buffers and strips (`kind: buffer`), as a
 * single run's plan GeoJSON carries them, so a viewer draws the prescription beside the dose.
 */
function doseFeatures(ll: (p: XY) => LonLat, dose: Pick<DoseOptions, 'prescriptions' | 'buffers'>, paddies: readonly string[]): Feature[] {
  const multi = (polys: readonly PolygonM[]) => polys.map((p) => ringsOf(ll, p.outer, p.holes));
  const out: Feature[] = [];
  dose.prescriptions?.forEach((rx, i) => {
    for (const z of rx?.zones ?? []) {
      const props = {
        kind: 'zone',
        seq: 0,
        id: `${paddies[i]}:${z.id}`,
        paddy: paddies[i],
        [rx!.unit === 'kg/ha' ? 'rateKgPerHa' : 'rateLPerHa']: z.ratePerHa,
        areaHa: Math.round(z.areaM2) / 10_000,
        isDefault: z.isDefault,
      };
      out.push({ type: 'Feature', properties: props, geometry: { type: 'MultiPolygon', coordinates: multi(z.polygons) } });
    }
  });
  let n = 0;
  for (const strips of dose.buffers ?? []) {
    for (const p of strips ?? [])
      out.push({
        type: 'Feature',
        properties: { kind: 'buffer', seq: 0, buffer: ++n },
        geometry: { type: 'MultiPolygon', coordinates: multi([p]) },
      });
  }
  return out;
}

/** A docs/contracts.md plan FeatureCollection for drawing: boundaries, holes and swaths of every machine (and the dose's zones and buffers). */
export function blockPlanDrawing(plan: BlockPlan, dose?: Pick<DoseOptions, 'prescriptions' | 'buffers'>): SimDescription['planGeoJson'] {
  const ll = lonLatOf(plan.block.projection);
  const features: Feature[] = [];
  let seq = 0;
  for (const p of plan.block.paddies) {
    const props = { kind: 'boundary', seq: seq++, paddy: p.id, owner: p.owner };
    features.push({
      type: 'Feature',
      properties: props,
      geometry: { type: 'Polygon', coordinates: [ringsOf(ll, p.polygon.outer, [])[0]] },
    });
    for (const h of p.polygon.holes) {
      features.push({
        type: 'Feature',
        properties: { kind: 'hole', seq: seq++, paddy: p.id },
        geometry: { type: 'Polygon', coordinates: [ringsOf(ll, h, [])[0]] },
      });
    }
  }
  // depots as `refill` points (as a single run's service point): the viewer frames the map on them too
  for (const d of plan.block.depots) {
    features.push({
      type: 'Feature',
      properties: { kind: 'refill', seq: seq++, depot: d.id },
      geometry: { type: 'Point', coordinates: ll(d.at) },
    });
  }
  for (const m of plan.machines) {
    let mseq = 0;
    for (const s of m.route) {
      mseq++;
      if (s.kind !== 'swath') continue;
      const props: Record<string, unknown> = { kind: 'swath', seq: mseq, vehicle: m.id, widthM: s.widthM ?? m.vehicle.workingWidthM };
      if (s.paddy !== undefined) props.paddy = s.paddy;
      features.push({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: s.points.map(ll) } });
    }
  }
  if (dose)
    features.push(
      ...doseFeatures(
        ll,
        dose,
        plan.block.paddies.map((p) => p.id),
      ),
    );
  return { type: 'FeatureCollection', features, properties: { agrisim: { ...plan.metrics, planMs: undefined } } };
}
