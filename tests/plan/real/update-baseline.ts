/**
 * Rewrites the real-field baseline from the planner as it is now:
 * `npx tsx tests/plan/real/update-baseline.ts` → tests/plan/real/baseline.json.
 * With `--main FILE` it also runs the independent checker on every plan and writes the full
 * record (planner and checker figures, fields/s) to FILE: the bench compares with that.
 * Run it after a change that improves the figures, and say so in the commit.
 */
import { writeFileSync } from 'node:fs';
import { checkPlan } from '../../helpers/check-plan.js';
import { BASELINE_FILE, planReal, realFields, rowOf, VEHICLE_IDS, type RealRow } from './real-set.js';

const fields = await realFields();
const mainAt = process.argv.indexOf('--main');
const rows: (RealRow & { checker?: { coveragePct: number; overlapPct: number; pathM: number } })[] = [];
const speed: Record<string, number> = {};
for (const vehicle of VEHICLE_IDS) {
  for (const f of fields.slice(0, 5)) planReal(f, vehicle); // warm-up
  let ms = 0;
  for (const f of fields) {
    const t0 = performance.now();
    const plan = planReal(f, vehicle);
    ms += performance.now() - t0;
    const row: (typeof rows)[number] = rowOf(plan, vehicle);
    if (mainAt > 0) {
      const c = checkPlan(plan);
      row.checker = { coveragePct: c.coveragePct, overlapPct: c.overlapPct, pathM: c.pathM };
    }
    rows.push(row);
  }
  speed[vehicle] = Math.round(fields.length / (ms / 1000));
}
const plain = rows.map(({ checker: _c, ...r }) => r);
writeFileSync(
  BASELINE_FILE,
  JSON.stringify(
    { note: 'planner figures per real field and vehicle; regenerate with tests/plan/real/update-baseline.ts', rows: plain },
    null,
    1,
  ) + '\n',
);
if (mainAt > 0) {
  const file = process.argv[mainAt + 1];
  writeFileSync(
    file,
    JSON.stringify(
      {
        note: 'the planner before issue 17, measured on fields/real with its own metrics and the independent checker',
        fieldsPerS: speed,
        rows,
      },
      null,
      1,
    ) + '\n',
  );
}
console.log(`wrote ${rows.length} rows; fields/s ${JSON.stringify(speed)}`);
