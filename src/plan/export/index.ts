/**
 * Plan exports: GeoJSON (docs/contracts.md "Plan output"), KML 2.2, QGroundControl `.plan` and
 * ISO 11783-10 TASKDATA.XML. Named exports only.
 */
export { planToGeoJson, routeFeatures } from './geojson.js';
export type { PlanFeature, PlanFeatureCollection, PlanFeatureKind, PlanGeometry } from './geojson.js';
export { planToKml } from './kml.js';
export { planToQgcPlan, QGC_DEFAULTS } from './qgc.js';
export type { QgcPlanOptions } from './qgc.js';
export type { QgcPlanFile, QgcSimpleItem } from './qgc-format.js';
export { planToIsoxml } from './isoxml.js';
export { exportPlan } from './export-plan.js';
export { planFormatFromPath, PLAN_FORMATS, PLAN_FORMAT_EXTENSIONS } from './format.js';
export type { PlanFormat } from './format.js';
export { zoneRuns, treatmentZones, rateDdi } from './prescription-parts.js';
export type { PrescriptionExport } from './prescription-parts.js';
