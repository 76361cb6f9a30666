/**
 * Plan a paddy drawn in Google Earth (KML) for a fertilizer drone and write a QGroundControl
 * mission (.plan) you can open in QGroundControl or upload to an ArduPilot/PX4 drone.
 *
 *   npx tsx examples/plan-kml-to-qgc.ts [field.kml] [out.plan]
 *
 * Defaults: fields/l-shaped-paddy.kml → out/l-shaped-paddy.plan
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { getVehicle, planField, planToQgcPlan, readFieldFile } from 'agrisim';

const input = process.argv[2] ?? 'fields/l-shaped-paddy.kml';
const output = process.argv[3] ?? `out/${basename(input).replace(/\.kml$/i, '')}.plan`;

// One Field per polygon in the file (validated, projected to metres).
const [field] = await readFieldFile(input);
const drone = getVehicle('drone'); // 7 m spread width, 40 kg tank (see src/vehicles/profiles.ts)
const plan = planField(field, drone);
const m = plan.metrics;

const mission = planToQgcPlan(plan, { firmware: 'ardupilot' });
await mkdir(dirname(output), { recursive: true });
await writeFile(output, JSON.stringify(mission, null, 2));

console.log(`field      ${field.name}: ${m.field.areaHa.toFixed(3)} ha (${m.field.areaSao.toFixed(1)} sào)`);
console.log(`swaths     ${m.swaths.count} at ${m.swaths.angleDeg}°, coverage ${m.coveragePct.toFixed(2)} %`);
console.log(`time       ${(m.timeS.total / 60).toFixed(1)} min in ${m.sorties.count} sortie(s)`);
console.log(`mission    ${mission.mission.items.length} items → ${output}`);
