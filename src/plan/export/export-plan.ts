import { PlanError } from '../../errors.js';
import type { Plan } from '../types.js';
import { PLAN_FORMATS, type PlanFormat } from './format.js';
import { planToGeoJson } from './geojson.js';
import { planToIsoxml } from './isoxml.js';
import { planToKml } from './kml.js';
import { planToQgcPlan, type QgcPlanOptions } from './qgc.js';
import type { PrescriptionExport } from './prescription-parts.js';

/**
 * Serialises a plan to text in one of the export formats.
 *
 * @param plan - a plan from `planField`
 * @param format - `geojson` (compact JSON), `kml`, `qgc` (QGroundControl `.plan` JSON) or
 *   `isoxml` (TASKDATA.XML)
 * @param qgc - options of the QGroundControl export (firmware, spreader command…)
 * @param extra - a prescription clipped to the plan's field and water buffer strips: GeoJSON gets
 *   `zone`/`buffer` features, ISOXML treatment zones, QGroundControl rate changes at zone borders
 * @returns the file content
 * @throws PlanError `PLAN_INVALID_OPTION` for an unknown format
 * @example
 * ```ts
 * import { readFieldFile, getVehicle, planField, exportPlan } from 'agrisim';
 * import { writeFileSync } from 'node:fs';
 * const [paddy] = await readFieldFile('fields/paddy-with-tomb.geojson');
 * writeFileSync('paddy.kml', exportPlan(planField(paddy, getVehicle('drone')), 'kml'));
 * ```
 */
export function exportPlan(plan: Plan, format: PlanFormat, qgc: QgcPlanOptions = {}, extra: PrescriptionExport = {}): string {
  switch (format) {
    case 'geojson':
      return JSON.stringify(planToGeoJson(plan, extra)) + '\n';
    case 'kml':
      return planToKml(plan);
    case 'qgc':
      return (
        JSON.stringify(planToQgcPlan(plan, { ...qgc, ...(extra.prescription ? { prescription: extra.prescription } : {}) }), null, 2) + '\n'
      );
    case 'isoxml':
      return planToIsoxml(plan, extra);
    default:
      throw new PlanError('PLAN_INVALID_OPTION', `unknown export format "${String(format)}"; known: ${PLAN_FORMATS.join(', ')}`, {
        key: 'format',
      });
  }
}
