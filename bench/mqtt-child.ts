/**
 * Child processes of bench/mqtt.bench.ts, one role each, so each one's CPU can be read apart:
 *   direct URL-less:  a telemetry server with a 10 Hz hand-driven feed (the single-process figure)
 *   publisher MQTT:   the same feed published to the broker
 *   gateway MQTT:     a gateway serving it
 * The feed's `t` is the wall clock (ms since the epoch, sub-ms) when the frame is made, so a
 * viewer anywhere on this machine gets its end-to-end latency as `now − t`.
 * Prints one JSON line `{ url }` when ready; stops on SIGTERM.
 */
import { createManualFeed, startTelemetryServer, type FeedUpdate } from '../src/telemetry/index.js';
import { publishFeedsToMqtt, startMqttGateway } from '../src/telemetry/mqtt/index.js';
import type { SimDescription } from '../src/sim/types.js';

const [role, mqttUrl] = process.argv.slice(2);
const now = () => performance.timeOrigin + performance.now();

const description: SimDescription = {
  id: 'bench',
  name: 'bench feed',
  planGeoJson: { type: 'FeatureCollection', features: [] },
  vehicles: [0, 1].map((i) => ({ id: `drone-${i + 1}`, kind: 'drone', workingWidthM: 7, guidance: 'rtk' as const })),
  fieldAreaHa: 5,
  tickMs: 100,
  seed: 1,
};

function drive(push: (u: FeedUpdate) => void): () => void {
  let k = 0;
  const timer = setInterval(() => {
    k++;
    const vehicles = description.vehicles.map((v, i) => ({
      id: v.id,
      kind: 'drone',
      lat: 20.65 + i * 1e-4,
      lon: 106.35 + k * 7e-6,
      altM: 2.5,
      headingDeg: 90,
      speedMps: 7,
      fix: 'rtk-fixed' as const,
      crossTrackErrorM: 0.02,
      implementOn: k % 50 < 40,
      activity: 'working' as const,
      sortie: 1,
      tank: { kg: 40 - k * 0.01, capacityKg: 40 },
      battery: { pct: 90 },
    }));
    push({ kind: 'telemetry', t: now(), vehicles, progress: { coveredPct: k / 100, coveredHa: k / 2000, elapsedS: k / 10, etaS: 1000 } });
  }, 100);
  return () => clearInterval(timer);
}

const stops: (() => unknown)[] = [];
if (role === 'direct' || role === 'publisher') {
  const feed = createManualFeed(description);
  stops.push(drive((u) => feed.push(u)));
  if (role === 'direct') {
    const server = await startTelemetryServer({ port: 0, feeds: [feed], maxConnections: 10_000 });
    stops.push(() => server.close());
    console.log(JSON.stringify({ url: server.url }));
  } else {
    const pub = await publishFeedsToMqtt([feed], { url: mqttUrl, farm: 'bench' });
    stops.push(() => pub.close());
    console.log(JSON.stringify({ ready: true }));
  }
} else if (role === 'gateway') {
  const gw = await startMqttGateway({ mqttUrl, port: 0, discoverMs: 200, waitForSimsMs: 10_000, maxConnections: 10_000 });
  stops.push(() => gw.close());
  console.log(JSON.stringify({ url: gw.server.url }));
}
process.on('SIGTERM', async () => {
  for (const s of stops) await s();
  process.exit(0);
});
