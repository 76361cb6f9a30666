/**
 * The human summary of a block run (English, like the rest of `agrisim simulate`'s tables):
 * makespan against the plan's, each machine's end and where its time went, depot queues,
 * and when each household's paddies were done.
 */
import { formatSimDuration } from '../sim/index.js';
import type { FleetMetrics } from '../sim/index.js';

const pad = (s: string, w: number) => (s.length >= w ? s : s + ' '.repeat(w - s.length));
const lpad = (s: string, w: number) => (s.length >= w ? s : ' '.repeat(w - s.length) + s);

/** Lines of text; see the file comment. */
export function blockSummary(m: FleetMetrics): string {
  const lines: string[] = [];
  lines.push(
    `makespan ${formatSimDuration(m.makespanS)} (planned ${formatSimDuration(m.planMakespanS)}), ${m.paddies.length} paddies, ${m.machines.length} machines`,
  );
  lines.push(
    '',
    `${pad('machine', 16)}${lpad('paddies', 8)}${lpad('done at', 14)}${lpad('working', 14)}${lpad('road', 12)}${lpad('queue', 12)}${lpad('refills', 9)}`,
  );
  for (const x of m.machines) {
    lines.push(
      `${pad(x.id, 16)}${lpad(String(x.paddies.length), 8)}${lpad(formatSimDuration(x.endS), 14)}${lpad(formatSimDuration(x.timeS.working), 14)}` +
        `${lpad(formatSimDuration(x.timeS.road), 12)}${lpad(formatSimDuration(x.timeS.queue), 12)}${lpad(String(x.refills), 9)}`,
    );
  }
  for (const d of m.depots)
    lines.push(`depot ${d.id}: ${d.refills} refills, ${formatSimDuration(d.waitS)} waited in line (longest line ${d.maxQueue})`);
  lines.push('', `${pad('household', 22)}${lpad('paddies', 8)}${lpad('ha', 8)}${lpad('done at', 14)}`);
  for (const h of m.households) {
    lines.push(
      `${pad(h.owner || '(no owner)', 22)}${lpad(String(h.paddies.length), 8)}${lpad(h.areaHa.toFixed(2), 8)}${lpad(h.doneS === null ? 'not done' : formatSimDuration(h.doneS), 14)}`,
    );
  }
  return lines.join('\n');
}
