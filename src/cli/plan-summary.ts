/**
 * What `agrisim plan` prints for people: the summary of one plan, the totals of a batch, and the
 * prescription and drift lines (and the drift object of `--json`).
 */
import type { Plan } from '../plan/index.js';
import type { Prescription } from '../prescription/index.js';
import type { DoseMetrics } from '../sim/index.js';

const fmt = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits });

function clock(s: number): string {
  const t = Math.round(s),
    h = Math.floor(t / 3600),
    m = Math.floor((t % 3600) / 60),
    sec = t % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0'),
    ss = String(sec).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The short human summary of one plan. */
export function planSummary(plan: Plan, written?: string): string {
  const m = plan.metrics;
  const byType = Object.entries(m.turns.byType)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const rows: [string, string][] = [
    ['field', `${plan.field.name} (${plan.field.id})`],
    [
      'area',
      `${fmt(m.field.areaHa, 3)} ha = ${fmt(m.field.areaSao, 2)} sào${m.field.holes ? `, ${m.field.holes} hole${m.field.holes > 1 ? 's' : ''}` : ''}`,
    ],
    ['vehicle', `${plan.vehicle.name}, ${m.vehicle.workingWidthM} m wide`],
    [
      'swaths',
      `${m.swaths.count} (lower bound ${m.swaths.lowerBound}) at ${m.swaths.angleDeg}°, headland ${m.headland.laps} lap${m.headland.laps === 1 ? '' : 's'} (${m.swaths.headlandPasses} passes)`,
    ],
    ['coverage', `${fmt(m.coveragePct, 2)} %, overlap ${fmt(m.overlapPct, 2)} %`],
    [
      'length',
      `working ${fmt(m.lengthM.working)} m, turning ${fmt(m.lengthM.turning)} m, transit ${fmt(m.lengthM.transit)} m, total ${fmt(m.lengthM.total)} m`,
    ],
    ['turns', `${m.turns.count}${byType ? ` (${byType})` : ''}, ${m.turns.outsideField} outside the field`],
    [
      'time',
      `working ${clock(m.timeS.working)}, turning ${clock(m.timeS.turning)}, transit ${clock(m.timeS.transit)}, refill ${clock(m.timeS.refill)}, total ${clock(m.timeS.total)}`,
    ],
    ['capacity', `${fmt(m.fieldCapacityHaPerH, 3)} ha/h`],
    ['sorties', `${m.sorties.count} (${m.sorties.refills} refill${m.sorties.refills === 1 ? '' : 's'})`],
    ['planned in', `${fmt(m.planMs)} ms`],
  ];
  if (written) rows.push(['written', written]);
  return rows.map(([k, v]) => `${k.padEnd(11)} ${v}`).join('\n');
}

export function batchTotals(plans: Plan[], failed: number): string {
  const sum = (f: (p: Plan) => number) => plans.reduce((a, p) => a + f(p), 0);
  const ha = sum((p) => p.metrics.field.areaHa),
    timeS = sum((p) => p.metrics.timeS.total);
  return `total: ${plans.length} field${plans.length === 1 ? '' : 's'} planned${failed ? `, ${failed} failed` : ''}; ${fmt(ha, 3)} ha = ${fmt(ha * 27.7778, 1)} sào, ${clock(timeS)} of work, ${fmt(timeS ? ha / (timeS / 3600) : 0, 3)} ha/h`;
}

/** The predicted drift of `plan --wind --json`: where the product of the planned swaths lands. */
export function driftJson(d: DoseMetrics) {
  return {
    wind: d.wind,
    product: d.product,
    emittedKg: d.emittedKg,
    onTargetKg: d.onTargetKg,
    offTargetKg: d.offTargetKg,
    offTargetPct: Math.round((10_000 * d.offTargetKg) / Math.max(1e-9, d.emittedKg)) / 100,
    intoBufferKg: d.intoBufferKg,
    offTargetDownwindPct: d.offTargetDownwindPct,
  };
}

export function driftLine(d: ReturnType<typeof driftJson>): string {
  const u = d.product === 'liquid' ? 'L' : 'kg';
  return `drift       ${fmt(d.wind.speedMps)} m/s from ${fmt(d.wind.fromDeg, 0)}°: ${fmt(d.offTargetKg, 2)} ${u} off target (${fmt(d.offTargetPct, 2)} %, ${fmt(d.offTargetDownwindPct, 0)} % of it downwind), ${fmt(d.intoBufferKg, 2)} ${u} into the buffer`;
}

export function prescriptionLine(rx: Prescription): string {
  const u = rx.unit === 'kg/ha' ? 'kg' : 'L';
  const zones = rx.zones.map((z) => `${z.id} ${fmt(z.ratePerHa)} ${rx.unit} on ${fmt(z.areaM2 / 10_000, 3)} ha`).join(', ');
  return `zones       ${zones}; ${fmt(rx.prescribedKg, 2)} ${u} in all`;
}
