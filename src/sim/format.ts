/**
 * Human tables of run metrics (used by `agrisim simulate`): one run's metrics, and guided vs manual side by side.
 */
import type { RunMetrics } from './metrics.js';

/** 3057.5 → `50 min 58 s`, 19462 → `5 h 24 min`. */
export function formatSimDuration(s: number): string {
  const t = Math.round(s);
  // round to whole minutes first, so 2 h 59 min 40 s reads 3 h 0 min, not 2 h 60 min
  if (t >= 3600) return `${Math.floor(Math.round(t / 60) / 60)} h ${Math.round(t / 60) % 60} min`;
  if (t >= 60) return `${Math.floor(t / 60)} min ${t % 60} s`;
  return `${t} s`;
}

const n = (v: number, d = 2) => v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });

function energy(m: RunMetrics): string {
  const parts: string[] = [];
  if (m.energy.batteryCycles !== undefined) parts.push(`${n(m.energy.batteryCycles)} battery cycles`);
  if (m.energy.fuelL !== undefined) parts.push(`${n(m.energy.fuelL)} L fuel`);
  return parts.join(', ') || '—';
}

/**
 * One run, as aligned lines.
 * @example
 * ```ts
 * // inside the sim stage (its index.ts); not on the library face
 * const { metrics, frames } = runToEnd(sim);
 * console.log(simMetricsTable('Ô 1', metrics, frames, 500, 100));
 * ```
 */
export function simMetricsTable(name: string, m: RunMetrics, frames: number, wallMs: number, tickMs: number): string {
  const t = m.timeS;
  const rows: [string, string][] = [
    ['field', `${n(m.fieldAreaHa, 3)} ha (${n((m.fieldAreaHa * 10_000) / 360, 1)} sào)`],
    ['guidance', `${m.guidance}, ${m.vehicles} vehicle(s), seed ${m.seed}`],
    ['time', formatSimDuration(t.total)],
    [
      m.vehicles > 1 ? 'machine time' : 'time split',
      `working ${formatSimDuration(t.working)}, turning ${formatSimDuration(t.turning)}, transit ${formatSimDuration(t.transit)}, refill ${formatSimDuration(t.refill)}`,
    ],
    ['sorties / refills', `${m.sorties} / ${m.refills}`],
    ['covered', `${n(m.coveredPct)} % (${n(m.areaCoveredHa, 3)} ha)`],
    ['overlap / gap', `${n(m.overlapPct)} % / ${n(m.gapPct)} %`],
    ['input used', `${n(m.inputUsed)} ${m.inputUnit} (off target ${n(m.inputOffTargetKg)} ${m.inputUnit})`],
    ['energy', energy(m)],
    ['field capacity', `${n(m.fieldCapacityHaPerH)} ha/h`],
    ['faults', String(m.faults)],
    [
      'frames',
      `${frames} at ${1000 / tickMs} Hz, ${n(wallMs / 1000, 1)} s wall (${Math.round((t.total * 1000) / Math.max(1, wallMs)).toLocaleString('en-US')}× real time), raster ${m.cellM} m`,
    ],
  ];
  return [name, ...rows.map(([k, v]) => `  ${k.padEnd(18)} ${v}`)].join('\n');
}

/**
 * Guided vs manual, side by side with the difference.
 * @example
 * ```ts
 * // inside the sim stage (its index.ts); not on the library face
 * console.log(simCompareTable('Ô 1', rtkMetrics, manualMetrics));
 * ```
 */
export function simCompareTable(name: string, g: RunMetrics, m: RunMetrics): string {
  const rows: [string, number, number, number][] = [
    ['time, min', g.timeS.total / 60, m.timeS.total / 60, 1],
    ['working time, min', g.timeS.working / 60, m.timeS.working / 60, 1],
    ['covered, %', g.coveredPct, m.coveredPct, 2],
    ['overlap, %', g.overlapPct, m.overlapPct, 2],
    ['gap, %', g.gapPct, m.gapPct, 2],
    [`input used, ${g.inputUnit}`, g.inputUsed, m.inputUsed, 2],
    [`off target, ${g.inputUnit}`, g.inputOffTargetKg, m.inputOffTargetKg, 2],
    ['field capacity, ha/h', g.fieldCapacityHaPerH, m.fieldCapacityHaPerH, 3],
    ['sorties', g.sorties, m.sorties, 0],
  ];
  const head = `  ${'metric'.padEnd(22)} ${g.guidance.padStart(10)} ${'manual'.padStart(10)} ${'guided − manual'.padStart(16)}`;
  const lines = rows.map(([k, a, b, d]) => `  ${k.padEnd(22)} ${n(a, d).padStart(10)} ${n(b, d).padStart(10)} ${n(a - b, d).padStart(16)}`);
  const timeSaved = m.timeS.total > 0 ? (100 * (m.timeS.total - g.timeS.total)) / m.timeS.total : 0;
  return [name, head, ...lines, `  guidance saves ${n(timeSaved, 1)} % of field time (docs/economics.md trials: 35 %)`].join('\n');
}
