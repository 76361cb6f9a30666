/**
 * The plans of a run as one docs/contracts.md plan FeatureCollection (WGS84), written by the plan
 * stage's one GeoJSON writer (`planToGeoJson`) for each plan and joined: every feature also
 * carries its `fieldId`, `seq` counts along the whole run. Enough for a viewer to draw the run
 * before its first frame. `properties.agrisim` holds each plan's metrics without `planMs` (a
 * wall-clock time would break byte-identical recordings).
 */
import { planToGeoJson, type Plan } from '../plan/index.js';
import type { DoseOptions } from './dose/index.js';
import type { SimDescription } from './types.js';

/**
 * Converts plans to one FeatureCollection; `properties.agrisim` holds each plan's metrics. With a
 * dose model, each plan's prescription zones (`kind: zone`, with their rate) and water buffers
 * (`kind: buffer`) come too, so a viewer can draw the prescription beside the dose applied.
 */
export function plansToGeoJson(
  plans: readonly Plan[],
  dose?: Pick<DoseOptions, 'prescriptions' | 'buffers'>,
): SimDescription['planGeoJson'] {
  const features: unknown[] = [];
  let seqBase = 0;
  for (const [i, plan] of plans.entries()) {
    const prescription = dose?.prescriptions?.[i];
    const buffer = dose?.buffers?.[i];
    const fc = planToGeoJson(plan, { ...(prescription ? { prescription } : {}), ...(buffer ? { buffer } : {}) });
    let last = 0;
    for (const f of fc.features) {
      const seq = f.properties.seq > 0 ? f.properties.seq + seqBase : 0;
      last = Math.max(last, seq);
      features.push({ ...f, properties: { ...f.properties, seq, fieldId: plan.field.id } });
    }
    seqBase = last;
  }
  // planMs is wall-clock time: left out so the same inputs give byte-identical recordings
  const metrics = plans.map((p) => Object.fromEntries(Object.entries(p.metrics ?? {}).filter(([k]) => k !== 'planMs')));
  return { type: 'FeatureCollection', features, properties: { agrisim: metrics } };
}
