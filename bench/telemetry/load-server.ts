/**
 * Bench child: a broadcast server under load, either agrisim's telemetry server (hand-driven
 * feed) or a minimal raw `ws` broadcast (stringify once, send to all) as the ceiling. Ticks at
 * `hz` for `ticks` when the parent says go; reports its CPU time and peak RSS.
 * Run by bench/telemetry.bench.ts through child_process.fork.
 */
import { createServer } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { createManualFeed, startTelemetryServer } from '../../src/telemetry/index.js';
import type { SimDescription } from '../../src/sim/types.js';

const [kind, ticksArg, hzArg] = process.argv.slice(2);
const ticks = Number(ticksArg);
const hz = Number(hzArg);
const send = (m: unknown) => process.send!(m);

const description: SimDescription = {
  id: 'bench',
  name: 'bench',
  planGeoJson: { type: 'FeatureCollection', features: [] },
  vehicles: [{ id: 'drone-1', kind: 'drone', workingWidthM: 6, guidance: 'rtk' }],
  fieldAreaHa: 5.4,
  tickMs: 100,
  seed: 1,
};
/** Wall-clock ms with sub-ms precision, comparable across processes. */
const nowMs = () => performance.timeOrigin + performance.now();
const vehicles = (i: number) => [
  {
    id: 'drone-1',
    kind: 'drone',
    lat: 20.660200054 + i * 1e-7,
    lon: 106.340900391 + i * 1e-7,
    altM: 3,
    headingDeg: 344.83,
    speedMps: 5.183,
    fix: 'rtk-fixed' as const,
    crossTrackErrorM: 0.043,
    implementOn: true,
    activity: 'working' as const,
    sortie: 1,
    tank: { kg: 31.5, capacityKg: 40 },
    battery: { pct: 71.25 },
  },
];
const progress = (i: number) => ({ coveredPct: i / 100, coveredHa: i / 1e4, elapsedS: i / 10, etaS: 2500 - i / 10 });

async function main(): Promise<void> {
  let tick: (i: number) => void;
  let port: number;
  if (kind === 'agrisim') {
    const feed = createManualFeed(description);
    const srv = await startTelemetryServer({ feeds: [feed], maxConnections: 10_000, maxBroadcastHz: 1000, heartbeatMs: 600_000 });
    port = srv.port;
    tick = (i) => feed.push({ kind: 'telemetry', t: nowMs(), vehicles: vehicles(i), progress: progress(i) });
  } else {
    const http = createServer();
    const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
    const clients = new Set<WebSocket>();
    wss.on('connection', (ws) => {
      clients.add(ws);
      // A greeting, so a connection's "hello latency" compares with agrisim's (bench "reliability").
      ws.send('{"type":"hello"}');
      ws.on('close', () => clients.delete(ws));
      ws.on('error', () => {});
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    port = (http.address() as { port: number }).port;
    tick = (i) => {
      const s = JSON.stringify({ type: 'telemetry', sim: 'bench', t: nowMs(), vehicles: vehicles(i), progress: progress(i) });
      for (const c of clients) c.send(s);
    };
  }
  send({ ready: true, port });
  process.on('message', (m: { go?: boolean }) => {
    if (!m.go) return;
    let rssMax = process.memoryUsage().rss;
    const rssStartMB = rssMax / 2 ** 20;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let i = 0;
    /** Wall ms each tick took to hand its frame to every socket (the server's own share of the latency). */
    const sendMs: number[] = [];
    const step = () => {
      const s0 = performance.now();
      tick(i++);
      sendMs.push(performance.now() - s0);
      rssMax = Math.max(rssMax, process.memoryUsage().rss);
      if (i < ticks) setTimeout(step, Math.max(0, t0 + (i * 1000) / hz - performance.now()));
      else {
        // let the last frames leave before reading the CPU
        setTimeout(() => {
          const c = process.cpuUsage(cpu0);
          const sorted = sendMs.sort((a, b) => a - b);
          const sendP99Ms = sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))];
          send({
            done: true,
            cpuMs: (c.user + c.system) / 1000,
            wallMs: performance.now() - t0,
            rssMaxMB: rssMax / 2 ** 20,
            rssStartMB,
            sendP99Ms,
          });
        }, 300);
      }
    };
    step();
  });
}
void main();
