/**
 * Plan every paddy of a village block at once with the GNSS-guided transplanter, on worker
 * threads when the batch is large enough for them to pay off, and total the work.
 *
 *   npx tsx examples/plan-many-fields.ts [fields.geojson|kml] [workers]
 *
 * Default: fields/thai-binh-block.geojson (8 paddies, Quỳnh Phụ, Thái Bình). A field that
 * cannot be planned comes back as its coded error, not as an exception.
 */
import { getVehicle, isAgrisimError, planFieldsParallel, readFieldFile, workerCount } from 'agrisim';

const input = process.argv[2] ?? 'fields/thai-binh-block.geojson';
const workers = process.argv[3] === undefined ? undefined : Number(process.argv[3]);

const fields = await readFieldFile(input);
const transplanter = getVehicle('transplanter');
const batch = { ...(workers !== undefined ? { workers, minFieldsForWorkers: 0 } : {}) };
console.log(`${fields.length} fields, ${workerCount(fields.length, batch) || 'no'} worker threads`);

const results = await planFieldsParallel(fields, transplanter, {}, batch);
let ha = 0;
let hours = 0;
for (const r of results) {
  if (isAgrisimError(r)) {
    console.log(`  ${String(r.details.field ?? '?').padEnd(14)} ${r.code}: ${r.message}`);
    continue;
  }
  const m = r.metrics;
  ha += m.field.areaHa;
  hours += m.timeS.total / 3600;
  console.log(
    `  ${r.field.id.padEnd(14)} ${m.field.areaHa.toFixed(3)} ha  ${String(m.swaths.count).padStart(3)} swaths  ${(m.timeS.total / 60).toFixed(1)} min`,
  );
}
console.log(`total ${ha.toFixed(3)} ha in ${hours.toFixed(2)} h of transplanting (${(ha / hours).toFixed(3)} ha/h)`);
