/**
 * Human table of a run's dose metrics (English; the CLI prints it under the run table).
 */
import type { DoseMetrics } from './dose-metrics.js';

const n = (v: number, d = 1) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

/** The dose metrics as aligned text: one line per zone, then off target, buffer and dosing band. */
export function doseTable(d: DoseMetrics): string {
  const u = d.unit === 'kg/ha' ? 'kg' : 'L';
  const rate = d.unit;
  const head = ['zone', `prescribed ${rate}`, 'area ha', `prescribed ${u}`, `applied ${u}`, `mean ${rate}`, 'CV %'];
  const rows = d.zones.map((z) => [
    z.id,
    n(z.rateKgPerHa),
    n(z.areaHa, 3),
    n(z.prescribedKg, 2),
    n(z.appliedKg, 2),
    n(z.meanRateKgPerHa),
    n(z.cvPct),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const wind =
    d.wind.speedMps > 0
      ? `${n(d.wind.speedMps)} m/s from ${n(d.wind.fromDeg, 0)}°${d.wind.gustSigmaMps ? `, gusts σ ${n(d.wind.gustSigmaMps)} m/s` : ''}`
      : 'calm';
  return [
    `dose (${d.product}, ${wind}; rate lag τ ${n(d.rateTauS)} s, look-ahead ${n(d.lookAheadS)} s, ${n(d.cellM, 2)} m cells)`,
    line(head),
    ...rows.map(line),
    `emitted ${n(d.emittedKg, 2)} ${u}, on target ${n(d.onTargetKg, 2)} ${u}, off target ${n(d.offTargetKg, 2)} ${u}${d.wind.speedMps > 0 ? ` (${n(d.offTargetDownwindPct, 0)} % downwind)` : ''}, into buffers ${n(d.intoBufferKg, 2)} ${u}`,
    `under-dosed ${n(d.underDosedPct)} % of the field, over-dosed ${n(d.overDosedPct)} % (outside ±20 % of the prescription)`,
  ].join('\n');
}
