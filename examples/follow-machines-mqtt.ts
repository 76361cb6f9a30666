/**
 * Follow every machine from the MQTT broker, as a dashboard, Node-RED flow or farm logger
 * would: no agrisim server and no agrisim code, just the `mqtt` client and the topics that
 * `agrisim serve --mqtt` fills (types from agrisim for convenience).
 *
 *   npx tsx examples/follow-machines-mqtt.ts mqtt://127.0.0.1:1883 [count]
 *
 * Prints one line per machine update (count of them, default 10), then the last snapshot's progress.
 */
import mqtt from 'mqtt';
import type { WireVehicle } from 'agrisim';

const url = process.argv[2] ?? 'mqtt://127.0.0.1:1883';
const count = Number(process.argv[3] ?? 10);

const client = await mqtt.connectAsync(url);
const progress = new Map<string, number>();
let seen = 0;
await new Promise<void>((done) => {
  client.on('message', (topic, payload) => {
    if (payload.length === 0) return;
    if (topic.endsWith('/snapshot')) {
      const s = JSON.parse(payload.toString('utf8')) as { sim: string; progress: { coveredPct: number } };
      progress.set(s.sim, s.progress.coveredPct);
      return;
    }
    const m = JSON.parse(payload.toString('utf8')) as WireVehicle & { sim: string; t: number };
    // agrisim/<farm>/<field>/<sim>/vehicle/<vehicleId>
    const [, farm, field, sim, , vehicleId] = topic.split('/');
    console.log(
      `${farm}/${field}/${sim} ${vehicleId}: ${m.activity} at ${m.lon.toFixed(6)},${m.lat.toFixed(6)}, ${m.speedMps.toFixed(1)} m/s, fix ${m.fix}${m.tank ? `, tank ${m.tank.kg.toFixed(1)} kg` : ''}`,
    );
    if (++seen === count) done();
  });
  // Every machine of every farm; the retained snapshots give each simulation's progress.
  void client.subscribeAsync(['agrisim/+/+/+/vehicle/+', 'agrisim/+/+/+/snapshot']);
});
for (const [sim, pct] of progress) console.log(`${sim}: ${pct.toFixed(1)} % covered at the last snapshot`);
await client.endAsync();
