/**
 * Watch a live simulation with the telemetry client: coverage, speed and tank as they change.
 *
 *   npx tsx examples/live-feed.ts                       # starts a drone simulation in this process
 *   npx tsx examples/live-feed.ts ws://HOST:8080/ws     # or watch a running `agrisim serve`
 *
 * Prints the snapshot, then one line per telemetry update (UPDATES=20 of them), and any events.
 */
import { loadScenario, startTelemetryServer } from 'agrisim';
import { connectTelemetry } from 'agrisim/telemetry/client';

const updates = Number(process.env.UPDATES ?? 20);
let url = process.argv[2];
let stop = async () => {};
if (!url) {
  // No server given: run the Thái Bình drone scenario 60× faster than real time on a free port.
  const server = await startTelemetryServer({ port: 0, simulations: [await loadScenario('sims/thai-binh-drone.json')], speedup: 60 });
  url = server.url;
  stop = () => server.close();
}

const conn = connectTelemetry(url);
const hello = await new Promise<{ simulations: { id: string; name: string }[] }>((done) => conn.hello$.subscribe(done));
const sim = hello.simulations[0];
console.log(`connected to ${url}: ${hello.simulations.length} simulation(s); watching ${sim.id} (${sim.name})`);
conn.subscribe(sim.id);

// Times on the wire are simulated milliseconds since the start of the run.
const s = (tMs: number) => `${(tMs / 1000).toFixed(1)} s`;
conn.snapshots$.subscribe((m) =>
  console.log(`snapshot  t=${s(m.t)}, ${m.vehicles.length} vehicle(s), covered ${m.progress.coveredPct.toFixed(1)} %`),
);
conn.events$.subscribe((m) => console.log(`event     t=${s(m.t)} ${m.event.vehicleId} ${m.event.type}`));

let seen = 0;
await new Promise<void>((done) => {
  const sub = conn.telemetry$.subscribe((m) => {
    const v = m.vehicles[0];
    const tank = v.tank ? `, tank ${v.tank.kg.toFixed(1)} kg` : '';
    console.log(
      `telemetry t=${s(m.t)} covered ${m.progress.coveredPct.toFixed(2)} % | ${v.id} ${v.activity} at ${v.lon.toFixed(6)},${v.lat.toFixed(6)} ${v.speedMps.toFixed(1)} m/s${tank}`,
    );
    if (++seen >= updates) {
      sub.unsubscribe();
      done();
    }
  });
});
conn.close();
await stop();
