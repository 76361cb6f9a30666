/**
 * Plan exports that carry a prescription: ISOXML treatment zones (validated by xmllint against
 * the ISO 11783-10 v4.3 schema and read back), QGroundControl rate changes at zone borders,
 * GeoJSON zone features that read back as a prescription.
 */
import { describe, expect, it } from 'vitest';
import {
  clipPrescription,
  exportPlan,
  getVehicle,
  parsePrescriptionGeoJson,
  parsePrescriptionIsoxml,
  planField,
  planToGeoJson,
  planToQgcPlan,
  withoutBuffer,
  type QgcPlanFile,
} from '../../src/index.js';
import { zoneRuns } from '../../src/plan/index.js';
import { validateQgcPlan } from '../helpers/qgc-plan-validator.js';
import { isoxmlProblems } from '../helpers/isoxml-schema.js';
import { systemProgram } from '../helpers/system.js';
import { paddy, twoZoneGeoJson } from './helpers.js';

async function setup(bufferM = 0) {
  const field = await paddy();
  const { worked, buffer } = withoutBuffer(field, bufferM);
  const plan = planField(worked, getVehicle('drone'));
  const rx = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson(field)), worked, { defaultRatePerHa: 70 });
  return { field, plan, rx, buffer };
}

describe('exports with a prescription', () => {
  it('ISOXML: one TZN per zone with a polygon and a mass-rate set-point, default and out-of-field zones; reads back', async () => {
    const { plan, rx, buffer } = await setup(2);
    const xml = exportPlan(plan, 'isoxml', {}, { prescription: rx, buffer });
    expect(xml.match(/<TZN /g)).toHaveLength(4);
    expect(xml).toContain('<PDV A="0006" B="5000" C="PDT1"/>');
    expect(xml).toContain('<PDV A="0006" B="11000" C="PDT1"/>');
    expect(xml).toMatch(/<TSK [^>]*H="3" J="4">/);
    expect(xml).toContain('<PDT A="PDT1" B="Urea"/>');
    expect(xml.match(/<PLN A="11"/g)).toHaveLength(buffer.length);
    const back = parsePrescriptionIsoxml(xml);
    expect(back.defaultRatePerHa).toBe(70);
    const again = clipPrescription(back, plan.field);
    expect(again.zones.map((z) => [z.id, z.ratePerHa])).toEqual(rx.zones.map((z) => [z.id, z.ratePerHa]));
    again.zones.forEach((z, i) => expect(z.areaM2).toBeCloseTo(rx.zones[i].areaM2, 0));
  });

  it('ISOXML with treatment zones validates against the ISO 11783-10 v4.3 schema (xmllint)', async (ctx) => {
    const xmllint = systemProgram('xmllint');
    if (!xmllint) return ctx.skip();
    const { plan, rx, buffer } = await setup(2);
    const liquid = clipPrescription(parsePrescriptionGeoJson(twoZoneGeoJson((await setup()).field, 15, 30, 'rateLPerHa')), plan.field);
    const texts = [exportPlan(plan, 'isoxml', {}, { prescription: rx, buffer }), exportPlan(plan, 'isoxml', {}, { prescription: liquid })];
    expect(texts[1]).toContain('<PDV A="0001" B="1500" C="PDT1"/>');
    expect(isoxmlProblems(xmllint, texts)).toEqual([]);
    // and the check can fail: a treatment zone code over 254 is refused
    expect(isoxmlProblems(xmllint, [texts[0].replace('<TZN A="1"', '<TZN A="300"')]).join('\n')).toMatch(/fails to validate/);
  });

  it('QGroundControl: a waypoint and a rate servo command where each swath crosses the zone border', async () => {
    const { plan, rx } = await setup();
    const mission: QgcPlanFile = planToQgcPlan(plan, { prescription: rx });
    expect(validateQgcPlan(mission)).toEqual([]);
    const rateCmds = mission.mission.items.filter((i) => i.command === 183 && i.params[0] === 10);
    // PWM linear from 1100 at 0 to 1900 at the highest rate (110 kg/ha)
    expect(new Set(rateCmds.map((i) => i.params[1]))).toEqual(new Set([1100 + Math.round((800 * 50) / 110), 1900]));
    const crossings = plan.route.filter((s) => s.kind === 'swath').reduce((a, s) => a + zoneRuns(s.points, rx).length - 1, 0);
    expect(crossings).toBeGreaterThanOrEqual(plan.metrics.swaths.count);
    // one command per change of rate: at most one per crossing plus the first
    expect(rateCmds.length).toBeGreaterThanOrEqual(crossings);
    expect(rateCmds.length).toBeLessThanOrEqual(crossings + 1);
    const plain = planToQgcPlan(plan);
    expect(plain.mission.items.filter((i) => i.command === 183 && i.params[0] === 10)).toHaveLength(0);
  });

  it('GeoJSON: zone and buffer features, zones read back as the same prescription', async () => {
    const { plan, rx, buffer } = await setup(2);
    const fc = planToGeoJson(plan, { prescription: rx, buffer });
    const zones = fc.features.filter((f) => f.properties.kind === 'zone');
    expect(zones.map((f) => [f.properties.id, f.properties.rateKgPerHa])).toEqual([
      ['low', 50],
      ['high', 110],
    ]);
    expect(fc.features.filter((f) => f.properties.kind === 'buffer')).toHaveLength(buffer.length);
    expect(fc.properties.prescription).toMatchObject({ unit: 'kg/ha', defaultRatePerHa: 70, zones: 2 });
    const back = clipPrescription(parsePrescriptionGeoJson({ type: 'FeatureCollection', features: zones }), plan.field);
    back.zones.forEach((z, i) => expect(z.areaM2).toBeCloseTo(rx.zones[i].areaM2, 0));
    expect(exportPlan(plan, 'kml', {}, { prescription: rx })).toContain('<kml');
  });
});
