/**
 * What `agrisim plan` prints for people: the summary of one plan, the totals of a batch, and the
 * prescription and drift lines (and the drift object of `--json`).
 */
import type { Plan } from '../plan/index.js';
import type { Prescription } from '../prescription/index.js';
import type { DoseMetrics } from '../sim/index.js';

const fmt = (v: number, digits = 1) => v.toLocaleString('en-US', { maximumFractionDigits: digits });

/** A duration as `m:ss`, or `h:mm:ss` from an hour on. */
function clock(durationS: number): string {
  const totalS = Math.round(durationS),
    hours = Math.floor(totalS / 3600),
    minutes = Math.floor((totalS % 3600) / 60),
    seconds = totalS % 60;
  const mm = String(minutes).padStart(hours ? 2 : 1, '0'),
    ss = String(seconds).padStart(2, '0');
  return hours ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** The short human summary of one plan. */
export function planSummary(plan: Plan, written?: string): string {
  const metrics = plan.metrics;
  const byType = Object.entries(metrics.turns.byType)
    .map(([type, count]) => `${type} ${count}`)
    .join(', ');
  const rows: [string, string][] = [
    ['field', `${plan.field.name} (${plan.field.id})`],
    [
      'area',
      `${fmt(metrics.field.areaHa, 3)} ha = ${fmt(metrics.field.areaSao, 2)} sào${metrics.field.holes ? `, ${metrics.field.holes} hole${metrics.field.holes > 1 ? 's' : ''}` : ''}`,
    ],
    ['vehicle', `${plan.vehicle.name}, ${metrics.vehicle.workingWidthM} m wide`],
    [
      'swaths',
      `${metrics.swaths.count} (lower bound ${metrics.swaths.lowerBound}) at ${metrics.swaths.angleDeg}°, headland ${metrics.headland.laps} lap${metrics.headland.laps === 1 ? '' : 's'} (${metrics.swaths.headlandPasses} passes)`,
    ],
    ['coverage', `${fmt(metrics.coveragePct, 2)} %, overlap ${fmt(metrics.overlapPct, 2)} %`],
    [
      'length',
      `working ${fmt(metrics.lengthM.working)} m, turning ${fmt(metrics.lengthM.turning)} m, transit ${fmt(metrics.lengthM.transit)} m, total ${fmt(metrics.lengthM.total)} m`,
    ],
    ['turns', `${metrics.turns.count}${byType ? ` (${byType})` : ''}, ${metrics.turns.outsideField} outside the field`],
    [
      'time',
      `working ${clock(metrics.timeS.working)}, turning ${clock(metrics.timeS.turning)}, transit ${clock(metrics.timeS.transit)}, refill ${clock(metrics.timeS.refill)}, total ${clock(metrics.timeS.total)}`,
    ],
    ['capacity', `${fmt(metrics.fieldCapacityHaPerH, 3)} ha/h`],
    ['sorties', `${metrics.sorties.count} (${metrics.sorties.refills} refill${metrics.sorties.refills === 1 ? '' : 's'})`],
    ['planned in', `${fmt(metrics.planMs)} ms`],
  ];
  if (written) rows.push(['written', written]);
  return rows.map(([label, value]) => `${label.padEnd(11)} ${value}`).join('\n');
}

/** The last line of a batch: fields planned and failed, area, work time and capacity. */
export function batchTotals(plans: Plan[], failed: number): string {
  const sum = (of: (plan: Plan) => number) => plans.reduce((total, plan) => total + of(plan), 0);
  const ha = sum((plan) => plan.metrics.field.areaHa),
    timeS = sum((plan) => plan.metrics.timeS.total);
  return `total: ${plans.length} field${plans.length === 1 ? '' : 's'} planned${failed ? `, ${failed} failed` : ''}; ${fmt(ha, 3)} ha = ${fmt(ha * 27.7778, 1)} sào, ${clock(timeS)} of work, ${fmt(timeS ? ha / (timeS / 3600) : 0, 3)} ha/h`;
}

/** The predicted drift of `plan --wind --json`: where the product of the planned swaths lands. */
export function driftJson(dose: DoseMetrics) {
  return {
    wind: dose.wind,
    product: dose.product,
    emittedKg: dose.emittedKg,
    onTargetKg: dose.onTargetKg,
    offTargetKg: dose.offTargetKg,
    offTargetPct: Math.round((10_000 * dose.offTargetKg) / Math.max(1e-9, dose.emittedKg)) / 100,
    intoBufferKg: dose.intoBufferKg,
    offTargetDownwindPct: dose.offTargetDownwindPct,
  };
}

/** The drift line of the human summary. */
export function driftLine(drift: ReturnType<typeof driftJson>): string {
  const unit = drift.product === 'liquid' ? 'L' : 'kg';
  return `drift       ${fmt(drift.wind.speedMps)} m/s from ${fmt(drift.wind.fromDeg, 0)}°: ${fmt(drift.offTargetKg, 2)} ${unit} off target (${fmt(drift.offTargetPct, 2)} %, ${fmt(drift.offTargetDownwindPct, 0)} % of it downwind), ${fmt(drift.intoBufferKg, 2)} ${unit} into the buffer`;
}

/** The zones line of the human summary: each zone's rate and area, and the product in all. */
export function prescriptionLine(rx: Prescription): string {
  const unit = rx.unit === 'kg/ha' ? 'kg' : 'L';
  const zones = rx.zones.map((z) => `${z.id} ${fmt(z.ratePerHa)} ${rx.unit} on ${fmt(z.areaM2 / 10_000, 3)} ha`).join(', ');
  return `zones       ${zones}; ${fmt(rx.prescribedKg, 2)} ${unit} in all`;
}
